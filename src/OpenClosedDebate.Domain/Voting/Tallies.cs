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
    /// A ballot's items without repeats. Ballots are checked before they are kept, so a repeat here
    /// is a bug; it is still never counted twice.
    /// </summary>
    public static IEnumerable<string> Distinct(IReadOnlyList<string> ballot)
    {
        if (ballot.Count <= 1)
        {
            return ballot;
        }

        var seen = new HashSet<string>(ballot.Count, StringComparer.Ordinal);
        return ballot.Where(seen.Add);
    }

    /// <summary>Orders by score, then first preferences, then candidate order.</summary>
    public static RankingResult Order(TallyMethod method, IReadOnlyList<string> candidates, int ballotCount, int[] scores, int[] firsts)
    {
        var order = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => scores[i])
            .ThenByDescending(i => firsts[i])
            .ThenBy(i => i)
            .ToArray();

        var items = new RankedItem[order.Length];
        for (var place = 0; place < order.Length; place++)
        {
            var i = order[place];
            var tied = (place > 0 && scores[order[place - 1]] == scores[i])
                || (place < order.Length - 1 && scores[order[place + 1]] == scores[i]);
            items[place] = new RankedItem(candidates[i], place + 1, scores[i], firsts[i], tied);
        }

        return new RankingResult(method, ballotCount, items);
    }
}
