namespace OpenClosedDebate.Server.RoomHosts;

using Microsoft.Extensions.Options;

/// <summary>
/// In a cluster, every <see cref="ClusterNodeOptions.ReactivateEvery"/> makes sure each debate in a lobby or under way
/// is live on some node: when a node dies, its debates come back on another within about this long, clocks and all,
/// even if no one calls them. On real time: a deadline that passed while no node held the room fires when it is back.
/// </summary>
internal sealed partial class ActiveRoomsWatch(ActiveRooms rooms, IOptions<ClusterNodeOptions> options, ILogger<ActiveRoomsWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReactivateEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await rooms.RestoreAsync(logEach: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Couldn't check that every active debate is live; trying again")]
    private partial void LogFailed(Exception exception);
}
