namespace OpenClosedDebate.Server.Rooms;

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// The rooms this server holds. A room is loaded from its events the first time it is needed, and
/// every debate in a lobby or under way is loaded at start-up so its clock keeps running.
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

    /// <summary>The room for a join code as a student typed it.</summary>
    public async Task<Room> FindByCodeAsync(string? typed)
    {
        var code = JoinCodes.Normalize(typed)
            ?? throw new DebateRuleException(DebateError.NotFound, $"A join code has {JoinCodes.Length} letters and digits. Check the code and try again.");
        if (!_codes.TryGetValue(code, out var id))
        {
            await using var db = await services.Dbs.CreateDbContextAsync();
            id = await db.Debates.Where(d => d.JoinCode == code).Select(d => d.Id).FirstOrDefaultAsync();
            if (id == Guid.Empty)
            {
                throw new DebateRuleException(DebateError.NotFound, $"No debate has the code {code}. Check the code and try again.");
            }

            _codes[code] = id;
        }

        return await FindAsync(id) ?? throw new DebateRuleException(DebateError.NotFound, $"No debate has the code {code}. Check the code and try again.");
    }

    /// <summary>The room of a debate the instructor owns. Someone else's debate is reported as not found.</summary>
    public async Task<Room> ForOwnerAsync(Guid id, Guid instructorId)
    {
        var room = await FindAsync(id);
        return room is not null && room.OwnerId == instructorId
            ? room
            : throw new DebateRuleException(DebateError.NotFound, "That debate doesn't exist.");
    }

    /// <summary>Loads every debate in a lobby or under way, so their clocks run and students can resume.</summary>
    public async Task RestoreActiveAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var db = await services.Dbs.CreateDbContextAsync(ct))
        {
            ids = await db.Debates.Where(d => d.Status == DebateStatus.Lobby || d.Status == DebateStatus.Running).Select(d => d.Id).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            if (await FindAsync(id) is { } room)
            {
                var (status, round, phase, remaining) = await room.ReadAsync((d, now) => (d.Status, d.RoundIndex, d.CurrentPhase, d.RemainingAt(now)));
                LogRestored(id, room.JoinCode, status, round, phase, remaining);
            }
        }
    }

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

    /// <summary>Closes and forgets a room whose debate was deleted.</summary>
    public async Task RemoveAsync(Guid id)
    {
        if (_rooms.TryRemove(id, out var entry) && entry.IsValueCreated && await entry.Value is { } room)
        {
            _codes.TryRemove(room.JoinCode, out _);
            await room.CloseAsync("The instructor deleted this debate.");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored debate {DebateId} ({JoinCode}): {Status}, round {RoundIndex}, {Phase}, {Remaining} left")]
    private partial void LogRestored(Guid debateId, string joinCode, DebateStatus status, int? roundIndex, Phase? phase, TimeSpan? remaining);
}
