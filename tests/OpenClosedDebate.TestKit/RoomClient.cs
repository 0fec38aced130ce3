namespace OpenClosedDebate.TestKit;

using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The one student (or instructor, or projector) client of the tests: a real SignalR hub connection, as the
/// browser's @microsoft/signalr is, plus the view it has built from everything it received. Scripts that fill a
/// room for a browser test use it too; the load generator's thousands speak the protocol through <see cref="HubSocket"/>.
/// </summary>
public sealed class RoomClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly ClientView _view = new();
    private readonly List<RoomUpdate> _updates = [];
    private readonly List<HeartbeatView> _heartbeats = [];

    public RoomClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<RoomUpdate>("Update", update =>
        {
            lock (_lock)
            {
                _updates.Add(update);
                _view.Apply(update);
            }

            _changed.Release();
        });
        connection.On<RoomSnapshot>("Snapshot", snapshot =>
        {
            Load(snapshot);
        });
        connection.On<HeartbeatView>("Heartbeat", heartbeat =>
        {
            lock (_lock)
            {
                _heartbeats.Add(heartbeat);
            }

            _changed.Release();
        });
    }

    public HubConnection Connection { get; }

    public Guid ParticipantId { get; private set; }

    public Guid DebateId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    /// <summary>This student's name as the server keeps it, from what it last said of them.</summary>
    public string Name => Read(v => v.You?.DisplayName) ?? throw new InvalidOperationException("Not a student of a debate.");

    /// <summary>This student's side, from what the server last said of them.</summary>
    public Side Side => Read(v => v.You?.Side) ?? throw new InvalidOperationException("No side yet.");

    public int UpdateCount
    {
        get
        {
            lock (_lock)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>Every update received so far, in order.</summary>
    public IReadOnlyList<RoomUpdate> Updates
    {
        get
        {
            lock (_lock)
            {
                return [.. _updates];
            }
        }
    }

    /// <summary>Every heartbeat received so far, in order.</summary>
    public IReadOnlyList<HeartbeatView> Heartbeats
    {
        get
        {
            lock (_lock)
            {
                return [.. _heartbeats];
            }
        }
    }

    /// <summary>
    /// Whether this client knows it has missed something and must bind again (protocol §4.7), as the browser client
    /// does: an update numbered past the next, a heartbeat ahead of the view, or one of another feed.
    /// </summary>
    public bool IsBehind() => Read(v => v.MissedUpdate || (Heartbeats.Count > 0 && Heartbeats[^1] is var beat && (beat.Feed != v.Feed || beat.Flush > v.Flush)));

    /// <summary>Waits, on real time, until a heartbeat arrives after the first <paramref name="seen"/>.</summary>
    public async Task<HeartbeatView> NextHeartbeatAsync(int seen, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            lock (_lock)
            {
                if (_heartbeats.Count > seen)
                {
                    return _heartbeats[seen];
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No heartbeat came after the first {seen}.");
            }

            await _changed.WaitAsync(left, Ct);
        }
    }

    public async Task<JoinResult> JoinAsync(string code, string name, string? joinSecret = null)
    {
        var result = await Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(code, name, JoinSecret: joinSecret), Ct);
        (ParticipantId, DebateId, Token) = (result.ParticipantId, result.DebateId, result.ResumeToken);
        Load(result.Snapshot);
        return result;
    }

    public async Task<RoomSnapshot> ResumeAsync(Guid debateId, string token)
    {
        var snapshot = await Connection.InvokeAsync<RoomSnapshot>("Resume", new ResumeRequest(debateId, token), Ct);
        (DebateId, Token, ParticipantId) = (debateId, token, snapshot.You!.ParticipantId);
        Load(snapshot);
        return snapshot;
    }

    public async Task<RoomSnapshot> AttachAsync(Guid debateId)
    {
        var snapshot = await Connection.InvokeAsync<RoomSnapshot>("Attach", debateId, Ct);
        DebateId = debateId;
        Load(snapshot);
        return snapshot;
    }

    public async Task<RoomSnapshot> WatchAsync(string code)
    {
        var snapshot = await Connection.InvokeAsync<RoomSnapshot>("Watch", new WatchRequest(code), Ct);
        DebateId = snapshot.Debate.Id;
        Load(snapshot);
        return snapshot;
    }

    /// <summary>Fetches a page of older arguments of this client's debate and adds it to the view.</summary>
    public async Task<ArgumentPageView> OlderAsync(int roundIndex, Side side, long? before, int limit = 50)
    {
        var page = await Connection.InvokeAsync<ArgumentPageView>("Arguments", new ArgumentPageRequest(DebateId, roundIndex, side, before, limit), Ct);
        lock (_lock)
        {
            _view.Load(page);
        }

        return page;
    }

    /// <summary>Every argument of this client's debate it may see: the snapshot's, and each side's older pages fetched to the end.</summary>
    public async Task<List<ArgumentView>> EveryArgumentAsync(RoomSnapshot snapshot)
    {
        var all = snapshot.Arguments.ToDictionary(a => a.Id);
        foreach (var older in snapshot.OlderArguments)
        {
            for (var next = older; next.Count > 0;)
            {
                var page = await OlderAsync(next.RoundIndex, next.Side, next.Before);
                foreach (var a in page.Arguments)
                {
                    all[a.Id] = a;
                }

                next = page.Older;
            }
        }

        return [.. all.Values.OrderBy(a => a.Seq)];
    }

    public Task<ArgumentAck> PostAsync(string text, Guid? replyTo = null, string? requestId = null) =>
        Connection.InvokeAsync<ArgumentAck>("PostArgument", new PostArgumentRequest(requestId ?? Guid.NewGuid().ToString(), text, replyTo), Ct);

    public async Task<BallotAck> VoteAsync(int roundIndex, params string[] ranking)
    {
        var ack = await Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest(Guid.NewGuid().ToString(), roundIndex, ranking), Ct);
        lock (_lock)
        {
            _view.Record(ack.Ballot);
        }

        return ack;
    }

    /// <summary>Leaves the debate for good, as the phone's "Leave" does.</summary>
    public Task LeaveAsync() => Connection.InvokeAsync("Leave", Ct);

    /// <summary>Calls an instructor method with the debate id first.</summary>
    public Task ControlAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync(method, [DebateId, .. args], Ct);

    /// <summary>Reads the view under its lock.</summary>
    public T Read<T>(Func<ClientView, T> read)
    {
        lock (_lock)
        {
            return read(_view);
        }
    }

    /// <summary>Waits, on real time, until what the client has received satisfies the condition.</summary>
    public async Task WaitUntilAsync(Func<ClientView, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (!Read(condition))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The client never saw: {what}.");
            }

            await _changed.WaitAsync(left, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _changed.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void Load(RoomSnapshot snapshot)
    {
        lock (_lock)
        {
            _view.Load(snapshot);
        }

        _changed.Release();
    }
}
