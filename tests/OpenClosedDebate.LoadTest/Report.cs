namespace OpenClosedDebate.LoadTest;

using System.Globalization;
using System.Text;

/// <summary>One number a scenario measured, with how to show it.</summary>
internal sealed record Metric(string Name, double Value, string Unit);

/// <summary>
/// Turns what the scenarios measured into numbers, takes medians over runs, and writes them as
/// Markdown tables, for the console and for docs/PERFORMANCE.md.
/// </summary>
internal static class Report
{
    public static IReadOnlyList<Metric> Metrics(RunResult r) =>
    [
        new("students joined", r.Measured.Join.Count, "count"),
        new("join storm: all joined", r.JoinStorm.TotalSeconds, "s"),
        .. Latency("connect", r.Measured.Connect.Summarise()),
        .. Latency("join ack", r.Measured.Join.Summarise()),
        .. Latency("argument ack", r.Measured.ArgumentAck.Summarise()),
        new("ballots acknowledged", r.Measured.BallotsAcknowledged, "count"),
        .. Latency("ballot ack", r.Measured.BallotAck.Summarise()),
        .. Latency("fan-out", r.Measured.FanOut.Summarise()),
        new("fan-out deliveries", r.Measured.FanOut.Count, "count"),
        new("broadcasts per second to one client, max", r.Measured.MaxFlushesPerSecond, "count"),
        .. Latency("results after the deadline", r.Measured.Results.Summarise()),
        new("size of the results update", r.Measured.ResultsBytes / 1024.0, "KB"),
        new("clients without results", r.MissingResults, "count"),
        .. Integrity(r.Integrity),
        new("server CPU time", r.ServerCpu.TotalSeconds, "s"),
        new("server peak memory", r.ServerPeakMemory / 1048576.0, "MB"),
        new("load generator CPU time", r.GeneratorCpu.TotalSeconds, "s"),
    ];

    public static IReadOnlyList<Metric> Metrics(IdleResult r) =>
    [
        new("students connected and joined", r.Students, "count"),
        new("all joined", r.Joined.TotalSeconds, "s"),
        .. Latency("join ack", r.Join),
        new("dropped while idle", r.Dropped, "count"),
        new("server CPU while idle", r.IdleCpuShare, "%"),
        new("server memory while idle", r.ServerResident / 1048576.0, "MB"),
        new("server peak memory", r.ServerPeak / 1048576.0, "MB"),
        new("load generator memory", r.GeneratorResident / 1048576.0, "MB"),
    ];

    public static IReadOnlyList<Metric> Metrics(ReconnectResult r) =>
    [
        new("restart until /healthz answers", r.Restart.TotalSeconds, "s"),
        new("students resumed", r.Resume.Count, "count"),
        new("all resumed and resynced", r.AllResynced.TotalSeconds, "s"),
        .. Latency("resume", r.Resume),
        new("failed resumes", r.Failed, "count"),
        new("server CPU time during the storm", r.ServerCpu.TotalSeconds, "s"),
        new("server peak memory after the restart", r.ServerPeakMemory / 1048576.0, "MB"),
    ];

    public static IReadOnlyList<Metric> Metrics(TemplateResult r) =>
    [
        new("students joined", r.Measured.Join.Count, "count"),
        new("all joined", r.Joined.TotalSeconds, "s"),
        .. Latency("join ack", r.Measured.Join.Summarise()),
        new("the plan ran, start to last results", r.Ran.TotalSeconds, "s"),
        new("arguments acknowledged", r.Measured.ArgumentsAcknowledged.Count, "count"),
        new("ballots acknowledged", r.Measured.BallotsAcknowledged, "count"),
        .. Latency("argument ack", r.Measured.ArgumentAck.Summarise()),
        .. Latency("ballot ack", r.Measured.BallotAck.Summarise()),
        .. Latency("fan-out", r.Measured.FanOut.Summarise()),
        new("fan-out deliveries", r.Measured.FanOut.Count, "count"),
        new("broadcasts per second to one client, max", r.Measured.MaxFlushesPerSecond, "count"),
        .. Latency("results after each deadline", r.Measured.Results.Summarise()),
        new("round results not received", r.MissingResults, "count"),
        new("calls refused or failed", r.Measured.Failures.Values.Sum(), "count"),
        .. Integrity(r.Integrity),
        new("server CPU time", r.ServerCpu.TotalSeconds, "s"),
        new("server peak memory", r.ServerPeakMemory / 1048576.0, "MB"),
        new("load generator CPU time", r.GeneratorCpu.TotalSeconds, "s"),
    ];

    /// <summary>Each metric's median over runs (runs list the same metrics in the same order).</summary>
    public static IReadOnlyList<Metric> Medians(IReadOnlyList<IReadOnlyList<Metric>> runs) =>
        [.. runs[0].Select((m, i) => m with { Value = Median([.. runs.Select(r => r[i].Value)]) })];

    /// <summary>A table of our server beside the bare hub (or of any two targets, named), with the ratio where both have a value.</summary>
    public static string Table(IReadOnlyList<Metric> ours, IReadOnlyList<Metric> bare, string oursName = "debate server", string bareName = "bare hub")
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | {oursName} | {bareName} | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < ours.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {ours[i].Name} | {Show(ours[i])} | {Show(bare[i])} | {Ratio(ours[i], bare[i])} |");
        }

        return text.ToString();
    }

    public static double Value(IReadOnlyList<Metric> metrics, string name) => metrics.Single(m => m.Name == name).Value;

    public static string Show(Metric m) => double.IsNaN(m.Value)
        ? "n/a"
        : m.Unit switch
        {
            "count" => m.Value.ToString("N0", CultureInfo.InvariantCulture),
            "%" => m.Value.ToString("P0", CultureInfo.InvariantCulture),
            "ms" => string.Create(CultureInfo.InvariantCulture, $"{m.Value:F1} ms"),
            "s" => string.Create(CultureInfo.InvariantCulture, $"{m.Value:F1} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{m.Value:F0} {m.Unit}"),
        };

    public static string Ratio(Metric ours, Metric bare) =>
        double.IsNaN(ours.Value) || double.IsNaN(bare.Value) || bare.Value <= 0 || ours.Unit == "count"
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"{ours.Value / bare.Value:F2}×");

    private static IEnumerable<Metric> Latency(string name, Summary s) =>
    [
        new($"{name} p50", s.P50, "ms"),
        new($"{name} p99", s.P99, "ms"),
        new($"{name} max", s.Max, "ms"),
    ];

    private static IEnumerable<Metric> Integrity(Integrity i) =>
    [
        new("lost arguments", i.LostArguments ?? double.NaN, "count"),
        new("duplicated arguments", i.DuplicateArguments ?? double.NaN, "count"),
        new("lost ballots", i.LostBallots ?? double.NaN, "count"),
        new("duplicated ballots", i.DuplicateBallots ?? double.NaN, "count"),
    ];

    private static double Median(double[] values)
    {
        var known = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return known.Length == 0 ? double.NaN
            : known.Length % 2 == 1 ? known[known.Length / 2]
            : (known[(known.Length / 2) - 1] + known[known.Length / 2]) / 2;
    }
}
