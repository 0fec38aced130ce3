namespace OpenClosedDebate.Server.Rooms;

/// <summary>A SignalR connection entering a room, and the server (<see cref="ThisNode"/>) that holds it.</summary>
internal sealed record RoomConnection(string Id, string Node);

/// <summary>
/// The name of this server among the servers that may hold a room's connections: <see cref="Single"/> on one server,
/// and in a cluster the node's Orleans silo address, so a room can drop the connections of a node that died.
/// </summary>
internal sealed record ThisNode(string Name)
{
    public static readonly ThisNode Single = new("local");

    public RoomConnection Connection(string connectionId) => new(connectionId, Name);
}
