namespace OpenClosedDebate.Domain.Voting;

/// <summary>How ranked ballots become a result.</summary>
public enum TallyMethod
{
    /// <summary>Points K..1 by position; the default.</summary>
    Borda,
}
