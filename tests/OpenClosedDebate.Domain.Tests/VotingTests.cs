namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

public sealed class VotingTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    [Fact]
    public void Borda_FullBallot_GivesKDownToOnePoints()
    {
        var result = Borda.Tally(Abc, [["c", "a", "b"]], maxRanked: 3);

        Assert.Equal([("c", 3), ("a", 2), ("b", 1)], Scores(result));
    }

    [Fact]
    public void Borda_PartialBallot_GivesTheRankedItemsTheirFullPoints()
    {
        var result = Borda.Tally(Abc, [["b", "a"]], maxRanked: 3);

        Assert.Equal([("b", 3), ("a", 2), ("c", 0)], Scores(result));
    }

    [Fact]
    public void Borda_Totals_AreTheSumOverBallots()
    {
        string[][] ballots = [["a", "b", "c"], ["b", "a"], ["b"], ["c", "b", "a"]];

        var result = Borda.Tally(Abc, ballots, maxRanked: 3);

        // a: 3 + 2 + 0 + 1, b: 2 + 3 + 3 + 2, c: 1 + 0 + 0 + 3
        Assert.Equal([("b", 10), ("a", 6), ("c", 4)], Scores(result));
        Assert.Equal(4, result.BallotCount);
        Assert.Equal(TallyMethod.Borda, result.Method);
        Assert.Equal([1, 2, 3], result.Items.Select(i => i.Place));
    }

    [Fact]
    public void Borda_CountsFirstPreferences()
    {
        var result = Borda.Tally(Abc, [["a", "b"], ["a"], ["c"]], maxRanked: 3);

        Assert.Equal([("a", 2), ("c", 1), ("b", 0)], result.Items.Select(i => (i.ItemId, i.FirstPreferences)));
    }

    [Fact]
    public void Borda_ItemThatIsNotACandidate_IsSkippedAndItemsBelowMoveUp()
    {
        var result = Borda.Tally(Abc, [["hidden", "b", "c"]], maxRanked: 3);

        Assert.Equal([("b", 3), ("c", 2), ("a", 0)], Scores(result));
        Assert.Equal(1, result.Items[0].FirstPreferences);
    }

    [Fact]
    public void Borda_RepeatedItem_IsRefusedRatherThanCounted()
    {
        var error = Assert.Throws<ArgumentException>(() => Borda.Tally(Abc, [["a", "a", "b"]], maxRanked: 3));

        Assert.Contains("'a' more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Borda_ItemsBeyondK_GetNothing()
    {
        var result = Borda.Tally(Abc, [["a", "b", "c"]], maxRanked: 2);

        Assert.Equal([("a", 2), ("b", 1), ("c", 0)], Scores(result));
    }

    [Fact]
    public void Borda_TieOnPoints_IsBrokenByFirstPreferences()
    {
        // a and c both score 2, but only c is anyone's first choice, so c goes ahead despite coming later.
        var result = Borda.Tally(Abc, [["c"], ["b", "a"], ["b", "a"]], maxRanked: 2);

        Assert.Equal([("b", 4, false), ("c", 2, true), ("a", 2, true)], result.Items.Select(i => (i.ItemId, i.Score, i.TieBroken)));
    }

    [Fact]
    public void Borda_TieOnPointsAndFirstPreferences_IsBrokenByCandidateOrder()
    {
        var result = Borda.Tally(Abc, [["c", "b"], ["b", "c"]], maxRanked: 3);

        Assert.Equal([("b", 5, true), ("c", 5, true), ("a", 0, false)], result.Items.Select(i => (i.ItemId, i.Score, i.TieBroken)));
    }

    [Fact]
    public void Borda_NoBallots_KeepsCandidateOrderAllTied()
    {
        var result = Borda.Tally(Abc, [], maxRanked: 3);

        Assert.Equal(["a", "b", "c"], result.Items.Select(i => i.ItemId));
        Assert.All(result.Items, i => Assert.True(i.TieBroken));
        Assert.Equal(0, result.BallotCount);
    }

    [Fact]
    public void Borda_NoCandidates_GivesAnEmptyResult() => Assert.Empty(Borda.Tally([], [["x"]], maxRanked: 3).Items);

    [Fact]
    public void Borda_KBelowOne_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Borda.Tally(Abc, [], maxRanked: 0));

    [Fact]
    public void Borda_RepeatedCandidate_IsABug() =>
        Assert.Throws<ArgumentException>(() => Borda.Tally(["a", "a"], [], maxRanked: 3));

    [Fact]
    public void Tally_Borda_IsTheBordaCount() =>
        Assert.Equal(Scores(Borda.Tally(Abc, [["c"]], 3)), Scores(Tally.Rank(TallyMethod.Borda, Abc, [["c"]], 3)));

    [Fact]
    public void Tally_UnknownMethod_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Tally.Rank((TallyMethod)9, Abc, [], 3));

    [Fact]
    public void SideScore_SharesPointsBySide()
    {
        var borda = Borda.Tally(Abc, [["a", "b", "c"]], maxRanked: 3);
        var sideOf = new Dictionary<string, Side> { ["a"] = Side.Open, ["b"] = Side.Closed, ["c"] = Side.Open };

        var scores = SideScore.FromBorda(borda, sideOf);

        Assert.Equal([(Side.Open, 4, 2), (Side.Closed, 2, 1)], scores.Select(s => (s.Side, s.Points, s.Arguments)));
        Assert.Equal(2 / 3.0, scores[0].Share, precision: 12);
        Assert.Equal(1 / 3.0, scores[1].Share, precision: 12);
        Assert.Equal(1.0, scores.Sum(s => s.Share));
    }

    [Fact]
    public void SideScore_NobodyScored_SplitsEvenly()
    {
        var borda = Borda.Tally(Abc, [], maxRanked: 3);
        var sideOf = new Dictionary<string, Side> { ["a"] = Side.Open };

        var scores = SideScore.FromBorda(borda, sideOf);

        Assert.Equal([0.5, 0.5], scores.Select(s => s.Share));
        Assert.Equal([1, 0], scores.Select(s => s.Arguments));
    }

    [Fact]
    public void MotionTally_CountsEachChoice()
    {
        var tally = MotionTally.Count([MotionChoice.For, MotionChoice.Against, MotionChoice.For, MotionChoice.Undecided]);

        Assert.Equal(new MotionTally(2, 1, 1), tally);
        Assert.Equal(4, tally.Total);
        Assert.Equal((50.0, 25.0, 25.0), (tally.ForPercent, tally.AgainstPercent, tally.UndecidedPercent));
    }

    [Fact]
    public void MotionTally_Percentages_AreRoundedToOneDecimal()
    {
        var tally = new MotionTally(1, 2, 0);

        Assert.Equal((33.3, 66.7, 0.0), (tally.ForPercent, tally.AgainstPercent, tally.UndecidedPercent));
    }

    [Fact]
    public void MotionTally_NoVotes_IsZeroPercentEach()
    {
        var tally = MotionTally.Count([]);

        Assert.Equal((0.0, 0.0, 0.0), (tally.ForPercent, tally.AgainstPercent, tally.UndecidedPercent));
    }

    [Fact]
    public void Persuasion_SideThatGainedMore_Wins()
    {
        var persuasion = Persuasion.Between(new MotionTally(4, 4, 2), new MotionTally(6, 4, 0));

        Assert.Equal((20.0, 0.0, MotionChoice.For), (persuasion.ForGain, persuasion.AgainstGain, persuasion.Winner));
    }

    [Fact]
    public void Persuasion_SideThatGainedMore_WinsEvenWithoutAMajority()
    {
        var persuasion = Persuasion.Between(new MotionTally(8, 1, 1), new MotionTally(7, 3, 0));

        Assert.Equal((-10.0, 20.0, MotionChoice.Against), (persuasion.ForGain, persuasion.AgainstGain, persuasion.Winner));
    }

    [Fact]
    public void Persuasion_EqualGains_IsADraw()
    {
        var persuasion = Persuasion.Between(new MotionTally(4, 4, 2), new MotionTally(5, 5, 0));

        Assert.Null(persuasion.Winner);
        Assert.Equal(persuasion.ForGain, persuasion.AgainstGain);
    }

    [Fact]
    public void Persuasion_KeepsBothTallies()
    {
        var (before, after) = (new MotionTally(1, 1, 1), new MotionTally(2, 1, 0));

        var persuasion = Persuasion.Between(before, after);

        Assert.Equal((before, after), (persuasion.Before, persuasion.After));
    }

    private static IEnumerable<(string, int)> Scores(RankingResult result) => result.Items.Select(i => (i.ItemId, i.Score));
}
