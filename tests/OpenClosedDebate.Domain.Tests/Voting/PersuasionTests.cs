namespace OpenClosedDebate.Domain.Tests.Voting;

using System.Numerics;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

/// <summary>The Oxford-style verdict, decided from counts: the worked example from issue 12, and properties over many seeded random votes.</summary>
public sealed class PersuasionTests
{
    private const int Votes = 5000;

    [Fact]
    public void EachSideGainingOneOfSixVoters_IsADrawShownAsPlus16Point7Each()
    {
        // Before: For 3, Against 1, Undecided 2; after: For 4, Against 2. Rounded percentages gave +16.7 against +16.6.
        var persuasion = Persuasion.Between(new MotionTally(3, 1, 2), new MotionTally(4, 2, 0));

        Assert.Equal(PersuasionVerdict.Draw, persuasion.Verdict);
        Assert.Null(persuasion.Winner);
        Assert.Equal((16.7, 16.7), (persuasion.ForGain, persuasion.AgainstGain));
    }

    [Fact]
    public void AVoteWithNoBallotsBefore_HasNoVerdictAndNoGains()
    {
        var persuasion = Persuasion.Between(new MotionTally(0, 0, 0), new MotionTally(4, 1, 0));

        Assert.Equal((PersuasionVerdict.NoVotes, null, null, null), (persuasion.Verdict, persuasion.Winner, persuasion.ForGain, persuasion.AgainstGain));
    }

    [Fact]
    public void AVoteWithNoBallotsAfter_HasNoVerdictAndNoGains()
    {
        var persuasion = Persuasion.Between(new MotionTally(2, 1, 0), new MotionTally(0, 0, 0));

        Assert.Equal((PersuasionVerdict.NoVotes, null, null), (persuasion.Verdict, persuasion.ForGain, persuasion.AgainstGain));
    }

    [Fact]
    public void GainsAreRoundedHalfAwayFromZero()
    {
        // One of eight moves from Against to For: exactly ±12.5 points. One of 2,000 moves to For: 0.05 points, a half, shown as 0.1.
        var eighth = Persuasion.Between(new MotionTally(0, 1, 7), new MotionTally(1, 0, 7));
        var twentieth = Persuasion.Between(new MotionTally(0, 0, 2000), new MotionTally(1, 0, 1999));

        Assert.Equal((12.5, -12.5), (eighth.ForGain, eighth.AgainstGain));
        Assert.Equal((0.1, 0.0), (twentieth.ForGain, twentieth.AgainstGain));
        Assert.Equal(PersuasionVerdict.For, twentieth.Verdict);
    }

    [Fact]
    public void ALossThatRoundsToNothing_IsShownAsZeroNotMinusZero()
    {
        // For loses 1/2500 of the vote: -0.04 points.
        var persuasion = Persuasion.Between(new MotionTally(1, 0, 2499), new MotionTally(0, 0, 2500));

        Assert.Equal("0.0", persuasion.ForGain!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PersuasionVerdict.Against, persuasion.Verdict);
    }

    [Fact]
    public void TheVerdict_AgreesWithExactArithmeticOnEveryRandomVote()
    {
        foreach (var (before, after) in RandomVotes(1))
        {
            var persuasion = Persuasion.Between(before, after);

            Assert.True(ExactVerdict(before, after) == persuasion.Verdict, $"{before} → {after}: {persuasion.Verdict}, exactly {ExactVerdict(before, after)}");
        }
    }

    [Fact]
    public void TheVerdict_NeverDependsOnRounding_WhereRoundedPercentagesWouldDisagree()
    {
        // Only the votes where subtracting rounded percentages gives another answer test the property; make sure there are many.
        var disagreements = 0;
        foreach (var (before, after) in RandomVotes(2))
        {
            var rounded = Math.Round(after.ForPercent - before.ForPercent, 1).CompareTo(Math.Round(after.AgainstPercent - before.AgainstPercent, 1));
            var exact = ExactVerdict(before, after);
            if (exact == PersuasionVerdict.NoVotes || Verdict(rounded) == exact)
            {
                continue;
            }

            disagreements++;
            Assert.Equal(exact, Persuasion.Between(before, after).Verdict);
        }

        Assert.True(disagreements > 100, $"Only {disagreements} random votes where rounding would have changed the verdict.");
    }

    [Fact]
    public void DisplayedGains_AreTheExactGainsRoundedOnce_AndNeverContradictTheVerdict()
    {
        foreach (var (before, after) in RandomVotes(3))
        {
            var p = Persuasion.Between(before, after);
            if (p.Verdict == PersuasionVerdict.NoVotes)
            {
                continue;
            }

            Assert.Equal(ExactTenths(before, after, MotionChoice.For), p.ForGain);
            Assert.Equal(ExactTenths(before, after, MotionChoice.Against), p.AgainstGain);
            var shown = $"{before} → {after}: {p.Verdict} shown as {p.ForGain} / {p.AgainstGain}";
            Assert.True(p.Verdict switch
            {
                PersuasionVerdict.For => p.ForGain >= p.AgainstGain,
                PersuasionVerdict.Against => p.AgainstGain >= p.ForGain,
                _ => p.ForGain == p.AgainstGain,
            }, shown);
        }
    }

