namespace OpenClosedDebate.Domain.Voting;

/// <summary>The outcome of an Oxford-style debate, decided from the counts of the two motion votes.</summary>
public enum PersuasionVerdict
{
    /// <summary>The share of the vote for the motion grew more than the share against it: the motion carries.</summary>
    For,

    /// <summary>The share against the motion grew more: the motion falls.</summary>
    Against,

    /// <summary>Both shares grew (or fell) by exactly the same fraction of the voters.</summary>
    Draw,

    /// <summary>One of the two votes had no ballots, so there is no change of share to measure.</summary>
    NoVotes,
}
