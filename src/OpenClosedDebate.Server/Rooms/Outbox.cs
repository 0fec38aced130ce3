namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Server.Contract;

/// <summary>One flush's messages, sorted by who receives them. Each list goes out as one update.</summary>
internal sealed class Outbox
{
    public List<RoomEvent> Public { get; } = [];

    public List<RoomEvent> Instructor { get; } = [];

    /// <summary>The public update's number in the room's feed (<see cref="RoomFeed"/>), when there is one.</summary>
    public long? PublicFlush { get; private set; }

    /// <summary>The instructor update's number in the room's feed, when there is one.</summary>
    public long? InstructorFlush { get; private set; }

    /// <summary>Messages for a chosen set of connections, e.g. one side's students.</summary>
    public List<(IReadOnlyList<string> Connections, List<RoomEvent> Events)> Targeted { get; } = [];

    /// <summary>Full snapshots for connections whose picture can't be patched by events.</summary>
    public List<(IReadOnlyList<string> Connections, RoomSnapshot Snapshot)> Snapshots { get; } = [];

    /// <summary>Students whose connections leave the room after this flush.</summary>
    public List<Guid> Removed { get; } = [];

    /// <summary>Numbers the group updates this flush sends; called under the room's gate, as snapshots are taken.</summary>
    public void Number(RoomFeed feed)
    {
        PublicFlush = Public.Count > 0 ? feed.Next(Audience.Student) : null;
        InstructorFlush = Instructor.Count > 0 ? feed.Next(Audience.Instructor) : null;
    }

    public void ToEveryone(RoomEvent e)
    {
        Public.Add(e);
        Instructor.Add(e);
    }
}
