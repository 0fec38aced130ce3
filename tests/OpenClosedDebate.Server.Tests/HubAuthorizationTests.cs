namespace OpenClosedDebate.Server.Tests;

using System.Reflection;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Hubs;

public sealed class HubAuthorizationTests(RunningDebate debate) : IClassFixture<RunningDebate>
{
    /// <summary>Every hub method that requires the instructor, found by reflection so a new one is covered without editing this file.</summary>
    public static TheoryData<string> InstructorMethods { get; } = new(InstructorOnly().Select(m => m.Name));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Reflection_finds_the_instructor_methods_and_no_student_method()
    {
        var names = InstructorOnly().Select(m => m.Name).ToList();

        Assert.Contains("Attach", names);
        Assert.Contains("Start", names);
        Assert.Contains("Kick", names);
        Assert.DoesNotContain("Join", names);
        Assert.DoesNotContain("PostArgument", names);
        Assert.DoesNotContain("Watch", names);
    }

    [Theory]
    [MemberData(nameof(InstructorMethods))]
    public async Task A_joined_student_calling_an_instructor_method_is_refused_as_unauthorized(string method)
    {
        var ada = debate.Room.Students[0];

        await RefusedUnchanged.AsUnauthorizedAsync(debate.Room.Console, method, () => ada.Connection.InvokeCoreAsync(method, ArgumentsFor(method, debate), Ct));
    }

    [Theory]
    [MemberData(nameof(InstructorMethods))]
    public async Task An_anonymous_connection_calling_an_instructor_method_is_refused_as_unauthorized(string method) =>
        await RefusedUnchanged.AsUnauthorizedAsync(debate.Room.Console, method, () => debate.Stranger.Connection.InvokeCoreAsync(method, ArgumentsFor(method, debate), Ct));

    [Theory]
    [MemberData(nameof(InstructorMethods))]
    public async Task Another_instructor_calling_an_instructor_method_on_someone_elses_debate_gets_not_found(string method) =>
        await RefusedUnchanged.WithAsync(debate.Room.Console, "notFound", () => debate.OtherInstructor.Connection.InvokeCoreAsync(method, ArgumentsFor(method, debate), Ct));

    [Theory]
    [InlineData("PostArgument")]
    [InlineData("SubmitBallot")]
    [InlineData("Leave")]
    public async Task A_student_method_on_a_connection_that_never_joined_is_refused_with_join_first(string method)
    {
        object?[] args = method switch
        {
            "PostArgument" => [new PostArgumentRequest("post-1", "I never joined.", null)],
            "SubmitBallot" => [new BallotRequest("ballot-1", 0, [debate.ArgumentId.ToString()])],
            _ => [],
        };

        var sentence = await RefusedUnchanged.WithAsync(debate.Room.Console, "invalidToken", () => debate.Stranger.Connection.InvokeCoreAsync(method, args, Ct));

        Assert.Contains("Join the debate first", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_projector_watching_a_debate_cannot_post_in_it()
    {
        await using var projector = await debate.Server.ConnectAsync();
        await projector.WatchAsync(debate.Room.Debate.JoinCode);

        await RefusedUnchanged.WithAsync(debate.Room.Console, "invalidToken", () => projector.PostAsync("Posted from the big screen."));
    }

    [Fact]
    public async Task A_token_from_one_debate_does_not_resume_into_another()
    {
        var ada = debate.Room.Students[0];
        var other = await debate.Room.Teacher.CreateAsync(Scenario.OneArgumentRound());
        await using var otherConsole = await debate.Room.Teacher.ConnectAsync();
        await otherConsole.AttachAsync(other.Id);
        await otherConsole.ControlAsync("OpenLobby");

        await RefusedUnchanged.WithAsync(otherConsole, "invalidToken", () => ada.Connection.InvokeAsync<RoomSnapshot>("Resume", new ResumeRequest(other.Id, ada.Token), Ct));

        Assert.Empty((await otherConsole.AttachAsync(other.Id)).Roster!);
    }

    [Fact]
    public async Task A_student_refused_entry_to_another_debate_still_posts_only_in_their_own()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.StartAsync(server);
        var ada = room.Students[0];
        var other = await room.Teacher.CreateAsync(Scenario.OneArgumentRound());
        await using var otherConsole = await room.Teacher.ConnectAsync();
        await otherConsole.AttachAsync(other.Id);
        await otherConsole.ControlAsync("OpenLobby");
        await Refused.WithAsync("invalidToken", () => ada.Connection.InvokeAsync<RoomSnapshot>("Resume", new ResumeRequest(other.Id, ada.Token), Ct));

        var ack = await ada.PostAsync("Still arguing where I joined.");

        await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(ack.Argument.Id), "the argument in Ada's own debate");
        Assert.Empty((await otherConsole.AttachAsync(other.Id)).Arguments);
    }

    private static IEnumerable<MethodInfo> InstructorOnly() =>
        typeof(DebateHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<InstructorOnlyAttribute>() is not null)
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>Real values for each parameter, chosen by type (and, for ids, by name), so only authorization can refuse the call.</summary>
    private static object?[] ArgumentsFor(string method, RunningDebate debate) =>
        typeof(DebateHub).GetMethod(method)!.GetParameters().Select(p => ValueFor(p, debate)).ToArray();

    private static object ValueFor(ParameterInfo p, RunningDebate debate) => p.ParameterType switch
    {
        var t when t == typeof(Guid) && p.Name == "debateId" => debate.Room.Debate.Id,
        var t when t == typeof(Guid) && p.Name!.Contains("argument", StringComparison.OrdinalIgnoreCase) => debate.ArgumentId,
        var t when t == typeof(Guid) => debate.Room.Students[1].ParticipantId,
        var t when t == typeof(int) => 30,
        var t when t == typeof(bool) => true,
        var t when t == typeof(string) => "reason",
        var t when t == typeof(Side) => Side.Open,
        var t when t == typeof(Moderation) => Moderation.BeforeProjector,
        var t => throw new NotSupportedException($"Teach {nameof(HubAuthorizationTests)} a value for {t.Name} {p.Name}."),
    };
}
