namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.RateLimiting;

/// <summary>The per-account lock after wrong passwords lifts when its time is up, by the server's clock, and its table is bounded.</summary>
public sealed class SignInLockoutTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_locked_account_can_sign_in_again_fifteen_minutes_later_and_failures_long_ago_do_not_add_up()
    {
        await using var server = new DebateServer();
        await server.TeacherAsync("ada@example.edu", Password);
        using var http = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        // Four wrong guesses, then a quiet hour: they no longer count towards a lock.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, $"wrong password {i}")).StatusCode);
        }

        server.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, "wrong again")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, Password)).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, $"wrong password {i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(http, Password)).StatusCode);
        server.Time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await SignInAsync(http, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.InRange(stillLocked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, Password)).StatusCode);
    }

    [Fact]
    public async Task The_lockout_table_keeps_at_most_its_size_however_many_addresses_are_guessed_and_still_locks_the_latest()
    {
        var time = new FakeTimeProvider(DebateServer.Start);
        var options = Options.Create(new RateLimitOptions { TrackedSignInAddresses = 100 });
        var table = new LocalSignInFailures(options, time);
        var throttle = new SignInThrottle(table, options, time);

        // A lock made early survives a sweep while it runs; a thousand one-off guesses only ever fill the table.
        for (var i = 0; i < 5; i++)
        {
            await throttle.FailedAsync("ada@example.edu");
        }

        for (var i = 0; i < 1000; i++)
        {
            await throttle.FailedAsync($"{new string('x', 200)}{i}@example.edu");
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(100, table.Count);
        for (var i = 0; i < 5; i++)
        {
            await throttle.FailedAsync("ben@example.edu");
        }

        Assert.NotNull(await throttle.LockedForAsync("BEN@example.edu "));
        Assert.Equal(100, table.Count);

        // Once the lockout period has passed, every entry has run out and the next failure sweeps them away.
        time.Advance(TimeSpan.FromMinutes(16));
        await throttle.FailedAsync("cy@example.edu");
        Assert.Null(await throttle.LockedForAsync("ben@example.edu"));
        Assert.Equal(1, table.Count);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string password) =>
        http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("ada@example.edu", password), Wire.Json, TestContext.Current.CancellationToken);
}
