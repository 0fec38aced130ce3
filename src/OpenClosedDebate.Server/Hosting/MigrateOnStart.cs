namespace OpenClosedDebate.Server.Hosting;

using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Migrates the database before anything else starts: registered ahead of every other hosted service, so it runs
/// before a cluster node's Orleans silo reads its membership tables (which a migration makes) and before any room loads.
/// </summary>
internal sealed class MigrateOnStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSetup.MigrateAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
