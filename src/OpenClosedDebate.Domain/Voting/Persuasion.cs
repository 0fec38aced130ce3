namespace OpenClosedDebate.Domain.Voting;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The Oxford-style verdict: the side whose share of the vote grew more, in percentage points,
/// between the pre-debate and post-debate votes wins. Equal gains are a draw.
/// </summary>
public sealed record Persuasion(MotionTally Before, MotionTally After, double ForGain, double AgainstGain, MotionChoice? Winner)
{
    public static Persuasion Between(MotionTally before, MotionTally after)
    {
        var forGain = Math.Round(after.ForPercent - before.ForPercent, 1);
        var againstGain = Math.Round(after.AgainstPercent - before.AgainstPercent, 1);
        MotionChoice? winner = forGain > againstGain ? MotionChoice.For : againstGain > forGain ? MotionChoice.Against : null;
        return new Persuasion(before, after, forGain, againstGain, winner);
    }
}
