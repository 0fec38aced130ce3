namespace OpenClosedDebate.TestKit;

/// <summary>
/// The one PostgreSQL cluster of a test assembly (an xunit assembly fixture), started by the first test that asks for
/// a database and stopped when the assembly's tests are done.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private PostgresCluster? _cluster;

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
