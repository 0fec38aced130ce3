namespace OpenClosedDebate.LoadTest;

/// <summary>Sends SignalR pings from every simulated client every 10 s, as the browser client does, so idle ones aren't timed out.</summary>
internal sealed class Pinger : IDisposable
{
    private readonly CancellationTokenSource _stop;

    private Pinger(IReadOnlyList<SimStudent> students, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _ = LoopAsync(students, _stop.Token);
    }

    public static Pinger Start(IReadOnlyList<SimStudent> students, CancellationToken ct) => new(students, ct);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static async Task LoopAsync(IReadOnlyList<SimStudent> students, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                foreach (var s in students)
                {
                    if (s.Socket is { } socket)
                    {
                        try
                        {
                            await socket.PingAsync(ct);
                        }
                        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or InvalidOperationException)
                        {
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
