namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class SideChangeTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void MoveParticipant_ChangesTheirSideAndTheCounts()
    {
        var (debate, ann, _) = AlternatingPair();

        debate.MoveParticipant(ann, Side.Closed, T0);

        Assert.Equal(Side.Closed, debate.FindParticipant(ann)!.Side);
        Assert.Equal((0, 2), (debate.CountOn(Side.Open), debate.CountOn(Side.Closed)));
    }

    [Fact]
    public void MoveParticipant_ToTheSideTheyAreOn_IsRefused()
    {
        var (debate, ann, _) = AlternatingPair();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.MoveParticipant(ann, Side.Open, T0));
    }

    [Fact]
    public void MoveParticipant_ToAnUndefinedSide_IsRefused()
    {
        var (debate, ann, _) = AlternatingPair();

        DebateAssert.Refused(debate, DebateError.NotFound, () => debate.MoveParticipant(ann, (Side)2, T0));
    }

    [Fact]
    public void MoveParticipant_KickedStudent_IsRefused()
    {
        var (debate, ann, _) = AlternatingPair();
        debate.Kick(ann, T0);

        DebateAssert.Refused(debate, DebateError.Kicked, () => debate.MoveParticipant(ann, Side.Closed, T0));
    }

    [Fact]
    public void MoveParticipant_StudentWhoLeft_IsRefused()
    {
        var (debate, ann, _) = AlternatingPair();
        debate.Leave(ann, T0);

        DebateAssert.Refused(debate, DebateError.Left, () => debate.MoveParticipant(ann, Side.Closed, T0));
    }

    [Fact]
    public void MoveParticipant_AfterFinished_IsRefused()
    {
        var (debate, ann, _) = AlternatingPair();
        debate.End(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.MoveParticipant(ann, Side.Closed, T0));
    }

    [Fact]
    public void SwapSidesEachRound_FirstArgumentRound_KeepsSides()
    {
        var (debate, ann, bob) = AlternatingPair(swap: true);

        Assert.Empty(debate.Start(T0).OfType<SidesSwapped>());
        Assert.Equal((Side.Open, Side.Closed), (debate.FindParticipant(ann)!.Side, debate.FindParticipant(bob)!.Side));
    }

    [Fact]
    public void SwapSidesEachRound_SecondArgumentRound_FlipsEveryoneAsItsArguePhaseOpens()
    {
        var (debate, ann, bob) = AlternatingPair(swap: true);
        debate.Start(T0);
        debate.Skip(T0.AddSeconds(1));
        debate.Skip(T0.AddSeconds(2));

        var events = debate.Skip(T0.AddSeconds(3));

        Assert.Equal(1, Assert.IsType<SidesSwapped>(events[0]).RoundIndex);
        Assert.Equal(Phase.Argue, Assert.IsType<PhaseStarted>(events[^1]).Phase);
        Assert.Equal((Side.Closed, Side.Open), (debate.FindParticipant(ann)!.Side, debate.FindParticipant(bob)!.Side));
    }

    [Fact]
    public void SwapSidesEachRound_RoundsBeforeTheFirstArgumentRound_DoNotCount()
    {
        var debate = new DebateBuilder().WithSettings(new DebateSettings { SwapSidesEachRound = true }).MotionVote().ArgumentRound().Lobby();
        debate.Start(T0);
        debate.Skip(T0.AddSeconds(1));

        Assert.Empty(debate.Skip(T0.AddSeconds(2)).OfType<SidesSwapped>());
    }

    [Fact]
    public void SwapOff_SecondArgumentRound_KeepsSides()
    {
        var (debate, ann, _) = AlternatingPair();
        debate.Start(T0);
        debate.Skip(T0.AddSeconds(1));
        debate.Skip(T0.AddSeconds(2));

        Assert.Empty(debate.Skip(T0.AddSeconds(3)).OfType<SidesSwapped>());
        Assert.Equal(Side.Open, debate.FindParticipant(ann)!.Side);
    }

    [Fact]
    public void CountOn_AfterLeaveKickMoveAndSwap_MatchesTheRoster()
    {
        var (debate, ann, bob) = AlternatingPair(swap: true);
        var cy = debate.JoinAs("Cy");
        var dee = debate.JoinAs("Dee");
        var eve = debate.JoinAs("Eve");
        debate.Leave(cy, T0);
        DebateAssert.CountsMatchRoster(debate);
        debate.Kick(dee, T0);
        DebateAssert.CountsMatchRoster(debate);
        debate.MoveParticipant(bob, Side.Open, T0);
        DebateAssert.CountsMatchRoster(debate);
        debate.Start(T0);
        debate.Skip(T0.AddSeconds(1));
        debate.Skip(T0.AddSeconds(2));
        debate.Skip(T0.AddSeconds(3));

        DebateAssert.CountsMatchRoster(debate);
        Assert.Equal((0, 3), (debate.CountOn(Side.Open), debate.CountOn(Side.Closed)));
        Assert.All(new[] { ann, bob, eve }, id => Assert.Equal(Side.Closed, debate.FindParticipant(id)!.Side));
    }

    [Fact]
    public void Kick_StudentWhoLeft_DoesNotTakeThemOffTheirSideTwice()
    {
        var (debate, ann, _) = AlternatingPair();
        debate.Leave(ann, T0);

        debate.Kick(ann, T0);

        Assert.Equal((0, 1), (debate.CountOn(Side.Open), debate.CountOn(Side.Closed)));
    }

    /// <summary>Two argument rounds, Ann on the open side and Bob on the closed side, in the lobby.</summary>
    private static (Debate Debate, Guid Ann, Guid Bob) AlternatingPair(bool swap = false)
    {
        var debate = new DebateBuilder()
            .WithSettings(new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, SwapSidesEachRound = swap })
            .ArgumentRound()
            .ArgumentRound()
            .Lobby();
        return (debate, debate.JoinAs("Ann"), debate.JoinAs("Bob"));
    }
}
