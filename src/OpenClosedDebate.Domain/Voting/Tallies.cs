namespace OpenClosedDebate.Domain.Voting;

/// <summary>Steps every tally method shares.</summary>
internal static class Tallies
{
    public static Dictionary<string, int> IndexOf(IReadOnlyList<string> candidates)
    {
        var index = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!index.TryAdd(candidates[i], i))
            {
                throw new ArgumentException($"Candidate '{candidates[i]}' is listed twice.", nameof(candidates));
            }
        }

        return index;
    }

    /// <summary>
    /// Ballots as candidate indexes, most preferred first. Items that are not candidates (hidden
    /// arguments) are dropped and the items below move up; each ballot is then cut to
    /// <paramref name="maxRanked"/> items. A ballot that repeats an item is refused: ballots are
    /// checked when cast, so one here is a bug, and counting it would give one voter two say.
    /// </summary>
    public static int[][] Prepare(Dictionary<string, int> index, IEnumerable<IReadOnlyList<string>> ballots, int maxRanked)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRanked, 1);
        var prepared = new List<int[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<int>(maxRanked);
        foreach (var ballot in ballots)
        {
            seen.Clear();
            items.Clear();
            foreach (var item in ballot)
            {
                if (!seen.Add(item))
                {
                    throw new ArgumentException($"Ballot {prepared.Count + 1} ranks '{item}' more than once.", nameof(ballots));
                }

                if (items.Count < maxRanked && index.TryGetValue(item, out var i))
                {
                    items.Add(i);
                }
            }

            prepared.Add([.. items]);
        }

        return [.. prepared];
    }

    /// <summary>Borda points K..1 by position, and first preferences, of prepared ballots.</summary>
    public static (int[] Points, int[] Firsts) BordaPoints(int candidateCount, int[][] ballots, int maxRanked)
    {
        var points = new int[candidateCount];
        var firsts = new int[candidateCount];
        foreach (var ballot in ballots)
        {
            for (var position = 0; position < ballot.Length; position++)
            {
                points[ballot[position]] += maxRanked - position;
            }

            if (ballot.Length > 0)
            {
                firsts[ballot[0]]++;
            }
        }

        return (points, firsts);
    }

    /// <summary>Orders by score, then first preferences, then candidate order.</summary>
    public static RankingResult Order(TallyMethod method, IReadOnlyList<string> candidates, int ballotCount, int[] scores, int[] firsts)
    {
        var order = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => scores[i])
            .ThenByDescending(i => firsts[i])
            .ThenBy(i => i)
            .ToArray();
        return Listed(method, candidates, ballotCount, order, scores, firsts);
    }

    /// <summary>The result for candidates already in order; ties are items whose score equals a neighbour's.</summary>
    public static RankingResult Listed(TallyMethod method, IReadOnlyList<string> candidates, int ballotCount, IReadOnlyList<int> order, int[] scores, int[] firsts)
    {
        var items = new RankedItem[order.Count];
        for (var place = 0; place < order.Count; place++)
        {
            var i = order[place];
            var tied = (place > 0 && scores[order[place - 1]] == scores[i])
                || (place < order.Count - 1 && scores[order[place + 1]] == scores[i]);
            items[place] = new RankedItem(candidates[i], place + 1, scores[i], firsts[i], tied);
        }

        return new RankingResult(method, ballotCount, items);
    }
}
