namespace OpenClosedDebate.Server.Rooms;

using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Sends a room's committed changes, coalesced: the first change after a quiet spell goes out at
/// once, and whatever arrives within the next interval waits and goes out together. One flush runs
/// at a time, so each connection sees changes in commit order. Every <paramref name="heartbeat"/>, while
/// anyone is connected, each group also hears where its numbered updates stand (<see cref="RoomFeed"/>),
/// sent in the same order as the updates, so a client that missed one finds out.
/// </summary>
internal sealed partial class RoomBroadcaster(
    Room room,
    IHubClients<IDebateClient> clients,
    IGroupManager groups,
    TimeProvider time,
    TimeSpan interval,
    TimeSpan heartbeat,
    ILogger log) : IDisposable
{
    private readonly Lock _lock = new();
    private List<DebateEvent> _pending = [];
    private HashSet<Guid> _touched = [];
    private bool _resync;
    private bool _joins;
    private bool _running;
    private bool _beat;
    private ITimer? _heartbeats;
    private DateTimeOffset _lastFlush = DateTimeOffset.MinValue;

    public void Add(IReadOnlyList<DebateEvent> events) => Signal(() => _pending.AddRange(events));

    /// <summary>Marks a student whose connection state changed, so the instructor's roster updates.</summary>
    public void Touch(Guid participantId) => Signal(() => _touched.Add(participantId));

    /// <summary>Joins were slowed or turned away: the instructor's view of the room's join activity updates.</summary>
    public void JoinsChanged() => Signal(() => _joins = true);

    /// <summary>Sends every connection a fresh snapshot, e.g. after the room reloaded from the database.</summary>
    public void Resync() => Signal(() => _resync = true);

    /// <summary>Starts the heartbeats; <see cref="Dispose"/> stops them.</summary>
    public void StartHeartbeats()
    {
        lock (_lock)
        {
            _heartbeats ??= time.CreateTimer(static state => ((RoomBroadcaster)state!).Signal(static b => b._beat = true), this, heartbeat, heartbeat);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _heartbeats?.Dispose();
            _heartbeats = null;
        }
    }

    private void Signal(Action<RoomBroadcaster> mark) => Signal(() => mark(this));

    /// <summary>Records a change under the lock and starts a flush if none is running.</summary>
    private void Signal(Action mark)
    {
        lock (_lock)
        {
            mark();
            if (!StartIfIdle())
            {
                return;
            }
        }

        // Never flush on the caller's thread: Add is called by the writer, which must get on with committing.
        _ = Task.Run(RunAsync);
    }

    private bool StartIfIdle()
    {
        if (_running)
        {
            return false;
        }

        _running = true;
        return true;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            var wait = _lastFlush + interval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            List<DebateEvent> events;
            HashSet<Guid> touched;
            bool resync, joins, beat;
            lock (_lock)
            {
                if (_pending.Count == 0 && _touched.Count == 0 && !_resync && !_joins && !_beat)
                {
                    _running = false;
                    return;
                }

                (events, _pending) = (_pending, []);
                (touched, _touched) = (_touched, []);
                (resync, _resync) = (_resync, false);
                (joins, _joins) = (_joins, false);
                (beat, _beat) = (_beat, false);
            }

            try
            {
                if (events.Count > 0 || touched.Count > 0 || resync || joins)
                {
                    _lastFlush = time.GetUtcNow();
                    await SendAsync(await room.ProjectAsync(events, touched, resync, joins));
                }

                if (beat)
                {
                    SendHeartbeats();
                }
            }
            catch (DebateRuleException e) when (e.Error == DebateError.NotFound)
            {
                // The debate was deleted after these changes were made: there is no one left to tell.
            }
            catch (Exception e)
            {
                LogFlushFailed(room.Id, e);
            }
        }
    }

    /// <summary>
    /// Hands every message to SignalR without waiting for slow connections: a write that can't finish at
    /// once waits in that connection's own queue (in order, behind its earlier writes) while the room
    /// moves on. A connection that stops reading is dropped after <see cref="RoomOptions.SlowClientTimeout"/>.
    /// </summary>
    private async Task SendAsync(Outbox outbox)
    {
        var now = time.GetUtcNow();
        var feed = room.Feed.Id;
        if (outbox.PublicFlush is { } publicFlush)
        {
            Observe(clients.Group(RoomGroups.Public(room.Id)).Update(new RoomUpdate(now, outbox.Public, feed, publicFlush)));
        }

        if (outbox.InstructorFlush is { } instructorFlush)
        {
            Observe(clients.Group(RoomGroups.Instructor(room.Id)).Update(new RoomUpdate(now, outbox.Instructor, feed, instructorFlush)));
        }

        foreach (var (connections, events) in outbox.Targeted)
        {
            if (connections.Count > 0)
            {
                Observe(clients.Clients(connections).Update(new RoomUpdate(now, events)));
            }
        }

        foreach (var (connections, snapshot) in outbox.Snapshots)
        {
            if (connections.Count > 0)
            {
                Observe(clients.Clients(connections).Snapshot(snapshot));
            }
        }

        foreach (var participant in outbox.Removed)
        {
            foreach (var connection in room.Presence.RemoveParticipant(participant))
            {
                await groups.RemoveFromGroupAsync(connection, RoomGroups.Public(room.Id));
            }
        }
    }

    /// <summary>
    /// Tells each group the number of its last update. Sent after every update numbered so far has been handed to
    /// SignalR, on the same group, so it never arrives ahead of one of them. A room no one is in stays quiet, unless its
    /// debate is in a lobby or under way: a room loaded again on another server knows none of the connections still in
    /// its groups, and they learn its new feed, and bind again, only from its heartbeats.
    /// </summary>
    private void SendHeartbeats()
    {
        if (!room.Presence.Any() && !room.IsLive)
        {
            return;
        }

        var now = time.GetUtcNow();
        Observe(clients.Group(RoomGroups.Public(room.Id)).Heartbeat(new HeartbeatView(room.Feed.Id, room.Feed.Last(Audience.Student), now)));
        Observe(clients.Group(RoomGroups.Instructor(room.Id)).Heartbeat(new HeartbeatView(room.Feed.Id, room.Feed.Last(Audience.Instructor), now)));
    }

    private void Observe(Task send)
    {
        if (!send.IsCompletedSuccessfully)
        {
            _ = send.ContinueWith(
                (t, state) => ((RoomBroadcaster)state!).LogSendFailed(room.Id, t.Exception!),
                this,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast to debate {DebateId} failed")]
    private partial void LogFlushFailed(Guid debateId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A send to debate {DebateId} failed")]
    private partial void LogSendFailed(Guid debateId, Exception exception);
}
