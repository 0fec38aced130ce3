namespace OpenClosedDebate.Domain.Voting;

using OpenClosedDebate.Domain.Debates;

/// <summary>The count of one motion vote. The percentages are for display: rounded to one decimal from the counts, 0 when nobody voted.</summary>
public sealed record MotionTally(int For, int Against, int Undecided)
{
    public int Total => For + Against + Undecided;

    public double ForPercent => Percent(For);

    public double AgainstPercent => Percent(Against);

    public double UndecidedPercent => Percent(Undecided);

    public static MotionTally Count(IEnumerable<MotionChoice> choices)
    {
        int f = 0, a = 0, u = 0;
        foreach (var choice in choices)
        {
            switch (choice)
            {
                case MotionChoice.For: f++; break;
                case MotionChoice.Against: a++; break;
                default: u++; break;
            }
        }

        return new MotionTally(f, a, u);
    }

    /// <summary>The count of one choice.</summary>
    public int Of(MotionChoice choice) => choice switch
    {
        MotionChoice.For => For,
        MotionChoice.Against => Against,
        _ => Undecided,
    };

    private double Percent(int n) => Percentages.Of(n, Total);
}
