namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class BallotWindowTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    /// <summary>Inside round 0's vote, which runs from T0 + 300 s to T0 + 390 s.</summary>
    private static readonly DateTimeOffset Voting = T0.AddSeconds(320);

    [Fact]
    public void CastBallot_AtDeadlineBeforeTick_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        DebateAssert.Refused(v.Debate, DebateError.DeadlinePassed, () => v.Debate.CastBallot(v.Ann, "req", 0, [v.BobArg.ItemId], T0.AddSeconds(390)));
        Assert.Equal(Phase.Vote, v.Debate.CurrentPhase);
    }

    [Fact]
    public void CastBallot_ForARoundThatIsNotVoting_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        DebateAssert.Refused(v.Debate, DebateError.WrongPhase, () => v.Debate.CastBallot(v.Ann, "req", 1, [v.BobArg.ItemId], Voting));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void CastBallot_ForARoundThatDoesNotExist_IsRefused(int roundIndex)
    {
        var v = Setups.VotingOnArguments();

        DebateAssert.Refused(v.Debate, DebateError.NotFound, () => v.Debate.CastBallot(v.Ann, "req", roundIndex, [v.BobArg.ItemId], Voting));
    }

    [Fact]
    public void CastBallot_InArguePhase_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Skip(Voting);
        v.Debate.Skip(Voting);

        DebateAssert.Refused(v.Debate, DebateError.WrongPhase, () => v.Debate.CastBallot(v.Ann, "req", 1, [v.BobArg.ItemId], Voting));
    }

    [Fact]
    public void CastBallot_InResultsPhase_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Skip(Voting);

        Refused(v.Debate, DebateError.WrongPhase, v.Ann, v.BobArg.ItemId);
    }

    [Fact]
    public void CastBallot_AfterFinished_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.End(Voting);

        Refused(v.Debate, DebateError.WrongPhase, v.Ann, v.BobArg.ItemId);
    }

    [Fact]
    public void CastBallot_WhilePaused_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Pause(Voting);

        Refused(v.Debate, DebateError.Paused, v.Ann, v.BobArg.ItemId);
    }

    [Fact]
    public void CastBallot_MutedStudent_MayStillVote()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.SetMuted(v.Ann, true, Voting);

        Assert.Equal(1, v.Debate.Vote(v.Ann, Voting, v.BobArg.ItemId).Revision);
    }

    [Fact]
    public void CastBallot_KickedStudent_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Kick(v.Ann, Voting);

        Refused(v.Debate, DebateError.Kicked, v.Ann, v.BobArg.ItemId);
    }

    [Fact]
    public void CastBallot_StudentWhoLeft_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Leave(v.Ann, Voting);

        Refused(v.Debate, DebateError.Left, v.Ann, v.BobArg.ItemId);
    }

    [Fact]
    public void KickedStudentsBallot_NoLongerCounts()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Vote(v.Ann, Voting, v.BobArg.ItemId);
        v.Debate.Vote(v.Bob, Voting, v.AnnArg.ItemId);

        v.Debate.Kick(v.Ann, Voting);

        var result = v.Debate.ResultOf(v.Debate.Rounds[0]);
        Assert.Equal(1, result.BallotCount);
        Assert.Equal(0, result.Ranking!.Items.Single(i => i.ItemId == v.BobArg.ItemId).Score);
    }

    [Fact]
    public void BallotOfStudentWhoLeft_StillCounts()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Vote(v.Ann, Voting, v.BobArg.ItemId);

        v.Debate.Leave(v.Ann, Voting);

        Assert.Equal(1, v.Debate.ResultOf(v.Debate.Rounds[0]).BallotCount);
    }

    private static void Refused(Debate debate, DebateError expected, Guid voter, params string[] ranking) =>
        DebateAssert.Refused(debate, expected, () => debate.CastBallot(voter, "req", 0, ranking, Voting));
}
