namespace OpenClosedDebate.Server.RoomHosts;

using OpenClosedDebate.Server.Rooms;

/// <summary>A debate's room as an Orleans grain, keyed by the debate's id: its calls are exactly the room handle's.</summary>
[Alias("room")]
internal interface IRoomGrain : IGrainWithGuidKey, IRoomHandle;
