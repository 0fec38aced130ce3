namespace OpenClosedDebate.Server.Persistence;

/// <summary>The database refused a write, so nothing was acknowledged. Clients may retry.</summary>
internal class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What a caller is told when the database couldn't be reached or refused a query.</summary>
    public const string Unreachable = "The server can't reach its database right now. Nothing changed; please try again in a moment.";

    /// <summary>
    /// Whether <paramref name="e"/> is the database failing (a refused connection, PostgreSQL's "too many clients", a
    /// lost server): a database error anywhere in it. Such a failure is told as <c>storageUnavailable</c>, never as an
    /// unexpected error.
    /// </summary>
    public static bool IsDatabaseFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A write refused because another writer stored the debate's next events first (a stale copy of its room, during a
/// change of the cluster's members), or one made on the same stale state behind it. Nothing was stored; the room
/// reloads, and may run the command again (<see cref="WriteAuthor.Fenced"/>).
/// </summary>
internal sealed class OvertakenException(string message, Exception? inner = null) : StorageUnavailableException(message, inner);
