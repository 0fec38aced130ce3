namespace OpenClosedDebate.Domain.Voting;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A side's share of an argument round: the Borda points its arguments won. Borda points are
/// used whatever the round's method, because they credit every ranked argument, not only winners.
/// </summary>
/// <param name="Side">The side.</param>
/// <param name="Points">Borda points won by the side's arguments.</param>
/// <param name="Arguments">Visible arguments the side posted in the round.</param>
/// <param name="Share">Points as a fraction of both sides' points; 0.5 each when nobody scored.</param>
public sealed record SideScore(Side Side, int Points, int Arguments, double Share)
{
    /// <summary>Adds up Borda points by the side each argument was posted for.</summary>
    public static IReadOnlyList<SideScore> FromBorda(RankingResult borda, IReadOnlyDictionary<string, Side> sideOf)
    {
        int open = 0, closed = 0, openCount = 0, closedCount = 0;
        foreach (var item in borda.Items)
        {
            if (!sideOf.TryGetValue(item.ItemId, out var side))
            {
                continue;
            }

            if (side == Side.Open)
            {
                open += item.Score;
                openCount++;
            }
            else
            {
                closed += item.Score;
                closedCount++;
            }
        }

        var total = open + closed;
        var openShare = total == 0 ? 0.5 : (double)open / total;
        return [new SideScore(Side.Open, open, openCount, openShare), new SideScore(Side.Closed, closed, closedCount, 1 - openShare)];
    }
}
