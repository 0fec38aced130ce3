namespace OpenClosedDebate.TestKit;

using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// A running server's database as a second process sees it: the stored events and debates, read without
/// writing, and a write lock held from outside. Tests reach the store only through here, so the one place
/// that speaks SQL is this class. It reads a SQLite file or, given <paramref name="postgres"/>'s connection string, the
/// PostgreSQL database a server stores its debates in; the SQL is the same for both.
/// </summary>
public sealed class StoreReader(string databaseFile, string? postgres = null)
{
    /// <summary>The stored events of these types (every type when none are named), in the order they were stored.</summary>
    public IReadOnlyList<StoredEvent> Events(params string[] types)
    {
        using var db = Open();
        using var command = db.CreateCommand();
        var names = types.Select((_, i) => $"@t{i}").ToList();
        command.CommandText = "SELECT \"Seq\", \"Type\", \"RequestId\", \"Payload\" FROM \"DebateEvents\""
            + (types.Length == 0 ? string.Empty : $" WHERE \"Type\" IN ({string.Join(", ", names)})")
            + " ORDER BY \"DebateId\", \"Seq\"";
        foreach (var (name, type) in names.Zip(types))
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, type);
            command.Parameters.Add(parameter);
        }

        using var reader = command.ExecuteReader();
        var events = new List<StoredEvent>();
        while (reader.Read())
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }

        return events;
    }

    /// <summary>How many debates are stored.</summary>
    public long DebateCount()
    {
        using var db = Open();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Debates\"";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Takes the database's write lock from outside the server, as a backup tool or a stuck second process
    /// would, until disposed: the server can read but no commit of its can go through.
    /// </summary>
    public IDisposable HoldWriteLock()
    {
        if (postgres is not null)
        {
            throw new NotSupportedException("Holding the write lock is a SQLite test; PostgreSQL locks rows, not the file.");
        }

        var db = (SqliteConnection)Open();
        using var exclusive = db.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();
        return new WriteLock(db);
    }

    private DbConnection Open()
    {
        DbConnection connection = postgres is not null
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private sealed class WriteLock(SqliteConnection db) : IDisposable
    {
        public void Dispose()
        {
            using (var rollback = db.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }

            db.Dispose();
        }
    }
}

/// <summary>One stored event as the table holds it: its payload is the JSON text the server wrote.</summary>
public sealed record StoredEvent(long Seq, string Type, string? RequestId, string Payload)
{
    /// <summary>The payload's size as stored, in bytes of UTF-8.</summary>
    public int PayloadBytes => Encoding.UTF8.GetByteCount(Payload);
}
