namespace OpenClosedDebate.LoadTest;

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

/// <summary>Writes docs/PERFORMANCE.md: the machine, the commands, the targets of docs/design.md beside the medians, and every scenario's table.</summary>
internal static class Performance
{
    public const string Idle = "1. 10,000 students connected, then idle";
    public const string OneRoom = "2. One room of 2,000";
    public const string Template = "3. Rooms of 40 running the built-in template";
    public const string Reconnect = "4. Reconnect storm after a restart";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Losses = ["lost arguments", "duplicated arguments", "lost ballots", "duplicated ballots"];

    public static string Write(
        IReadOnlyDictionary<string, List<(IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)>> results,
        int runs,
        Scenarios s,
        string command)
    {
        var medians = results.ToDictionary(
            r => r.Key,
            r => (Ours: Report.Medians([.. r.Value.Select(v => v.Ours)]), Bare: Report.Medians([.. r.Value.Select(v => v.Bare)])),
            StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine("# Performance");
        text.AppendLine();
        text.AppendLine(Invariant, $"Written by `{command}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Don't edit it by hand: run the script again.");
        text.AppendLine(Invariant, $"Every figure is the **median of {runs} run{(runs == 1 ? "" : "s")}**. Each run measures our server and then a bare SignalR hub with the");
        text.AppendLine("same broadcast pattern and no debate logic, one after the other on the same machine, so the ratio column compares like with like.");
        text.AppendLine("The load generator runs on the same box as the server and shares its two cores, as the targets in design.md require.");
        text.AppendLine("Micro-benchmarks of the hot pure code (tallies, snapshots, ballot validation) are in [MICROBENCHMARKS.md](MICROBENCHMARKS.md).");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.AppendLine(Invariant, $"- CPU: {CpuModel()}, {Environment.ProcessorCount} cores");
        text.AppendLine(Invariant, $"- memory: {MemoryTotal()}");
        text.AppendLine(Invariant, $"- OS: {RuntimeInformation.OSDescription}");
        text.AppendLine(Invariant, $"- runtime: {RuntimeInformation.FrameworkDescription}, server in Release, SQLite on local disk, everything over loopback");
        text.AppendLine(Invariant, $"- commit: {Environment.GetEnvironmentVariable("OCD_LOAD_COMMIT") ?? "unknown"}");
        text.AppendLine();
        text.AppendLine("## Commands");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(Invariant, $"{command}    # builds in Release, runs all four scenarios {runs} time{(runs == 1 ? "" : "s")}, writes this file");
        text.AppendLine("dotnet tests/OpenClosedDebate.LoadTest/bin/Release/net10.0/OpenClosedDebate.LoadTest.dll one-room   # one scenario, once (also: idle, template, reconnect)");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant, $"Settings of these runs: {s.IdleStudents:N0} idle students in {s.IdleRooms} rooms for {s.Idle.TotalSeconds:F0} s; one room of {s.Students:N0} posting within {s.PostWindow.TotalSeconds:F0} s;");
        text.AppendLine(Invariant, $"{s.TemplateRooms} rooms of {s.TemplatePerRoom} running the template with {s.Phases.Argue} s to argue, {s.Phases.Vote} s to vote and {s.Phases.Results} s of results per round; a reconnect storm of {s.Students:N0}.");
        text.AppendLine();
        Targets(text, medians, s);
        foreach (var (name, about) in new[]
        {
            (Idle, "Students connect and join (500 at a time), then stay connected, pinging every 10 s as the browser client does, for the idle period. Memory is the server's resident set (VmRSS, and VmHWM for the peak)."),
            (OneRoom, "A join storm (500 connecting at any moment), the round starts, everyone posts one argument at a random moment in the post window, the instructor opens voting, everyone casts a ballot ranking 3 arguments within 2 s, and the round closes at its deadline. Fan-out is from the update's `serverNow` to its receipt by each client, on the same clock. Lost and duplicated submissions compare what was acknowledged with the debate's JSON export."),
            (Template, "Each room runs the built-in *Open and Closed Models* template (9 rounds: two motion votes, the ranking of aspects of openness, six argument rounds) with every phase shortened. Nobody drives the students: each reacts to the clock events it receives, posting once per argue phase and voting once per round. Results must reach every client for every round. The bare hub has no clock, so a driver announces its phases at the same times."),
            (Reconnect, "A room of 2,000 is arguing (1,000 arguments posted) when the server is killed with SIGKILL and started again on the same database and port. Every student opens a new connection and resumes with their token, 500 at a time, and gets a full snapshot. The bare hub's resume only rejoins a group, so its figures are a floor, not a like-for-like cost."),
        })
        {
            if (!medians.TryGetValue(name, out var m))
            {
                continue;
            }

            text.AppendLine(Invariant, $"## {name}");
            text.AppendLine();
            text.AppendLine(about);
            text.AppendLine();
            text.Append(Report.Table(m.Ours, m.Bare));
            text.AppendLine();
        }

        return text.ToString();
    }

