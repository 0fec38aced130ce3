namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenClosedDebate.Server.Contract;

/// <summary>Request bodies and fields have limits applied before anything is read, stored or remembered.</summary>
public sealed class RequestSizeTests
{
    private const long HeapLimit = 256L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Multi_megabyte_sign_ins_are_refused_before_they_are_read_and_the_server_keeps_its_memory()
    {
        // Before the limits, a dozen wrong-password sign-ins with a multi-megabyte e-mail, each remembered in
        // full by the lockout table, took a server like this one to out-of-memory.
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = $"0x{HeapLimit:X}",
            ["RateLimits:SignInsPerMinutePerAddress"] = "100000",
        });
        using var http = server.Http();
        var before = server.Memory();
        var clock = Stopwatch.StartNew();
        var email = new string('a', 8 * 1024 * 1024) + "@example.edu";
        for (var i = 0; i < 12; i++)
        {
            using var body = new StringContent(JsonBody(email + i, "not the password"), Encoding.UTF8, "application/json");
            var refused = await SendAsync(http, HttpMethod.Post, "/api/auth/sign-in", body);
            await Problem.AssertAsync(refused, HttpStatusCode.RequestEntityTooLarge, "requestTooLarge");
        }

        var elapsed = clock.Elapsed;

        // A body under the limit with a field over its own limit is refused by name, and not remembered.
        var longEmail = new string('b', 3000) + "@example.edu";
        var tooLong = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials(longEmail, "not the password"), Wire.Json, Ct);
        var title = await Problem.AssertAsync(tooLong, HttpStatusCode.BadRequest, "invalidRequest");
        Assert.Contains("254", title, StringComparison.Ordinal);

        // The server is well and still does its work.
        var teacher = await server.TeacherAsync();
        Assert.Equal(HttpStatusCode.OK, (await teacher.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
        var after = server.Memory();
        Report($"12 sign-ins of an {email.Length / (1024 * 1024)} MB e-mail refused with 413 in {elapsed.TotalMilliseconds:F0} ms; " +
            $"server resident memory {before.Resident / 1048576} MB before, {after.Resident / 1048576} MB after (peak {after.Peak / 1048576} MB), heap capped at {HeapLimit / 1048576} MB.");
        Assert.True(after.Peak - before.Resident < 64L * 1024 * 1024, $"The refused bodies cost the server {(after.Peak - before.Resident) / 1048576} MB.");
    }

    [Fact]
    public async Task Each_endpoint_refuses_a_body_over_its_own_documented_limit_with_a_clear_error()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["Limits:SignInBodyBytes"] = "2048",
            ["Limits:PlanBodyBytes"] = "65536",
            ["Limits:RequestBodyBytes"] = "8192",
        });
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateAsync(Classroom.OneArgumentRound());

        // Sign-in and setup: 2 KB here.
        using (var body = new StringContent(JsonBody(new string('c', 2100) + "@example.edu", "x"), Encoding.UTF8, "application/json"))
        {
            await Problem.AssertAsync(await SendAsync(server.Http(), HttpMethod.Post, "/api/auth/sign-in", body), HttpStatusCode.RequestEntityTooLarge, "requestTooLarge");
        }

        using (var body = new StringContent(JsonBody(new string('c', 2100) + "@example.edu", "x"), Encoding.UTF8, "application/json"))
        {
            await Problem.AssertAsync(await SendAsync(server.Http(), HttpMethod.Post, "/api/auth/setup", body), HttpStatusCode.RequestEntityTooLarge, "requestTooLarge");
        }

        // A plan: 64 KB here. A 100 KB plan is refused and the stored plan is unchanged; a small edit goes through.
        var big = Classroom.OneArgumentRound() with { Motion = "Open models are better." };
        var padded = JsonBody(big) .Replace("\"Open models are better.\"", "\"Open models are better.\"" + new string(' ', 100 * 1024), StringComparison.Ordinal);
        using (var body = new StringContent(padded, Encoding.UTF8, "application/json"))
        {
            var title = await Problem.AssertAsync(await SendAsync(teacher.Http, HttpMethod.Put, $"/api/debates/{debate.Id}/plan", body), HttpStatusCode.RequestEntityTooLarge, "requestTooLarge");
            Assert.Contains("65536", title, StringComparison.Ordinal);
        }

        var stored = await teacher.Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{debate.Id}", Wire.Json, Ct);
        Assert.Equal(Classroom.OneArgumentRound().Motion, stored!.Plan.Motion);
        var small = await teacher.Http.PutAsJsonAsync($"/api/debates/{debate.Id}/plan", big, Wire.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);

        // Any other body: 8 KB here, refused by its declared length even where the endpoint wouldn't read it.
        using (var body = new ByteArrayContent(new byte[20_000]))
        {
            body.Headers.ContentType = new("application/json");
            var response = await SendAsync(teacher.Http, HttpMethod.Post, $"/api/debates/{debate.Id}/participants/{Guid.NewGuid()}/erase", body);
            await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "requestTooLarge");
        }

        // A body that doesn't declare its length (chunked) fails the same way once reading passes the limit.
        using (var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonBody(new string('d', 20_000) + "@example.edu", "x")))))
        {
            body.Headers.ContentType = new("application/json");
            using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in") { Content = body };
            chunked.Headers.TransferEncodingChunked = true;
            await Problem.AssertAsync(await server.Http().SendAsync(chunked, Ct), HttpStatusCode.RequestEntityTooLarge, "requestTooLarge");
        }

        Report("Sign-in and setup bodies over 2 KB, a plan over 64 KB, another body over 8 KB and a chunked sign-in over 2 KB were each refused with 413.");
    }

    private static string JsonBody(string email, string password) =>
        System.Text.Json.JsonSerializer.Serialize(new Credentials(email, password), Wire.Json);

    private static string JsonBody<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Wire.Json);

    /// <summary>
    /// Sends a body the way a careful client does, asking first ("Expect: 100-continue"), so a server that
    /// refuses by the declared length answers before the body is sent instead of cutting the upload off.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.ExpectContinue = true;
        return await http.SendAsync(request, Ct);
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
