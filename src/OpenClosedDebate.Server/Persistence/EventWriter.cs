namespace OpenClosedDebate.Server.Persistence;

using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

/// <summary>
/// The one writer of debate events. It takes every waiting request (up to a batch size) and commits
/// them in one transaction, so a burst of 2,000 ballots costs a handful of commits. A request's task
/// completes only after its commit, in the order requests arrived; a failed batch fails every request
/// in it and tells each room, which then reloads from what was committed.
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

    public Task WriteAsync(WriteRequest request)
    {
        if (!_queue.Writer.TryWrite(request))
        {
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
                if (request.Author.IsStale(request.Epoch))
                {
                    request.Done.TrySetException(new StorageUnavailableException("An earlier save failed, so this one was not attempted. Please try again."));
                    continue;
                }

                batch.Add(request);
            }

            if (batch.Count > 0)
            {
                Commit(batch);
                batch.Clear();
            }
        }
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
                var row = new DebateRecord { Id = id, JoinCode = string.Empty, Motion = string.Empty };
                db.Debates.Attach(row);
                summary.CopyTo(row);
                MarkSummaryModified(db, row);
            }

            db.SaveChanges();
        }
        catch (Exception e)
        {
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

    private static void MarkSummaryModified(DebateDb db, DebateRecord row)
    {
        var entry = db.Entry(row);
        entry.Property(r => r.Motion).IsModified = true;
        entry.Property(r => r.Status).IsModified = true;
        entry.Property(r => r.ParticipantCount).IsModified = true;
        entry.Property(r => r.Version).IsModified = true;
        entry.Property(r => r.UpdatedAt).IsModified = true;
        entry.Property(r => r.StartedAt).IsModified = true;
        entry.Property(r => r.FinishedAt).IsModified = true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {RequestCount} write requests failed; they were refused and their rooms will reload")]
    private partial void LogBatchFailed(int requestCount, Exception exception);
}
