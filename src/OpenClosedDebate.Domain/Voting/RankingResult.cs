namespace OpenClosedDebate.Domain.Voting;

/// <summary>A full order of a round's items under one method.</summary>
/// <param name="Method">The method that produced this order.</param>
/// <param name="BallotCount">Ballots counted.</param>
/// <param name="Items">Every candidate, winner first.</param>
public sealed record RankingResult(TallyMethod Method, int BallotCount, IReadOnlyList<RankedItem> Items)
{
    /// <summary>Instant-runoff: the rounds of elimination.</summary>
    public RunoffDetail? Runoff { get; init; }

    /// <summary>Schulze: the pairwise and strongest-path matrices.</summary>
    public PairwiseDetail? Pairwise { get; init; }

    /// <summary>Anything a reader must know about how the order was reached, such as a shortlist.</summary>
    public string? Note { get; init; }
}

/// <summary>One item's place in a <see cref="RankingResult"/>.</summary>
/// <param name="ItemId">The argument id, option id or motion choice.</param>
/// <param name="Place">1 for the winner. Places are strict: ties are broken by the method's documented rule.</param>
/// <param name="Score">The method's score: Borda points; instant-runoff votes in the item's last round; Schulze, items it beats.</param>
/// <param name="FirstPreferences">Ballots that ranked this item first.</param>
/// <param name="TieBroken">True when this item's score equals a neighbour's, so the tie-break decided its place.</param>
public sealed record RankedItem(string ItemId, int Place, int Score, int FirstPreferences, bool TieBroken);
