namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;

/// <summary>Reads a debate back from its stored events.</summary>
internal static class DebateStore
{
    public static async Task<(DebateRecord Row, Debate Debate)?> LoadAsync(IDbContextFactory<DebateDb> dbs, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);

        // The events are read before the row: a delete (row and events in one transaction) that lands
        // between the two reads then leaves no row, and the debate is gone, instead of a row with no
        // history (found by the REST fuzz). No transaction: on SQLite, EF's starts BEGIN IMMEDIATE, which
        // waits for the write lock, so a backup tool holding it would block every read.
        var records = await db.Events.AsNoTracking().Where(e => e.DebateId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        var row = await db.Debates.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        return (row, Debate.Restore(id, records.Select(EventCodec.FromRecord)));
    }

    /// <summary>A debate's stored history, in order (committed events only).</summary>
    public static async Task<List<DebateEvent>> HistoryAsync(IDbContextFactory<DebateDb> dbs, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var events = new List<DebateEvent>();
        await foreach (var record in db.Events.AsNoTracking().Where(e => e.DebateId == id).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            events.Add(EventCodec.FromRecord(record));
        }

        return events;
    }
}
