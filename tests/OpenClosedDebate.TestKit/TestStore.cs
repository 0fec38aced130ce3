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

    private readonly TempDatabase _file = new();

    private TestStore(IReadOnlyDictionary<string, string?>? settings) => Settings = settings;

    /// <summary>The server settings that choose this store; null for the SQLite default.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; }

    public static async Task<TestStore> CreateAsync(string kind, PostgresFixture postgres) => kind switch
    {
        Sqlite => new TestStore(null),
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
