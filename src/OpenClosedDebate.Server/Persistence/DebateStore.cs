namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;

/// <summary>Reads a debate back from its stored events.</summary>
internal static class DebateStore
{
    public static async Task<(DebateRecord Row, Debate Debate)?> LoadAsync(IDbContextFactory<DebateDb> dbs, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Debates.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var records = await db.Events.AsNoTracking().Where(e => e.DebateId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        return (row, Debate.Restore(id, records.Select(EventCodec.FromRecord)));
    }
}
