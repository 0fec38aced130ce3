namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Steps that many tests share: a debate with its console open and students in the lobby.</summary>
public sealed class Scenario : IAsyncDisposable
{
    private Scenario(DebateServer server, Teacher teacher, DebateDetail debate, RoomClient console, List<RoomClient> students)
    {
        Server = server;
        Teacher = teacher;
        Debate = debate;
        Console = console;
        Students = students;
    }

    public DebateServer Server { get; }

    public Teacher Teacher { get; }

    public DebateDetail Debate { get; }

    public RoomClient Console { get; }

    public List<RoomClient> Students { get; }

    /// <summary>A debate whose lobby is open, with students joined by name.</summary>
    public static async Task<Scenario> LobbyAsync(DebateServer server, DebatePlan? plan, params string[] names)
    {
        var teacher = await server.TeacherAsync();
        var debate = plan is null ? await teacher.CreateFromTemplateAsync() : await teacher.CreateAsync(plan);
        var console = await teacher.ConnectAsync();
        await console.AttachAsync(debate.Id);
        await console.ControlAsync("OpenLobby");
        var students = new List<RoomClient>();
        var joined = 0L;
        foreach (var name in names)
        {
            var student = await server.ConnectAsync();
            joined = (await student.JoinAsync(debate.JoinCode, name)).Snapshot.Version;
            students.Add(student);
        }

        // With coalescing on, changes after the first wait for the interval to pass on the fake clock. The roster can
        // be whole before the last join's own broadcast has gone (a connection's arrival is sent from the room's
        // memory, a join with its commit), and then that broadcast could land after the test's next step. Counts come
        // only with commits, so once they are at the last join's version nothing from the lobby is left to send.
        server.Time.Advance(server.BroadcastInterval);
        await console.WaitUntilAsync(
            v => v.Roster.Count == names.Length && v.CountsSeq >= joined,
            $"{names.Length} students in the roster and the counts of the last join");
        return new Scenario(server, teacher, debate, console, students);
    }

    /// <summary>A plan with one argument round of the given lengths.</summary>
    public static DebatePlan OneArgumentRound(int argue = 120, int vote = 60, DebateSettings? settings = null) => new()
    {
        Motion = "Models should be open.",
        Settings = settings ?? new DebateSettings(),
        Rounds =
        [
            new RoundPlan { Title = "Research", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = argue, VoteSeconds = vote },
        ],
    };

    public static Task WaitForPhaseAsync(RoomClient client, int round, Phase phase) =>
        client.WaitUntilAsync(v => v.Clock?.RoundIndex == round && v.Clock.Phase == phase, $"round {round} in {phase}");

    public async Task EveryoneSeesPhaseAsync(int round, Phase phase)
    {
        await WaitForPhaseAsync(Console, round, phase);
        foreach (var s in Students)
        {
            await WaitForPhaseAsync(s, round, phase);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in Students)
        {
            await s.DisposeAsync();
        }

        await Console.DisposeAsync();
        Teacher.Http.Dispose();
    }
}
