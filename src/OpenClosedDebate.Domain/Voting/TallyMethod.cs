namespace OpenClosedDebate.Domain.Voting;

/// <summary>How ranked ballots become a result.</summary>
public enum TallyMethod
{
    /// <summary>Points K..1 by position; the default.</summary>
    Borda,

    /// <summary>Instant-runoff: the item with fewest first choices is eliminated and its ballots move on, until one item has a majority.</summary>
    InstantRunoff,

    /// <summary>Schulze: the Condorcet method that ranks by the strongest paths of pairwise wins.</summary>
    Schulze,
}
