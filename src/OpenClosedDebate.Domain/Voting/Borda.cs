namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// Borda count over partial ballots. With K the most items a ballot may rank, the item a ballot
/// puts in position p (1-based) gets K - p + 1 points; items a ballot leaves out get nothing from it.
/// So a short ballot gives the same points to the items it ranks as a full one would, and never
/// more in total. Items not among the candidates (hidden arguments) are dropped from a ballot and
/// the items below them move up.
/// Ties: more points first, then more first preferences, then the candidate that comes first in
/// the candidates' order (for arguments, the earlier posted).
/// </summary>
public static class Borda
{
    public static RankingResult Tally(IReadOnlyList<string> candidates, IEnumerable<IReadOnlyList<string>> ballots, int maxRanked)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRanked, 1);
        var index = Tallies.IndexOf(candidates);
        var points = new int[candidates.Count];
        var firsts = new int[candidates.Count];
        var count = 0;

        foreach (var ballot in ballots)
        {
            count++;
            var position = 0;
            foreach (var item in Tallies.Distinct(ballot))
            {
                if (position == maxRanked || !index.TryGetValue(item, out var i))
                {
                    continue;
                }

                if (position == 0)
                {
                    firsts[i]++;
                }

                points[i] += maxRanked - position;
                position++;
            }
        }

        return Tallies.Order(TallyMethod.Borda, candidates, count, points, firsts);
    }
}
