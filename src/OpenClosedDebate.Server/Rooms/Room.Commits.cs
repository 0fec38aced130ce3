namespace OpenClosedDebate.Server.Rooms;

using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

/// <summary>The room's commit pipeline: one command at a time under the gate, its events to the writer, the answer after the commit, and a reload from the database after a failed one (epochs and poisoning).</summary>
internal sealed partial class Room
{
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

    /// <summary>
    /// Called by the writer when a commit of this room's events failed. A failure of an epoch the room has already
    /// reloaded past changes nothing: the reload read what was stored without it.
    /// </summary>
    private void OnWriteFailed(int epoch)
    {
        if (epoch == Volatile.Read(ref _epoch))
        {
            Interlocked.CompareExchange(ref _poisonedEpoch, epoch, -1);
        }
    }

    /// <summary>
    /// Called by the writer when this room's events of <paramref name="epoch"/> lost to another writer's: a stale copy
    /// of this room, or this one stale, during a change of the cluster's members. Like a failed commit, it makes the
    /// room reload before its next command (and resync its clients); unlike one, the commands it refused run again.
    /// </summary>
    private void OnFenced(int epoch)
    {
        Volatile.Write(ref _fencedEpoch, epoch);
        OnWriteFailed(epoch);
    }

    /// <summary>True for requests made before a failed commit: they must not be written.</summary>
    private bool IsStale(int epoch) => epoch != Volatile.Read(ref _epoch) || Volatile.Read(ref _poisonedEpoch) == epoch;

    /// <summary>
    /// Runs a command under the gate and answers once its events are stored. A command whose write lost to another
    /// writer (<see cref="OvertakenException"/>) runs again on the reloaded debate, up to
    /// <see cref="RoomOptions.FencedRetries"/> times, unless <paramref name="runsAgain"/> is false: what the other writer
    /// stored is then part of the debate, so the command is answered as if it had come after it (a retry of a
    /// submission the other stored gets that submission's acknowledgement).
    /// </summary>
    private async Task<T> ExecuteAsync<T>(Func<Debate, DateTimeOffset, Step<T>> command, bool rearm = false, bool runsAgain = true)
    {
        using var scope = _log.BeginScope(_logScope);
        for (var retries = 0; ; retries++)
        {
            var (commit, value) = await RunAsync(command, rearm);
            try
            {
                await commit;
                return value;
            }
            catch (OvertakenException) when (runsAgain && retries < _services.Options.FencedRetries)
            {
                LogOvertaken(Id, retries + 1);
            }
        }
    }

    private async Task<(Task Commit, T Value)> RunAsync<T>(Func<Debate, DateTimeOffset, Step<T>> command, bool rearm)
    {
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

        return (commit, value);
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
        var done = _services.Writer.WriteAsync(WriteRequest.Append(_author, _epoch, events, DebateSummary.Of(_debate, now)));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate {DebateId}: round {RoundIndex} entered {Phase} until {Deadline} ({Cause})")]
    private partial void LogPhaseStarted(Guid debateId, int roundIndex, Phase phase, DateTimeOffset? deadline, PhaseChangeCause cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debate {DebateId}: another writer stored events first; the command runs again on the reloaded debate (retry {Retry})")]
    private partial void LogOvertaken(Guid debateId, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debate {DebateId} reloaded from the database at version {Version} after a failed commit")]
    private partial void LogReloaded(Guid debateId, long version);
}
