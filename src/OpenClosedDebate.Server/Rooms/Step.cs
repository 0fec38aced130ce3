namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;

/// <summary>What a command did: the reply to send, the events to commit first, or for a retry the earlier event to wait for.</summary>
internal readonly record struct Step<T>(T Value, IReadOnlyList<DebateEvent> Events, long RetryOf = 0);