    private const string ClusterStart = "<!-- cluster: written by `tests/load cluster` -->";
    private const string ClusterEnd = "<!-- end of cluster -->";

    /// <summary>
    /// The cluster's section: one room of many and the template's rooms, on a cluster of <paramref name="nodes"/> and on
    /// one server, each run measuring both one after the other; medians of <paramref name="runs"/> and their ratio.
    /// </summary>
    public static string Cluster(
        IReadOnlyDictionary<string, List<(IReadOnlyList<Metric> Cluster, IReadOnlyList<Metric> One)>> results,
        int runs,
        int nodes,
        Scenarios s,
        string command)
    {
        var text = new StringBuilder();
        text.AppendLine(ClusterStart);
        text.AppendLine(Invariant, $"## 5. A cluster of {nodes} nodes beside one server");
        text.AppendLine();
        text.AppendLine(Invariant, $"Written by `{command}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Environment.GetEnvironmentVariable("OCD_LOAD_COMMIT") ?? "unknown"}; the **median of {runs} run{(runs == 1 ? "" : "s")}**.");
        text.AppendLine(Invariant, $"Each run measures {nodes} nodes of our server as one cluster (Release build, `Cluster:Enabled`, on a PostgreSQL and a Redis of their own,");
        text.AppendLine("students connecting straight to the nodes in turn, the instructor through the first) and then one server on its SQLite file, on the same machine,");
        text.AppendLine("so everything shares the same two cores. The cluster's CPU time is its nodes', PostgreSQL's (with its backends) and Redis's together; its memory");
        text.AppendLine(Invariant, $"is its nodes' together. Scenarios as above: one room of {s.Students:N0}; {s.TemplateRooms} rooms of {s.TemplatePerRoom} running the template.");
        text.AppendLine();
        foreach (var (name, measured) in results)
        {
            var cluster = Report.Medians([.. measured.Select(v => v.Cluster)]);
            var one = Report.Medians([.. measured.Select(v => v.One)]);
            text.AppendLine(Invariant, $"### {name}");
            text.AppendLine();
            text.Append(Report.Table(cluster, one, $"{nodes} nodes", "one server"));
            text.AppendLine();
        }

        text.AppendLine(ClusterEnd);
        return text.ToString();
    }

    /// <summary>The cluster's section of a PERFORMANCE.md, or empty if it has none.</summary>
    public static string ClusterSection(string document)
    {
        var start = document.IndexOf(ClusterStart, StringComparison.Ordinal);
        var end = document.IndexOf(ClusterEnd, StringComparison.Ordinal);
        return start >= 0 && end > start ? document[start..(end + ClusterEnd.Length)] + Environment.NewLine : string.Empty;
    }

    /// <summary><paramref name="document"/> with its cluster section replaced by <paramref name="section"/> (added at the end if it had none).</summary>
    public static string WithCluster(string document, string section)
    {
        var old = ClusterSection(document);
        return old.Length > 0 ? document.Replace(old, section, StringComparison.Ordinal) : document.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
    }

