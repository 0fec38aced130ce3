namespace OpenClosedDebate.Server.RoomHosts;

using OpenClosedDebate.Server.Rooms;

/// <summary>Where <see cref="RoomCalls"/> finds one debate's room: this server's registry, or the grain that holds it.</summary>
internal interface IRoomSource
{
    /// <summary>The room, loaded from its events if need be; null if the debate doesn't exist.</summary>
    Task<Room?> FindAsync();

    /// <summary>The room if it is live now, without loading it.</summary>
    Room? Loaded { get; }

    /// <summary>Closes the room (telling everyone in it <paramref name="message"/>), deletes the debate's rows, then forgets the room.</summary>
    Task DeleteAsync(string message);

    /// <summary>Whether this instructor owns the debate, read from its row when the room isn't live.</summary>
    Task<bool> IsOwnedByAsync(Guid instructorId);
}
