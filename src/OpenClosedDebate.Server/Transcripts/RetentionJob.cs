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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted debate {DebateId} ({JoinCode}), finished {FinishedAt}, kept for {RetentionDays} days")]
    private partial void LogPurged(Guid debateId, string joinCode, DateTimeOffset finishedAt, double retentionDays);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the purge failed; it will be tried again")]
    private partial void LogFailed(Exception exception);
}
