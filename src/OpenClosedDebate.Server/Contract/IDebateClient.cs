namespace OpenClosedDebate.Server.Contract;

/// <summary>What the server calls on clients. Method names are wire names.</summary>
public interface IDebateClient
{
    /// <summary>A batch of changes for this client's audience.</summary>
    Task Update(RoomUpdate update);

    /// <summary>A full picture that replaces the client's state, e.g. after the server reloaded the room.</summary>
    Task Snapshot(RoomSnapshot snapshot);

    /// <summary>Where the group's broadcasts stand, so a client can tell it missed one (protocol §4.7).</summary>
    Task Heartbeat(HeartbeatView heartbeat);
}
