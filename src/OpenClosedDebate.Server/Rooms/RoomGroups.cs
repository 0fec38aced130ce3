namespace OpenClosedDebate.Server.Rooms;

/// <summary>SignalR group names of a room.</summary>
internal static class RoomGroups
{
    /// <summary>Students and projectors: what anyone in the room may see.</summary>
    public static string Public(Guid debateId) => $"debate:{debateId:N}";

    public static string Instructor(Guid debateId) => $"debate:{debateId:N}:instructor";
}
