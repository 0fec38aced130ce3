namespace OpenClosedDebate.Server.Persistence;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

/// <summary>
/// The store, chosen by Persistence:Provider: SQLite by default (a file under the content root, in WAL mode), or
/// PostgreSQL for a cluster (ConnectionStrings:Debates is then required). Either is migrated at start-up.
/// </summary>
internal static class DatabaseSetup
{
    public const string ConnectionName = "Debates";
    public const string ProviderKey = "Persistence:Provider";
    private const string DefaultConnection = "Data Source=data/openclosed.db";
    private const int BusyTimeoutSeconds = 5;

    /// <summary>
    /// Whether the debates are stored in PostgreSQL (what a cluster of servers shares) rather than SQLite, the one
    /// place the setting is read; any other value stops start-up, naming the setting.
    /// </summary>
    public static bool IsPostgres(IConfiguration config) => config[ProviderKey]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => false,
        "postgres" or "postgresql" => true,
        _ => throw new InvalidOperationException($"{ProviderKey} is '{config[ProviderKey]}': use sqlite (the default) or postgres."),
    };

    public static IServiceCollection AddDebateDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        if (!IsPostgres(config))
        {
            return services.AddSqlite(config, env);
        }

        var given = config.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(given))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is postgres, so ConnectionStrings:{ConnectionName} must be a PostgreSQL connection string, e.g. Host=db;Database=openclosed;Username=openclosed;Password=….");
        }

        services.AddDbContextFactory<PostgresDebateDb>(o => o.UseNpgsql(given));
        services.AddSingleton<IDbContextFactory<DebateDb>>(sp => new AsDebateDb<PostgresDebateDb>(sp.GetRequiredService<IDbContextFactory<PostgresDebateDb>>()));
        services.AddScoped<DebateDb>(sp => sp.GetRequiredService<PostgresDebateDb>());
        return services;
    }

    private static IServiceCollection AddSqlite(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
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
        if (!db.Database.IsSqlite())
        {
            // Made first, so migrating a new database doesn't log a false error for the table it hasn't made yet
            // (dotnet/efcore#37328).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
            return;
        }

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(ct);

        // WAL lets readers (reviews, lists) work while the writer commits; the setting stays with the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>A provider's own context factory, handed out as the DebateDb everything else asks for.</summary>
    private sealed class AsDebateDb<T>(IDbContextFactory<T> inner) : IDbContextFactory<DebateDb>
        where T : DebateDb
    {
        public DebateDb CreateDbContext() => inner.CreateDbContext();
    }
}
