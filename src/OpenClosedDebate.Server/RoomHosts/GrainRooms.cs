namespace OpenClosedDebate.Server.RoomHosts;

using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// A cluster's rooms: each debate's handle is its grain, wherever in the cluster Orleans has placed it. Join codes are
/// looked up in the database every time, so a debate deleted through another node is never found by a stale code.
/// </summary>
internal sealed class GrainRooms(IGrainFactory grains, IDbContextFactory<DebateDb> dbs) : IRooms
{
    public IRoomHandle this[Guid debateId] => grains.GetGrain<IRoomGrain>(debateId);

    public Task<Guid> FindByCodeAsync(string? typed) => JoinCodes.FindAsync(dbs, JoinCodes.Require(typed));
}
