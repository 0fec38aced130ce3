namespace OpenClosedDebate.Server.Rooms;

/// <summary>
/// Where the hub and the endpoints find rooms: a handle by debate id, and the debate a join code names. One server
/// holds its rooms itself (<c>RoomHosts.LocalRooms</c>); a cluster holds each in an Orleans grain
/// (<c>RoomHosts.GrainRooms</c>, docs/cluster.md).
/// </summary>
internal interface IRooms
{
    /// <summary>The handle of one debate's room. Getting it does no work; its first call finds or loads the room.</summary>
    IRoomHandle this[Guid debateId] { get; }

    /// <summary>The debate a join code names, as a student typed it; <c>notFound</c> if none.</summary>
    Task<Guid> FindByCodeAsync(string? typed);
}
