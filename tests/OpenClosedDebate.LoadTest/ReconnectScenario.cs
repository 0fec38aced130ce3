namespace OpenClosedDebate.LoadTest;

using System.Diagnostics;

/// <summary>
/// Scenario 4: a room of 2,000 is arguing when the server is killed (SIGKILL) and started again on the
/// same database and port; every student reconnects and resumes with their token, a few hundred at a time.
/// </summary>
internal sealed class ReconnectScenario(int students)
{
    public async Task<ReconnectResult> RunAsync(Func<Target, Task<IRoomHost>> connect, Func<Target?, Task<Target>> start, CancellationToken ct)
    {
        var measured = new Measurements();
        var target = await start(null);
        var host = await connect(target);
        var code = await host.OpenRoomAsync(argueSeconds: 600, voteSeconds: 60, capacity: students, ct);
        var pupils = Enumerable.Range(0, students).Select(i => new SimStudent($"Student {i:D5}", measured)).ToList();
        await Crowd.JoinAsync(pupils.Select(s => (s, code)), target.Hubs, ct);
        await host.StartAsync(code, ct);
        await Crowd.ForEachAsync(pupils.Take(students / 2), 200, s => s.PostAsync($"{s.Name}: an argument made before the crash.", ct), ct);

        target.Kill();
        await host.DisposeAsync();
        await target.DisposeAsync();
        var down = Stopwatch.StartNew();
        var restarted = await start(target);
        var startup = down.Elapsed;
        var cpuBefore = restarted.CpuTime();

        // Every phone notices and comes back; the browser client retries at once, then backs off.
        var resumes = new Samples();
        var storm = Stopwatch.StartNew();
        var failed = 0;
        await Crowd.ForEachAsync(pupils, Crowd.AtOnce, async s =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await s.ResumeAsync(restarted.Hub, code, ct);
                resumes.Add(clock.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is HubCallException or System.Net.WebSockets.WebSocketException or TimeoutException)
            {
                Interlocked.Increment(ref failed);
            }
        }, ct);
        var resynced = storm.Elapsed;
        var cpu = restarted.CpuTime() - cpuBefore;
        var memory = restarted.Memory();
        await Crowd.LeaveAsync(pupils, ct);
        await restarted.DisposeAsync();
        restarted.DeleteFolder();
        return new ReconnectResult(restarted.Bare ? "bare hub" : "debate server", startup, resynced, resumes.Summarise(), failed, cpu, memory.Peak);
    }
}

/// <summary>What a reconnect storm measured.</summary>
internal sealed record ReconnectResult(string Target, TimeSpan Restart, TimeSpan AllResynced, Summary Resume, int Failed, TimeSpan ServerCpu, long ServerPeakMemory);
