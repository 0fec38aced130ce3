namespace OpenClosedDebate.Server.Rooms;

/// <summary>
/// Where the hub and the endpoints find rooms: a handle by debate id, the debate a join code names, and, at start-up,
/// every debate in a lobby or under way brought live. One server holds its rooms itself
/// (<c>RoomHosts.LocalRooms</c>); docs/cluster.md says how a cluster will.
/// </summary>
internal interface IRooms
{
    /// <summary>The handle of one debate's room. Getting it does no work; its first call finds or loads the room.</summary>
    IRoomHandle this[Guid debateId] { get; }

    /// <summary>The debate a join code names, as a student typed it; <c>notFound</c> if none.</summary>
    Task<Guid> FindByCodeAsync(string? typed);

    /// <summary>Brings every debate in a lobby or under way live, so their clocks run and students can resume.</summary>
    Task RestoreActiveAsync(CancellationToken ct);
}
