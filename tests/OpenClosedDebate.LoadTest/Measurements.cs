namespace OpenClosedDebate.LoadTest;

using System.Collections.Concurrent;

/// <summary>Everything one scenario run measures on the client side.</summary>
internal sealed class Measurements
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<long, byte>> _flushesPerSecond = new();
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

    /// <summary>Join attempts the room answered roomBusy (join pacing, docs/protocol.md), each waited out and tried again.</summary>
    public int JoinsToldToWait;

    /// <summary>Students still told to wait after the student page's six tries: on a phone they'd see an error and press Join again.</summary>
    public int JoinsPastPageRetries;

    /// <summary>Calls the server refused or that failed, by error code (or exception type): the scenarios expect none.</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public void Fail(Exception e) => Failures.AddOrUpdate(e is HubCallException h ? h.Message : e.GetType().Name, 1, (_, n) => n + 1);

    /// <summary>The size of the update that carried a round's results, in bytes.</summary>
    public int ResultsBytes;

    /// <summary>
    /// The most broadcasts one client received in any one second: the room's flush rate. Messages of one
    /// flush (the room's update, and one just for this client) share the server's send time, so they count once.
    /// </summary>
    public int MaxFlushesPerSecond => _flushesPerSecond.IsEmpty ? 0 : _flushesPerSecond.Values.Max(f => f.Count);

    /// <summary>Counts flushes per second of the server's clock for one client, the first to receive one.</summary>
    public void CountUpdate(SimStudent student, long sentTicks)
    {
        Interlocked.CompareExchange(ref _watched, student, null);
        if (_watched == student)
        {
            _flushesPerSecond.GetOrAdd(sentTicks / TimeSpan.TicksPerSecond, _ => new()).TryAdd(sentTicks, 0);
        }
    }
}
