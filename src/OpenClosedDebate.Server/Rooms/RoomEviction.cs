namespace OpenClosedDebate.Server.Rooms;

using Microsoft.Extensions.Options;

/// <summary>
/// Every tenth of <see cref="RoomOptions.IdleRoomLifetime"/> (at most a minute), drops the rooms that have been idle
/// that long (<see cref="RoomRegistry.EvictIdleAsync"/>). Time is the server's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RoomEviction(RoomRegistry rooms, IOptions<RoomOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lifetime = options.Value.IdleRoomLifetime;
        var every = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await rooms.EvictIdleAsync(time.GetUtcNow() - lifetime);
        }
    }
}
