namespace OpenClosedDebate.LoadTest;

using System.Diagnostics;

/// <summary>What every scenario does with its simulated students: let them in a few hundred at a time, and see them out.</summary>
internal static class Crowd
{
    /// <summary>How many connect at any moment: everyone scans the QR code at once, but phones don't all land in the same millisecond.</summary>
    public const int AtOnce = 500;

    /// <summary>Connects and joins every student to their room, each through the next of <paramref name="hubs"/> (a cluster's nodes); returns how long the storm took.</summary>
    public static async Task<TimeSpan> JoinAsync(IEnumerable<(SimStudent Student, string Code)> students, IReadOnlyList<Uri> hubs, CancellationToken ct)
    {
        var storm = Stopwatch.StartNew();
        await ForEachAsync(students.Select((s, i) => (s.Student, s.Code, Hub: hubs[i % hubs.Count])), AtOnce, async s =>
        {
            await s.Student.ConnectAsync(s.Hub, ct);
            await s.Student.JoinAsync(s.Code, ct);
        }, ct);
        return storm.Elapsed;
    }

    public static Task LeaveAsync(IEnumerable<SimStudent> students, CancellationToken ct) =>
        ForEachAsync(students, AtOnce, async s => await s.Socket!.DisposeAsync(), ct);

    public static async Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> action, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await action(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(50, ct);
        }
    }
}
