namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Bad input from students: each is refused with its code and a sentence, changes nothing, and leaves
/// the connection usable. Ballots are in <see cref="HubBadBallotTests"/>, the instructor's controls in
/// <see cref="HubBadControlTests"/>.
/// </summary>
public sealed class HubBadInputTests
{
    public static TheoryData<string> BadNames { get; } = ["", " \t\n ", new string('n', DebateLimits.DisplayNameMaxLength + 1)];

    // TheoryData does not take a null without the ! even for string?.
    public static TheoryData<string?> BadRequestIds { get; } = [null!, "   ", new string('r', 100)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("\n\t \u0007")]
    public async Task An_empty_argument_is_refused_as_invalid_text(string text)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var ada = room.Students[0];

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidText", () => ada.PostAsync(text));

        Assert.Contains("can't be empty", sentence, StringComparison.Ordinal);
        await ada.PostAsync("Open weights let anyone audit the model.");
    }

    [Fact]
    public async Task An_argument_one_character_over_the_limit_is_refused_and_one_at_the_limit_is_accepted()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var ada = room.Students[0];

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidText", () => ada.PostAsync(new string('a', DebateLimits.ArgumentMaxLength + 1)));

        Assert.Contains($"the limit is {DebateLimits.ArgumentMaxLength}", sentence, StringComparison.Ordinal);
        var ack = await ada.PostAsync(new string('a', DebateLimits.ArgumentMaxLength));
        Assert.Equal(DebateLimits.ArgumentMaxLength, ack.Argument.Text.Length);
    }

    [Fact]
    public async Task A_message_over_the_hub_size_limit_drops_only_that_connection_and_the_student_can_resume()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);

        // Far past the argument limit and the hub's 64 KB message limit: SignalR closes the connection
        // before any rule can answer, so there is no code to assert, only that nothing else is harmed.
        // The failed call can surface before the client has finished closing, so wait for the close itself.
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ada.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await RefusedUnchanged.ThrowsAsync<HubException>(room.Console, () => ada.PostAsync(new string('a', 70_000)));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Disconnected, ada.Connection.State);
        await ben.PostAsync("Still arguing next to the broken connection.");
        await using var again = await server.ConnectAsync();
        await again.ResumeAsync(ada.DebateId, ada.Token);
        await again.PostAsync("Back after the dropped connection.");
    }

    [Fact]
    public async Task An_eleventh_argument_in_one_round_is_refused_as_too_many()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        for (var i = 1; i <= DebateLimits.ArgumentsPerRoundPerStudent; i++)
        {
            await ada.PostAsync($"Point number {i}.");
        }

        await RefusedUnchanged.WithAsync(room.Console, "tooManyArguments", () => ada.PostAsync("One point too many."));

        var benArgument = await ben.PostAsync("Closed labs can afford red teams.");
        await RunningDebate.SkipToVoteAsync(room);
        await ada.VoteAsync(0, benArgument.Argument.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_display_name_that_is_empty_blank_or_too_long_is_refused(string name)
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await using var student = await server.ConnectAsync();

        await RefusedUnchanged.WithAsync(room.Console, "invalidName", () => student.JoinAsync(room.Debate.JoinCode, name));

        await student.JoinAsync(room.Debate.JoinCode, new string('n', DebateLimits.DisplayNameMaxLength));
    }

    [Fact]
    public async Task A_name_already_in_the_room_is_refused_whatever_its_case()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await using var student = await server.ConnectAsync();

        await RefusedUnchanged.WithAsync(room.Console, "nameTaken", () => student.JoinAsync(room.Debate.JoinCode, " ADA "));

        await student.JoinAsync(room.Debate.JoinCode, "Ada B.");
    }

    [Fact]
    public async Task An_unknown_join_code_is_refused_as_not_found()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await using var student = await server.ConnectAsync();
        var unknown = room.Debate.JoinCode == "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "notFound", () => student.JoinAsync(unknown, "Ada"));

        Assert.Contains(unknown, sentence, StringComparison.Ordinal);
        await student.JoinAsync(room.Debate.JoinCode, "Ada");
    }

    [Theory]
    [InlineData("ABCDEFG")]
    [InlineData("OOO-III")]
    [InlineData("ABCDEFGHJKLMNPQRSTUVWXYZ23456789ABCD")]
    public async Task A_malformed_join_code_is_refused_with_a_sentence_about_the_format(string code)
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await using var student = await server.ConnectAsync();

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "notFound", () => student.JoinAsync(code, "Ada"));

        Assert.Contains("6 letters and digits", sentence, StringComparison.Ordinal);
        var typed = $"{room.Debate.JoinCode[..3]}-{room.Debate.JoinCode[3..]}".ToLowerInvariant();
        await student.JoinAsync(typed, "Ada");
    }

    [Fact]
    public async Task A_rebuttal_of_an_unknown_argument_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var target = await ben.PostAsync("Closed models can be patched centrally.");

        await RefusedUnchanged.WithAsync(room.Console, "invalidRebuttal", () => ada.PostAsync("You're wrong.", replyTo: Guid.NewGuid()));

        var rebuttal = await ada.PostAsync("Patches reach open models just as fast.", replyTo: target.Argument.Id);
        Assert.Equal(target.Argument.Id, rebuttal.Argument.ReplyToId);
    }

    [Fact]
    public async Task Posting_during_the_vote_is_refused_as_wrong_phase()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var benArgument = await ben.PostAsync("Closed labs answer to regulators.");
        await RunningDebate.SkipToVoteAsync(room);

        await RefusedUnchanged.WithAsync(room.Console, "wrongPhase", () => ada.PostAsync("Just one more point."));

        await ada.VoteAsync(0, benArgument.Argument.Id.ToString());
    }

    [Fact]
    public async Task A_muted_student_cannot_post_but_can_still_vote()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("SetMuted", ada.ParticipantId, true);
        await ada.WaitUntilAsync(v => v.You!.Muted, "Ada sees she is muted");

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "muted", () => ada.PostAsync("Let me speak!"));

        Assert.Contains("You can still vote", sentence, StringComparison.Ordinal);
        var benArgument = await ben.PostAsync("Closed labs answer to regulators.");
        await RunningDebate.SkipToVoteAsync(room);
        await ada.VoteAsync(0, benArgument.Argument.Id.ToString());
    }

    [Theory]
    [InlineData("PostArgument")]
    [InlineData("SubmitBallot")]
    [InlineData("Leave")]
    public async Task A_kicked_student_is_refused_as_kicked_whatever_they_try(string method)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var benArgument = await ben.PostAsync("Closed labs answer to regulators.");
        await room.Console.ControlAsync("Kick", ada.ParticipantId);
        await ada.WaitUntilAsync(v => v.RemovedMessage is not null, "Ada's removal notice");
        object?[] args = method switch
        {
            "PostArgument" => [new PostArgumentRequest("post-1", "I'm still here.", null)],
            "SubmitBallot" => [new BallotRequest("ballot-1", 0, [benArgument.Argument.Id.ToString()])],
            _ => [],
        };

        await RefusedUnchanged.WithAsync(room.Console, "kicked", () => ada.Connection.InvokeCoreAsync(method, args, Ct));

        // Nor can the removed student watch the room on the projector view instead.
        await RefusedUnchanged.WithAsync(room.Console, "kicked", () => ada.WatchAsync(room.Debate.JoinCode));
    }

    [Fact]
    public async Task Joining_a_locked_room_is_refused_until_the_instructor_unlocks_it()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await room.Console.ControlAsync("SetLocked", true);
        await using var late = await server.ConnectAsync();

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "roomLocked", () => late.JoinAsync(room.Debate.JoinCode, "Ben"));

        Assert.Contains("locked", sentence, StringComparison.Ordinal);
        await room.Console.ControlAsync("SetLocked", false);
        await late.JoinAsync(room.Debate.JoinCode, "Ben");
    }

    [Theory]
    [InlineData("Join")]
    [InlineData("Resume")]
    [InlineData("Watch")]
    [InlineData("PostArgument")]
    [InlineData("SubmitBallot")]
    public async Task A_null_request_is_refused_as_invalid_request(string method)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var ada = room.Students[0];

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidRequest", () => ada.Connection.InvokeCoreAsync(method, [null], Ct));

        Assert.Contains(method, sentence, StringComparison.Ordinal);
        await ada.PostAsync("Still here after a broken request.");
    }

    [Theory]
    [MemberData(nameof(BadRequestIds))]
    public async Task An_argument_without_a_usable_request_id_is_refused_as_invalid_request(string? requestId)
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var ada = room.Students[0];

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidRequest", () => ada.Connection.InvokeAsync<ArgumentAck>("PostArgument", new PostArgumentRequest(requestId, "A fine argument.", null), Ct));

        Assert.Contains($"1 to {DebateLimits.RequestIdMaxLength} characters", sentence, StringComparison.Ordinal);
        await ada.PostAsync("A fine argument.", requestId: new string('r', DebateLimits.RequestIdMaxLength));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it, which no secret has")]
    [InlineData("ünïcödé-is-not-base64url-at-all")]
    public async Task A_join_with_a_secret_that_is_too_short_or_not_base64url_is_refused_as_invalid_request(string secret)
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await using var student = await server.ConnectAsync();

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidRequest", () => student.JoinAsync(room.Debate.JoinCode, "Ada", secret));
        Assert.Contains("128 random bits", sentence, StringComparison.Ordinal);

        await student.JoinAsync(room.Debate.JoinCode, "Ada", new string('s', 128));
    }
}
