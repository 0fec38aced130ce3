using OpenClosedDebate.LoadTest;

// tests/load builds everything in Release and runs `all`, which writes docs/PERFORMANCE.md; one scenario alone:
// dotnet tests/OpenClosedDebate.LoadTest/bin/Release/net10.0/OpenClosedDebate.LoadTest.dll one-room|reconnect|idle|template [options]
if (args is ["bare-hub", .. var rest])
{
    return await BareHub.RunAsync(rest);
}

var (soft, hard) = Limits.RaiseOpenFiles();
Console.WriteLine($"Open-file limit: {soft} (hard {hard})");

// Whatever happens, the generator stops by itself.
using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(Option("--minutes", args.FirstOrDefault() == "all" ? 120 : 20)));
var ct = bound.Token;
var scenarios = new Scenarios(
    Students: Option("--students", 2000),
    PostWindow: TimeSpan.FromSeconds(Option("--post-window", 60)),
    IdleStudents: Option("--idle-students", 10000),
    IdleRooms: Option("--idle-rooms", 100),
    Idle: TimeSpan.FromSeconds(Option("--idle", 30)),
    TemplateRooms: Option("--template-rooms", 100),
    TemplatePerRoom: Option("--per-room", 40),
    Phases: (Option("--argue", 10), Option("--vote", 10), Option("--results", 10)));

var outAt = Array.LastIndexOf(args, "--out");
var output = outAt >= 0 && outAt + 1 < args.Length ? args[outAt + 1] : "PERFORMANCE.md";
var runs = Option("--runs", 3);

switch (args.FirstOrDefault())
{
    case "one-room":
        Show(await scenarios.OneRoomAsync(ct));
        return 0;
    case "reconnect":
        Show(await scenarios.ReconnectAsync(ct));
        return 0;
    case "idle":
        Show(await scenarios.IdleAsync(ct));
        return 0;
    case "template":
        Show(await scenarios.TemplateAsync(ct));
        return 0;
    case "cluster":
        {
            var nodes = Option("--nodes", 3);
            var clustered = new Dictionary<string, List<(IReadOnlyList<Metric> Cluster, IReadOnlyList<Metric> One)>>(StringComparer.Ordinal);
            for (var run = 1; run <= runs; run++)
            {
                foreach (var (name, scenario) in new (string, Func<CancellationToken, Task<(IReadOnlyList<Metric>, IReadOnlyList<Metric>)>>)[]
                {
                    (Performance.OneRoom, c => scenarios.OneRoomOnClusterAsync(nodes, c)),
                    (Performance.Template, c => scenarios.TemplateOnClusterAsync(nodes, c)),
                })
                {
                    Console.WriteLine($"Run {run} of {runs}, {nodes} nodes: {name}");
                    var result = await scenario(ct);
                    Console.WriteLine(Report.Table(result.Item1, result.Item2, $"{nodes} nodes", "one server"));
                    (clustered.TryGetValue(name, out var list) ? list : clustered[name] = []).Add(result);
                }
            }

            var before = File.Exists(output) ? await File.ReadAllTextAsync(output, ct) : string.Empty;
            await File.WriteAllTextAsync(output, Performance.WithCluster(before, Performance.Cluster(clustered, runs, nodes, scenarios, Environment.GetEnvironmentVariable("OCD_LOAD_COMMAND") ?? "tests/load cluster")), ct);
            Console.WriteLine($"Wrote {Path.GetFullPath(output)}");
            return 0;
        }

    case "all":
        var results = new Dictionary<string, List<(IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)>>(StringComparer.Ordinal);
        for (var run = 1; run <= runs; run++)
        {
            foreach (var (name, scenario) in new (string, Func<CancellationToken, Task<(IReadOnlyList<Metric>, IReadOnlyList<Metric>)>>)[]
            {
                (Performance.Idle, scenarios.IdleAsync),
                (Performance.OneRoom, scenarios.OneRoomAsync),
                (Performance.Template, scenarios.TemplateAsync),
                (Performance.Reconnect, scenarios.ReconnectAsync),
            })
            {
                Console.WriteLine($"Run {run} of {runs}: {name}");
                var result = await scenario(ct);
                Show(result);
                (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(result);
            }
        }

        // The cluster's section, written by `cluster`, stays.
        var previous = File.Exists(output) ? await File.ReadAllTextAsync(output, ct) : string.Empty;
        await File.WriteAllTextAsync(output, Performance.WithCluster(Performance.Write(results, runs, scenarios, Environment.GetEnvironmentVariable("OCD_LOAD_COMMAND") ?? "tests/load"), Performance.ClusterSection(previous)), ct);
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}");
        return 0;
    default:
        Console.Error.WriteLine(
            "Usage: OpenClosedDebate.LoadTest one-room|reconnect|idle|template|all|cluster [--nodes N] [--students N] [--post-window S] [--idle-students N] [--idle-rooms N] [--idle S] "
            + "[--template-rooms N] [--per-room N] [--argue S --vote S --results S] [--runs N --out FILE] [--minutes BOUND]");
        return 2;
}

static void Show((IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare) result) => Console.WriteLine(Report.Table(result.Ours, result.Bare));

int Option(string name, int fallback)
{
    // The last occurrence wins, so options given to tests/load override its own.
    var at = Array.LastIndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
