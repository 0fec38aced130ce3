namespace OpenClosedDebate.Domain.Voting;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The Oxford-style verdict: the side whose share of the vote grew more between the pre-debate and
/// post-debate votes wins. Shares are compared exactly, as fractions of the counts: with b and a the
/// before and after tallies, For gained <c>a.For/a.Total − b.For/b.Total</c>, which over the common
/// denominator <c>a.Total × b.Total</c> is an integer numerator, and so for Against. Equal numerators
/// are a draw. When either vote has no ballots there is no share to compare, and the verdict is
/// <see cref="PersuasionVerdict.NoVotes"/>. Percentage points are rounded only for display, from the
/// exact values, so the displayed gains never contradict the verdict (rounding can make them equal, never reversed).
/// </summary>
/// <remarks>
/// Stored results of earlier versions also carry the gains and winner they computed from rounded percentages;
/// those are ignored when read back, and everything here is recomputed from the two tallies.
/// </remarks>
public sealed record Persuasion(MotionTally Before, MotionTally After)
{
    public PersuasionVerdict Verdict => Before.Total == 0 || After.Total == 0
        ? PersuasionVerdict.NoVotes
        : GainNumerator(MotionChoice.For).CompareTo(GainNumerator(MotionChoice.Against)) switch
        {
            > 0 => PersuasionVerdict.For,
            < 0 => PersuasionVerdict.Against,
            _ => PersuasionVerdict.Draw,
        };

    /// <summary>The side that won, or null for a draw or when there is no verdict.</summary>
    public MotionChoice? Winner => Verdict switch
    {
        PersuasionVerdict.For => MotionChoice.For,
        PersuasionVerdict.Against => MotionChoice.Against,
        _ => null,
    };

    /// <summary>For's gain in percentage points, rounded to one decimal for display; null when there is no verdict.</summary>
    public double? ForGain => DisplayedGain(MotionChoice.For);

    /// <summary>Against's gain in percentage points, rounded to one decimal for display; null when there is no verdict.</summary>
    public double? AgainstGain => DisplayedGain(MotionChoice.Against);

    public static Persuasion Between(MotionTally before, MotionTally after) => new(before, after);

    /// <summary>A side's gain as a fraction of the voters, over the denominator <c>Before.Total × After.Total</c>.</summary>
    internal long GainNumerator(MotionChoice side) => ((long)After.Of(side) * Before.Total) - ((long)Before.Of(side) * After.Total);

    private double? DisplayedGain(MotionChoice side) =>
        Verdict == PersuasionVerdict.NoVotes ? null : Percentages.Of(GainNumerator(side), (long)Before.Total * After.Total);
}
