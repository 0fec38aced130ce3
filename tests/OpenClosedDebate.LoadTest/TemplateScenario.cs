namespace OpenClosedDebate.LoadTest;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Scenario 3: many rooms run the built-in template at once, with every phase shortened. Nobody
/// drives the students: each reacts to the clock events it receives, as a class does. When an argue
/// phase opens it posts once, at a random moment in the first half of the phase; when voting opens
/// it casts a ballot in the first 40% (a motion choice, the ranking round's options, or arguments it
/// saw in that round). Every client must receive every round's results.
/// </summary>
internal sealed class TemplateScenario(int rooms, int perRoom, JsonObject plan, int seed = 3)
{
    private readonly IReadOnlyList<PlanRound> _rounds = PlanRound.Of(plan);

    /// <summary>How long the plan runs, by its own durations.</summary>
    public TimeSpan PlanLength => TimeSpan.FromSeconds(_rounds.Sum(r => (r.Kind == "argument" ? r.ArgueSeconds : 0) + r.VoteSeconds + r.ResultsSeconds));

    /// <summary>The template's plan with every phase set to the given length (the plan's minimum is 10 s).</summary>
    public static JsonObject Shorten(JsonObject template, int argueSeconds, int voteSeconds, int resultsSeconds)
    {
        var plan = template.DeepClone().AsObject();
        foreach (var round in plan["rounds"]!.AsArray())
        {
            round!["argueSeconds"] = (string?)round["kind"] == "argument" ? argueSeconds : round["argueSeconds"]!.GetValue<int>();
            round["voteSeconds"] = voteSeconds;
            round["resultsSeconds"] = resultsSeconds;
        }

        return plan;
    }

    public async Task<TemplateResult> RunAsync(IRoomHost host, CancellationToken ct)
    {
        var measured = new Measurements();
        var cpuBefore = host.Target.CpuTime();
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var codes = new List<string>();
        for (var r = 0; r < rooms; r++)
        {
            codes.Add(await host.OpenRoomAsync(plan, perRoom, ct));
        }

        var random = new Random(seed);
        var pupils = Enumerable.Range(0, rooms * perRoom)
            .Select(i => (Student: new SimStudent($"Student {i:D5}", measured), Code: codes[i % rooms], Class: new Pupil(random.Next())))
            .ToList();
        var joined = await Crowd.JoinAsync(pupils.Select(p => (p.Student, p.Code)), host.Target.Hubs, ct);
        Console.WriteLine($"  {pupils.Count} joined {rooms} rooms in {joined.TotalSeconds:F1} s ({measured.JoinsToldToWait} tries told to wait; {measured.JoinsPastPageRetries} students past the page's six tries)");

        foreach (var (student, _, pupil) in pupils)
        {
            student.OnEvent = (s, e, arrived) => React(s, pupil, e, arrived, measured, ct);
        }

        var students = pupils.Select(p => p.Student).ToList();
        using var pings = Pinger.Start(students, ct);
        var clock = Stopwatch.StartNew();
        foreach (var code in codes)
        {
            await host.RunPlanAsync(code, _rounds, ct);
        }

        var last = _rounds.Count - 1;
        await Crowd.WaitUntilAsync(() => pupils.All(p => p.Class.HasResults(last)), PlanLength + TimeSpan.FromSeconds(60), ct);
        var ran = clock.Elapsed;
        Console.WriteLine($"  the plan ran in {ran.TotalSeconds:F0} s; {measured.ArgumentsAcknowledged.Count} arguments and {measured.BallotsAcknowledged} ballots acknowledged");

        var missing = pupils.Sum(p => Enumerable.Range(0, _rounds.Count).Count(r => !p.Class.HasResults(r)));
        var integrity = await host.VerifyAsync(codes, measured, ct);
        var cpu = host.Target.CpuTime() - cpuBefore;
        var memory = host.Target.Memory();
        await Crowd.LeaveAsync(students, ct);
        return new TemplateResult(
            host.Target.Bare ? "bare hub" : "debate server", pupils.Count, rooms, joined, ran, measured, missing, integrity, cpu, memory.Peak,
            Process.GetCurrentProcess().TotalProcessorTime - ownBefore);
    }

