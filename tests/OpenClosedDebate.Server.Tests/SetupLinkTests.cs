namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

/// <summary>
/// The one-time link that creates the first instructor. Its token exists only in the server's log, so
/// these tests read it from there, as an administrator would.
/// </summary>
/// <remarks>
/// Not from the files under <see cref="InProcessServer.Folder"/>: none is ever written. The factory
/// passes its UseSetting values to the app as command-line arguments, section keys included with empty
/// values (such as "--Serilog:WriteTo:File="), so Serilog finds no usable sink there and writes no file.
/// Instead <see cref="LogCapture"/> joins the server's own Serilog pipeline (Program.cs reads sinks
/// from services) and keeps every event as the compact JSON line the log file would hold. The tests run
/// alone because every server in a process logs through Serilog's static logger (see the skipped test).
/// </remarks>
[Collection(nameof(SetupLinkTests))]
[CollectionDefinition(nameof(SetupLinkTests), DisableParallelization = true)]
public sealed class SetupLinkTests
{
    private const string Email = "first@example.edu";
    private const string Password = "a long enough password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_server_says_setup_is_needed()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();

        var status = await http.GetFromJsonAsync<SetupStatus>("/api/auth/setup", Wire.Json, Ct);

        Assert.True(status!.Needed);
    }

    [Fact]
    public async Task Setup_with_a_wrong_token_is_403_and_creates_no_one()
    {
        var log = new LogCapture();
        await using var server = new DebateServer(configure: s => s.AddSingleton<ILogEventSink>(log));
        using var http = server.CreateClient();
        var token = SetupToken(log);

        using var response = await http.PostAsJsonAsync("/api/auth/setup", new SetupRequest(new string('0', token.Length), Email, Password), Wire.Json, Ct);

        Assert.Contains("log", await Problem.TitleAsync(response, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        Assert.False(await server.Services.GetRequiredService<InstructorAccounts>().AnyAsync(Ct));
    }

    [Fact]
    public async Task Setup_with_a_short_password_is_400_and_the_link_still_works()
    {
        var log = new LogCapture();
        await using var server = new DebateServer(configure: s => s.AddSingleton<ILogEventSink>(log));
        using var http = server.CreateClient();
        var token = SetupToken(log);

        using var refused = await http.PostAsJsonAsync("/api/auth/setup", new SetupRequest(token, Email, "short"), Wire.Json, Ct);

        Assert.Contains("password", await Problem.TitleAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using var created = await http.PostAsJsonAsync("/api/auth/setup", new SetupRequest(token, Email, Password), Wire.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Setup_with_the_logged_token_creates_a_signed_in_instructor_and_the_link_then_works_no_more()
    {
        var log = new LogCapture();
        await using var server = new DebateServer(configure: s => s.AddSingleton<ILogEventSink>(log));
        using var browser = server.CreateClient();
        var token = SetupToken(log);

        using var created = await browser.PostAsJsonAsync("/api/auth/setup", new SetupRequest(token, Email, Password), Wire.Json, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Email, (await browser.GetFromJsonAsync<Instructor>("/api/auth/me", Wire.Json, Ct))!.Email);
        Assert.False((await browser.GetFromJsonAsync<SetupStatus>("/api/auth/setup", Wire.Json, Ct))!.Needed);
        using var again = await browser.PostAsJsonAsync("/api/auth/setup", new SetupRequest(token, "second@example.edu", Password), Wire.Json, Ct);
        await Problem.TitleAsync(again, HttpStatusCode.Gone);
    }

    [Fact]
    public async Task The_first_instructors_password_never_reaches_the_log()
    {
        var log = new LogCapture();
        await using var server = new DebateServer(configure: s => s.AddSingleton<ILogEventSink>(log));
        using var http = server.CreateClient();
        var token = SetupToken(log);

        using var created = await http.PostAsJsonAsync("/api/auth/setup", new SetupRequest(token, Email, Password), Wire.Json, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("/api/auth/setup", log.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, log.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_is_not_offered_once_an_instructor_exists_even_one_added_after_start()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();

        // The same call the `instructor add` verb makes, here while the server runs (as the log suggests).
        await server.Services.GetRequiredService<InstructorAccounts>().CreateAsync(Email, Password, Ct);

        var status = await http.GetFromJsonAsync<SetupStatus>("/api/auth/setup", Wire.Json, Ct);
        Assert.False(status!.Needed);
    }

    [Fact]
    public async Task Each_server_in_a_process_logs_to_its_own_sinks()
    {
        var firstLog = new LogCapture();
        var secondLog = new LogCapture();
        await using var first = new DebateServer(configure: s => s.AddSingleton<ILogEventSink>(firstLog));
        using var firstHttp = first.CreateClient();
        await using var second = new DebateServer(configure: s => s.AddSingleton<ILogEventSink>(secondLog));
        using var secondHttp = second.CreateClient();

        using var response = await firstHttp.GetAsync("/api/auth/setup", Ct);

        Assert.Contains("/api/auth/setup", firstLog.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/auth/setup", secondLog.Json, StringComparison.Ordinal);
    }

    /// <summary>The token of the setup link the server logged when it started with no instructor (the latest, if several).</summary>
    private static string SetupToken(LogCapture log)
    {
        string? url = null;
        foreach (var line in log.Json.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var entry = JsonDocument.Parse(line);
            if (entry.RootElement.TryGetProperty("SetupUrl", out var logged))
            {
                url = logged.GetString();
            }
        }

        return url is null
            ? throw new InvalidOperationException("The server logged no setup link.")
            : HttpUtility.ParseQueryString(new Uri(url).Query)["token"]!;
    }

    /// <summary>A Serilog sink that keeps what the server logs, one compact JSON line per event, like its log file.</summary>
    private sealed class LogCapture : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();
        private readonly StringBuilder _json = new();

        public string Json
        {
            get
            {
                lock (_json)
                {
                    return _json.ToString();
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            using var line = new StringWriter();
            _formatter.Format(logEvent, line);
            lock (_json)
            {
                _json.Append(line);
            }
        }
    }
}
