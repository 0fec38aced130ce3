namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Server.Contract;

/// <summary>One flush's messages, sorted by who receives them. Each list goes out as one update.</summary>
internal sealed class Outbox
{
    public List<RoomEvent> Public { get; } = [];

    public List<RoomEvent> Instructor { get; } = [];

    /// <summary>Messages for a chosen set of connections, e.g. one side's students.</summary>
    public List<(IReadOnlyList<string> Connections, List<RoomEvent> Events)> Targeted { get; } = [];

    /// <summary>Full snapshots for connections whose picture can't be patched by events.</summary>
    public List<(IReadOnlyList<string> Connections, RoomSnapshot Snapshot)> Snapshots { get; } = [];

    /// <summary>Students whose connections leave the room after this flush.</summary>
    public List<Guid> Removed { get; } = [];

    public void ToEveryone(RoomEvent e)
    {
        Public.Add(e);
        Instructor.Add(e);
    }
}
