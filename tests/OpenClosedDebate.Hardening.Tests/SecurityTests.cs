namespace OpenClosedDebate.Hardening.Tests;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Server.Contract;

/// <summary>Sign-in throttling, the origin check, cookies, cross-site requests and security headers, against a real server.</summary>
public sealed class SecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_throttled_with_a_clear_answer()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["RateLimits:SignInsPerMinutePerAddress"] = "8" });
        using var http = server.Http();
        Ledger.Secret("not the password");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials($"guess{i}@example.edu", "not the password"), Wire.Json, Ct);
            statuses.Add(wrong.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var throttled = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("guess@example.edu", "not the password"), Wire.Json, Ct);
        await Problem.AssertAsync(throttled, HttpStatusCode.TooManyRequests, "tooManyAttempts");
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After.");

        // The setup link shares the limit, so it can't be guessed at instead.
        var setup = await http.PostAsJsonAsync("/api/auth/setup", new { token = "0123456789abcdef0123456789abcdef", email = "x@example.edu", password = "a long password" }, Ct);
        await Problem.AssertAsync(setup, HttpStatusCode.TooManyRequests, "tooManyAttempts");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_that_account_but_not_others()
    {
        await using var server = await RealServer.StartAsync();
        var teacher = await server.TeacherAsync("ada@example.edu");
        var other = await server.TeacherAsync("ben@example.edu");
        using var http = server.Http();
        for (var i = 0; i < 5; i++)
        {
            Ledger.Secret($"wrong password {i}");
            var wrong = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("ada@example.edu", $"wrong password {i}"), Wire.Json, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("ADA@example.edu", RealServer.Password), Wire.Json, Ct);
        var title = await Problem.AssertAsync(locked, HttpStatusCode.TooManyRequests, "accountLocked");
        Assert.Contains("15 minutes", title, StringComparison.Ordinal);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        // Ben's account is untouched, and Ada's existing session keeps working.
        await server.SignInAsync("ben@example.edu", RealServer.Password);
        Assert.Equal(HttpStatusCode.OK, (await teacher.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_from_a_foreign_origin_is_refused_and_the_servers_own_origin_is_let_in()
    {
        await using var server = await RealServer.StartAsync();
        await using var foreign = server.Connection(origin: "https://evil.example");
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => foreign.StartAsync(Ct));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        await using var own = server.Connection(origin: server.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.StartAsync(Ct);
        Assert.Equal(HubConnectionState.Connected, own.State);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_strict_and_secure_over_https()
    {
        await using var plain = await RealServer.StartAsync();
        var overHttp = await SignInCookieAsync(plain);
        Assert.Contains("httponly", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", overHttp.Replace("samesite", string.Empty, StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

        await using var tls = await RealServer.StartAsync(https: true);
        var overHttps = await SignInCookieAsync(tls);
        Assert.Contains("httponly", overHttps, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", overHttps, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", overHttps, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task State_changing_calls_from_another_site_are_refused_and_change_nothing()
    {
        await using var server = await RealServer.StartAsync();
        var teacher = await server.TeacherAsync();
        var body = new CreateDebateRequest("open-and-closed-models", null);

        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/debates") { Content = JsonContent.Create(body, options: Wire.Json) };
            request.Headers.Add(header, value);
            await Problem.AssertAsync(await teacher.Http.SendAsync(request, Ct), HttpStatusCode.Forbidden, "crossSite");
        }

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out");
        signOut.Headers.Add("Origin", "https://evil.example");
        await Problem.AssertAsync(await teacher.Http.SendAsync(signOut, Ct), HttpStatusCode.Forbidden, "crossSite");

        var list = await teacher.Http.GetFromJsonAsync<List<DebateListItem>>("/api/debates", Wire.Json, Ct);
        Assert.Empty(list!);

        // The same call from the server's own page goes through.
        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/debates") { Content = JsonContent.Create(body, options: Wire.Json) };
        own.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await teacher.Http.SendAsync(own, Ct)).StatusCode);
    }

    [Fact]
    public async Task Pages_and_the_api_carry_security_headers_with_a_csp_that_allows_no_inline_script()
    {
        await using var server = await RealServer.StartAsync();
        using var http = server.Http();
        foreach (var page in new[] { "/", "/j/ABC234", "/instructor", "/projector/ABC234" })
        {
            var response = await http.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            AssertCommonHeaders(response);
        }

        var api = await http.GetAsync("/api/auth/setup", Ct);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; sandbox", Header(api, "Content-Security-Policy"));
        AssertCommonHeaders(api);
        AssertCommonHeaders(await http.GetAsync("/api/debates", Ct));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values)
        : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}.");

    private static async Task<string> SignInCookieAsync(RealServer server)
    {
        var run = await ServerProcess.RunAsync(server.Folder, server.DatabaseFile, ["instructor", "add", "ada@example.edu"], passwordVariable: RealServer.Password);
        Assert.Equal(0, run.ExitCode);
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("ada@example.edu", RealServer.Password), Wire.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Ledger.Secret(cookie.Split(';')[0].Split('=', 2)[1]);
        return cookie;
    }
}