    private void React(SimStudent student, Pupil pupil, JsonElement e, long arrived, Measurements measured, CancellationToken ct)
    {
        switch (e.GetProperty("type").GetString())
        {
            case "clock":
                var state = e.GetProperty("clock");
                if (state.GetProperty("roundIndex").ValueKind != JsonValueKind.Number
                    || state.GetProperty("phase").GetString() is not { } phase
                    || state.GetProperty("deadline").ValueKind != JsonValueKind.String)
                {
                    return;
                }

                var round = state.GetProperty("roundIndex").GetInt32();
                var deadline = state.GetProperty("deadline").GetDateTimeOffset();
                if (!pupil.Enter(round, phase, deadline))
                {
                    return;
                }

                var left = deadline - DateTimeOffset.UtcNow;
                if (phase == "argue")
                {
                    Later(pupil.Delay(left * 0.5), () => student.PostAsync($"{student.Name}, round {round}: open weights let a class audit what a model learned.", ct, round), measured, ct);
                }
                else if (phase == "vote")
                {
                    Later(pupil.Delay(left * 0.4), () => student.SubmitAsync(round, pupil.Ballot(student, _rounds[round], round), ct), measured, ct);
                }

                break;

            case "results":
                var closed = e.GetProperty("result").GetProperty("roundIndex").GetInt32();
                if (pupil.Results(closed) && pupil.VoteDeadline(closed) is { } due)
                {
                    measured.Results.Add(TimeSpan.FromTicks(arrived - due.UtcTicks).TotalMilliseconds);
                }

                break;
        }
    }

    private static void Later(TimeSpan delay, Func<Task> action, Measurements measured, CancellationToken ct) =>
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await Task.Delay(delay, ct);
                    await action();
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    measured.Fail(e);
                }
            },
            ct);

    /// <summary>One student's memory of the debate: which phases it has reacted to, voting deadlines, rounds with results.</summary>
    private sealed class Pupil(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly ConcurrentDictionary<(int, string), DateTimeOffset> _phases = new();
        private readonly ConcurrentDictionary<int, byte> _results = new();

        /// <summary>True the first time this phase of this round is seen (a snapshot or a repeated event doesn't act twice).</summary>
        public bool Enter(int round, string phase, DateTimeOffset deadline) => _phases.TryAdd((round, phase), deadline);

        public DateTimeOffset? VoteDeadline(int round) => _phases.TryGetValue((round, "vote"), out var at) ? at : null;

        public bool Results(int round) => _results.TryAdd(round, 0);

        public bool HasResults(int round) => _results.ContainsKey(round);

        public TimeSpan Delay(TimeSpan within)
        {
            lock (_random)
            {
                return within <= TimeSpan.Zero ? TimeSpan.Zero : within * _random.NextDouble();
            }
        }

        public string[] Ballot(SimStudent student, PlanRound round, int index)
        {
            lock (_random)
            {
                return round.Kind switch
                {
                    "motionVote" => [new[] { "for", "against", "undecided" }[_random.Next(3)]],
                    "ranking" => [.. Enumerable.Range(1, round.Options).Select(o => $"option-{o}").OrderBy(_ => _random.Next()).Take(3)],
                    _ => [.. student.ArgumentsIn(index).Where(a => a != student.MyArgument).OrderBy(_ => _random.Next()).Take(3)],
                };
            }
        }
    }
}

/// <summary>What scenario 3 measured.</summary>
internal sealed record TemplateResult(
    string Target,
    int Students,
    int Rooms,
    TimeSpan Joined,
    TimeSpan Ran,
    Measurements Measured,
    int MissingResults,
    Integrity Integrity,
    TimeSpan ServerCpu,
    long ServerPeakMemory,
    TimeSpan GeneratorCpu)
{
    public string Failures => Measured.Failures.IsEmpty
        ? "0"
        : string.Join("; ", Measured.Failures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Value} × {f.Key}")));
}
