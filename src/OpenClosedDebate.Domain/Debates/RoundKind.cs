namespace OpenClosedDebate.Domain.Debates;

/// <summary>What a round asks of the class.</summary>
public enum RoundKind
{
    /// <summary>Argue, then vote on the round's arguments, then results.</summary>
    Argument,

    /// <summary>Vote on fixed options, then results.</summary>
    Ranking,

    /// <summary>For / Against / Undecided on the motion, then results.</summary>
    MotionVote,
}
