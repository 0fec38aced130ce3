namespace OpenClosedDebate.Server.Rooms;

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// The rooms this server holds. A room is loaded from its events the first time it is needed (at start-up, for
/// every debate in a lobby or under way, so its clock keeps running), and dropped when idle or deleted. The hub and
/// the endpoints reach it through <see cref="IRooms"/>, never directly.
/// </summary>
internal sealed partial class RoomRegistry(RoomServices services, ILogger<RoomRegistry> log)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<Room?>>> _rooms = new();
    private readonly ConcurrentDictionary<string, Guid> _codes = new(StringComparer.Ordinal);

    public async Task<Room?> FindAsync(Guid id)
    {
        var entry = _rooms.GetOrAdd(id, key => new Lazy<Task<Room?>>(() => LoadAsync(key)));
        try
        {
            var room = await entry.Value;
            if (room is null)
            {
                _rooms.TryRemove(KeyValuePair.Create(id, entry));
            }

            return room;
        }
        catch
        {
            _rooms.TryRemove(KeyValuePair.Create(id, entry));
            throw;
        }
    }

    /// <summary>The debate a join code names, as a student typed it. A code seen once is remembered until its debate is deleted.</summary>
    public async Task<Guid> FindByCodeAsync(string? typed)
    {
        var code = JoinCodes.Require(typed);
        if (!_codes.TryGetValue(code, out var id))
        {
            id = _codes[code] = await JoinCodes.FindAsync(services.Dbs, code);
        }

        return id;
    }

    /// <summary>The room of a debate if it is in memory now, without loading it.</summary>
    public Room? FindLoaded(Guid id) =>
        _rooms.TryGetValue(id, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully ? entry.Value.Result : null;

    /// <summary>Whether a debate's room is in memory now.</summary>
    public bool IsLoaded(Guid id) => _rooms.ContainsKey(id);

    /// <summary>
    /// Drops the rooms of finished and draft debates that no one has connected to or used since
    /// <paramref name="idleSince"/> (<see cref="RoomOptions.IdleRoomLifetime"/>), so reading old debates doesn't
    /// keep them in memory for the life of the process. They load again from the database when next needed.
    /// </summary>
    public async Task<int> EvictIdleAsync(DateTimeOffset idleSince)
    {
        var evicted = 0;
        foreach (var (id, entry) in _rooms)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result is { } room
                && await room.TryRetireAsync(idleSince) && _rooms.TryRemove(KeyValuePair.Create(id, entry)))
            {
                _codes.TryRemove(room.JoinCode, out _);
                evicted++;
            }
        }

        if (evicted > 0)
        {
            LogEvicted(evicted, _rooms.Count);
        }

        return evicted;
    }

    /// <summary>
    /// Deletes a debate with everything in it. Its room is closed first, so it writes nothing more and tells everyone in
    /// it why; it stays in memory, closed, while the rows go, so no call loads it again from rows about to be deleted.
    /// </summary>
    public async Task DeleteAsync(Guid id, string message)
    {
        await CloseAsync(FindLoaded(id), message);
        await using (var db = await services.Dbs.CreateDbContextAsync())
        {
            await db.Debates.Where(d => d.Id == id).ExecuteDeleteAsync();
        }

        // A call may have loaded the room while the rows were still there; it is closed too.
        if (_rooms.TryRemove(id, out var entry) && entry.IsValueCreated)
        {
            await CloseAsync(await entry.Value, message);
        }
    }

    private async Task CloseAsync(Room? room, string message)
    {
        if (room is not null)
        {
            _codes.TryRemove(room.JoinCode, out _);
            await room.CloseAsync(message);
        }
    }

    private async Task<Room?> LoadAsync(Guid id)
    {
        if (await DebateStore.LoadAsync(services.Dbs, id) is not { } loaded)
        {
            return null;
        }

        var room = new Room(loaded.Debate, loaded.Row.OwnerId, services);
        _codes[room.JoinCode] = id;
        await room.StartAsync();
        return room;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Evicted} idle rooms from memory; {Loaded} stay loaded")]
    private partial void LogEvicted(int evicted, int loaded);

}
