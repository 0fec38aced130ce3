namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// One live debate. Commands run one at a time on the in-memory debate, their events go to the
/// writer, and the caller is answered only after the commit. Broadcasts follow commits. If a commit
/// fails, the room reloads from the database before its next command, so memory never runs ahead of
/// what is stored for long.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The gate never exposes a wait handle, so it holds nothing to dispose; rooms live as long as their debate.")]
internal sealed partial class Room
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<(long UpTo, Task Done)> _pending = new();
    private readonly Dictionary<string, (Guid Participant, string Token, long Seq)> _joins = new(StringComparer.Ordinal);
    private readonly RoomServices _services;
    private readonly RoomBroadcaster _broadcaster;
    private readonly Dictionary<string, object> _logScope;
    private readonly ILogger _log;
    private Debate _debate;
    private int _epoch;
    private int _poisonedEpoch = -1;
    private long _committed;
    private ITimer? _timer;
    private DateTimeOffset? _armedFor;
    private bool _closed;

    public Room(Debate debate, Guid ownerId, RoomServices services)
    {
        _debate = debate;
        _services = services;
        _log = services.Log;
        _committed = debate.Version;
        Id = debate.Id;
        OwnerId = ownerId;
        JoinCode = debate.JoinCode;
        _logScope = new() { ["DebateId"] = Id, ["JoinCode"] = JoinCode };
        _broadcaster = new RoomBroadcaster(this, services.Hub, services.Time, services.Options.BroadcastInterval, services.Log);
    }

    public Guid Id { get; }

    public Guid OwnerId { get; }

    public string JoinCode { get; }

    public RoomPresence Presence { get; } = new();

    /// <summary>Arms the clock; a deadline that passed while the room was unloaded fires at once.</summary>
    public Task StartAsync() => ExecuteAsync((_, _) => new Step<bool>(true, []), rearm: true);

    /// <summary>A student joins on a connection, which is counted in the room before the snapshot is taken.</summary>
    public Task<JoinResult> JoinAsync(JoinRequest request, string connectionId) => ExecuteAsync((d, now) =>
    {
        var requestId = request.RequestId;
        if (requestId is { Length: > DebateLimits.RequestIdMaxLength })
        {
            throw new DebateRuleException(DebateError.InvalidRequest, $"A request id may be at most {DebateLimits.RequestIdMaxLength} characters.");
        }

        if (requestId is not null && _joins.TryGetValue(requestId, out var earlier))
        {
            var again = d.Authenticate(ResumeTokens.Hash(earlier.Token), now, _services.Options.ResumeWindowAfterFinish);
            Enter(connectionId, Audience.Student, again.Id);
            return new Step<JoinResult>(new JoinResult(Id, again.Id, earlier.Token, Snapshots.ForStudent(d, again, now)), [], earlier.Seq);
        }

        var id = Guid.NewGuid();
        var token = ResumeTokens.Create();
        var events = d.Join(id, request.Name, ResumeTokens.Hash(token), now);
        if (requestId is not null)
        {
            _joins[requestId] = (id, token, events[^1].Seq);
        }

        Enter(connectionId, Audience.Student, id);

        return new Step<JoinResult>(new JoinResult(Id, id, token, Snapshots.ForStudent(d, d.FindParticipant(id)!, now)), events);
    });

    /// <summary>Finds the student a token belongs to and returns their snapshot.</summary>
    public Task<(Guid ParticipantId, RoomSnapshot Snapshot)> ResumeAsync(string? token, string connectionId) => ExecuteAsync((d, now) =>
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "That session isn't valid for this debate. Join again with the code.");
        }

        var p = d.Authenticate(ResumeTokens.Hash(token), now, _services.Options.ResumeWindowAfterFinish);
        Enter(connectionId, Audience.Student, p.Id);
        return new Step<(Guid, RoomSnapshot)>((p.Id, Snapshots.ForStudent(d, p, now)), []);
    });

    public Task<ArgumentAck> PostArgumentAsync(Guid participantId, PostArgumentRequest request) => ExecuteAsync((d, now) =>
    {
        var s = d.PostArgument(participantId, request.RequestId, Guid.NewGuid(), request.Text, request.ReplyToId, now);
        var view = RoomViews.Argument(d, d.FindArgument(s.Accepted.ArgumentId)!, Audience.Student);
        return new Step<ArgumentAck>(new ArgumentAck(s.Accepted.RequestId, view), s.Events, s.Accepted.Seq);
    });

    public Task<BallotAck> CastBallotAsync(Guid participantId, BallotRequest request) => ExecuteAsync((d, now) =>
    {
        var s = d.CastBallot(participantId, request.RequestId, request.RoundIndex, request.Ranking, now);
        var b = s.Accepted;
        return new Step<BallotAck>(new BallotAck(b.RequestId, new BallotView(b.RoundIndex, b.Ranking, b.Revision, b.Receipt, b.At)), s.Events, b.Seq);
    });

    /// <summary>Runs an instructor's command.</summary>
    public Task ControlAsync(Func<Debate, DateTimeOffset, IReadOnlyList<DebateEvent>> command) =>
        ExecuteAsync((d, now) => new Step<bool>(true, command(d, now)));

    public Task<RoomSnapshot> AttachAsync(string connectionId) => ExecuteAsync((d, now) =>
    {
        Enter(connectionId, Audience.Instructor, null);
        return new Step<RoomSnapshot>(Snapshots.ForInstructor(d, Presence, now), []);
    });

    public Task<RoomSnapshot> WatchAsync(string connectionId) => ExecuteAsync((d, now) =>
    {
        if (d.Status == DebateStatus.Draft)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "This debate hasn't opened its lobby yet.");
        }

        Enter(connectionId, Audience.Projector, null);
        return new Step<RoomSnapshot>(Snapshots.ForProjector(d, now), []);
    });

    /// <summary>Reads the live debate under the room's gate.</summary>
    public Task<T> ReadAsync<T>(Func<Debate, DateTimeOffset, T> read) => ExecuteAsync((d, now) => new Step<T>(read(d, now), []));

    public void Disconnected(string connectionId)
    {
        if (Presence.Remove(connectionId) is { } id)
        {
            _broadcaster.Touch(id);
        }
    }

    /// <summary>
    /// Removes a student's data. The erase is committed together with the rewrite of the student's
    /// earlier events, after every earlier write of this room has landed, so the history has no gap.
    /// </summary>
    public async Task EraseAsync(Guid participantId)
    {
        using var scope = _log.BeginScope(_logScope);
        await _gate.WaitAsync();
        try
        {
            await PrepareAsync();
            foreach (var (_, done) in _pending.ToList())
            {
                await done.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await PrepareAsync();
            var now = _services.Time.GetUtcNow();
            var events = _debate.Erase(participantId, now);
            try
            {
                await DebateStore.EraseAsync(_services.Dbs, Id, (ParticipantErased)events[0], DebateSummary.Of(_debate, now));
            }
            catch (Exception e)
            {
                Volatile.Write(ref _poisonedEpoch, _epoch);
                throw new StorageUnavailableException("The student's data couldn't be removed. Nothing changed; please try again.", e);
            }

            OnCommitted(events);
            LogErased(Id, participantId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the room for good, e.g. when its debate is deleted, and tells everyone in it why.</summary>
    public async Task CloseAsync(string message)
    {
        await _gate.WaitAsync();
        try
        {
            _closed = true;
            _timer?.Dispose();
            _timer = null;
        }
        finally
        {
            _gate.Release();
        }

        var closing = new RoomUpdate(_services.Time.GetUtcNow(), [new Removed(long.MaxValue, message)]);
        await _services.Hub.Clients.Group(RoomGroups.Public(Id)).Update(closing);
        await _services.Hub.Clients.Group(RoomGroups.Instructor(Id)).Update(closing);
    }

    /// <summary>Called by the broadcaster to turn committed events into updates.</summary>
    internal Task<Outbox> ProjectAsync(IReadOnlyList<DebateEvent> events, IEnumerable<Guid> touched, bool resync) =>
        ExecuteAsync((d, now) => new Step<Outbox>(RoomProjector.Project(d, events, Presence, touched, resync, now), []));

    /// <summary>Counts a connection in the room; called under the gate, so the next flush already includes it.</summary>
    private void Enter(string connectionId, Audience audience, Guid? participantId)
    {
        if (Presence.Add(connectionId, audience, participantId) && participantId is { } id)
        {
            _broadcaster.Touch(id);
        }
    }

    /// <summary>Called by the writer, in commit order.</summary>
    internal void OnCommitted(IReadOnlyList<DebateEvent> events)
    {
        Volatile.Write(ref _committed, events[^1].Seq);
        foreach (var e in events)
        {
            if (e is PhaseStarted p)
            {
                LogPhaseStarted(Id, p.RoundIndex, p.Phase, p.Deadline, p.Cause);
            }
        }

        _broadcaster.Add(events);
    }

    /// <summary>Called by the writer when a commit of this room's events failed.</summary>
    internal void OnWriteFailed(int epoch) => Interlocked.CompareExchange(ref _poisonedEpoch, epoch, -1);

    /// <summary>True for requests made before a failed commit: they must not be written.</summary>
    internal bool IsStale(int epoch) => epoch != Volatile.Read(ref _epoch) || Volatile.Read(ref _poisonedEpoch) == epoch;

    private async Task<T> ExecuteAsync<T>(Func<Debate, DateTimeOffset, Step<T>> command, bool rearm = false)
    {
        using var scope = _log.BeginScope(_logScope);
        Task commit;
        T value;
        await _gate.WaitAsync();
        try
        {
            await PrepareAsync();
            var now = _services.Time.GetUtcNow();
            Step<T> step;
            try
            {
                step = command(_debate, now);
            }
            catch (Exception e) when (e is not DebateRuleException)
            {
                // A bug, not a refused move: the debate may be half-changed, so reload it from what was stored.
                Volatile.Write(ref _poisonedEpoch, _epoch);
                throw;
            }

            value = step.Value;
            commit = step.Events.Count > 0 ? Enqueue(step.Events, now) : CommitOf(step.RetryOf);
            if (rearm)
            {
                _armedFor = null;
            }

            ArmTimer(now);
        }
        finally
        {
            _gate.Release();
        }

        await commit;
        return value;
    }

    private async Task PrepareAsync()
    {
        if (_closed)
        {
            throw new DebateRuleException(DebateError.NotFound, "This debate no longer exists.");
        }

        if (Volatile.Read(ref _poisonedEpoch) != _epoch)
        {
            return;
        }

        (DebateRecord Row, Debate Debate)? loaded;
        try
        {
            loaded = await DebateStore.LoadAsync(_services.Dbs, Id);
        }
        catch (Exception e)
        {
            throw new StorageUnavailableException("The server can't reach its database right now. Please try again in a moment.", e);
        }

        if (loaded is not { } found)
        {
            _closed = true;
            throw new DebateRuleException(DebateError.NotFound, "This debate no longer exists.");
        }

        _debate = found.Debate;
        Interlocked.Increment(ref _epoch);
        Volatile.Write(ref _poisonedEpoch, -1);
        Volatile.Write(ref _committed, _debate.Version);
        _pending.Clear();
        _joins.Clear();
        _armedFor = null;
        _broadcaster.Resync();
        LogReloaded(Id, _debate.Version);
    }

    private Task Enqueue(IReadOnlyList<DebateEvent> events, DateTimeOffset now)
    {
        var done = _services.Writer.WriteAsync(new WriteRequest(this, _epoch, events, DebateSummary.Of(_debate, now)));
        while (_pending.TryPeek(out var head) && head.Done.IsCompletedSuccessfully)
        {
            _pending.Dequeue();
        }

        _pending.Enqueue((events[^1].Seq, done));
        return done;
    }

    /// <summary>The commit that covers an earlier event: done already, or still on its way.</summary>
    private Task CommitOf(long seq)
    {
        if (seq <= Volatile.Read(ref _committed))
        {
            return Task.CompletedTask;
        }

        foreach (var (upTo, done) in _pending)
        {
            if (upTo >= seq)
            {
                return done;
            }
        }

        return Task.CompletedTask;
    }

    private void ArmTimer(DateTimeOffset now)
    {
        var deadline = _debate.Status == DebateStatus.Running ? _debate.Deadline : null;
        if (deadline == _armedFor && (_timer is not null || deadline is null))
        {
            return;
        }

        _timer?.Dispose();
        _timer = null;
        _armedFor = deadline;
        if (deadline is { } d)
        {
            var due = d > now ? d - now : TimeSpan.Zero;
            _timer = _services.Time.CreateTimer(_ => _ = TickAsync(), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task TickAsync()
    {
        try
        {
            await ExecuteAsync((d, now) => new Step<bool>(true, d.Tick(now)), rearm: true);
        }
        catch (Exception e)
        {
            LogTickFailed(Id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate {DebateId}: round {RoundIndex} entered {Phase} until {Deadline} ({Cause})")]
    private partial void LogPhaseStarted(Guid debateId, int roundIndex, Phase phase, DateTimeOffset? deadline, PhaseChangeCause cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debate {DebateId} reloaded from the database at version {Version} after a failed commit")]
    private partial void LogReloaded(Guid debateId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate {DebateId}: the data of participant {ParticipantId} was removed at the instructor's request")]
    private partial void LogErased(Guid debateId, Guid participantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Debate {DebateId}: the clock tick failed")]
    private partial void LogTickFailed(Guid debateId, Exception exception);
}
