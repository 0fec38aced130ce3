namespace OpenClosedDebate.Server.RoomHosts;

using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// One server holds its rooms itself, in <see cref="RoomRegistry"/>: a handle's call finds the room there (loading it
/// from its events if need be) and runs on it.
/// </summary>
internal sealed class LocalRooms(RoomRegistry registry, RoomServices services) : IRooms
{
    public IRoomHandle this[Guid debateId] => new RoomCalls(debateId, new Source(debateId, registry, services), services);

    public Task<Guid> FindByCodeAsync(string? typed) => registry.FindByCodeAsync(typed);

    private sealed class Source(Guid debateId, RoomRegistry registry, RoomServices services) : IRoomSource
    {
        public Room? Loaded => registry.FindLoaded(debateId);

        public Task<Room?> FindAsync() => registry.FindAsync(debateId);

        public Task DeleteAsync(string message) => registry.DeleteAsync(debateId, message);

        public async Task<bool> IsOwnedByAsync(Guid instructorId)
        {
            await using var db = await services.Dbs.CreateDbContextAsync();
            return await db.Debates.AnyAsync(d => d.Id == debateId && d.OwnerId == instructorId);
        }
    }
}
