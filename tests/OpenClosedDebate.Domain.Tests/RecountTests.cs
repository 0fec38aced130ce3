namespace OpenClosedDebate.Domain.Tests;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

/// <summary>
/// A closed round's published result never changes, and recounts (the instructor's comparison and review)
/// count what it counted: moderation after the close changes no count; only erasing a student's data does.
/// </summary>
public sealed class RecountTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset Closed = T0.AddSeconds(390);

    [Theory]
    [InlineData(TallyMethod.Borda)]
    [InlineData(TallyMethod.InstantRunoff)]
    [InlineData(TallyMethod.Schulze)]
    public void AfterTheClose_ARecountUnderTheDebatesMethod_ReproducesThePublishedResult(TallyMethod method)
    {
        var setup = VotedAndClosed(method);
        var round = setup.Debate.Rounds[0];

        Assert.Equal(Json(round.Result!), Json(setup.Debate.RecountOf(round, method)));
        Assert.True(setup.Debate.NoteOn(round).IsEmpty);
    }

    [Fact]
    public void AStudentRemovedAfterTheClose_StillCountsInTheRecount_AndTheNoteSaysSo()
    {
        var setup = VotedAndClosed();
        var (debate, round) = (setup.Debate, setup.Debate.Rounds[0]);
        var published = Json(round.Result!);

        debate.Kick(setup.Dee, Closed.AddSeconds(5));

        Assert.Equal(published, Json(round.Result!));
        Assert.Equal(published, Json(debate.RecountOf(round, TallyMethod.Borda)));
        Assert.NotEqual(published, Json(debate.ResultOf(round)));
        Assert.Equal(new RecountNote(RemovedStudents: 1, 0, 0, 0, 0), debate.NoteOn(round));
    }

    [Fact]
    public void AStudentRemovedBeforeTheClose_DidNotCount_AndNeedsNoNote()
    {
        var setup = Setups.VotingOnArguments();
        setup.Debate.Vote(setup.Dee, T0.AddSeconds(310), setup.AnnArg.ItemId);
        setup.Debate.Kick(setup.Dee, T0.AddSeconds(320));
        setup.Debate.Tick(Closed);
        var round = setup.Debate.Rounds[0];

        Assert.Equal(0, round.Result!.BallotCount);
        Assert.Equal(0, setup.Debate.RecountOf(round, TallyMethod.Borda).BallotCount);
        Assert.True(setup.Debate.NoteOn(round).IsEmpty);
    }

    [Fact]
    public void AnArgumentHiddenAfterTheClose_StillCountsInTheRecount_AndTheNoteSaysSo()
    {
        var setup = VotedAndClosed();
        var (debate, round) = (setup.Debate, setup.Debate.Rounds[0]);
        var published = Json(round.Result!);

        debate.HideArgument(setup.BobArg.Id, "Off topic", Closed.AddSeconds(5));

        Assert.Contains(setup.BobArg.ItemId, debate.RecountOf(round, TallyMethod.Schulze).Ranking!.Items.Select(i => i.ItemId));
        Assert.Equal(published, Json(debate.RecountOf(round, TallyMethod.Borda)));
        Assert.Equal(new RecountNote(0, HiddenArguments: 1, 0, 0, 0), debate.NoteOn(round));
    }

    [Fact]
    public void AnArgumentRestoredAfterTheClose_IsStillNoCandidateInTheRecount_AndTheNoteSaysSo()
    {
        var setup = Setups.VotingOnArguments();
        var debate = setup.Debate;
        debate.HideArgument(setup.DeeArg.Id, "Off topic", T0.AddSeconds(305));
        Vote(setup);
        debate.Tick(Closed);
        var round = debate.Rounds[0];
        var published = Json(round.Result!);

        debate.RestoreArgument(setup.DeeArg.Id, Closed.AddSeconds(5));

        Assert.DoesNotContain(setup.DeeArg.ItemId, debate.RecountOf(round, TallyMethod.InstantRunoff).Ranking!.Items.Select(i => i.ItemId));
        Assert.Equal(published, Json(debate.RecountOf(round, TallyMethod.Borda)));
        Assert.Equal(new RecountNote(0, 0, RestoredArguments: 1, 0, 0), debate.NoteOn(round));
    }

    [Fact]
    public void AnArgumentHiddenAndRestoredAfterTheClose_NeedsNoNote()
    {
        var setup = VotedAndClosed();
        setup.Debate.HideArgument(setup.BobArg.Id, "Checking", Closed.AddSeconds(5));
        setup.Debate.RestoreArgument(setup.BobArg.Id, Closed.AddSeconds(6));
        setup.Debate.SetMuted(setup.Ann, true, Closed.AddSeconds(7));

        Assert.True(setup.Debate.NoteOn(setup.Debate.Rounds[0]).IsEmpty);
    }

    [Fact]
    public void AStudentErasedAfterTheClose_IsLeftOutOfTheRecount_WhileThePublishedResultStays()
    {
        var setup = VotedAndClosed();
        var (debate, round) = (setup.Debate, setup.Debate.Rounds[0]);
        var published = Json(round.Result!);

        debate.Erase(setup.Bob, Closed.AddSeconds(5));

        var recount = debate.RecountOf(round, TallyMethod.Borda);
        Assert.Equal(published, Json(round.Result!));
        Assert.Equal(round.Result!.BallotCount - 1, recount.BallotCount);
        Assert.Contains(setup.BobArg.ItemId, recount.Ranking!.Items.Select(i => i.ItemId));
        var note = debate.NoteOn(round);
        Assert.Equal(new RecountNote(0, 0, 0, WithdrawnArguments: 1, ErasedStudents: 1), note);
        Assert.True(note.Recounted);
    }

    [Fact]
    public void AfterReplay_ARecountAndItsNote_AreTheSame()
    {
        var (live, history, students, arguments) = Replayable();
        history.AddRange(live.Kick(students[3], Closed.AddSeconds(5)));
        history.AddRange(live.HideArgument(arguments[1], "Off topic", Closed.AddSeconds(6)));

        var replayed = Debate.Restore(live.Id, history);

        Assert.Equal(DebateAssert.Snapshot(live), DebateAssert.Snapshot(replayed));
        Assert.Equal(Json(live.RecountOf(live.Rounds[0], TallyMethod.Schulze)), Json(replayed.RecountOf(replayed.Rounds[0], TallyMethod.Schulze)));
        Assert.Equal(live.NoteOn(live.Rounds[0]), replayed.NoteOn(replayed.Rounds[0]));
        Assert.Equal(Json(replayed.Rounds[0].Result!), Json(replayed.RecountOf(replayed.Rounds[0], TallyMethod.Borda)));
    }

    [Fact]
    public void AStudentErasedAfterBothMotionVotes_IsLeftOutOfTheRecountedPersuasion_AndCountedOnceInItsNote()
    {
        var debate = new DebateBuilder().MotionVote().ArgumentRound().MotionVote(results: null).Lobby();
        var ids = Enumerable.Range(0, 6).Select(i => debate.JoinAs($"Student {i}")).ToArray();
        debate.Start(T0);
        string[] before = [MotionItems.For, MotionItems.For, MotionItems.For, MotionItems.Against, MotionItems.Undecided, MotionItems.Undecided];
        string[] after = [MotionItems.For, MotionItems.For, MotionItems.For, MotionItems.Against, MotionItems.For, MotionItems.Against];
        Cast(debate, ids, before);
        for (var i = 0; i < 5; i++)
        {
            debate.Skip(T0.AddSeconds(2));
        }

        Cast(debate, ids, after);
        debate.Skip(T0.AddSeconds(3));
        var published = debate.Rounds[2].Result!.Persuasion!;
        Assert.Equal(PersuasionVerdict.Draw, published.Verdict);

        debate.Erase(ids[5], T0.AddSeconds(4));

        var recounted = debate.RecountedPersuasion()!;
        Assert.Equal((new MotionTally(3, 1, 1), new MotionTally(4, 1, 0)), (recounted.Before, recounted.After));
        Assert.Equal(PersuasionVerdict.For, recounted.Verdict);
        Assert.Equal(PersuasionVerdict.Draw, debate.Rounds[2].Result!.Persuasion!.Verdict);
        Assert.Equal(1, debate.NoteOn(debate.Rounds[0], debate.Rounds[2]).ErasedStudents);
    }

    [Fact]
    public void ARoundStillVoting_CannotBeRecounted()
    {
        var setup = Setups.VotingOnArguments();

        Assert.Throws<InvalidOperationException>(() => setup.Debate.RecountOf(setup.Debate.Rounds[0], TallyMethod.Borda));
    }

    /// <summary><see cref="Setups.VotingOnArguments"/> with four ballots, closed at T0 + 390 s into untimed results.</summary>
    private static VotingRound VotedAndClosed(TallyMethod method = TallyMethod.Borda)
    {
        var setup = Setups.VotingOnArguments(method: method);
        Vote(setup);
        setup.Debate.Tick(Closed);
        Assert.NotNull(setup.Debate.Rounds[0].Result);
        return setup;
    }

    /// <summary>Dee's ballot is the one that decides: without it the closed side's arguments fall back.</summary>
    private static void Vote(VotingRound s)
    {
        var cy = s.CyArg.AuthorId;
        s.Debate.Vote(s.Ann, T0.AddSeconds(310), s.BobArg.ItemId, s.CyArg.ItemId);
        s.Debate.Vote(s.Bob, T0.AddSeconds(311), s.AnnArg.ItemId, s.CyArg.ItemId);
        s.Debate.Vote(cy, T0.AddSeconds(312), s.BobArg.ItemId, s.AnnArg.ItemId);
        s.Debate.Vote(s.Dee, T0.AddSeconds(313), s.BobArg.ItemId, s.AnnArg.ItemId, s.CyArg.ItemId);
    }

    /// <summary>A debate voted and closed like <see cref="VotedAndClosed"/>, keeping every event so it can be replayed.</summary>
    private static (Debate Live, List<DebateEvent> History, Guid[] Students, Guid[] Arguments) Replayable()
    {
        var plan = new DebateBuilder().WithSides(SideAssignmentMode.Alternating).ArgumentRound(argue: 300, vote: 90).ArgumentRound().Plan();
        var (live, created) = Debate.Create(Guid.NewGuid(), "ABC234", plan, 1, T0);
        var history = new List<DebateEvent>(created);
        history.AddRange(live.OpenLobby(T0));
        var students = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < students.Length; i++)
        {
            history.AddRange(live.Join(students[i], $"Student {i}", $"token-{i}", T0));
        }

        history.AddRange(live.Start(T0));
        var arguments = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 4; i++)
        {
            history.AddRange(live.PostArgument(students[i], $"arg-{i}", arguments[i], $"Argument {i}", null, T0.AddSeconds(10 + i)).Events);
        }

        history.AddRange(live.Tick(T0.AddSeconds(300)));
        int[][] ballots = [[1, 2], [0, 2], [1, 0], [1, 0, 2]];
        for (var i = 0; i < 4; i++)
        {
            history.AddRange(live.CastBallot(students[i], $"vote-{i}", 0, [.. ballots[i].Select(a => arguments[a].ToString())], T0.AddSeconds(310 + i)).Events);
        }

        history.AddRange(live.Tick(Closed));
        return (live, history, students, arguments);
    }

    private static void Cast(Debate debate, Guid[] students, string[] choices)
    {
        for (var i = 0; i < choices.Length; i++)
        {
            debate.Vote(students[i], T0.AddSeconds(1), choices[i]);
        }
    }

    private static string Json(RoundResult result) => JsonSerializer.Serialize(result);
}
