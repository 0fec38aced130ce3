namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// Percentages for display, rounded once from exact counts. Nothing is ever decided from these:
/// verdicts compare the counts themselves.
/// </summary>
internal static class Percentages
{
    /// <summary>100 × <paramref name="part"/> / <paramref name="whole"/>, rounded to one decimal, halves away from zero; 0 when <paramref name="whole"/> is 0.</summary>
    public static double Of(long part, long whole)
    {
        if (whole == 0)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        var (tenths, remainder) = Int128.DivRem(Int128.Abs((Int128)part * 1000), whole);
        if (remainder * 2 >= whole)
        {
            tenths++;
        }

        // Dividing an exact integer by 10 gives the double nearest to the decimal, the same as parsing "16.7".
        // A loss that rounds to nothing is 0, not -0, which would print as "-0.0".
        return part < 0 && tenths != 0 ? (double)-tenths / 10 : (double)tenths / 10;
    }
}
