namespace OpenClosedDebate.Domain.Tests.Voting;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

/// <summary>Properties every count must have, checked over many seeded random elections.</summary>
public sealed class TallyPropertyTests
{
    private const int Elections = 400;

    public static TheoryData<TallyMethod> Methods => new(Tally.Methods);

    [Fact]
    public void Schulze_AlwaysElectsTheCondorcetWinnerWhenThereIsOne()
    {
        var checkedSome = 0;
        foreach (var election in Elections_())
        {
            if (CondorcetWinner(election) is not { } winner)
            {
                continue;
            }

            checkedSome++;
            var result = Schulze.Tally(election.Candidates, election.Ballots, election.MaxRanked);
            Assert.True(result.Items[0].ItemId == winner, $"{election}: Condorcet winner {winner}, Schulze elected {result.Items[0].ItemId}");
        }

        Assert.True(checkedSome > Elections / 4, $"Only {checkedSome} elections had a Condorcet winner; the property was barely tested.");
    }

    [Fact]
    public void InstantRunoff_AlwaysElectsAnItemWithAMajorityOfFirstPreferences()
    {
        var checkedSome = 0;
        foreach (var election in Elections_())
        {
            var firsts = election.Ballots.GroupBy(b => b[0]).MaxBy(g => g.Count())!;
            if (firsts.Count() * 2 <= election.Ballots.Count)
            {
                continue;
            }

            checkedSome++;
            var result = InstantRunoff.Tally(election.Candidates, election.Ballots, election.MaxRanked);
            Assert.True(result.Items[0].ItemId == firsts.Key, $"{election}: {firsts.Key} had a majority of first preferences, IRV elected {result.Items[0].ItemId}");
            Assert.Equal(1, result.Runoff!.DecisiveRound);
        }

        Assert.True(checkedSome > Elections / 10, $"Only {checkedSome} elections had a first-preference majority.");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Results_DoNotDependOnTheOrderOfBallots(TallyMethod method)
    {
        foreach (var election in Elections_())
        {
            var once = Tally.Rank(method, election.Candidates, election.Ballots, election.MaxRanked);
            var again = Tally.Rank(method, election.Candidates, election.Shuffled(election.Seed + 1), election.MaxRanked);
            Assert.True(
                once.Items.SequenceEqual(again.Items),
                $"{election}: {method} gave {string.Join(",", once.Items.Select(i => i.ItemId))} then {string.Join(",", again.Items.Select(i => i.ItemId))}");
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Results_PlaceEveryCandidateExactlyOnce(TallyMethod method)
    {
        foreach (var election in Elections_())
        {
            var result = Tally.Rank(method, election.Candidates, election.Ballots, election.MaxRanked);
            Assert.Equal(election.Candidates.Order(), result.Items.Select(i => i.ItemId).Order());
            Assert.Equal(Enumerable.Range(1, election.Candidates.Length), result.Items.Select(i => i.Place));
            Assert.Equal(election.Ballots.Count, result.BallotCount);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ABallotThatRepeatsAnItem_IsRefusedByTheTally(TallyMethod method)
    {
        var election = RandomElection.Make(7);
        var repeated = new List<IReadOnlyList<string>>(election.Ballots) { new[] { election.Candidates[0], election.Candidates[0] } };

        var error = Assert.Throws<ArgumentException>(() => Tally.Rank(method, election.Candidates, repeated, election.MaxRanked + 1));
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABallotThatRepeatsAnItem_IsRefusedWhenCastSoItNeverReachesATally()
    {
        var setup = Setups.VotingOnArguments();
        var item = setup.BobArg.ItemId;

        DebateAssert.Refused(setup.Debate, DebateError.InvalidBallot, () => setup.Debate.CastBallot(setup.Ann, "dup", 0, [item, item], DebateBuilder.T0.AddSeconds(310)));
    }

    [Fact]
    public void BordaTotals_EqualTheSumOfThePointsTheBallotsGive()
    {
        foreach (var election in Elections_())
        {
            var result = Borda.Tally(election.Candidates, election.Ballots, election.MaxRanked);
            var given = election.Ballots.Sum(b => Enumerable.Range(0, Math.Min(b.Count, election.MaxRanked)).Sum(p => election.MaxRanked - p));
            Assert.True(result.Items.Sum(i => i.Score) == given, $"{election}: points {result.Items.Sum(i => i.Score)}, ballots gave {given}");
        }
    }

    [Fact]
    public void InstantRunoff_EveryRoundAccountsForEveryBallot()
    {
        foreach (var election in Elections_())
        {
            var result = InstantRunoff.Tally(election.Candidates, election.Ballots, election.MaxRanked);
            foreach (var round in result.Runoff!.Rounds)
            {
                Assert.Equal(round.Continuing, round.Counts.Sum(c => c.Votes));
                Assert.Equal(election.Ballots.Count, round.Continuing + round.Exhausted);
            }
        }
    }

    [Fact]
    public void Schulze_OrderAgreesWithEveryStrongestPathComparison()
    {
        foreach (var election in Elections_())
        {
            var result = Schulze.Tally(election.Candidates, election.Ballots, election.MaxRanked);
            var detail = result.Pairwise!;
            var place = result.Items.ToDictionary(i => i.ItemId, i => i.Place);
            for (var i = 0; i < detail.ItemIds.Count; i++)
            {
                for (var j = 0; j < detail.ItemIds.Count; j++)
                {
                    if (detail.StrongestPaths[i][j] > detail.StrongestPaths[j][i])
                    {
                        Assert.True(place[detail.ItemIds[i]] < place[detail.ItemIds[j]], $"{election}: {detail.ItemIds[i]} beats {detail.ItemIds[j]} but is placed below it");
                    }
                }
            }
        }
    }

    private static IEnumerable<RandomElection> Elections_() => Enumerable.Range(1, Elections).Select(seed => RandomElection.Make(seed));

    /// <summary>The item every other loses to head to head (unranked items tie below ranked ones), if any.</summary>
    private static string? CondorcetWinner(RandomElection election)
    {
        int Prefer(string x, string y) => election.Ballots.Count(b =>
        {
            var ranked = b.Take(election.MaxRanked).ToList();
            var ix = ranked.IndexOf(x);
            var iy = ranked.IndexOf(y);
            return ix >= 0 && (iy < 0 || ix < iy);
        });

        return election.Candidates.FirstOrDefault(x => election.Candidates.Where(y => y != x).All(y => Prefer(x, y) > Prefer(y, x)));
    }
}
