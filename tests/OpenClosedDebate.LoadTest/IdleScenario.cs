namespace OpenClosedDebate.LoadTest;

using System.Diagnostics;

/// <summary>Scenario 1: 10,000 students connected across 100 rooms, then idle (pinging, as browsers do) for a while.</summary>
internal sealed class IdleScenario(int rooms, int perRoom, TimeSpan idle)
{
    public async Task<IdleResult> RunAsync(IRoomHost host, CancellationToken ct)
    {
        var measured = new Measurements();
        var codes = new List<string>();
        for (var r = 0; r < rooms; r++)
        {
            codes.Add(await host.OpenRoomAsync(argueSeconds: 600, voteSeconds: 60, capacity: perRoom, ct));
        }

        var pupils = Enumerable.Range(0, rooms * perRoom).Select(i => (Student: new SimStudent($"Student {i:D5}", measured), Code: codes[i % rooms])).ToList();
        var joined = await Crowd.JoinAsync(pupils, host.Target.Hubs, ct);
        Console.WriteLine($"  {pupils.Count} joined {rooms} rooms in {joined.TotalSeconds:F1} s ({measured.JoinsToldToWait} tries told to wait; {measured.JoinsPastPageRetries} students past the page's six tries)");

        var students = pupils.Select(p => p.Student).ToList();
        using var pings = Pinger.Start(students, ct);
        var cpuBefore = host.Target.CpuTime();
        await Task.Delay(idle, ct);
        var idleCpu = host.Target.CpuTime() - cpuBefore;
        var memory = host.Target.Memory();
        var dropped = students.Count(s => s.Socket!.Closed);
        var own = Process.GetCurrentProcess();
        own.Refresh();
        await Crowd.LeaveAsync(students, ct);
        return new IdleResult(host.Target.Bare ? "bare hub" : "debate server", pupils.Count, joined, measured.Join.Summarise(), dropped, idleCpu / idle, memory.Resident, memory.Peak, own.WorkingSet64);
    }
}

/// <summary>What the idle scenario measured: server CPU while idle (as a fraction of one core) and memory.</summary>
internal sealed record IdleResult(
    string Target,
    int Students,
    TimeSpan Joined,
    Summary Join,
    int Dropped,
    double IdleCpuShare,
    long ServerResident,
    long ServerPeak,
    long GeneratorResident);
