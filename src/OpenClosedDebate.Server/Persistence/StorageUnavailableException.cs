namespace OpenClosedDebate.Server.Persistence;

/// <summary>The database refused a write, so nothing was acknowledged. Clients may retry.</summary>
internal class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A write refused because another writer stored the debate's next events first (a stale copy of its room, during a
/// change of the cluster's members), or one made on the same stale state behind it. Nothing was stored; the room
/// reloads, and may run the command again (<see cref="WriteAuthor.Fenced"/>).
/// </summary>
internal sealed class OvertakenException(string message, Exception? inner = null) : StorageUnavailableException(message, inner);
