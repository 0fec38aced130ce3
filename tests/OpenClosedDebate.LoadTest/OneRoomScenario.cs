namespace OpenClosedDebate.LoadTest;

using System.Diagnostics;

/// <summary>
/// Scenario 2: one room of 2,000. A join storm; everyone posts an argument within a minute; everyone
/// votes within 2 s; the round closes at its deadline and every client must get the results.
/// </summary>
internal sealed class OneRoomScenario(int students, TimeSpan postWindow, int seed = 1)
{
    private const int VoteSeconds = 15;

    public async Task<RunResult> RunAsync(IRoomHost host, CancellationToken ct)
    {
        var random = new Random(seed);
        var measured = new Measurements();
        var cpuBefore = host.Target.CpuTime();
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var code = await host.OpenRoomAsync(argueSeconds: (int)postWindow.TotalSeconds + 60, VoteSeconds, capacity: students, ct);
        var pupils = Enumerable.Range(0, students).Select(i => new SimStudent($"Student {i:D5}", measured)).ToList();

        var joined = await Crowd.JoinAsync(pupils.Select(s => (s, code)), host.Target.Hubs, ct);
        Console.WriteLine($"  {students} joined in {joined.TotalSeconds:F1} s ({measured.JoinsToldToWait} tries told to wait; {measured.JoinsPastPageRetries} students past the page's six tries)");

        await host.StartAsync(code, ct);
        using var pings = Pinger.Start(pupils, ct);
        var posts = pupils.Select(s => (Student: s, At: TimeSpan.FromMilliseconds(random.NextDouble() * postWindow.TotalMilliseconds))).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(posts.Select(async p =>
        {
            await Task.Delay(p.At, ct);
            await p.Student.PostAsync($"{p.Student.Name}: open weights let a class audit what a model learned, and run it offline.", ct);
        }));
        Console.WriteLine($"  {measured.ArgumentsAcknowledged.Count} arguments acknowledged in {clock.Elapsed.TotalSeconds:F1} s");
        await Crowd.WaitUntilAsync(() => pupils.All(s => s.ArgumentsSeen.Count >= students - 1), TimeSpan.FromSeconds(30), ct);

        var deadline = await host.VoteAsync(code, VoteSeconds, ct);
        var votes = pupils.Select(s => (Student: s, At: TimeSpan.FromMilliseconds(random.NextDouble() * 2000), Seed: random.Next())).ToList();
        await Task.WhenAll(votes.Select(async v =>
        {
            await Task.Delay(v.At, ct);
            await v.Student.VoteAsync(0, 3, new Random(v.Seed), ct);
        }));
        Console.WriteLine($"  {measured.BallotsAcknowledged} ballots acknowledged");

        await Crowd.WaitUntilAsync(() => pupils.All(s => s.ResultsAt > 0), deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30), ct);
        foreach (var s in pupils.Where(s => s.ResultsAt > 0))
        {
            measured.Results.Add(TimeSpan.FromTicks(s.ResultsAt - deadline.UtcTicks).TotalMilliseconds);
        }

        var integrity = await host.VerifyAsync([code], measured, ct);
        var cpu = host.Target.CpuTime() - cpuBefore;
        var memory = host.Target.Memory();
        await Crowd.LeaveAsync(pupils, ct);
        return new RunResult(
            host.Target.Bare ? "bare hub" : "debate server",
            joined,
            measured,
            pupils.Count(s => s.ResultsAt == 0),
            integrity,
            cpu,
            memory.Peak,
            Process.GetCurrentProcess().TotalProcessorTime - ownBefore);
    }
}

/// <summary>What one run of a scenario measured.</summary>
internal sealed record RunResult(
    string Target,
    TimeSpan JoinStorm,
    Measurements Measured,
    int MissingResults,
    Integrity Integrity,
    TimeSpan ServerCpu,
    long ServerPeakMemory,
    TimeSpan GeneratorCpu);
