namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using System.Net;
using OpenClosedDebate.Domain.Debates;

/// <summary>Nobody can blind the logs: request values are cut short, repeated refusals are sampled, and files roll by size.</summary>
public sealed class LogFloodTests
{
    private const int FileBytes = 64 * 1024;
    private const int Files = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_of_huge_origins_and_paths_neither_fills_the_disk_nor_hides_later_events()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["Serilog:WriteTo:File:Args:fileSizeLimitBytes"] = $"{FileBytes}",
            ["Serilog:WriteTo:File:Args:retainedFileCountLimit"] = $"{Files}",
        });
        using var http = server.Http();
        var logs = Path.Combine(server.Folder, "logs");

        // Long paths and a busy workload of real events: files roll by size and only the newest few are kept.
        var longPath = "/api/" + new string('p', 8000);
        for (var i = 0; i < 300; i++)
        {
            (await http.GetAsync(longPath, Ct)).Dispose();
        }

        await using var room = await Classroom.OpenAsync(server, 3);
        for (var round = 0; round < 1500; round++)
        {
            (await room.Teacher.Http.GetAsync($"/api/debates/{room.Debate.Id}", Ct)).Dispose();
        }

        // Two thousand refusals of a 30 KB origin: one sampled line, cut short.
        var origin = "https://" + new string('e', 30 * 1024) + ".example";
        var beforeOrigins = LogBytes(logs);
        var clock = Stopwatch.StartNew();
        const int Refusals = 2000;
        for (var i = 0; i < Refusals; i++)
        {
            using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/debate/negotiate?negotiateVersion=1");
            negotiate.Headers.TryAddWithoutValidation("Origin", origin);
            using var refused = await http.SendAsync(negotiate, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var flood = clock.Elapsed;
        var afterOrigins = LogBytes(logs) - beforeOrigins;

        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);

        // The newest event is there: the file holds compact JSON, the template and its properties.
        await server.PollLogsAsync(
            text => text.Contains("entered {Phase}", StringComparison.Ordinal) && text.Contains("\"Phase\":\"Argue\"", StringComparison.Ordinal),
            "the phase change in the log");

        var files = Directory.GetFiles(logs, "openclosed-*.log");
        var lines = files.SelectMany(ReadLines).ToList();
        var originLines = lines.Count(l => l.Contains("Refused a hub connection from origin", StringComparison.Ordinal));
        var longest = lines.Max(l => l.Length);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Refusals} hub connections with a 30 KB origin refused in {flood.TotalSeconds:F1} s wrote {afterOrigins:N0} bytes of log " +
            $"({originLines} origin line(s) still kept); after long paths and a workload: {files.Length} file(s), {files.Sum(f => new FileInfo(f).Length):N0} bytes, longest line {longest:N0} characters.");
        Assert.True(afterOrigins < 8 * 1024, $"Refusing {Refusals} origins wrote {afterOrigins} bytes of log.");
        Assert.InRange(originLines, 1, 2);
        Assert.DoesNotContain(lines, l => l.Contains(new string('e', 1000), StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(new string('p', 1000), StringComparison.Ordinal));
        Assert.True(longest < 4000, $"A log line of {longest} characters.");
        Assert.True(files.Length <= Files, $"{files.Length} log files kept; the limit is {Files}.");
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= FileBytes + 4096, $"{f} is {new FileInfo(f).Length} bytes."));
    }

    private static IEnumerable<string> ReadLines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Split('\n');
    }

    private static long LogBytes(string folder) => Directory.GetFiles(folder, "openclosed-*.log").Sum(f => new FileInfo(f).Length);
}
