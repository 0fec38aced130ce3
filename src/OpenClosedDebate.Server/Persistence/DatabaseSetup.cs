namespace OpenClosedDebate.Server.Persistence;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

/// <summary>SQLite by default: a file under the content root, migrated at start-up, in WAL mode.</summary>
internal static class DatabaseSetup
{
    public const string ConnectionName = "Debates";
    private const string DefaultConnection = "Data Source=data/openclosed.db";
    private const int BusyTimeoutSeconds = 5;

    public static IServiceCollection AddDebateDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var given = config.GetConnectionString(ConnectionName) ?? DefaultConnection;
        var connection = new SqliteConnectionStringBuilder(given);
        if (!new DbConnectionStringBuilder { ConnectionString = given }.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).EndsWith("timeout", StringComparison.OrdinalIgnoreCase)))
        {
            // Wait at most this long for a lock another process holds, then refuse the write clearly
            // rather than leave a student waiting half a minute (SQLite's default) for an acknowledgement.
            connection.DefaultTimeout = BusyTimeoutSeconds;
        }

        if (connection.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(connection.DataSource))
        {
            connection.DataSource = Path.Combine(env.ContentRootPath, connection.DataSource);
        }

        services.AddDbContextFactory<DebateDb>(o => o.UseSqlite(connection.ToString()));
        return services;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DebateDb>>().CreateDbContextAsync(ct);
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(ct);

        // WAL lets readers (reviews, lists) work while the writer commits; the setting stays with the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
