namespace OpenClosedDebate.Server.Transcripts;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// Deletes finished debates, with everything in them, once they are older than the retention
/// period. Runs at start-up and then every <see cref="RetentionOptions.CheckEvery"/>; each deletion is logged.
/// </summary>
/// <remarks>
/// On PostgreSQL, which is what several nodes share, a purge first takes a PostgreSQL advisory lock for the length of
/// its transaction, so while one node purges the others skip, and each debate is deleted (and logged) once in a
/// cluster. The lock goes with the transaction, however the purge ends, even if its node dies.
/// </remarks>
internal sealed partial class RetentionJob(
    IDbContextFactory<DebateDb> dbs,
    IRooms rooms,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every finished debate past the retention period; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var keep = options.Value.KeepFinishedDebatesFor;
        var cutoff = time.GetUtcNow() - keep;
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The transaction only holds the lock (the deletions are the rooms' own); it ends with the purge.
        await using var purge = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (purge is not null && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({PurgeLock}) AS \"Value\"").SingleAsync(ct))
        {
            LogSkipped();
            return 0;
        }

        var old = await db.Debates
            .Where(d => d.Status == DebateStatus.Finished && d.FinishedAt != null && d.FinishedAt < cutoff)
            .Select(d => new { d.Id, d.OwnerId, d.JoinCode, d.FinishedAt })
            .ToListAsync(ct);
        foreach (var debate in old)
        {
            await rooms[debate.Id].DeleteAsync(debate.OwnerId);
            LogPurged(debate.Id, debate.JoinCode, debate.FinishedAt!.Value, keep.TotalDays);
        }

        return old.Count;
    }

    /// <summary>The advisory lock every node's purge takes (any number of our own, the same on every node).</summary>
    internal const long PurgeLock = 0x6f63_6472_6574_6e31; // "ocdretn1"

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: another node is purging; this one skips this time")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted debate {DebateId} ({JoinCode}), finished {FinishedAt}, kept for {RetentionDays} days")]
    private partial void LogPurged(Guid debateId, string joinCode, DateTimeOffset finishedAt, double retentionDays);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the purge failed; it will be tried again")]
    private partial void LogFailed(Exception exception);
}
