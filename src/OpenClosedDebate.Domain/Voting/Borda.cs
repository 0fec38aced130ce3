namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// Borda count over partial ballots. With K the most items a ballot may rank, the item a ballot
/// puts in position p (1-based) gets K - p + 1 points; items a ballot leaves out get nothing from it.
/// So a short ballot gives the same points to the items it ranks as a full one would, and never
/// more in total. (With K = n - 1 and full rankings this is the textbook count of n - 1 .. 0.)
/// Items not among the candidates (hidden arguments) are dropped from a ballot and the items below
/// them move up.
/// Ties: more points first, then more first preferences, then the candidate that comes first in
/// the candidates' order (for arguments, the earlier posted).
/// </summary>
public static class Borda
{
    public static RankingResult Tally(IReadOnlyList<string> candidates, IEnumerable<IReadOnlyList<string>> ballots, int maxRanked)
    {
        var prepared = Tallies.Prepare(Tallies.IndexOf(candidates), ballots, maxRanked);
        var (points, firsts) = Tallies.BordaPoints(candidates.Count, prepared, maxRanked);
        return Tallies.Order(TallyMethod.Borda, candidates, prepared.Length, points, firsts);
    }
}
