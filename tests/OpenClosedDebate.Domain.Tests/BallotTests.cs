namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class BallotTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    /// <summary>Inside round 0's vote, which runs from T0 + 300 s to T0 + 390 s.</summary>
    private static readonly DateTimeOffset Voting = T0.AddSeconds(320);

    [Fact]
    public void CastBallot_PartialRanking_IsAccepted()
    {
        var v = Setups.VotingOnArguments();

        var cast = v.Debate.CastBallot(v.Ann, "req-1", 0, [v.BobArg.ItemId, v.DeeArg.ItemId], Voting);

        var e = Assert.IsType<BallotCast>(Assert.Single(cast.Events));
        Assert.Equal([v.BobArg.ItemId, v.DeeArg.ItemId], e.Ranking);
        Assert.Equal(1, e.Revision);
        var ballot = v.Debate.Rounds[0].Ballots[v.Ann];
        Assert.Equal((e.Ranking, 1, e.Receipt, Voting), (ballot.Ranking, ballot.Revision, ballot.Receipt, ballot.CastAt));
    }

    [Fact]
    public void CastBallot_Receipt_IsAnUnambiguousShortCode()
    {
        var v = Setups.VotingOnArguments();

        var receipt = v.Debate.Vote(v.Ann, Voting, v.BobArg.ItemId).Receipt;

        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", receipt);
    }

    [Fact]
    public void CastBallot_Revision_ReplacesThePreviousBallot()
    {
        var v = Setups.VotingOnArguments();
        var first = v.Debate.Vote(v.Ann, Voting, v.BobArg.ItemId);

        var second = v.Debate.Vote(v.Ann, Voting.AddSeconds(5), v.DeeArg.ItemId, v.BobArg.ItemId);

        Assert.Equal(2, second.Revision);
        Assert.NotEqual(first.Receipt, second.Receipt);
        var ballot = Assert.Single(v.Debate.Rounds[0].Ballots).Value;
        Assert.Equal((2, second.Receipt), (ballot.Revision, ballot.Receipt));
        Assert.Equal([v.DeeArg.ItemId, v.BobArg.ItemId], ballot.Ranking);
    }

    [Fact]
    public void CastBallot_DuplicateItem_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, v.BobArg.ItemId, v.BobArg.ItemId);
    }

    [Fact]
    public void CastBallot_MoreItemsThanK_IsRefused()
    {
        var v = Setups.VotingOnArguments(maxRanked: 2);

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, v.BobArg.ItemId, v.DeeArg.ItemId, v.CyArg.ItemId);
    }

    [Fact]
    public void CastBallot_EmptyRanking_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann);
    }

    [Fact]
    public void CastBallot_NullRanking_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        DebateAssert.Refused(v.Debate, DebateError.InvalidBallot, () => v.Debate.CastBallot(v.Ann, "req", 0, null, Voting));
    }

    [Theory]
    [InlineData("not-an-argument")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void CastBallot_UnknownArgument_IsRefused(string item)
    {
        var v = Setups.VotingOnArguments();

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, v.BobArg.ItemId, item);
    }

    [Fact]
    public void CastBallot_NullItem_IsRefused()
    {
        var v = Setups.VotingOnArguments();

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, null!);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("N")]
    [InlineData("B")]
    public void CastBallot_ArgumentIdSpelledDifferently_IsRefused(string format)
    {
        var v = Setups.VotingOnArguments();

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, v.BobArg.Id.ToString(format).ToUpperInvariant());
    }

    [Fact]
    public void CastBallot_ArgumentFromAnotherRound_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.Skip(Voting);
        v.Debate.Skip(Voting);
        var dee2 = v.Debate.Post(v.Dee, "Closed, again.", Voting);
        v.Debate.Skip(Voting);

        DebateAssert.Refused(v.Debate, DebateError.InvalidBallot, () => v.Debate.CastBallot(v.Ann, "req", 1, [dee2.ItemId, v.BobArg.ItemId], Voting));
    }

    [Fact]
    public void CastBallot_HiddenArgument_IsRefused()
    {
        var v = Setups.VotingOnArguments();
        v.Debate.HideArgument(v.BobArg.Id, "Insulting.", Voting);

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, v.BobArg.ItemId);
    }

    [Fact]
    public void CastBallot_OwnArgument_IsRefusedByDefault()
    {
        var v = Setups.VotingOnArguments();

        Refused(v.Debate, DebateError.InvalidBallot, v.Ann, v.AnnArg.ItemId);
    }

    [Fact]
    public void CastBallot_OwnArgument_IsAcceptedWhenAllowed()
    {
        var v = Setups.VotingOnArguments(allowOwn: true);

        Assert.Equal([v.AnnArg.ItemId], v.Debate.Vote(v.Ann, Voting, v.AnnArg.ItemId).Ranking);
    }

    [Fact]
    public void CastBallot_TeammatesArgument_IsAccepted()
    {
        var v = Setups.VotingOnArguments();

        Assert.Equal(1, v.Debate.Vote(v.Ann, Voting, v.CyArg.ItemId).Revision);
    }

    [Theory]
    [InlineData(MotionItems.For)]
    [InlineData(MotionItems.Against)]
    [InlineData(MotionItems.Undecided)]
    public void MotionVote_AcceptsEachChoice(string choice)
    {
        var (debate, ann) = Setups.MotionVoting();

        Assert.Equal([choice], debate.Vote(ann, T0.AddSeconds(1), choice).Ranking);
    }

    [Theory]
    [InlineData("For")]
    [InlineData("yes")]
    [InlineData("option-1")]
    public void MotionVote_OtherItems_AreRefused(string choice)
    {
        var (debate, ann) = Setups.MotionVoting();

        DebateAssert.Refused(debate, DebateError.InvalidBallot, () => debate.CastBallot(ann, "req", 0, [choice], T0.AddSeconds(1)));
    }

    [Fact]
    public void MotionVote_TwoChoices_AreRefused()
    {
        var (debate, ann) = Setups.MotionVoting();

        DebateAssert.Refused(debate, DebateError.InvalidBallot, () => debate.CastBallot(ann, "req", 0, [MotionItems.For, MotionItems.Against], T0.AddSeconds(1)));
    }

    [Fact]
    public void RankingRound_AcceptsEveryOptionId()
    {
        var (debate, ann) = Setups.RankingVoting();

        Assert.Equal(4, debate.Vote(ann, T0.AddSeconds(1), "option-4", "option-2", "option-1", "option-3").Ranking.Count);
    }

    [Theory]
    [InlineData("option-0")]
    [InlineData("option-5")]
    [InlineData("Training data")]
    [InlineData(MotionItems.For)]
    public void RankingRound_OtherItems_AreRefused(string item)
    {
        var (debate, ann) = Setups.RankingVoting();

        DebateAssert.Refused(debate, DebateError.InvalidBallot, () => debate.CastBallot(ann, "req", 0, ["option-1", item], T0.AddSeconds(1)));
    }

    private static void Refused(Debate debate, DebateError expected, Guid voter, params string[] ranking) =>
        DebateAssert.Refused(debate, expected, () => debate.CastBallot(voter, "req", 0, ranking, Voting));
}
