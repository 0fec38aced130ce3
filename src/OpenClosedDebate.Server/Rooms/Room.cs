namespace OpenClosedDebate.Server.Rooms;

using Microsoft.AspNetCore.SignalR;
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
    private readonly RoomServices _services;
    private readonly RoomBroadcaster _broadcaster;
    private readonly WriteAuthor _author;
    private readonly JoinPacer _pacer;
    private readonly Dictionary<string, object> _logScope;
    private readonly ILogger _log;
    private Debate _debate;
    private int _epoch;
    private int _poisonedEpoch = -1;
    private long _committed;
    private ITimer? _timer;
    private DateTimeOffset? _armedFor;
    private bool _closed;
    private DateTimeOffset _lastUsed;

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
        _pacer = new JoinPacer(services.Options, services.Time);
        _broadcaster = new RoomBroadcaster(this, services.Clients, services.Groups, services.Time, services.Options.BroadcastInterval, services.Log);
        _author = new WriteAuthor(Id, IsStale, OnWriteFailed, OnCommitted);
        _lastUsed = services.Time.GetUtcNow();
    }

    public Guid Id { get; }

    public Guid OwnerId { get; }

    public string JoinCode { get; }

    public RoomPresence Presence { get; } = new();

    /// <summary>The last version stored.</summary>
    public long CommittedVersion => Volatile.Read(ref _committed);

    /// <summary>How joins into this room are being paced, for the instructor.</summary>
    public JoinActivityView JoinActivity() => _pacer.View(Volatile.Read(ref _debate).Capacity);

    /// <summary>How many of each side's newest arguments snapshots and reveals carry.</summary>
    private int PerSide => _services.Options.SnapshotArgumentsPerSide;

    /// <summary>Arms the clock; a deadline that passed while the room was unloaded fires at once.</summary>
    public Task StartAsync() => ExecuteAsync((_, _) => new Step<bool>(true, []), rearm: true);

    /// <summary>
    /// A student joins on a connection, which is counted in the room before the snapshot is taken. A join
    /// with a secret that already made a participant is a retry and returns that participant. Joins take
    /// turns (<see cref="JoinPacer"/>); <paramref name="bound"/> is the student the connection already
    /// speaks for, if any: it can only retry that join, not become someone else.
    /// </summary>
    public async Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, Guid? bound)
    {
        var capacity = Volatile.Read(ref _debate).Capacity;
        var wait = _pacer.Reserve(capacity, out var retryAfter);
        if (wait is not { } turn)
        {
            _broadcaster.JoinsChanged();
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            throw new HubException($"roomBusy: Many students are joining at once. Try again in {seconds} {(seconds == 1 ? "second" : "seconds")}.");
        }

        if (turn > TimeSpan.Zero)
        {
            // The wait is on the clock before the instructor hears of it, so whoever sees the news can move time on.
            var waiting = Task.Delay(turn, _services.Time);
            _broadcaster.JoinsChanged();
            await waiting;
        }

        try
        {
            return await EnterAsStudentAsync(request, connectionId, bound);
        }
        catch (DebateRuleException)
        {
            _pacer.GiveBack(capacity);
            throw;
        }
    }

    private Task<JoinResult> EnterAsStudentAsync(JoinRequest request, string connectionId, Guid? bound) => ExecuteAsync((d, now) =>
    {
        // A student who left or was removed no longer holds the connection.
        bound = bound is { } b && d.FindParticipant(b) is { IsActive: true } ? b : null;
        var secret = request.JoinSecret;
        if (secret is not null && !ResumeTokens.IsSecret(secret))
        {
            throw new DebateRuleException(
                DebateError.InvalidRequest,
                $"A join secret is {ResumeTokens.MinSecretLength} to {ResumeTokens.MaxLength} letters, digits, '-' or '_', made from at least 128 random bits.");
        }

        var token = secret ?? ResumeTokens.Create();
        var hash = ResumeTokens.Hash(token);
        if (d.HasSession(hash) && (bound is null || d.Authenticate(hash, now, _services.Options.ResumeWindowAfterFinish).Id == bound))
        {
            var again = d.Authenticate(hash, now, _services.Options.ResumeWindowAfterFinish);
            _services.Bench.ThrowIfBenched(again.Id);
            Enter(connectionId, Audience.Student, again.Id);

            // The first join may still be on its way to the database: answer once everything so far is stored.
            return new Step<JoinResult>(new JoinResult(Id, again.Id, token, Snapshots.ForStudent(d, again, now, PerSide)), [], d.Version);
        }

        if (bound is not null)
        {
            throw new DebateRuleException(DebateError.AlreadyJoined, "This page has already joined as a student. Leave first, or use another device for another student.");
        }

        var id = Guid.NewGuid();
        var events = d.Join(id, request.Name, hash, now, _services.Filter);
        Enter(connectionId, Audience.Student, id);
        return new Step<JoinResult>(new JoinResult(Id, id, token, Snapshots.ForStudent(d, d.FindParticipant(id)!, now, PerSide)), events);
    });

    /// <summary>Finds the student a token belongs to and returns their snapshot.</summary>
    public Task<(Guid ParticipantId, RoomSnapshot Snapshot)> ResumeAsync(string? token, string connectionId) => ExecuteAsync((d, now) =>
    {
        if (string.IsNullOrEmpty(token) || token.Length > ResumeTokens.MaxLength)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "That session isn't valid for this debate. Join again with the code.");
        }

        var p = d.Authenticate(ResumeTokens.Hash(token), now, _services.Options.ResumeWindowAfterFinish);
        _services.Bench.ThrowIfBenched(p.Id);
        Enter(connectionId, Audience.Student, p.Id);
        return new Step<(Guid, RoomSnapshot)>((p.Id, Snapshots.ForStudent(d, p, now, PerSide)), []);
    });

    public Task<ArgumentAck> PostArgumentAsync(Guid participantId, PostArgumentRequest request) => ExecuteAsync((d, now) =>
    {
        var s = d.PostArgument(participantId, request.RequestId, Guid.NewGuid(), request.Text, request.ReplyToId, now, _services.Filter);
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
        return new Step<RoomSnapshot>(Snapshots.ForInstructor(d, Presence, now, PerSide) with { Joins = _pacer.View(d.Capacity) }, []);
    });

    /// <summary>A projector watches; <paramref name="viewer"/> is the student the connection spoke for until now, if any.</summary>
    public Task<RoomSnapshot> WatchAsync(string connectionId, Guid? viewer) => ExecuteAsync((d, now) =>
    {
        d.RequireWatchable(viewer, now, _services.Options.ResumeWindowAfterFinish);
        Enter(connectionId, Audience.Projector, null);
        return new Step<RoomSnapshot>(Snapshots.ForProjector(d, now, PerSide), []);
    });

    /// <summary>
    /// A page of one side's arguments in one round, as a connection in <paramref name="audience"/> may see them:
    /// a student (<paramref name="participantId"/>) and the projector what <see cref="Debate.CanSee"/> allows, the
    /// instructor every argument.
    /// </summary>
    public Task<ArgumentPageView> ArgumentsAsync(Audience audience, Guid? participantId, ArgumentPageRequest request) => ExecuteAsync((d, _) =>
    {
        // A student no longer in the debate is told why: removed, data removed or left.
        var student = audience == Audience.Student ? d.RequireActive(participantId!.Value) : null;
        Func<Argument, bool> visible = audience switch
        {
            Audience.Instructor => _ => true,
            Audience.Projector => a => d.CanSee(null, a),
            _ => a => d.CanSee(student, a),
        };
        var page = d.PageOfArguments(request.RoundIndex, request.Side, request.Before, request.Limit, visible);
        var arguments = page.Arguments.Select(a => RoomViews.Argument(d, a, audience)).ToList();
        return new Step<ArgumentPageView>(new ArgumentPageView(arguments, new OlderArgumentsView(page.RoundIndex, page.Side, page.Older, page.Before)), []);
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
            _lastUsed = now;
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
        await _services.Clients.Group(RoomGroups.Public(Id)).Update(closing);
        await _services.Clients.Group(RoomGroups.Instructor(Id)).Update(closing);
    }

    /// <summary>
    /// Agrees to be dropped from memory if its debate is finished or a draft, no one is connected, everything is
    /// committed and nothing has used it since <paramref name="idleSince"/>. A call that still holds the room afterwards
    /// reloads it from the database first, so it never acts on a copy that a newly loaded room has moved past.
    /// </summary>
    internal async Task<bool> TryRetireAsync(DateTimeOffset idleSince)
    {
        await _gate.WaitAsync();
        try
        {
            if (_closed || _lastUsed > idleSince || _debate.Status is not (DebateStatus.Finished or DebateStatus.Draft)
                || Presence.All().Count > 0 || Volatile.Read(ref _committed) != _debate.Version)
            {
                return false;
            }

            Volatile.Write(ref _poisonedEpoch, _epoch);
            _timer?.Dispose();
            _timer = null;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called by the broadcaster to turn committed events into updates.</summary>
    internal Task<Outbox> ProjectAsync(IReadOnlyList<DebateEvent> events, IEnumerable<Guid> touched, bool resync) =>
        ExecuteAsync((d, now) => new Step<Outbox>(RoomProjector.Project(d, events, Presence, touched, resync, now, PerSide, _pacer.View(d.Capacity)), []));

    /// <summary>Counts a connection in the room; called under the gate, so the next flush already includes it.</summary>
    private void Enter(string connectionId, Audience audience, Guid? participantId)
    {
        if (Presence.Add(connectionId, audience, participantId) && participantId is { } id)
        {
            _broadcaster.Touch(id);
        }
    }

    /// <summary>Called by the writer, in commit order.</summary>
    private void OnCommitted(IReadOnlyList<DebateEvent> events)
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
    private void OnWriteFailed(int epoch) => Interlocked.CompareExchange(ref _poisonedEpoch, epoch, -1);

    /// <summary>True for requests made before a failed commit: they must not be written.</summary>
    private bool IsStale(int epoch) => epoch != Volatile.Read(ref _epoch) || Volatile.Read(ref _poisonedEpoch) == epoch;

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
            catch (Exception e) when (e is not (DebateRuleException or HubException))
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
        _armedFor = null;
        _broadcaster.Resync();
        LogReloaded(Id, _debate.Version);
    }

    private Task Enqueue(IReadOnlyList<DebateEvent> events, DateTimeOffset now)
    {
        var done = _services.Writer.WriteAsync(new WriteRequest(_author, _epoch, events, DebateSummary.Of(_debate, now)));
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
