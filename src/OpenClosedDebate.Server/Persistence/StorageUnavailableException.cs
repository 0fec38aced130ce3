namespace OpenClosedDebate.Server.Persistence;

/// <summary>The database refused a write, so nothing was acknowledged. Clients may retry.</summary>
internal sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
