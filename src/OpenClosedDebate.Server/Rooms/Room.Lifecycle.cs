namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;

/// <summary>The ends of a room and of a student's data in it: erasing a student, closing the room when its debate is deleted, and retiring it from memory when idle.</summary>
internal sealed partial class Room
{
    /// <summary>
    /// Removes a student's data. The erase is committed together with the rewrite of the student's
    /// earlier events, after every earlier write of this room has landed, so the history has no gap.
    /// </summary>
    public async Task EraseAsync(Guid participantId)
    {
        using var scope = _log.BeginScope(_logScope);
        for (var retries = 0; ; retries++)
        {
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
                var epoch = _epoch;
                try
                {
                    // The writer tells the room of the commit (or poisons it) as for any other write.
                    await _services.Writer.WriteAsync(WriteRequest.Erase(_author, epoch, (ParticipantErased)events[0], DebateSummary.Of(_debate, now)));
                }
                catch (OvertakenException) when (retries < _services.Options.FencedRetries)
                {
                    // Another copy of the room wrote first: erase again from what it stored, as a command runs again.
                    LogOvertaken(Id, retries + 1);
                    continue;
                }
                catch (Exception e)
                {
                    throw new StorageUnavailableException("The student's data couldn't be removed. Nothing changed; please try again.", e);
                }

                LogErased(Id, participantId);
                return;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>Stops the room for good, e.g. when its debate is deleted, and tells everyone in it why. Closing a closed room does nothing.</summary>
    public async Task CloseAsync(string message)
    {
        long publicFlush, instructorFlush;
        await _gate.WaitAsync();
        try
        {
            if (_closed)
            {
                return;
            }

            (publicFlush, instructorFlush) = (_feed.Next(Audience.Student), _feed.Next(Audience.Instructor));
            _closed = true;
            _timer?.Dispose();
            _timer = null;
            _broadcaster.Dispose();
        }
        finally
        {
            _gate.Release();
        }

        var closing = new RoomUpdate(_services.Time.GetUtcNow(), [new Removed(long.MaxValue, message)], _feed.Id);
        await _services.Clients.Group(RoomGroups.Public(Id)).Update(closing with { Flush = publicFlush });
        await _services.Clients.Group(RoomGroups.Instructor(Id)).Update(closing with { Flush = instructorFlush });
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
            _broadcaster.Dispose();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops the room because its host lets it go (a cluster moving or dropping its grain), not because its debate ended:
    /// its clock and heartbeats stop and nothing more is written from this copy. The next host loads it from the database.
    /// </summary>
    internal async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            Volatile.Write(ref _poisonedEpoch, _epoch);
            _timer?.Dispose();
            _timer = null;
            _broadcaster.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate {DebateId}: the data of participant {ParticipantId} was removed at the instructor's request")]
    private partial void LogErased(Guid debateId, Guid participantId);
}
