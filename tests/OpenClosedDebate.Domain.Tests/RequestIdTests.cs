namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class RequestIdTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    /// <summary>Inside the argue phase of <see cref="Setups.Arguing"/>.</summary>
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    /// <summary>Inside the vote of <see cref="Setups.VotingOnArguments"/>, which runs from T0 + 300 s to T0 + 390 s.</summary>
    private static readonly DateTimeOffset Voting = T0.AddSeconds(320);

    [Fact]
    public void PostArgument_SameRequestId_ReturnsTheOriginalAndChangesNothing()
    {
        var (debate, ann, _) = Setups.Arguing();
        var first = debate.PostArgument(ann, "req-1", Guid.NewGuid(), "Open is faster.", null, During);
        var version = debate.Version;

        var retry = debate.PostArgument(ann, "req-1", Guid.NewGuid(), "Open is faster.", null, During.AddSeconds(1));

        Assert.True(retry.IsRetry);
        Assert.Empty(retry.Events);
        Assert.Same(first.Accepted, retry.Accepted);
        Assert.Equal(version, debate.Version);
        Assert.Single(debate.Rounds[0].Arguments);
    }

    [Fact]
    public void PostArgument_RetryAfterTheDeadline_StillReturnsTheOriginal()
    {
        var (debate, ann, _) = Setups.Arguing();
        var first = debate.PostArgument(ann, "req-1", Guid.NewGuid(), "Open is faster.", null, During);
        debate.Tick(T0.AddSeconds(300));

        Assert.Same(first.Accepted, debate.PostArgument(ann, "req-1", Guid.NewGuid(), "Open is faster.", null, T0.AddSeconds(301)).Accepted);
    }

    [Fact]
    public void PostArgument_SameRequestIdFromAnotherStudent_IsANewArgument()
    {
        var (debate, ann, bob) = Setups.Arguing();
        debate.PostArgument(ann, "req-1", Guid.NewGuid(), "Open is faster.", null, During);

        Assert.False(debate.PostArgument(bob, "req-1", Guid.NewGuid(), "Closed is safer.", null, During).IsRetry);
        Assert.Equal(2, debate.Rounds[0].Arguments.Count);
    }

    [Fact]
    public void PostArgument_RequestIdUsedForABallot_IsRefused()
    {
        var debate = new DebateBuilder().MotionVote().ArgumentRound().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.CastBallot(ann, "req-1", 0, [MotionItems.For], T0.AddSeconds(1));
        debate.Skip(T0.AddSeconds(2));
        debate.Skip(T0.AddSeconds(3));

        DebateAssert.Refused(debate, DebateError.InvalidRequest, () => debate.PostArgument(ann, "req-1", Guid.NewGuid(), "Open.", null, T0.AddSeconds(4)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PostArgument_WithoutRequestId_IsRefused(string? requestId)
    {
        var (debate, ann, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.InvalidRequest, () => debate.PostArgument(ann, requestId, Guid.NewGuid(), "Open.", null, During));
    }

    [Fact]
    public void PostArgument_RequestIdOverLimit_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var requestId = new string('r', DebateLimits.RequestIdMaxLength + 1);

        DebateAssert.Refused(debate, DebateError.InvalidRequest, () => debate.PostArgument(ann, requestId, Guid.NewGuid(), "Open.", null, During));
    }

    [Fact]
    public void PostArgument_RequestIdAtLimit_IsAccepted()
    {
        var (debate, ann, _) = Setups.Arguing();

        Assert.False(debate.PostArgument(ann, new string('r', DebateLimits.RequestIdMaxLength), Guid.NewGuid(), "Open.", null, During).IsRetry);
    }

    [Fact]
    public void CastBallot_SameRequestId_ReturnsTheOriginalAndChangesNothing()
    {
        var v = Setups.VotingOnArguments();
        var first = v.Debate.CastBallot(v.Ann, "req-1", 0, [v.BobArg.ItemId], Voting);
        var version = v.Debate.Version;

        var retry = v.Debate.CastBallot(v.Ann, "req-1", 0, [v.DeeArg.ItemId], Voting.AddSeconds(1));

        Assert.True(retry.IsRetry);
        Assert.Same(first.Accepted, retry.Accepted);
        Assert.Equal(version, v.Debate.Version);
        Assert.Equal(1, v.Debate.Rounds[0].Ballots[v.Ann].Revision);
    }

    [Fact]
    public void CastBallot_RequestIdUsedForAnArgument_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        DebateAssert.Refused(v.Debate, DebateError.InvalidRequest, () => v.Debate.CastBallot(v.Ann, "ann-arg", 0, [v.BobArg.ItemId], Voting));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void CastBallot_WithoutRequestId_IsRefused(string? requestId)
    {
        var v = Setups.VotingOnArguments();

        DebateAssert.Refused(v.Debate, DebateError.InvalidRequest, () => v.Debate.CastBallot(v.Ann, requestId, 0, [v.BobArg.ItemId], Voting));
    }

    [Fact]
    public void CastBallot_RequestIdOverLimit_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        var requestId = new string('r', DebateLimits.RequestIdMaxLength + 1);

        DebateAssert.Refused(v.Debate, DebateError.InvalidRequest, () => v.Debate.CastBallot(v.Ann, requestId, 0, [v.BobArg.ItemId], Voting));
    }
}
