namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>Results the class sees at once, or when the instructor reveals them.</summary>
public sealed class RevealTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    /// <summary>Two motion votes (60 s each, untimed results), revealed by click, with Ann in the class and round 0 voting from T0.</summary>
    private static (Debate Debate, Guid Ann) Voting(ResultReveal reveal = ResultReveal.OnClick)
    {
        var debate = new DebateBuilder().WithSettings(new DebateSettings { RevealResults = reveal }).MotionVote().MotionVote().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.Vote(ann, T0.AddSeconds(5), "for");
        return (debate, ann);
    }

    [Fact]
    public void CloseVote_AtOnce_ShowsTheResultStraightAway()
    {
        var (debate, _) = Voting(ResultReveal.AtOnce);

        debate.Skip(T0.AddSeconds(10));

        Assert.True(debate.Rounds[0].ResultsRevealed);
        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.RevealResults(T0.AddSeconds(11)));
    }

    [Fact]
    public void CloseVote_OnClick_CountsTheResultButKeepsItWaiting()
    {
        var (debate, _) = Voting();

        debate.Skip(T0.AddSeconds(10));

        Assert.Equal(Phase.Results, debate.CurrentPhase);
        Assert.NotNull(debate.Rounds[0].Result);
        Assert.False(debate.Rounds[0].ResultsRevealed);
    }

    [Fact]
    public void RevealResults_InAWaitingResultsPhase_ShowsTheResult()
    {
        var (debate, _) = Voting();
        debate.Skip(T0.AddSeconds(10));

        var revealed = Assert.IsType<ResultsRevealed>(Assert.Single(debate.RevealResults(T0.AddSeconds(20))));

        Assert.Equal(new ResultsRevealed(0, ByInstructor: true) { Seq = revealed.Seq, At = T0.AddSeconds(20) }, revealed);
        Assert.True(debate.Rounds[0].ResultsRevealed);
    }

    [Fact]
    public void RevealResults_Twice_IsRefused()
    {
        var (debate, _) = Voting();
        debate.Skip(T0.AddSeconds(10));
        debate.RevealResults(T0.AddSeconds(20));

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.RevealResults(T0.AddSeconds(21)));
    }

    [Fact]
    public void RevealResults_WhileVoting_IsRefused()
    {
        var (debate, _) = Voting();

        DebateAssert.Refused(debate, DebateError.WrongPhase, () => debate.RevealResults(T0.AddSeconds(10)));
    }

    [Fact]
    public void RevealResults_BeforeTheStartOrAfterTheEnd_IsRefused()
    {
        var lobby = new DebateBuilder().WithSettings(new DebateSettings { RevealResults = ResultReveal.OnClick }).MotionVote().Lobby();
        DebateAssert.Refused(lobby, DebateError.WrongStatus, () => lobby.RevealResults(T0));

        var (debate, _) = Voting();
        debate.End(T0.AddSeconds(10));
        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.RevealResults(T0.AddSeconds(11)));
    }

    [Fact]
    public void NextRound_WithAResultStillWaiting_ShowsItFirst()
    {
        var (debate, _) = Voting();
        debate.Skip(T0.AddSeconds(10));

        var events = debate.Skip(T0.AddSeconds(20));

        Assert.Equal(new ResultsRevealed(0, ByInstructor: false) { Seq = events[0].Seq, At = T0.AddSeconds(20) }, events[0]);
        Assert.IsType<PhaseStarted>(events[1]);
        Assert.True(debate.Rounds[0].ResultsRevealed);
    }

    [Fact]
    public void End_DuringAVote_CountsAndShowsItsResultBeforeFinishing()
    {
        var (debate, _) = Voting();

        var events = debate.End(T0.AddSeconds(10));

        Assert.Equal([typeof(RoundClosed), typeof(ResultsRevealed), typeof(DebateFinished)], events.Select(e => e.GetType()));
        Assert.True(debate.Rounds[0].ResultsRevealed);
    }

    [Fact]
    public void Deadline_OfATimedResultsPhase_ShowsAWaitingResult()
    {
        var debate = new DebateBuilder().WithSettings(new DebateSettings { RevealResults = ResultReveal.OnClick }).MotionVote(vote: 60, results: 30).Lobby();
        debate.JoinAs("Ann");
        debate.Start(T0);
        debate.Tick(T0.AddSeconds(60));

        var events = debate.Tick(T0.AddSeconds(90));

        Assert.Equal([typeof(ResultsRevealed), typeof(DebateFinished)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void Restore_KeepsWhichResultsAreRevealed()
    {
        var log = new List<DebateEvent>();
        var plan = new DebateBuilder().WithSettings(new DebateSettings { RevealResults = ResultReveal.OnClick }).MotionVote().MotionVote().Plan();
        var (debate, created) = Debate.Create(Guid.NewGuid(), "ABC234", plan, 7, T0);
        log.AddRange(created);
        log.AddRange(debate.OpenLobby(T0));
        log.AddRange(debate.Join(Guid.NewGuid(), "Ann", "hash-ann", T0));
        log.AddRange(debate.Start(T0));
        log.AddRange(debate.Skip(T0.AddSeconds(10)));
        log.AddRange(debate.RevealResults(T0.AddSeconds(20)));
        log.AddRange(debate.Skip(T0.AddSeconds(30)));
        log.AddRange(debate.Skip(T0.AddSeconds(40)));

        var restored = Debate.Restore(debate.Id, log);

        Assert.Equal([true, false], restored.Rounds.Select(r => r.ResultsRevealed));
        Assert.NotNull(restored.Rounds[1].Result);
        Assert.Equal(DebateAssert.Snapshot(debate), DebateAssert.Snapshot(restored));
    }
}
