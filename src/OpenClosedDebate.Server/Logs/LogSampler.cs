namespace OpenClosedDebate.Server.Logs;

/// <summary>
/// Lets one line through per interval for an event that can repeat at an attacker's pace, and counts
/// the ones held back so the next line can say how many there were.
/// </summary>
internal sealed class LogSampler(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private long _held;

    /// <summary>True when this occurrence should be logged; <paramref name="held"/> is how many were not since the last one.</summary>
    public bool TryTake(out long held)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now < _next)
            {
                _held++;
                held = 0;
                return false;
            }

            _next = now + interval;
            held = _held;
            _held = 0;
            return true;
        }
    }
}
