namespace OpenClosedDebate.Server.Persistence;

using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The one writer of debate events: nothing else adds to or rewrites the events table. It takes every waiting
/// request (up to a batch size) and commits them in one transaction, so a burst of 2,000 ballots costs a handful of
/// commits. A request's task completes only after its commit, in the order requests arrived; a failed batch fails
/// every request in it and tells each room, which then reloads from what was committed. A batch that failed because
/// another writer stored a debate's next events first (a stale copy of its room, during a change of the cluster's
/// members) fails only that debate's requests and is committed again without them (<see cref="WriteAuthor.Fenced"/>).
/// A new debate and an erasure are committed on their own, in their turn (<see cref="WriteRequest.Alone"/>).
/// <para>
/// It runs on its own thread, not the thread pool. SQLite's calls are synchronous underneath their
/// async signatures, so a commit blocks while the disk syncs (and up to the 5 s busy timeout when the
/// file is locked); on a thread-pool thread that stalls hub calls and broadcasts on a 2-core machine.
/// </para>
/// </summary>
internal sealed partial class EventWriter(
    IDbContextFactory<DebateDb> dbs,
    IOptions<PersistenceOptions> options,
    ILogger<EventWriter> log) : IHostedService
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private int _waiting;

    /// <summary>How many requests wait for the writer to take them.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public Task WriteAsync(WriteRequest request)
    {
        Interlocked.Increment(ref _waiting);
        if (!_queue.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _waiting);
            request.Done.TrySetException(new StorageUnavailableException("The server is shutting down, so nothing more can be saved."));
        }

        return request.Done.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "Event writer" };
        _thread.Start();
        return Task.CompletedTask;
    }

    /// <summary>Stops taking requests and commits every one already taken.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_thread is not null)
        {
            await _stopped.Task.WaitAsync(cancellationToken);
        }
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void Loop()
    {
        var max = options.Value.MaxBatchSize;
        var batch = new List<WriteRequest>(max);

        // Blocking is this thread's job: it waits for requests and for the disk, and nothing else runs on it.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < max && _queue.Reader.TryRead(out var request))
            {
                Interlocked.Decrement(ref _waiting);
                if (request.Author.IsStale(request.Epoch))
                {
                    request.Done.TrySetException(request.Author.WasFenced(request.Epoch)
                        ? new OvertakenException("Another server saved to this debate first, so this was not saved.")
                        : new StorageUnavailableException("An earlier save failed, so this one was not attempted. Please try again."));
                    continue;
                }

                if (request.Alone)
                {
                    // In its turn: after everything taken before it, before anything after it.
                    Flush(batch);
                    CommitAlone(request);
                    continue;
                }

                batch.Add(request);
            }

            Flush(batch);
        }
    }

    private void Flush(List<WriteRequest> batch)
    {
        if (batch.Count > 0)
        {
            Commit(batch);
            batch.Clear();
        }
    }

    private void CommitAlone(WriteRequest request)
    {
        try
        {
            using var db = dbs.CreateDbContext();
            if (request.NewDebate is { } row)
            {
                request.Summary.CopyTo(row);
                row.Events.AddRange(request.Events.Select(e => EventCodec.ToRecord(row.Id, e)));
                db.Debates.Add(row);
            }
            else if (request.Erased is { } erased)
            {
                Redact(db, request.Author.DebateId, erased);
                UpdateSummary(db, request.Author.DebateId, request.Summary);
            }

            db.SaveChanges();
        }
        catch (Exception e)
        {
            if (request.Erased is not null && IsUniqueViolation(e) && Overtaken([request]).Count > 0)
            {
                Fence(request, e);
                return;
            }

            request.Author.Failed(request.Epoch);
            request.Done.TrySetException(e);
            return;
        }

        request.Author.Committed(request.Events);
        request.Done.TrySetResult();
    }

    /// <summary>Adds the erasure, rewrites the student's earlier events without their words, and the summary with it.</summary>
    private static void Redact(DebateDb db, Guid debateId, ParticipantErased erased)
    {
        var theirs = db.Events
            .Where(e => e.DebateId == debateId && e.ParticipantId == erased.ParticipantId && Redaction.Types.Contains(e.Type))
            .ToList();
        foreach (var record in theirs)
        {
            record.Payload = EventCodec.ToRecord(debateId, Redaction.Redact(EventCodec.FromRecord(record), erased.ReplacementName)).Payload;
        }

        db.Events.Add(EventCodec.ToRecord(debateId, erased));
    }

    private void Commit(List<WriteRequest> batch)
    {
        try
        {
            using var db = dbs.CreateDbContext();
            var summaries = new Dictionary<Guid, DebateSummary>();
            foreach (var request in batch)
            {
                foreach (var e in request.Events)
                {
                    db.Events.Add(EventCodec.ToRecord(request.Author.DebateId, e));
                }

                summaries[request.Author.DebateId] = request.Summary;
            }

            foreach (var (id, summary) in summaries)
            {
                UpdateSummary(db, id, summary);
            }

            db.SaveChanges();
        }
        catch (Exception e)
        {
            var overtaken = IsUniqueViolation(e) ? Overtaken(batch) : [];
            if (overtaken.Count > 0)
            {
                // Only the debates another writer got to first are refused; the rest of the batch goes again without them.
                var rest = new List<WriteRequest>(batch.Count);
                foreach (var request in batch)
                {
                    if (overtaken.Contains(request.Author.DebateId))
                    {
                        Fence(request, e);
                    }
                    else
                    {
                        rest.Add(request);
                    }
                }

                if (rest.Count > 0)
                {
                    Commit(rest);
                }

                return;
            }

            LogBatchFailed(batch.Count, e);
            foreach (var request in batch)
            {
                request.Author.Failed(request.Epoch);
                request.Done.TrySetException(new StorageUnavailableException("Your submission couldn't be saved. Please try again.", e));
            }

            return;
        }

        foreach (var request in batch)
        {
            request.Author.Committed(request.Events);
            request.Done.TrySetResult();
        }
    }

    /// <summary>
    /// After a failed commit, the debates of <paramref name="batch"/> whose first new sequence number is already stored:
    /// another writer appended to them first, and the unique index on (debate, sequence) refused the second. Empty if
    /// the commit failed for another reason, or if the database can't be asked.
    /// </summary>
    private HashSet<Guid> Overtaken(List<WriteRequest> batch)
    {
        var first = new Dictionary<Guid, long>();
        foreach (var request in batch)
        {
            if (request.Events.Count > 0 && !first.ContainsKey(request.Author.DebateId))
            {
                first[request.Author.DebateId] = request.Events[0].Seq;
            }
        }

        try
        {
            using var db = dbs.CreateDbContext();
            var ids = first.Keys.ToList();
            var stored = db.Events
                .Where(e => ids.Contains(e.DebateId))
                .GroupBy(e => e.DebateId)
                .Select(g => new { DebateId = g.Key, Last = g.Max(e => e.Seq) })
                .ToList();
            return stored.Where(s => s.Last >= first[s.DebateId]).Select(s => s.DebateId).ToHashSet();
        }
        catch (Exception e)
        {
            LogOvertakenUnknown(e);
            return [];
        }
    }

    private void Fence(WriteRequest request, Exception e)
    {
        LogFenced(request.Author.DebateId, request.Events[0].Seq);
        request.Author.Fenced(request.Epoch);
        request.Done.TrySetException(new OvertakenException("Another server saved to this debate first, so this was not saved.", e));
    }

    /// <summary>
    /// Whether a commit failed on a unique index (PostgreSQL's 23505, SQLite's constraint error), the only way another
    /// writer's events show. Any other failure, a lost connection above all (whose commit may even have landed), is
    /// never taken for a fence.
    /// </summary>
    private static bool IsUniqueViolation(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Writes a debate's summary columns without reading its row first.</summary>
    private static void UpdateSummary(DebateDb db, Guid id, DebateSummary summary)
    {
        var row = new DebateRecord { Id = id, JoinCode = string.Empty, Motion = string.Empty };
        db.Debates.Attach(row);
        summary.CopyTo(row);
        var entry = db.Entry(row);
        entry.Property(r => r.Motion).IsModified = true;
        entry.Property(r => r.Status).IsModified = true;
        entry.Property(r => r.ParticipantCount).IsModified = true;
        entry.Property(r => r.Version).IsModified = true;
        entry.Property(r => r.UpdatedAt).IsModified = true;
        entry.Property(r => r.StartedAt).IsModified = true;
        entry.Property(r => r.FinishedAt).IsModified = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debate {DebateId}: event {Seq} was already stored by another writer; its room reloads and runs the command again")]
    private partial void LogFenced(Guid debateId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "After a failed commit, the database couldn't say whether another writer got there first")]
    private partial void LogOvertakenUnknown(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {RequestCount} write requests failed; they were refused and their rooms will reload")]
    private partial void LogBatchFailed(int requestCount, Exception exception);
}
