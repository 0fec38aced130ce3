namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// The Schulze method over partial ballots. A ballot prefers each item it ranks to every item
/// ranked below it and to every item it leaves out; items it leaves out are tied with each other.
/// d[X,Y] counts the ballots preferring X to Y. The strength of a path is its weakest link
/// (counting only links where d[X,Y] > d[Y,X]); p[X,Y] is the strongest path from X to Y. X ranks
/// above Y when p[X,Y] > p[Y,X]. A Condorcet winner, who beats everyone head to head, always wins.
/// <list type="bullet">
/// <item>Score: how many items an item ranks above. Items the relation leaves level are ordered by
/// Borda points, then by the candidates' order (for arguments, the earlier posted).</item>
/// <item>With more than <see cref="ShortlistSize"/> items, Schulze runs over the
/// <see cref="ShortlistSize"/> with the most Borda points, and the rest follow in Borda order; the
/// result's note says so. Strongest paths cost n³, which a lecture hall's thousands of arguments
/// can't afford, and the places below the shortlist don't decide anything.</item>
/// <item>The matrices are kept in the result when there are at most <see cref="DetailLimit"/> items.</item>
/// </list>
/// </summary>
public static class Schulze
{
    public const int ShortlistSize = 200;
    public const int DetailLimit = 20;

    public static RankingResult Tally(IReadOnlyList<string> candidates, IEnumerable<IReadOnlyList<string>> ballots, int maxRanked)
    {
        var n = candidates.Count;
        var prepared = Tallies.Prepare(Tallies.IndexOf(candidates), ballots, maxRanked);
        var (borda, firsts) = Tallies.BordaPoints(n, prepared, maxRanked);
        var byBorda = Enumerable.Range(0, n).OrderByDescending(i => borda[i]).ThenByDescending(i => firsts[i]).ThenBy(i => i).ToArray();
        var shortlist = n > ShortlistSize ? byBorda.Take(ShortlistSize).Order().ToArray() : Enumerable.Range(0, n).ToArray();

        var d = Preferences(shortlist, n, prepared);
        var p = StrongestPaths(d);
        var m = shortlist.Length;
        var wins = new int[n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (i != j && p[i, j] > p[j, i])
                {
                    wins[shortlist[i]]++;
                }
            }
        }

        var ranked = shortlist.OrderByDescending(c => wins[c]).ThenByDescending(c => borda[c]).ThenBy(c => c);
        var order = ranked.Concat(byBorda.Skip(m)).ToArray();
        var result = Tallies.Listed(TallyMethod.Schulze, candidates, prepared.Length, order, wins, firsts);
        return result with
        {
            Pairwise = m <= DetailLimit ? new PairwiseDetail([.. shortlist.Select(c => candidates[c])], Rows(d), Rows(p)) : null,
            Note = n > ShortlistSize
                ? $"Schulze was counted over the {ShortlistSize} items with the most Borda points; the other {n - ShortlistSize} follow in Borda order."
                : null,
        };
    }

    /// <summary>d[i,j] over the shortlist: ballots ranking i, less those ranking j above i.</summary>
    private static int[,] Preferences(int[] shortlist, int candidateCount, int[][] ballots)
    {
        var local = Enumerable.Repeat(-1, candidateCount).ToArray();
        for (var i = 0; i < shortlist.Length; i++)
        {
            local[shortlist[i]] = i;
        }

        var m = shortlist.Length;
        var ranks = new int[m];
        var above = new int[m, m];
        var items = new List<int>();
        foreach (var ballot in ballots)
        {
            items.Clear();
            items.AddRange(ballot.Select(c => local[c]).Where(i => i >= 0));
            for (var a = 0; a < items.Count; a++)
            {
                ranks[items[a]]++;
                for (var b = a + 1; b < items.Count; b++)
                {
                    above[items[a], items[b]]++;
                }
            }
        }

        var d = new int[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                d[i, j] = i == j ? 0 : ranks[i] - above[j, i];
            }
        }

        return d;
    }

    /// <summary>The widest paths (Floyd–Warshall), over links where d[i,j] > d[j,i].</summary>
    private static int[,] StrongestPaths(int[,] d)
    {
        var m = d.GetLength(0);
        var p = new int[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                p[i, j] = i != j && d[i, j] > d[j, i] ? d[i, j] : 0;
            }
        }

        for (var k = 0; k < m; k++)
        {
            for (var i = 0; i < m; i++)
            {
                if (i == k || p[i, k] == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    if (j != i && j != k)
                    {
                        var through = Math.Min(p[i, k], p[k, j]);
                        if (through > p[i, j])
                        {
                            p[i, j] = through;
                        }
                    }
                }
            }
        }

        return p;
    }

    private static List<IReadOnlyList<int>> Rows(int[,] matrix) =>
        [.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => (IReadOnlyList<int>)[.. Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j])])];
}
