namespace OpenClosedDebate.LoadTest;

using System.Globalization;
using System.Text;

/// <summary>Tables of one run, in Markdown, for the console and for docs/PERFORMANCE.md.</summary>
internal static class Report
{
    public static string Table(IReadOnlyList<RunResult> runs)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", runs.Select(r => r.Target))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(runs.Select(_ => "---|"))}");
        Row(text, "students joined (storm)", runs, r => $"{r.Measured.Join.Count} in {r.JoinStorm.TotalSeconds:F1} s");
        Row(text, "connect p50 / p99 / max", runs, r => Latency(r.Measured.Connect.Summarise()));
        Row(text, "join ack p50 / p99 / max", runs, r => Latency(r.Measured.Join.Summarise()));
        Row(text, "argument ack p50 / p99 / max", runs, r => Latency(r.Measured.ArgumentAck.Summarise()));
        Row(text, "ballot ack p50 / p99 / max", runs, r => Latency(r.Measured.BallotAck.Summarise()));
        Row(text, "fan-out p50 / p99 / max", runs, r => Latency(r.Measured.FanOut.Summarise()) + $" ({r.Measured.FanOut.Count:N0} deliveries)");
        Row(text, "broadcasts per second to one client (max)", runs, r => r.Measured.MaxFlushesPerSecond.ToString(CultureInfo.InvariantCulture));
        Row(text, "results after the deadline p50 / p99 / max", runs, r => Latency(r.Measured.Results.Summarise()));
        Row(text, "size of the results update", runs, r => $"{r.Measured.ResultsBytes / 1024.0:F0} KB");
        Row(text, "clients without results", runs, r => r.MissingResults.ToString(CultureInfo.InvariantCulture));
        Row(text, "lost / duplicated arguments", runs, r => Pair(r.Integrity.LostArguments, r.Integrity.DuplicateArguments));
        Row(text, "lost / duplicated ballots", runs, r => Pair(r.Integrity.LostBallots, r.Integrity.DuplicateBallots));
        Row(text, "server CPU time", runs, r => $"{r.ServerCpu.TotalSeconds:F1} s");
        Row(text, "server peak memory", runs, r => $"{r.ServerPeakMemory / 1048576} MB");
        return text.ToString();
    }

    public static string Table(IReadOnlyList<ReconnectResult> runs)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", runs.Select(r => r.Target))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(runs.Select(_ => "---|"))}");
        Line(text, "restart until /healthz answers", runs, r => $"{r.Restart.TotalSeconds:F1} s");
        Line(text, "all students resumed and resynced", runs, r => $"{r.Resume.Count} in {r.AllResynced.TotalSeconds:F1} s");
        Line(text, "resume p50 / p99 / max", runs, r => Latency(r.Resume));
        Line(text, "failed resumes", runs, r => r.Failed.ToString(CultureInfo.InvariantCulture));
        Line(text, "server CPU time during the storm", runs, r => $"{r.ServerCpu.TotalSeconds:F1} s");
        Line(text, "server peak memory after restart", runs, r => $"{r.ServerPeakMemory / 1048576} MB");
        return text.ToString();
    }

    public static string Table(IReadOnlyList<IdleResult> runs)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", runs.Select(r => r.Target))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(runs.Select(_ => "---|"))}");
        Line(text, "students joined", runs, r => $"{r.Students} in {r.Joined.TotalSeconds:F1} s");
        Line(text, "join ack p50 / p99 / max", runs, r => Latency(r.Join));
        Line(text, "dropped while idle", runs, r => r.Dropped.ToString(CultureInfo.InvariantCulture));
        Line(text, "server CPU while idle", runs, r => $"{r.IdleCpuShare:P0} of a core");
        Line(text, "server memory (resident / peak)", runs, r => $"{r.ServerResident / 1048576} / {r.ServerPeak / 1048576} MB");
        Line(text, "load generator memory", runs, r => $"{r.GeneratorResident / 1048576} MB");
        return text.ToString();
    }

    public static string Table(IReadOnlyList<TemplateResult> runs)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", runs.Select(r => r.Target))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(runs.Select(_ => "---|"))}");
        Line(text, "students joined", runs, r => $"{r.Students} in {r.Rooms} rooms in {r.Joined.TotalSeconds:F1} s");
        Line(text, "join ack p50 / p99 / max", runs, r => Latency(r.Measured.Join.Summarise()));
        Line(text, "the plan ran (start to last results)", runs, r => $"{r.Ran.TotalSeconds:F0} s");
        Line(text, "arguments / ballots acknowledged", runs, r => $"{r.Measured.ArgumentsAcknowledged.Count:N0} / {r.Measured.BallotsAcknowledged:N0}");
        Line(text, "argument ack p50 / p99 / max", runs, r => Latency(r.Measured.ArgumentAck.Summarise()));
        Line(text, "ballot ack p50 / p99 / max", runs, r => Latency(r.Measured.BallotAck.Summarise()));
        Line(text, "fan-out p50 / p99 / max", runs, r => Latency(r.Measured.FanOut.Summarise()) + $" ({r.Measured.FanOut.Count:N0} deliveries)");
        Line(text, "broadcasts per second to one client (max)", runs, r => r.Measured.MaxFlushesPerSecond.ToString(CultureInfo.InvariantCulture));
        Line(text, "results after each deadline p50 / p99 / max", runs, r => Latency(r.Measured.Results.Summarise()));
        Line(text, "round results not received", runs, r => r.MissingResults.ToString(CultureInfo.InvariantCulture));
        Line(text, "calls refused or failed", runs, r => r.Failures);
        Line(text, "lost / duplicated arguments", runs, r => Pair(r.Integrity.LostArguments, r.Integrity.DuplicateArguments));
        Line(text, "lost / duplicated ballots", runs, r => Pair(r.Integrity.LostBallots, r.Integrity.DuplicateBallots));
        Line(text, "server CPU time", runs, r => $"{r.ServerCpu.TotalSeconds:F1} s");
        Line(text, "server peak memory", runs, r => $"{r.ServerPeakMemory / 1048576} MB");
        return text.ToString();
    }

    public static string Latency(Summary s) =>
        s.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{s.P50:F1} / {s.P99:F1} / {s.Max:F0} ms");

    private static string Pair(int? a, int? b) => a is null ? "not stored" : $"{a} / {b}";

    private static void Row(StringBuilder text, string name, IReadOnlyList<RunResult> runs, Func<RunResult, string> cell) => Line(text, name, runs, cell);

    private static void Line<T>(StringBuilder text, string name, IReadOnlyList<T> runs, Func<T, string> cell) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", runs.Select(cell))} |");
}
