namespace OpenClosedDebate.Domain.Sides;

using OpenClosedDebate.Domain.Debates;

/// <summary>Decides sides. Pure: the same counts, ordinal and seed always give the same side.</summary>
public static class SideAssigner
{
    /// <summary>
    /// The side for a student joining now, or null when the mode leaves them unassigned for now.
    /// </summary>
    /// <param name="mode">The debate's mode.</param>
    /// <param name="settled">Sides have been settled: the debate has started, or (manual and
    /// devil's advocate) arguing has begun or the pre-debate vote has closed.</param>
    /// <param name="open">Active students on the open side.</param>
    /// <param name="closed">Active students on the closed side.</param>
    /// <param name="joinOrdinal">The joiner's place in join order.</param>
    /// <param name="seed">The debate's seed.</param>
    public static Side? ForJoiner(SideAssignmentMode mode, bool settled, int open, int closed, int joinOrdinal, int seed) =>
        mode switch
        {
            SideAssignmentMode.Alternating when !settled => joinOrdinal % 2 == 0 ? Side.Open : Side.Closed,
            SideAssignmentMode.Alternating => Smaller(open, closed) ?? (joinOrdinal % 2 == 0 ? Side.Open : Side.Closed),
            SideAssignmentMode.BalancedRandom => Smaller(open, closed) ?? Coin(seed, joinOrdinal),
            _ when settled => Smaller(open, closed) ?? Coin(seed, joinOrdinal),
            _ => null,
        };

    /// <summary>The devil's advocate side: against what the student voted before the debate.</summary>
    public static Side? DevilsAdvocate(MotionChoice? preDebateVote) => preDebateVote switch
    {
        MotionChoice.For => Side.Closed,
        MotionChoice.Against => Side.Open,
        _ => null,
    };

    /// <summary>The smaller side, with a seeded coin on a tie.</summary>
    public static Side Balance(int open, int closed, int joinOrdinal, int seed) => Smaller(open, closed) ?? Coin(seed, joinOrdinal);

    private static Side? Smaller(int open, int closed) =>
        open < closed ? Side.Open : closed < open ? Side.Closed : null;

    /// <summary>A fair coin from the seed and ordinal (SplitMix64), stable across restarts and runtimes.</summary>
    internal static Side Coin(int seed, int joinOrdinal)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)joinOrdinal) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z & 1) == 0 ? Side.Open : Side.Closed;
    }
}
