namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Bad input from the instructor's console: unknown ids, bad text and out-of-range or mistimed clock
/// controls. Each is refused with its code and a sentence, changes nothing, and the console still works.
/// </summary>
public sealed class HubBadControlTests
{
    [Theory]
    [InlineData("Kick")]
    [InlineData("SetMuted")]
    [InlineData("MoveStudent")]
    [InlineData("Rename")]
    [InlineData("HideArgument")]
    [InlineData("RestoreArgument")]
    public async Task An_instructor_naming_an_unknown_student_or_argument_is_refused_as_not_found(string method)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var unknown = Guid.NewGuid();
        object?[] args = method switch
        {
            "SetMuted" => [unknown, true],
            "MoveStudent" => [unknown, Side.Closed],
            "Rename" => [unknown, "Zed"],
            "HideArgument" => [unknown, "Off topic."],
            _ => [unknown],
        };

        await RefusedUnchanged.WithAsync(room.Console, "notFound", () => room.Console.ControlAsync(method, args));

        await room.Console.ControlAsync("Pause");
    }

    [Fact]
    public async Task Hiding_an_argument_without_a_reason_is_refused_as_invalid_text()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var argument = await room.Students[0].PostAsync("Something rude.");

        await RefusedUnchanged.WithAsync(room.Console, "invalidText", () => room.Console.ControlAsync("HideArgument", argument.Argument.Id, "  "));

        await room.Console.ControlAsync("HideArgument", argument.Argument.Id, "Rude.");
    }

    [Theory]
    [MemberData(nameof(HubBadInputTests.BadNames), MemberType = typeof(HubBadInputTests))]
    public async Task Renaming_a_student_to_an_empty_blank_or_too_long_name_is_refused(string name)
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Rude Name");
        var student = room.Students[0];

        await RefusedUnchanged.WithAsync(room.Console, "invalidName", () => room.Console.ControlAsync("Rename", student.ParticipantId, name));

        await room.Console.ControlAsync("Rename", student.ParticipantId, "Student 1");
    }

    [Theory]
    [InlineData("HideArgument")]
    [InlineData("Rename")]
    public async Task An_instructor_method_given_null_text_is_refused_as_invalid_request(string method)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var argument = await room.Students[0].PostAsync("Something rude.");
        var id = method == "Rename" ? room.Students[0].ParticipantId : argument.Argument.Id;

        await RefusedUnchanged.WithAsync(room.Console, "invalidRequest", () => room.Console.ControlAsync(method, id, null));

        await room.Console.ControlAsync(method, id, "Fine now");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(DebateLimits.MinExtensionSeconds - 1)]
    [InlineData(DebateLimits.MaxExtensionSeconds + 1)]
    [InlineData(100_000)]
    public async Task Extending_by_an_out_of_range_number_of_seconds_is_refused_as_invalid_duration(int seconds)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidDuration", () => room.Console.ControlAsync("Extend", seconds));

        Assert.Contains("Add between", sentence, StringComparison.Ordinal);
        var before = room.Console.Read(v => v.Clock!.Deadline!.Value);
        await room.Console.ControlAsync("Extend", 30);
        await room.Console.WaitUntilAsync(v => v.Clock!.Deadline == before.AddSeconds(30), "a deadline 30 seconds later");
    }

    [Fact]
    public async Task Pausing_a_paused_debate_is_refused_as_paused()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        await room.Console.ControlAsync("Pause");

        await RefusedUnchanged.WithAsync(room.Console, "paused", () => room.Console.ControlAsync("Pause"));

        await room.Console.ControlAsync("ResumeClock");
    }

    [Fact]
    public async Task Starting_a_started_debate_is_refused_as_wrong_status()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);

        await RefusedUnchanged.WithAsync(room.Console, "wrongStatus", () => room.Console.ControlAsync("Start"));

        await room.Console.ControlAsync("Pause");
    }
}
