namespace OpenClosedDebate.LoadTest;

/// <summary>Latency samples in milliseconds, thread-safe to add to, summarised as p50, p99 and max.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count
    {
        get
        {
            lock (_values)
            {
                return _values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_values)
        {
            _values.Add(milliseconds);
        }
    }

    public Summary Summarise()
    {
        double[] sorted;
        lock (_values)
        {
            sorted = [.. _values];
        }

        Array.Sort(sorted);
        return sorted.Length == 0
            ? new Summary(0, double.NaN, double.NaN, double.NaN)
            : new Summary(sorted.Length, At(sorted, 0.50), At(sorted, 0.99), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

/// <summary>The summary of a set of latencies.</summary>
internal sealed record Summary(int Count, double P50, double P99, double Max);
