namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class TimerTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void Tick_WhilePaused_ChangesNothing()
    {
        var debate = Setups.Arguing().Debate;
        debate.Pause(T0.AddSeconds(100));

        Assert.Empty(debate.Tick(T0.AddSeconds(1000)));
        Assert.Equal(Phase.Argue, debate.CurrentPhase);
    }

    [Fact]
    public void Pause_RecordsTimeLeftAndClearsTheDeadline()
    {
        var debate = Setups.Arguing().Debate;

        var paused = Assert.IsType<TimerPaused>(Assert.Single(debate.Pause(T0.AddSeconds(100))));

        Assert.Equal(TimeSpan.FromSeconds(200), paused.Remaining);
        Assert.True(debate.IsPaused);
        Assert.Null(debate.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(200), debate.RemainingAt(T0.AddHours(2)));
    }

    [Fact]
    public void Pause_UntimedResults_IsRefused()
    {
        var debate = Setups.InUntimedResults();

        DebateAssert.Refused(debate, DebateError.NotTimed, () => debate.Pause(T0.AddSeconds(400)));
    }

    [Fact]
    public void Pause_Twice_IsRefused()
    {
        var debate = Setups.Arguing().Debate;
        debate.Pause(T0.AddSeconds(100));

        DebateAssert.Refused(debate, DebateError.Paused, () => debate.Pause(T0.AddSeconds(110)));
    }

    [Fact]
    public void Pause_AtTheDeadlineBeforeTick_IsRefused()
    {
        var debate = Setups.Arguing().Debate;

        DebateAssert.Refused(debate, DebateError.DeadlinePassed, () => debate.Pause(T0.AddSeconds(300)));
    }

    [Fact]
    public void Resume_SetsTheDeadlineFromNow()
    {
        var debate = Setups.Arguing().Debate;
        debate.Pause(T0.AddSeconds(100));

        var resumed = Assert.IsType<TimerResumed>(Assert.Single(debate.Resume(T0.AddSeconds(1000))));

        Assert.Equal(T0.AddSeconds(1200), resumed.Deadline);
        Assert.Equal(T0.AddSeconds(1200), debate.Deadline);
        Assert.False(debate.IsPaused);
    }

    [Fact]
    public void Resume_WhenNotPaused_IsRefused()
    {
        var debate = Setups.Arguing().Debate;

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Resume(T0.AddSeconds(10)));
    }

    [Fact]
    public void Extend_WhileRunning_MovesTheDeadline()
    {
        var debate = Setups.Arguing().Debate;

        var extended = Assert.IsType<TimerExtended>(Assert.Single(debate.Extend(TimeSpan.FromMinutes(1), T0.AddSeconds(10))));

        Assert.Equal(TimeSpan.FromMinutes(1), extended.By);
        Assert.Equal(T0.AddSeconds(360), debate.Deadline);
    }

    [Fact]
    public void Extend_WhilePaused_AddsToTheTimeLeft()
    {
        var debate = Setups.Arguing().Debate;
        debate.Pause(T0.AddSeconds(100));

        debate.Extend(TimeSpan.FromMinutes(1), T0.AddSeconds(500));

        Assert.Equal(TimeSpan.FromSeconds(260), debate.PausedRemaining);
        Assert.Null(debate.Deadline);
        debate.Resume(T0.AddSeconds(600));
        Assert.Equal(T0.AddSeconds(860), debate.Deadline);
    }

    [Theory]
    [InlineData(DebateLimits.MinExtensionSeconds)]
    [InlineData(DebateLimits.MaxExtensionSeconds)]
    public void Extend_ByTheBounds_IsAccepted(int seconds)
    {
        var debate = Setups.Arguing().Debate;

        debate.Extend(TimeSpan.FromSeconds(seconds), T0);

        Assert.Equal(T0.AddSeconds(300 + seconds), debate.Deadline);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    [InlineData(DebateLimits.MinExtensionSeconds - 1)]
    [InlineData(DebateLimits.MaxExtensionSeconds + 1)]
    public void Extend_OutOfBounds_IsRefused(int seconds)
    {
        var debate = Setups.Arguing().Debate;

        DebateAssert.Refused(debate, DebateError.InvalidDuration, () => debate.Extend(TimeSpan.FromSeconds(seconds), T0));
    }

    [Fact]
    public void Extend_UntimedResults_IsRefused()
    {
        var debate = Setups.InUntimedResults();

        DebateAssert.Refused(debate, DebateError.NotTimed, () => debate.Extend(TimeSpan.FromMinutes(1), T0.AddSeconds(400)));
    }

    [Fact]
    public void Extend_AfterTheDeadlineBeforeTick_IsRefused()
    {
        var debate = Setups.Arguing().Debate;

        DebateAssert.Refused(debate, DebateError.DeadlinePassed, () => debate.Extend(TimeSpan.FromMinutes(1), T0.AddSeconds(301)));
    }

    [Fact]
    public void RemainingAt_CountsDownToZeroAndIsNullWhenUntimed()
    {
        var debate = Setups.Arguing().Debate;

        Assert.Equal(TimeSpan.FromSeconds(200), debate.RemainingAt(T0.AddSeconds(100)));
        Assert.Equal(TimeSpan.Zero, debate.RemainingAt(T0.AddSeconds(400)));
        Assert.Null(Setups.InUntimedResults().RemainingAt(T0.AddSeconds(400)));
    }

    [Fact]
    public void Skip_WhilePaused_StartsTheNextPhaseRunning()
    {
        var debate = Setups.Arguing().Debate;
        debate.Pause(T0.AddSeconds(100));

        debate.Skip(T0.AddSeconds(200));

        Assert.False(debate.IsPaused);
        Assert.Equal((Phase.Vote, T0.AddSeconds(290)), (debate.CurrentPhase, debate.Deadline));
    }

    [Fact]
    public void End_WhilePaused_ClearsTheClock()
    {
        var debate = Setups.Arguing().Debate;
        debate.Pause(T0.AddSeconds(10));

        debate.End(T0.AddSeconds(20));

        Assert.Null(debate.PausedRemaining);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("extend")]
    public void ClockMoves_InLobby_AreRefused(string move)
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.WrongStatus, Move(debate, move));
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("extend")]
    public void ClockMoves_AfterFinished_AreRefused(string move)
    {
        var debate = Setups.Arguing().Debate;
        debate.End(T0.AddSeconds(10));

        DebateAssert.Refused(debate, DebateError.WrongStatus, Move(debate, move));
    }

    private static Action Move(Debate debate, string move) => move switch
    {
        "skip" => () => debate.Skip(T0.AddSeconds(20)),
        "pause" => () => debate.Pause(T0.AddSeconds(20)),
        "resume" => () => debate.Resume(T0.AddSeconds(20)),
        _ => () => debate.Extend(TimeSpan.FromMinutes(1), T0.AddSeconds(20)),
    };
}
