namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Thousands of fuzzed requests to every REST endpoint, signed out, as the owner of the debates and as
/// another instructor: none gets a 5xx, every refusal under /api is problem details (an unmatched route or
/// method may answer with an empty 404 or 405), and the server keeps serving.
/// </summary>
public sealed class RestFuzzTests
{
    private const int Requests = 4_000;
    private const int InFlight = 16;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thousands_of_fuzzed_REST_requests_never_get_a_5xx_and_every_refusal_under_api_is_a_problem()
    {
        FuzzTests.Report($"REST fuzz, seed {FuzzTests.Seed} (OCD_FUZZ_SEED={FuzzTests.Seed} replays it).");
        var time = Stopwatch.StartNew();
        await using var server = await RealServer.StartAsync(FuzzTests.Unthrottled);
        await using var room = await Classroom.OpenAsync(server, 3);
        Guid[] debates = [room.Debate.Id, .. await DebatesInEveryStatusAsync(room)];
        var other = await server.TeacherAsync("other.instructor@example.edu");
        using var anonymous = server.Http();
        var clients = new Dictionary<RestClient, HttpClient> { [RestClient.Anonymous] = anonymous, [RestClient.Owner] = room.Teacher.Http, [RestClient.Other] = other.Http };
        var theirs = await other.CreateAsync(Classroom.OneArgumentRound());
        var requests = new RestFuzzRequests(
            new FuzzJson(new Random(FuzzTests.Seed)), server.BaseAddress, [.. debates, theirs.Id], [.. room.Students.Select(s => s.ParticipantId)], ["teacher@example.edu", "other.instructor@example.edu"]);

        // Deletes of real debates come last, so every other request meets debates in every status.
        var work = Enumerable.Range(0, Requests).Select(i => requests.Next(deletes: i >= Requests * 9 / 10)).ToList();
        var setUp = time.Elapsed;
        var outcomes = new FuzzOutcomes();
        using var gate = new SemaphoreSlim(InFlight);
        await Task.WhenAll(work.Select(async request =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                await SendAsync(clients[request.Client], request, outcomes);
            }
            finally
            {
                gate.Release();
            }
        }));

        var fuzzed = time.Elapsed - setUp;
        FuzzTests.Report($"{outcomes.Calls:N0} fuzzed requests in {fuzzed.TotalSeconds:F1} s ({outcomes.Calls / fuzzed.TotalSeconds:N0} a second) after {setUp.TotalSeconds:F1} s of set-up.");
        foreach (var (kind, count) in outcomes.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            FuzzTests.Report($"  {count,6:N0}  {kind}");
        }

        Assert.True(server.IsRunning, "The server process exited under the REST fuzz.");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        FuzzTests.AssertNoServerBugs("REST", outcomes);

        // Still serving: the owner lists their debates and creates one.
        var created = await room.Teacher.CreateAsync(Classroom.OneArgumentRound());
        var listed = await room.Teacher.Http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/debates", UriKind.Relative), Wire.Json, Ct);
        Assert.Contains(listed ?? [], d => d.GetProperty("id").GetGuid() == created.Id);
        other.Http.Dispose();
        FuzzTests.Report($"Done in {time.Elapsed.TotalSeconds:F1} s.");
    }

    [Fact]
    public async Task A_JSON_body_in_a_charset_the_server_does_not_know_is_refused_as_unreadable_not_with_a_500()
    {
        await using var server = await RealServer.StartAsync();
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateAsync(Classroom.OneArgumentRound());
        using var anonymous = server.Http();
        var answers = new List<string>();
        foreach (var (method, path, client) in new[]
        {
            ("POST", "/api/auth/sign-in", anonymous), ("POST", "/api/auth/setup", anonymous),
            ("POST", "/api/debates", teacher.Http), ("PUT", $"/api/debates/{debate.Id}/plan", teacher.Http),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent("{}"u8.ToArray()) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");
            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            string? code = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                using var problem = JsonDocument.Parse(body);
                code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            }

            answers.Add($"{method} {path} → {(int)response.StatusCode} {code ?? body}");
        }

        teacher.Http.Dispose();

        // Found by the fuzz: reading the body threw InvalidOperationException ("the request content type charset
        // 'bogus' is not a known encoding"), which nothing mapped, so the answer was a 500 and an ERR log line, even
        // signed out. The body is unreadable: 400 or 415, with the code invalidRequest.
        Assert.True(
            answers.All(a => a.EndsWith("→ 400 invalidRequest", StringComparison.Ordinal) || a.EndsWith("→ 415 invalidRequest", StringComparison.Ordinal)),
            "SERVER BUG: Content-Type: application/json; charset=bogus with the body {} got:\n" + string.Join("\n", answers));
    }

    private static async Task SendAsync(HttpClient client, RestRequest request, FuzzOutcomes outcomes)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);

            // As a careful client does (docs/protocol.md §2.3, requestTooLarge): a body over its endpoint's
            // limit is refused before it is sent, rather than cut off mid-upload.
            message.Headers.ExpectContinue = true;
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(message, Ct);
            Check(request, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync(Ct), outcomes);
        }
        catch (HttpRequestException e)
        {
            outcomes.Fail(request, $"No response: {e.Message}");
        }
        catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
        {
            outcomes.Fail(request, "No response within the client's timeout.");
        }
    }

    // No 5xx at all (not even 503 storageUnavailable, which only a failing disk may cause), and under /api every
    // 4xx is problem details with its status and a title, except what routing answers before any endpoint runs:
    // the empty 404 and 405 of an unmatched route or method, and the empty 415 of a content type that isn't JSON.
    private static void Check(RestRequest request, int status, string? type, byte[] body, FuzzOutcomes outcomes)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2_000)]);
        if (status >= 500)
        {
            outcomes.Fail(request, $"{status} {type}: {text}");
            return;
        }

        if (status < 400 || !request.Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || request.Method == "HEAD")
        {
            outcomes.Tally($"{status}");
            return;
        }

        if (body.Length == 0)
        {
            if (status is 404 or 405 or 415)
            {
                outcomes.Tally($"{status} with no body");
            }
            else
            {
                outcomes.Fail(request, $"{status} from /api with no problem details.");
            }

            return;
        }

        if (type != "application/problem+json")
        {
            outcomes.Fail(request, $"{status} from /api as {type ?? "no content type"}, not problem details: {text}");
            return;
        }

        using var problem = JsonDocument.Parse(body);
        var root = problem.RootElement;
        if (!root.TryGetProperty("status", out var echoed) || echoed.GetInt32() != status || !root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
        {
            outcomes.Fail(request, $"{status} problem details without the status or a title: {text}");
            return;
        }

        outcomes.Tally($"{status} {(root.TryGetProperty("code", out var code) ? code.GetString() : "(no code)")}");
    }

    /// <summary>
    /// Moves the classroom's debate on to a closed round with arguments and ballots, and makes the owner one more
    /// debate in each other status: draft, lobby and finished.
    /// </summary>
    private static async Task<Guid[]> DebatesInEveryStatusAsync(Classroom room)
    {
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var arguments = new List<Guid>();
        foreach (var (student, i) in room.Students.Select((s, i) => (s, i)))
        {
            arguments.Add((await student.PostAsync($"a{i}", $"Argument {i} for the REST fuzz: {Guid.NewGuid():N}")).Argument.Id);
        }

        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Vote);
        foreach (var (student, i) in room.Students.Select((s, i) => (s, i)))
        {
            await student.VoteAsync($"b{i}", 0, [arguments[(i + 1) % arguments.Count].ToString()]);
        }

        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Results);
        var ids = new List<Guid>();
        string[][] statuses = [[], ["OpenLobby"], ["OpenLobby", "Start", "End"]];
        foreach (var steps in statuses)
        {
            var debate = await room.Teacher.CreateAsync(Classroom.OneArgumentRound());
            foreach (var step in steps)
            {
                await room.Console.Connection.InvokeCoreAsync(step, [debate.Id], Ct);
            }

            ids.Add(debate.Id);
        }

        return [.. ids];
    }
}
