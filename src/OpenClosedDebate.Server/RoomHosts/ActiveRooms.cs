namespace OpenClosedDebate.Server.RoomHosts;

using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// Keeps every debate in a lobby or under way live, so its clock runs and its students can resume: at start-up, before
/// the server takes requests, and in a cluster every <see cref="ClusterNodeOptions.ReactivateEvery"/> as well, so a
/// debate whose server died is brought up on another before anyone has to call it.
/// </summary>
internal sealed partial class ActiveRooms(IRooms rooms, IDbContextFactory<DebateDb> dbs, ILogger<ActiveRooms> log)
{
    /// <summary>Brings each active debate live; returns how many there are.</summary>
    public async Task<int> RestoreAsync(bool logEach, CancellationToken ct)
    {
        List<Guid> ids;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            ids = await db.Debates.Where(d => d.Status == DebateStatus.Lobby || d.Status == DebateStatus.Running).Select(d => d.Id).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            if (await rooms[id].StatusAsync() is { } s && logEach)
            {
                LogRestored(id, s.JoinCode, s.Status, s.RoundIndex, s.Phase, s.Remaining);
            }
        }

        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored debate {DebateId} ({JoinCode}): {Status}, round {RoundIndex}, {Phase}, {Remaining} left")]
    private partial void LogRestored(Guid debateId, string joinCode, DebateStatus status, int? roundIndex, Phase? phase, TimeSpan? remaining);
}
