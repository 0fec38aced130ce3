namespace OpenClosedDebate.Server.Persistence;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

/// <summary>SQLite by default: a file under the content root, migrated at start-up, in WAL mode.</summary>
internal static class DatabaseSetup
{
    public const string ConnectionName = "Debates";
    private const string DefaultConnection = "Data Source=data/openclosed.db";

    public static IServiceCollection AddDebateDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var connection = new SqliteConnectionStringBuilder(config.GetConnectionString(ConnectionName) ?? DefaultConnection);
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
