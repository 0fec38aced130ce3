namespace OpenClosedDebate.TestKit;

using Microsoft.Extensions.Time.Testing;

/// <summary>
/// Where a test's servers keep their debates, for tests that must hold on every store: a SQLite file of the test's
/// own (the single-node default), or a database of its own on the tests' PostgreSQL (a cluster's store). Servers made
/// with <see cref="Server"/> share it, so a second one is a restart.
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// Where a server keeps its debates when a test doesn't say: SQLite, or PostgreSQL in a run with
    /// <c>OCD_TEST_STORE=postgres</c> (tests/run runs the server suite once so, to hold it to both stores).
    /// </summary>
    public static string Default { get; } = Environment.GetEnvironmentVariable("OCD_TEST_STORE")?.Trim().ToLowerInvariant() switch
    {
        null or "" or Sqlite => Sqlite,
        Postgres => Postgres,
        var other => throw new InvalidOperationException($"OCD_TEST_STORE is '{other}': use sqlite or postgres."),
    };

    private readonly TempDatabase _file = new();

    private TestStore(IReadOnlyDictionary<string, string?>? settings) => Settings = settings;

    /// <summary>The settings that keep a server on its SQLite file whatever <see cref="Default"/> is, for tests of that file.</summary>
    public static IReadOnlyDictionary<string, string?> SqliteFile { get; } = new Dictionary<string, string?> { ["Persistence:Provider"] = Sqlite };

    /// <summary>The server settings that choose this store.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; }

    public static async Task<TestStore> CreateAsync(string kind, PostgresFixture postgres) => kind switch
    {
        Sqlite => new TestStore(SqliteFile),
        Postgres => new TestStore(PostgresCluster.Settings(await postgres.DatabaseAsync())),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "sqlite or postgres"),
    };

    /// <summary>A server on this store, on a fake clock at <paramref name="time"/> (or <see cref="DebateServer.Start"/>); the rest as for <see cref="DebateServer"/>.</summary>
    public DebateServer Server(
        FakeTimeProvider? time = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? rateLimits = null) =>
        new(_file.Path, time, configure: configure, rateLimits: rateLimits, store: Settings);

    public void Dispose() => _file.Dispose();
}
