namespace OpenClosedDebate.LoadTest;

using System.Collections.Concurrent;

/// <summary>Everything one scenario run measures on the client side.</summary>
internal sealed class Measurements
{
    private readonly ConcurrentDictionary<long, int> _updatesPerSecond = new();
    private SimStudent? _watched;

    public Samples Connect { get; } = new();

    public Samples Join { get; } = new();

    public Samples ArgumentAck { get; } = new();

    public Samples BallotAck { get; } = new();

    /// <summary>From the server's send time (the update's serverNow) to a client's receipt.</summary>
    public Samples FanOut { get; } = new();

    /// <summary>From the voting deadline to a client's receipt of the results.</summary>
    public Samples Results { get; } = new();

    public ConcurrentDictionary<string, byte> ArgumentsAcknowledged { get; } = new(StringComparer.Ordinal);

    public int BallotsAcknowledged;

    /// <summary>The most updates one client received in any one second: the room's broadcast rate.</summary>
    public int MaxUpdatesPerSecond => _updatesPerSecond.IsEmpty ? 0 : _updatesPerSecond.Values.Max();

    /// <summary>Counts updates per second of arrival for one client, the first to receive one.</summary>
    public void CountUpdate(SimStudent student, long arrivedTicks)
    {
        Interlocked.CompareExchange(ref _watched, student, null);
        if (_watched == student)
        {
            _updatesPerSecond.AddOrUpdate(arrivedTicks / TimeSpan.TicksPerSecond, 1, (_, n) => n + 1);
        }
    }
}
