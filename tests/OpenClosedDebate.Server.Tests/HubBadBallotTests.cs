namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Malformed and mistimed ballots: refused with a code and a sentence, nothing counted, and the student can still vote.</summary>
public sealed class HubBadBallotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ballot_ranking_an_unknown_argument_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(0, Guid.NewGuid().ToString()));

        Assert.Contains("doesn't exist", sentence, StringComparison.Ordinal);
        await ada.VoteAsync(0, ben.ToString());
    }

    [Fact]
    public async Task A_ballot_spelling_an_argument_id_another_way_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(0, ben.ToString("B").ToUpperInvariant()));

        await ada.VoteAsync(0, ben.ToString());
    }

    [Fact]
    public async Task A_ballot_ranking_the_same_argument_twice_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(0, ben.ToString(), ben.ToString()));

        Assert.Contains("only once", sentence, StringComparison.Ordinal);
        await ada.VoteAsync(0, ben.ToString());
    }

    [Fact]
    public async Task A_ballot_ranking_more_items_than_allowed_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server, names: ["Ada", "Ben", "Cy"]);
        var ada = room.Students[0];
        var others = new List<string>();
        foreach (var student in room.Students.Skip(1))
        {
            others.Add((await student.PostAsync($"First point from {student.ParticipantId}.")).Argument.Id.ToString());
            others.Add((await student.PostAsync($"Second point from {student.ParticipantId}.")).Argument.Id.ToString());
        }

        await RunningDebate.SkipToVoteAsync(room);
        var max = new DebateSettings().MaxRankedItems;

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(0, [.. others.Take(max + 1)]));

        Assert.Contains($"at most {max}", sentence, StringComparison.Ordinal);
        await ada.VoteAsync(0, [.. others.Take(max)]);
    }

    [Fact]
    public async Task A_ballot_ranking_the_students_own_argument_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var own = await ada.PostAsync("My own brilliant point.");
        var benArgument = await ben.PostAsync("Closed labs answer to regulators.");
        await RunningDebate.SkipToVoteAsync(room);

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(0, own.Argument.Id.ToString()));

        Assert.Contains("your own argument", sentence, StringComparison.Ordinal);
        await ada.VoteAsync(0, benArgument.Argument.Id.ToString());
    }

    [Fact]
    public async Task A_ballot_ranking_an_argument_from_another_round_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server, TwoArgumentRounds());
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var earlier = await ben.PostAsync("Round one: closed labs answer to regulators.");
        await RunningDebate.SkipToVoteAsync(room);
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(1, Phase.Argue);
        var current = await ben.PostAsync("Round two: closed labs can recall a model.");
        await RunningDebate.SkipToVoteAsync(room);

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(1, earlier.Argument.Id.ToString()));

        Assert.Contains("another round", sentence, StringComparison.Ordinal);
        await ada.VoteAsync(1, current.Argument.Id.ToString());
    }

    [Fact]
    public async Task An_empty_ballot_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.VoteAsync(0));

        Assert.Contains("at least one", sentence, StringComparison.Ordinal);
        await ada.VoteAsync(0, ben.ToString());
    }

    [Fact]
    public async Task A_ballot_without_a_ranking_is_refused()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        await RefusedUnchanged.WithAsync(room.Console, "invalidBallot", () => ada.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest("ballot-1", 0, null), Ct));

        await ada.VoteAsync(0, ben.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public async Task A_ballot_for_a_round_the_debate_does_not_have_is_refused_as_not_found(int roundIndex)
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        await RefusedUnchanged.WithAsync(room.Console, "notFound", () => ada.VoteAsync(roundIndex, ben.ToString()));

        await ada.VoteAsync(0, ben.ToString());
    }

    [Fact]
    public async Task A_ballot_for_an_earlier_round_is_refused_as_wrong_phase()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server, TwoArgumentRounds());
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var earlier = await ben.PostAsync("Round one: closed labs answer to regulators.");
        await RunningDebate.SkipToVoteAsync(room);
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(1, Phase.Argue);
        var current = await ben.PostAsync("Round two: closed labs can recall a model.");
        await RunningDebate.SkipToVoteAsync(room);

        await RefusedUnchanged.WithAsync(room.Console, "wrongPhase", () => ada.VoteAsync(0, earlier.Argument.Id.ToString()));

        await ada.VoteAsync(1, current.Argument.Id.ToString());
    }

    [Fact]
    public async Task A_ballot_during_the_argue_phase_is_refused_as_wrong_phase()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var benArgument = await ben.PostAsync("Closed labs answer to regulators.");

        var sentence = await RefusedUnchanged.WithAsync(room.Console, "wrongPhase", () => ada.VoteAsync(0, benArgument.Argument.Id.ToString()));

        Assert.Contains("Voting isn't open", sentence, StringComparison.Ordinal);
        await ada.PostAsync("Open weights let anyone audit the model.");
    }

    [Fact]
    public async Task A_ballot_judged_after_the_deadline_by_the_server_clock_is_refused_before_the_timer_closes_the_vote()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));
        var deadline = room.Console.Read(v => v.Clock!.Deadline!.Value);

        // AdjustTime moves the server's clock past the deadline without firing the room's timer: the moment
        // between a deadline and the tick that closes the vote, when only the clock can refuse the ballot.
        server.Time.AdjustTime(deadline.AddMilliseconds(1));
        var sentence = await RefusedUnchanged.WithAsync(room.Console, "deadlinePassed", () => ada.VoteAsync(0, ben.ToString()));

        Assert.Contains("Time ran out", sentence, StringComparison.Ordinal);
        var snapshot = await ada.ResumeAsync(ada.DebateId, ada.Token);
        Assert.Empty(snapshot.Ballots!);
    }

    [Fact]
    public async Task A_ballot_after_the_deadline_closed_the_vote_is_refused_as_wrong_phase()
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        // Advancing the fake clock fires the room's timer at the deadline, so the vote closes before any
        // later ballot reaches the room: the refusal is "wrongPhase" (voting isn't open), not "deadlinePassed".
        server.Time.Advance(TimeSpan.FromSeconds(60));
        await room.EveryoneSeesPhaseAsync(0, Phase.Results);
        await RefusedUnchanged.WithAsync(room.Console, "wrongPhase", () => ada.VoteAsync(0, ben.ToString()));

        var snapshot = await ada.ResumeAsync(ada.DebateId, ada.Token);
        Assert.Empty(snapshot.Ballots!);
        Assert.Equal(0, Assert.Single(snapshot.Results).BallotCount);
    }

    [Theory]
    [MemberData(nameof(HubBadInputTests.BadRequestIds), MemberType = typeof(HubBadInputTests))]
    public async Task A_ballot_without_a_usable_request_id_is_refused_as_invalid_request(string? requestId)
    {
        await using var server = new DebateServer();
        await using var room = await VotingAsync(server);
        var (ada, ben) = (room.Students[0], BensArgument(room));

        await RefusedUnchanged.WithAsync(room.Console, "invalidRequest", () => ada.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest(requestId, 0, [ben.ToString()]), Ct));

        var ack = await ada.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest(new string('r', 64), 0, [ben.ToString()]), Ct);
        Assert.Equal(1, ack.Ballot.Revision);
    }

    /// <summary>Ada and Ben in the first vote, with one argument to rank: Ben's.</summary>
    private static async Task<Scenario> VotingAsync(DebateServer server)
    {
        var room = await RunningDebate.ArguingAsync(server);
        var argument = await room.Students[1].PostAsync("Closed labs answer to regulators.");
        await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(argument.Argument.Id), "Ben's argument");
        await RunningDebate.SkipToVoteAsync(room);
        return room;
    }

    private static Guid BensArgument(Scenario room) => room.Console.Read(v => v.Arguments.Keys.Single());

    private static DebatePlan TwoArgumentRounds() => Scenario.OneArgumentRound() with
    {
        Rounds =
        [
            new RoundPlan { Title = "Research", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = 120, VoteSeconds = 60 },
            new RoundPlan { Title = "Risks", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = 120, VoteSeconds = 60 },
        ],
    };
}
