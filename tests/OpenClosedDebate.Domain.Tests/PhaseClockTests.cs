namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class PhaseClockTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void Tick_AfterArgueDeadline_OpensVotePhase()
    {
        var debate = new DebateBuilder().ArgumentRound(argue: 300, vote: 90).Lobby();
        debate.Start(T0);

        var events = debate.Tick(T0.AddSeconds(300));

        var started = Assert.IsType<PhaseStarted>(Assert.Single(events));
        Assert.Equal(Phase.Vote, started.Phase);
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
}
