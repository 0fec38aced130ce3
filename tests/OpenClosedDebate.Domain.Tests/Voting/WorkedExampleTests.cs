namespace OpenClosedDebate.Domain.Tests.Voting;

using OpenClosedDebate.Domain.Voting;

/// <summary>Published worked examples, reproduced with their published numbers.</summary>
public sealed class WorkedExampleTests
{
    // Wikipedia, "Borda count": Tennessee with points n-1..0, i.e. K = 3 with the last place left out.
    [Fact]
    public void Borda_Tennessee_GivesThePublishedPoints()
    {
        var result = Borda.Tally(Profile.Tennessee, Profile.TennesseeBallots(), maxRanked: 3);

        Assert.Equal(["Nashville", "Chattanooga", "Memphis", "Knoxville"], result.Items.Select(i => i.ItemId));
        Assert.Equal([194, 173, 126, 107], result.Items.Select(i => i.Score));
    }

    // Wikipedia, "Instant-runoff voting": Chattanooga (15) goes, then Nashville (26); Knoxville wins 58 to 42.
    [Fact]
    public void InstantRunoff_Tennessee_EliminatesChattanoogaThenNashvilleAndKnoxvilleWins()
    {
        var result = InstantRunoff.Tally(Profile.Tennessee, Profile.TennesseeBallots(), maxRanked: 4);
        var rounds = result.Runoff!.Rounds;

        Assert.Equal(Counts(("Memphis", 42), ("Nashville", 26), ("Knoxville", 17), ("Chattanooga", 15)), Counts(rounds[0]));
        Assert.Equal(["Chattanooga"], rounds[0].Eliminated);
        Assert.Equal(Counts(("Memphis", 42), ("Knoxville", 32), ("Nashville", 26)), Counts(rounds[1]));
        Assert.Equal(["Nashville"], rounds[1].Eliminated);
        Assert.Equal(Counts(("Knoxville", 58), ("Memphis", 42)), Counts(rounds[2]));
        Assert.Equal(3, result.Runoff.DecisiveRound);
        Assert.Equal(["Knoxville", "Memphis", "Nashville", "Chattanooga"], result.Items.Select(i => i.ItemId));
        Assert.All(rounds, r => Assert.Equal(0, r.Exhausted));
    }

    // Wikipedia, "Schulze method": Nashville is the Condorcet winner; Nashville > Chattanooga > Knoxville > Memphis.
    [Fact]
    public void Schulze_Tennessee_RanksTheCondorcetOrder()
    {
        var result = Schulze.Tally(Profile.Tennessee, Profile.TennesseeBallots(), maxRanked: 4);

        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], result.Items.Select(i => i.ItemId));
        var d = result.Pairwise!.Preferences;
        Assert.Equal([0, 42, 42, 42], d[0]);
        Assert.Equal([58, 0, 68, 68], d[1]);
        Assert.Equal([58, 32, 0, 83], d[2]);
        Assert.Equal([58, 32, 17, 0], d[3]);
    }

    // Markus Schulze's 45-voter example, as on Wikipedia's "Schulze method": E > A > C > B > D.
    [Fact]
    public void Schulze_FortyFiveVoters_GivesThePublishedMatricesAndRanking()
    {
        var ballots = Profile.Ballots(
            "5: A C B E D", "5: A D E C B", "8: B E D A C", "3: C A B E D",
            "7: C A E B D", "2: C B A D E", "7: D C E B A", "8: E B A D C");

        var result = Schulze.Tally(["A", "B", "C", "D", "E"], ballots, maxRanked: 5);

        var d = result.Pairwise!.Preferences;
        Assert.Equal([0, 20, 26, 30, 22], d[0]);
        Assert.Equal([25, 0, 16, 33, 18], d[1]);
        Assert.Equal([19, 29, 0, 17, 24], d[2]);
        Assert.Equal([15, 12, 28, 0, 14], d[3]);
        Assert.Equal([23, 27, 21, 31, 0], d[4]);
        var p = result.Pairwise.StrongestPaths;
        Assert.Equal([0, 28, 28, 30, 24], p[0]);
        Assert.Equal([25, 0, 28, 33, 24], p[1]);
        Assert.Equal([25, 29, 0, 29, 24], p[2]);
        Assert.Equal([25, 28, 28, 0, 24], p[3]);
        Assert.Equal([25, 28, 28, 31, 0], p[4]);
        Assert.Equal(["E", "A", "C", "B", "D"], result.Items.Select(i => i.ItemId));
        Assert.Equal([4, 3, 2, 1, 0], result.Items.Select(i => i.Score));
    }

    // thoughtfulexaminations.com, "Voting Theory: Instant Runoff": 150 voters choosing L, F or C.
    // Round 1: L 66, C 45, F 39; F goes, 13 of its ballots to L and 26 to C; round 2: L 79, C 71.
    [Fact]
    public void InstantRunoff_LibraryExample_GivesThePublishedRounds()
    {
        var ballots = Profile.Ballots("41: L F C", "25: L C F", "13: F L C", "26: F C L", "30: C F L", "15: C L F");

        var result = InstantRunoff.Tally(["L", "F", "C"], ballots, maxRanked: 3);
        var rounds = result.Runoff!.Rounds;

        Assert.Equal(Counts(("L", 66), ("C", 45), ("F", 39)), Counts(rounds[0]));
        Assert.Equal(["F"], rounds[0].Eliminated);
        Assert.Equal(Counts(("L", 79), ("C", 71)), Counts(rounds[1]));
        Assert.Equal(2, result.Runoff.DecisiveRound);
        Assert.Equal("L", result.Items[0].ItemId);
    }

    private static List<(string, int)> Counts(params (string, int)[] counts) => [.. counts];

    private static List<(string, int)> Counts(RunoffRound round) => [.. round.Counts.Select(c => (c.ItemId, c.Votes))];
}
