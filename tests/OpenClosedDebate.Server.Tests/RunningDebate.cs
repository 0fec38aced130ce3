namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Debates under way. The static steps start one for a test; an instance is a class fixture for tests
/// that only try moves the server must refuse: Ada and Ben arguing with Ben's argument posted, a
/// stranger's connection, and another instructor's console. Every such test asserts the debate is
/// unchanged after its refusal, so sharing the debate cannot hide a change.
/// </summary>
public sealed class RunningDebate : IAsyncLifetime
{
    private Teacher? _otherTeacher;

    public DebateServer Server { get; } = new();

    public Scenario Room { get; private set; } = null!;

    /// <summary>Ben's argument, a real argument id.</summary>
    public Guid ArgumentId { get; private set; }

    /// <summary>A connection that never joined and is not signed in.</summary>
    public RoomClient Stranger { get; private set; } = null!;

    /// <summary>The console of a second, signed-in instructor who doesn't own the debate.</summary>
    public RoomClient OtherInstructor { get; private set; } = null!;

    /// <summary>A debate under way in its first argue phase, with Ada and Ben on opposite sides and one argument, Ben's.</summary>
    public static async Task<Scenario> StartAsync(DebateServer server)
    {
        var room = await ArguingAsync(server);
        var argument = await room.Students[1].PostAsync("Closed labs can recall a model.");
        await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(argument.Argument.Id), "Ben's argument");
        return room;
    }

    /// <summary>A running debate in its first argue phase, with Ada and Ben on opposite sides.</summary>
    public static async Task<Scenario> ArguingAsync(DebateServer server, DebatePlan? plan = null, params string[] names)
    {
        var room = await Scenario.LobbyAsync(server, plan ?? Scenario.OneArgumentRound(), names.Length > 0 ? names : ["Ada", "Ben"]);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        return room;
    }

    /// <summary>The instructor moves the current argument round on to its vote.</summary>
    public static async Task SkipToVoteAsync(Scenario room)
    {
        var round = room.Console.Read(v => v.Clock!.RoundIndex!.Value);
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(round, Phase.Vote);
    }

    public async ValueTask InitializeAsync()
    {
        Room = await StartAsync(Server);
        ArgumentId = Room.Console.Read(v => v.Arguments.Keys.Single());
        Stranger = await Server.ConnectAsync();
        _otherTeacher = await Server.TeacherAsync("other@example.edu");
        OtherInstructor = await _otherTeacher.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await OtherInstructor.DisposeAsync();
        await Stranger.DisposeAsync();
        _otherTeacher?.Http.Dispose();
        await Room.DisposeAsync();
        await Server.DisposeAsync();
    }
}
