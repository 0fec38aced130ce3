namespace OpenClosedDebate.Server.Hosting;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.RoomHosts;

/// <summary>
/// Before the server takes requests (and after <see cref="MigrateOnStart"/>): restore every debate in progress.
/// Once the server is listening, log the addresses phones can join at, and, if no instructor exists, a one-time setup link.
/// </summary>
internal sealed partial class StartupTasks(
    ActiveRooms activeRooms,
    InstructorAccounts accounts,
    SetupLink setupLink,
    JoinAddresses joinAddresses,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await activeRooms.RestoreAsync(logEach: true, cancellationToken);
        lifetime.ApplicationStarted.Register(joinAddresses.LogAtStart);
        if (!await accounts.AnyAsync(cancellationToken))
        {
            var token = await setupLink.IssueAsync();
            lifetime.ApplicationStarted.Register(() => LogSetupLink($"{BaseAddress()}/setup?token={token}"));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string BaseAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        return address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    // The setup link is deliberately logged: it is the documented way to create the first instructor,
    // works once, and is only issued while no instructor exists.
    [LoggerMessage(Level = LogLevel.Warning, Message = "No instructor account exists. Create the first one at {SetupUrl} (works once), or run: instructor add EMAIL")]
    private partial void LogSetupLink(string setupUrl);
}
