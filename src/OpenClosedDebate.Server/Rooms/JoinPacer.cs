namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Server.Contract;

/// <summary>
/// Paces joins into one room. A class arriving together (up to <see cref="RoomOptions.JoinBurst"/>, or a tenth
/// of the room's capacity if that is more) comes straight in; beyond that joins take turns, at
/// <see cref="RoomOptions.JoinsPerSecond"/> or the rate that fills the room in <see cref="RoomOptions.JoinFillTime"/>,
/// whichever is faster. A join whose turn is further off than <see cref="RoomOptions.JoinMaxWait"/> is turned
/// away with a time to try again. So a script can add students no faster than a real class arrives, and the
/// instructor sees when that happens (<see cref="View"/>).
/// </summary>
/// <remarks>
/// A token bucket that may go below zero: each waiting join reserves the token it will get, so the wait
/// it is told is exact however many arrive together, and the time stays on the server's clock.
/// </remarks>
internal sealed class JoinPacer(RoomOptions options, TimeProvider time)
{
    private static readonly TimeSpan QuietAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private double _tokens = double.NaN;
    private long _at;
    private int _slowed;
    private int _turnedAway;
    private DateTimeOffset? _surgeSince;
    private DateTimeOffset? _lastSurgeAt;

    /// <summary>
    /// Takes a turn to join a room of <paramref name="capacity"/>: how long to wait for it (zero at once), or
    /// null when the wait would be too long, with <paramref name="retryAfter"/> the time after which it won't be.
    /// </summary>
    public TimeSpan? Reserve(int capacity, out TimeSpan retryAfter)
    {
        var (burst, perSecond) = Rates(capacity);
        var now = time.GetTimestamp();
        lock (_lock)
        {
            _tokens = double.IsNaN(_tokens) ? burst : Math.Min(burst, _tokens + (time.GetElapsedTime(_at, now).TotalSeconds * perSecond));
            _at = now;
            retryAfter = TimeSpan.Zero;
            if (_tokens >= 1)
            {
                _tokens--;
                return TimeSpan.Zero;
            }

            var wait = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            Surge();
            if (wait > options.JoinMaxWait)
            {
                _turnedAway++;
                retryAfter = wait - options.JoinMaxWait;
                return null;
            }

            _tokens--;
            _slowed++;
            return wait;
        }
    }

    /// <summary>Gives back a turn whose join was refused (a taken name, a full room), so it costs the room nothing.</summary>
    public void GiveBack(int capacity)
    {
        lock (_lock)
        {
            _tokens = Math.Min(Rates(capacity).Burst, _tokens + 1);
        }
    }

    public JoinActivityView View(int capacity)
    {
        var (burst, perSecond) = Rates(capacity);
        lock (_lock)
        {
            return new JoinActivityView(burst, Math.Round(perSecond, 2), _slowed, _turnedAway, _surgeSince, _lastSurgeAt);
        }
    }

    private (int Burst, double PerSecond) Rates(int capacity) => (
        Math.Max(options.JoinBurst, capacity / 10),
        Math.Max(options.JoinsPerSecond, capacity / options.JoinFillTime.TotalSeconds));

    private void Surge()
    {
        var now = time.GetUtcNow();
        if (_lastSurgeAt is not { } last || now - last > QuietAfter)
        {
            (_surgeSince, _slowed, _turnedAway) = (now, 0, 0);
        }

        _lastSurgeAt = now;
    }
}
