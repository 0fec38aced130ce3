namespace OpenClosedDebate.TestKit;

/// <summary>
/// The one PostgreSQL cluster of a test assembly (an xunit assembly fixture), started by the first test that asks for
/// a database and stopped when the assembly's tests are done.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _byFile = new(StringComparer.Ordinal);
    private PostgresCluster? _cluster;

    public PostgresFixture() => Current = this;

    /// <summary>The assembly's fixture, for servers made where no test can hand it over (<see cref="DebateServer"/>).</summary>
    public static PostgresFixture? Current { get; private set; }

    /// <summary>
    /// The database that stands for a server's SQLite file when a run keeps every server's debates in PostgreSQL
    /// (<see cref="TestStore.Default"/>): made the first time a file is named, so two servers on one file share it, as a
    /// restart does.
    /// </summary>
    public Task<string> DatabaseForAsync(string databaseFile) => _byFile.GetOrAdd(databaseFile, _ => new(DatabaseAsync)).Value;

    /// <summary>A new, empty database of the test's own, and its connection string.</summary>
    public async Task<string> DatabaseAsync()
    {
        await _starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _cluster ??= await PostgresCluster.StartAsync();
        }
        finally
        {
            _starting.Release();
        }

        return await _cluster.CreateDatabaseAsync();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _starting.Dispose();
    }
}
