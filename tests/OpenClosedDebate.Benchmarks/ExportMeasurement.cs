namespace OpenClosedDebate.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Exports of a large debate (2,000 students, 10,000 arguments, 2,000 ballots), fetched from a real
/// server process: the time of each export and the server's peak memory (VmHWM) around them.
/// </summary>
internal static class ExportMeasurement
{
    private const int Students = 2000;
    private const int ArgumentsEach = 5;
    private const string Email = "bench@example.edu";
    private const string Password = "a long benchmark password";

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ocd-export-bench-").FullName;
        var database = Path.Combine(folder, "debates.db");
        var debateId = await SeedAsync(database);
        var port = Ports.Free();
        using var server = ServerProcess.Start(
            folder,
            database,
            ["--urls", $"http://127.0.0.1:{port}"],
            settings: new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" },
            keepStdout: false);
        await server.WaitHealthyAsync(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(60));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(5),
        };
        (await http.PostAsJsonAsync("/api/auth/sign-in", new { email = Email, password = Password })).EnsureSuccessStatusCode();
        Console.WriteLine($"Server started: peak {Megabytes(Peak(server))} MB");

        await MeasureAsync(http, server, $"/api/debates/{debateId}/review", "review (loads the debate: replays its events)");
        foreach (var file in new[] { "transcript.md", "arguments.csv", "ballots.csv", "debate.json" })
        {
            await MeasureAsync(http, server, $"/api/debates/{debateId}/export/{file}", file);
        }

        server.Kill();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, ServerProcess server, string path, string name)
    {
        var before = Peak(server);
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var first = clock.Elapsed;
        await using var body = await response.Content.ReadAsStreamAsync();
        var bytes = 0L;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var total = clock.Elapsed;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {bytes / 1024.0 / 1024.0:F1} MB | first byte {first.TotalMilliseconds:F0} ms | done {total.TotalMilliseconds:F0} ms | server peak {Megabytes(before)} → {Megabytes(Peak(server))} MB |"));
    }

    /// <summary>Builds the debate through the domain, as the room would, and stores its events in one go.</summary>
    private static async Task<Guid> SeedAsync(string database)
    {
        var options = new DbContextOptionsBuilder<DebateDb>().UseSqlite($"Data Source={database}").Options;
        await using var db = new DebateDb(options);
        await db.Database.MigrateAsync();
        var instructor = new InstructorRecord
        {
            Id = Guid.NewGuid(),
            Email = Email,
            NormalizedEmail = Email.ToUpperInvariant(),
            PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<InstructorRecord>().HashPassword(null!, Password),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Instructors.Add(instructor);

        var t = DateTimeOffset.UtcNow;
        var plan = new DebatePlan
        {
            Motion = "Models should be open.",
            Settings = new DebateSettings { MaxRankedItems = 5, AllowRankingOwnArgument = true },
            Rounds = [new RoundPlan { Title = "Research", Prompt = "Argue.", Kind = RoundKind.Argument, ArgueSeconds = 7200, VoteSeconds = 7200 }],
        };
        var (debate, events) = Debate.Create(Guid.NewGuid(), "BENCH2", plan, 7, t);
        var all = new List<DebateEvent>(events);
        all.AddRange(debate.OpenLobby(t));
        var students = Enumerable.Range(0, Students).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (id, i) in students.Select((id, i) => (id, i)))
        {
            all.AddRange(debate.Join(id, $"Student {i + 1}", $"token-{i}", t));
        }

        all.AddRange(debate.Start(t));
        var random = new Random(1);
        var arguments = new List<string>();
        foreach (var id in students)
        {
            for (var k = 0; k < ArgumentsEach; k++)
            {
                var text = string.Join(' ', Enumerable.Range(0, 30 + random.Next(60)).Select(_ => Words[random.Next(Words.Length)]));
                var posted = debate.PostArgument(id, $"a-{arguments.Count}", Guid.NewGuid(), text, null, t);
                arguments.Add(posted.Accepted.ArgumentId.ToString());
                all.AddRange(posted.Events);
            }
        }

        all.AddRange(debate.Skip(t));
        foreach (var id in students)
        {
            var ranking = Enumerable.Range(0, 5).Select(_ => arguments[(int)(arguments.Count * Math.Pow(random.NextDouble(), 3))]).Distinct().ToArray();
            all.AddRange(debate.CastBallot(id, $"b-{id}", 0, ranking, t).Events);
        }

        all.AddRange(debate.Skip(t));
        all.AddRange(debate.End(t));
        var row = new DebateRecord { Id = debate.Id, OwnerId = instructor.Id, JoinCode = debate.JoinCode, Motion = plan.Motion };
        DebateSummary.Of(debate, t).CopyTo(row);
        row.CreatedAt = t;
        row.Events.AddRange(all.Select(e => EventCodec.ToRecord(debate.Id, e)));
        db.Debates.Add(row);
        await db.SaveChangesAsync();
        Console.WriteLine($"Seeded {Students} students, {arguments.Count} arguments, {Students} ballots: {all.Count} events");
        return debate.Id;
    }

    private static readonly string[] Words = ["open", "closed", "weights", "research", "safety", "audit", "model", "data", "release", "risk", "benefit", "lab", "public", "reproduce", "misuse"];

    /// <summary>The process's peak resident memory, in bytes (Linux VmHWM).</summary>
    private static long Peak(ServerProcess process) => process.Memory().Peak;

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
}