    private static void Targets(StringBuilder text, Dictionary<string, (IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)> m, Scenarios s)
    {
        text.AppendLine("## Targets ([design.md](design.md#targets))");
        text.AppendLine();
        text.AppendLine("| target | measured | bare hub | ratio | met |");
        text.AppendLine("|---|---:|---:|---:|:---:|");
        if (m.TryGetValue(Idle, out var idle))
        {
            var joined = Report.Value(idle.Ours, "students connected and joined");
            Row(text, $"{joined:N0} students connected: server memory < 1.5 GB", idle, "server peak memory",
                Report.Value(idle.Ours, "server peak memory") < 1536 && Report.Value(idle.Ours, "dropped while idle") == 0);
        }

        if (m.TryGetValue(OneRoom, out var room))
        {
            Row(text, $"one room of {s.Students:N0}: join storm, all joined < 10 s", room, "join storm: all joined", Report.Value(room.Ours, "join storm: all joined") < 10);
            Row(text, $"{s.Students:N0} ballots within 2 s: all acknowledged durably, p99 ack < 100 ms", room, "ballot ack p99",
                Report.Value(room.Ours, "ballot ack p99") < 100 && Report.Value(room.Ours, "lost ballots") == 0);
            Row(text, $"fan-out to {s.Students:N0}: p99 < 250 ms", room, "fan-out p99", Report.Value(room.Ours, "fan-out p99") < 250);
            Row(text, "broadcasts coalesced to ≤ 4 per second per room", room, "broadcasts per second to one client, max",
                Report.Value(room.Ours, "broadcasts per second to one client, max") <= 4);
            Row(text, "round close: final results on every client < 500 ms after the deadline (slowest client)", room, "results after the deadline max",
                Report.Value(room.Ours, "results after the deadline max") < 500 && Report.Value(room.Ours, "clients without results") == 0);
            Row(text, "no lost or duplicated submissions", room, "lost arguments",
                Losses.All(n => Report.Value(room.Ours, n) == 0));
        }

        if (m.TryGetValue(Template, out var template))
        {
            Row(text, $"{s.TemplateRooms} rooms × {s.TemplatePerRoom}: results < 500 ms after each deadline (slowest client)", template, "results after each deadline max",
                Report.Value(template.Ours, "results after each deadline max") < 500 && Report.Value(template.Ours, "round results not received") == 0);
            Row(text, $"{s.TemplateRooms} rooms × {s.TemplatePerRoom}: fan-out p99 < 250 ms", template, "fan-out p99", Report.Value(template.Ours, "fan-out p99") < 250);
        }

        if (m.TryGetValue(Reconnect, out var reconnect))
        {
            Row(text, $"reconnect storm after a restart: {s.Students:N0} resynced < 30 s", reconnect, "all resumed and resynced",
                Report.Value(reconnect.Ours, "all resumed and resynced") < 30 && Report.Value(reconnect.Ours, "failed resumes") == 0);
        }

        if (room.Ours is not null)
        {
            foreach (var name in new[] { "fan-out p99", "ballot ack p99", "argument ack p99", "server CPU time" })
            {
                var ratio = Report.Value(room.Ours, name) / Report.Value(room.Bare, name);
                Row(text, $"overhead against the bare hub ≤ 1.5×: one room, {name}", room, name, ratio <= 1.5);
            }
        }

        text.AppendLine();
    }

    private static void Row(StringBuilder text, string target, (IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare) scenario, string metric, bool met)
    {
        var ours = scenario.Ours.Single(x => x.Name == metric);
        var bare = scenario.Bare.Single(x => x.Name == metric);
        text.AppendLine(Invariant, $"| {target} | {Report.Show(ours)} | {Report.Show(bare)} | {Report.Ratio(ours, bare)} | {(met ? "yes" : "**no**")} |");
    }

    private static string CpuModel() => ProcessStats.ProcessorModel();

    private static string MemoryTotal() =>
        ProcessStats.MachineMemory() is { } bytes ? string.Create(Invariant, $"{bytes / 1073741824.0:F1} GiB") : "unknown";
}
