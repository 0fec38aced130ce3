namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class PhaseClockTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void Start_ArgumentRound_OpensItsArguePhase()
    {
        var debate = new DebateBuilder().ArgumentRound(argue: 300).Lobby();

        var started = Assert.IsType<PhaseStarted>(Assert.Single(debate.Start(T0.AddSeconds(7))));

        Assert.Equal((0, Phase.Argue, T0.AddSeconds(307), PhaseChangeCause.Start), (started.RoundIndex, started.Phase, started.Deadline, started.Cause));
        Assert.Equal(DebateStatus.Running, debate.Status);
        Assert.Equal(T0.AddSeconds(7), debate.StartedAt);
        Assert.Equal((0, Phase.Argue, T0.AddSeconds(307)), (debate.RoundIndex, debate.CurrentPhase, debate.Deadline));
    }

    [Fact]
    public void Start_MotionVoteRound_OpensItsVotePhase()
    {
        var debate = new DebateBuilder().MotionVote(vote: 45).ArgumentRound().Lobby();

        debate.Start(T0);

        Assert.Equal((Phase.Vote, T0.AddSeconds(45)), (debate.CurrentPhase, debate.Deadline));
    }

    [Fact]
    public void Start_RankingRound_OpensItsVotePhase()
    {
        var debate = new DebateBuilder().RankingRound("Weights", "Data").Lobby();

        debate.Start(T0);

        Assert.Equal((Phase.Vote, T0.AddSeconds(60)), (debate.CurrentPhase, debate.Deadline));
    }

    [Fact]
    public void Start_InDraft_IsRefused()
    {
        var debate = new DebateBuilder().Draft();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Start(T0));
    }

    [Fact]
    public void Start_Twice_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Start(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Start(T0));
    }

    [Fact]
    public void Tick_AfterArgueDeadline_OpensVotePhase()
    {
        var debate = new DebateBuilder().ArgumentRound(argue: 300, vote: 90).Lobby();
        debate.Start(T0);

        var events = debate.Tick(T0.AddSeconds(300));

        var started = Assert.IsType<PhaseStarted>(Assert.Single(events));
        Assert.Equal(Phase.Vote, started.Phase);
        Assert.Equal(PhaseChangeCause.Deadline, started.Cause);
        Assert.Equal(T0.AddSeconds(390), started.Deadline);
        Assert.Equal(Phase.Vote, debate.CurrentPhase);
    }

    [Fact]
    public void Tick_BeforeDeadline_ChangesNothing()
    {
        var debate = new DebateBuilder().ArgumentRound(argue: 300).Lobby();
        debate.Start(T0);

        Assert.Empty(debate.Tick(T0.AddSeconds(299.999)));
        Assert.Equal(Phase.Argue, debate.CurrentPhase);
    }

    [Fact]
    public void Tick_AfterVoteDeadline_ClosesTheRoundAndShowsResults()
    {
        var debate = new DebateBuilder().ArgumentRound(argue: 300, vote: 90, results: 30).Lobby();
        debate.Start(T0);
        debate.Tick(T0.AddSeconds(300));

        var events = debate.Tick(T0.AddSeconds(390));

        Assert.Equal(0, Assert.IsType<RoundClosed>(events[0]).RoundIndex);
        var results = Assert.IsType<PhaseStarted>(events[1]);
        Assert.Equal((Phase.Results, T0.AddSeconds(420)), (results.Phase, results.Deadline));
        Assert.NotNull(debate.Rounds[0].Result);
    }

    [Fact]
    public void Tick_AfterResultsDeadline_OpensTheNextRound()
    {
        var debate = new DebateBuilder().MotionVote(vote: 60, results: 20).ArgumentRound(argue: 300).Lobby();
        debate.Start(T0);
        debate.Tick(T0.AddSeconds(60));

        var started = Assert.IsType<PhaseStarted>(Assert.Single(debate.Tick(T0.AddSeconds(80))));

        Assert.Equal((1, Phase.Argue, T0.AddSeconds(380)), (started.RoundIndex, started.Phase, started.Deadline));
    }

    [Fact]
    public void Tick_AfterLastResultsDeadline_FinishesTheDebate()
    {
        var debate = new DebateBuilder().MotionVote(vote: 60, results: 20).Lobby();
        debate.Start(T0);
        debate.Tick(T0.AddSeconds(60));

        var finished = Assert.IsType<DebateFinished>(Assert.Single(debate.Tick(T0.AddSeconds(80))));

        Assert.Equal(FinishCause.LastRound, finished.Cause);
        Assert.Equal(DebateStatus.Finished, debate.Status);
        Assert.Equal(T0.AddSeconds(80), debate.FinishedAt);
        Assert.Equal((null, null), (debate.CurrentPhase, debate.Deadline));
    }

    [Fact]
    public void Tick_ThroughTheWholeDebate_VisitsEveryPhaseInOrder()
    {
        var debate = new DebateBuilder().MotionVote(vote: 60, results: 10).ArgumentRound(argue: 300, vote: 90, results: 10).Lobby();
        debate.Start(T0);
        var seen = new List<(int?, Phase?)> { (debate.RoundIndex, debate.CurrentPhase) };

        while (debate.Deadline is { } deadline)
        {
            debate.Tick(deadline);
            seen.Add((debate.RoundIndex, debate.CurrentPhase));
        }

        Assert.Equal([(0, Phase.Vote), (0, Phase.Results), (1, Phase.Argue), (1, Phase.Vote), (1, Phase.Results), (1, null)], seen);
        Assert.Equal(DebateStatus.Finished, debate.Status);
        Assert.Equal(T0.AddSeconds(60 + 10 + 300 + 90 + 10), debate.FinishedAt);
    }

    [Fact]
    public void Tick_UntimedResults_HoldUntilSkip()
    {
        var debate = new DebateBuilder().MotionVote(vote: 60, results: null).ArgumentRound().Lobby();
        debate.Start(T0);
        debate.Tick(T0.AddSeconds(60));

        Assert.Null(debate.Deadline);
        Assert.Empty(debate.Tick(T0.AddDays(1)));
        Assert.Equal(Phase.Results, debate.CurrentPhase);

        debate.Skip(T0.AddDays(1));

        Assert.Equal((1, Phase.Argue), (debate.RoundIndex, debate.CurrentPhase));
    }

    [Fact]
    public void Tick_LongAfterDeadline_EndsOnlyTheRunningPhaseAndGivesTheNextItsFullLength()
    {
        var debate = new DebateBuilder().ArgumentRound(argue: 300, vote: 90, results: 30).Lobby();
        debate.Start(T0);
        var outageOver = T0.AddHours(3);

        var started = Assert.IsType<PhaseStarted>(Assert.Single(debate.Tick(outageOver)));

        Assert.Equal((Phase.Vote, outageOver.AddSeconds(90)), (started.Phase, started.Deadline));
        Assert.Equal(outageOver, started.At);
    }

    [Fact]
    public void Tick_InLobby_ChangesNothing()
    {
        var debate = new DebateBuilder().Lobby();

        Assert.Empty(debate.Tick(T0.AddDays(1)));
        Assert.Equal(DebateStatus.Lobby, debate.Status);
    }

    [Fact]
    public void Skip_InArguePhase_OpensTheVoteWithItsFullLength()
    {
        var debate = Setups.Arguing().Debate;

        var started = Assert.IsType<PhaseStarted>(Assert.Single(debate.Skip(T0.AddSeconds(50))));

        Assert.Equal((Phase.Vote, T0.AddSeconds(140), PhaseChangeCause.Skip), (started.Phase, started.Deadline, started.Cause));
    }

    [Fact]
    public void Skip_InVotePhase_ClosesTheRoundAndShowsResults()
    {
        var debate = Setups.Arguing().Debate;
        debate.Skip(T0.AddSeconds(50));

        var events = debate.Skip(T0.AddSeconds(60));

        Assert.IsType<RoundClosed>(events[0]);
        Assert.Equal(Phase.Results, Assert.IsType<PhaseStarted>(events[1]).Phase);
    }

    [Fact]
    public void Skip_InResultsPhase_OpensTheNextRound()
    {
        var debate = Setups.InUntimedResults();

        var started = Assert.IsType<PhaseStarted>(Assert.Single(debate.Skip(T0.AddSeconds(500))));

        Assert.Equal((1, Phase.Argue, T0.AddSeconds(800)), (started.RoundIndex, started.Phase, started.Deadline));
    }

    [Fact]
    public void Skip_InLastResultsPhase_FinishesTheDebate()
    {
        var debate = new DebateBuilder().MotionVote().Lobby();
        debate.Start(T0);
        debate.Skip(T0.AddSeconds(1));

        Assert.Equal(FinishCause.LastRound, Assert.IsType<DebateFinished>(Assert.Single(debate.Skip(T0.AddSeconds(2)))).Cause);
        Assert.Equal(DebateStatus.Finished, debate.Status);
    }

    [Fact]
    public void End_DuringVote_ClosesAndCountsTheRoundFirst()
    {
        var debate = new DebateBuilder().MotionVote().ArgumentRound().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.Vote(ann, T0.AddSeconds(5), MotionItems.For);

        var events = debate.End(T0.AddSeconds(10));

        Assert.Equal(2, events.Count);
        Assert.Equal(1, Assert.IsType<RoundClosed>(events[0]).Result.Motion!.For);
        Assert.Equal(FinishCause.Ended, Assert.IsType<DebateFinished>(events[1]).Cause);
        Assert.NotNull(debate.Rounds[0].Result);
    }

    [Fact]
    public void End_DuringArgue_FinishesWithoutCountingTheRound()
    {
        var debate = Setups.Arguing().Debate;

        Assert.IsType<DebateFinished>(Assert.Single(debate.End(T0.AddSeconds(10))));
        Assert.Null(debate.Rounds[0].Result);
        Assert.Equal((DebateStatus.Finished, null, null), (debate.Status, debate.CurrentPhase, debate.Deadline));
    }

    [Fact]
    public void End_FromLobby_FinishesTheDebate()
    {
        var debate = new DebateBuilder().Lobby();

        Assert.Equal(FinishCause.Ended, Assert.IsType<DebateFinished>(Assert.Single(debate.End(T0.AddSeconds(5)))).Cause);
        Assert.Equal((DebateStatus.Finished, T0.AddSeconds(5)), (debate.Status, debate.FinishedAt));
    }

    [Fact]
    public void End_InDraft_IsRefused()
    {
        var debate = new DebateBuilder().Draft();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.End(T0));
    }

    [Fact]
    public void End_Twice_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.End(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.End(T0));
    }
}