    [Fact]
    public void SwappingTheLabels_SwapsTheVerdictAndTheGains()
    {
        foreach (var (before, after) in RandomVotes(4))
        {
            var p = Persuasion.Between(before, after);
            var swapped = Persuasion.Between(Swap(before), Swap(after));

            var expected = p.Verdict switch
            {
                PersuasionVerdict.For => PersuasionVerdict.Against,
                PersuasionVerdict.Against => PersuasionVerdict.For,
                var same => same,
            };
            Assert.Equal(expected, swapped.Verdict);
            Assert.Equal((p.ForGain, p.AgainstGain), (swapped.AgainstGain, swapped.ForGain));
        }
    }

    /// <summary>
    /// Seeded random pairs of tallies, small and large, including empty votes. A third are uniform; a third are
    /// exact draws (the after vote is the before vote scaled, with undecided voters moved equally to both sides);
    /// a third are those draws with one voter moved, the closest calls there are.
    /// </summary>
    private static IEnumerable<(MotionTally Before, MotionTally After)> RandomVotes(int seed)
    {
        var random = new Random(seed);
        MotionTally Tally(int most) => new(random.Next(most + 1), random.Next(most + 1), random.Next(most + 1));
        for (var i = 0; i < Votes; i++)
        {
            var most = random.Next(4) switch { 0 => 3, 1 => 12, 2 => 60, _ => 3000 };
            var before = Tally(most);
            var kind = i % 3;
            if (kind == 0 || before.Total == 0)
            {
                yield return (before, Tally(most));
                continue;
            }

            var scale = random.Next(1, 4);
            var moved = random.Next((before.Undecided * scale / 2) + 1);
            var draw = new MotionTally((before.For * scale) + moved, (before.Against * scale) + moved, (before.Undecided * scale) - (2 * moved));
            yield return kind == 1 ? (before, draw) : (before, OneVoterMoved(draw, random));
        }
    }

    private static MotionTally OneVoterMoved(MotionTally t, Random random) => random.Next(4) switch
    {
        0 when t.Undecided > 0 => t with { For = t.For + 1, Undecided = t.Undecided - 1 },
        1 when t.Undecided > 0 => t with { Against = t.Against + 1, Undecided = t.Undecided - 1 },
        2 when t.Against > 0 => t with { For = t.For + 1, Against = t.Against - 1 },
        _ => t with { For = t.For + 1 },
    };

    /// <summary>The verdict from BigInteger fractions reduced to lowest terms: a different route to the same exact comparison.</summary>
    private static PersuasionVerdict ExactVerdict(MotionTally before, MotionTally after)
    {
        if (before.Total == 0 || after.Total == 0)
        {
            return PersuasionVerdict.NoVotes;
        }

        var (forN, forD) = Gain(before, after, MotionChoice.For);
        var (againstN, againstD) = Gain(before, after, MotionChoice.Against);
        return Verdict((forN * againstD).CompareTo(againstN * forD));
    }

    /// <summary>A side's gain as a reduced fraction: after/afterTotal − before/beforeTotal.</summary>
    private static (BigInteger N, BigInteger D) Gain(MotionTally before, MotionTally after, MotionChoice side)
    {
        var n = (new BigInteger(after.Of(side)) * before.Total) - (new BigInteger(before.Of(side)) * after.Total);
        var d = new BigInteger(before.Total) * after.Total;
        var g = BigInteger.GreatestCommonDivisor(n, d);
        return g.IsZero ? (n, d) : (n / g, d / g);
    }

    /// <summary>The gain in points to one decimal, halves away from zero, computed in decimal from the reduced fraction.</summary>
    private static double ExactTenths(MotionTally before, MotionTally after, MotionChoice side)
    {
        var (n, d) = Gain(before, after, side);
        var tenths = BigInteger.DivRem(BigInteger.Abs(n) * 1000, d, out var remainder);
        tenths += remainder * 2 >= d ? 1 : 0;
        return (double)(decimal)(n.Sign * tenths) / 10;
    }

    private static PersuasionVerdict Verdict(int comparison) => comparison switch
    {
        > 0 => PersuasionVerdict.For,
        < 0 => PersuasionVerdict.Against,
        _ => PersuasionVerdict.Draw,
    };

    private static MotionTally Swap(MotionTally t) => new(t.Against, t.For, t.Undecided);
}
