namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// The built server run as a real process, the way an administrator runs it: the `instructor add`
/// verb, and the server itself. Each test works in its own temp folder, so no file lands in the repo.
/// </summary>
public sealed class InstructorCliTests : IDisposable
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("ocd-cli-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "debates.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instructor_add_with_the_password_in_the_environment_creates_an_account_that_can_sign_in()
    {
        var run = await ServerProcess.RunAsync(_folder, DatabaseFile, ["instructor", "add", "ada@example.edu"], passwordVariable: Password);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Created instructor ada@example.edu", run.Stdout, StringComparison.Ordinal);
        await using var server = new DebateServer(DatabaseFile, store: TestStore.SqliteFile);
        await server.SignInAsync("ada@example.edu", Password);
    }

    [Fact]
    public async Task Instructor_add_with_the_password_on_stdin_creates_an_account_that_can_sign_in()
    {
        var run = await ServerProcess.RunAsync(_folder, DatabaseFile, ["instructor", "add", "ada@example.edu"], stdin: Password + "\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var server = new DebateServer(DatabaseFile, store: TestStore.SqliteFile);
        await server.SignInAsync("ada@example.edu", Password);
    }

    [Fact]
    public async Task Instructor_add_with_a_short_password_exits_1_saying_why_and_creates_no_account()
    {
        var run = await ServerProcess.RunAsync(_folder, DatabaseFile, ["instructor", "add", "ada@example.edu"], passwordVariable: "short");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("A password needs 10 to 256 characters.", run.Stderr, StringComparison.Ordinal);
        await using var server = new DebateServer(DatabaseFile, store: TestStore.SqliteFile);
        await using var db = server.OpenDatabase();
        Assert.False(await db.Instructors.AnyAsync(Ct));
    }

    [Fact]
    public async Task Instructor_add_with_an_e_mail_already_taken_exits_1_saying_why()
    {
        var first = await ServerProcess.RunAsync(_folder, DatabaseFile, ["instructor", "add", "ada@example.edu"], passwordVariable: Password);
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await ServerProcess.RunAsync(_folder, DatabaseFile, ["instructor", "add", "ADA@example.edu"], passwordVariable: "another long password");

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("already exists", second.Stderr, StringComparison.Ordinal);
        await using var server = new DebateServer(DatabaseFile, store: TestStore.SqliteFile);
        await server.SignInAsync("ada@example.edu", Password);
    }

    [Theory]
    [InlineData("instructor add")]
    [InlineData("instructor remove ada@example.edu")]
    public async Task The_instructor_verb_used_wrongly_exits_2_with_its_usage(string arguments)
    {
        var run = await ServerProcess.RunAsync(_folder, DatabaseFile, arguments.Split(' '), passwordVariable: Password);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Usage: instructor add EMAIL", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Each documented way of giving a setting, with the database named by it in place of the one the environment names.</summary>
    public static TheoryData<string> SettingForms { get; } = new(
        "instructor|add|ada@example.edu|--ConnectionStrings:Debates=Data Source={db}",
        "instructor|add|ada@example.edu|--ConnectionStrings:Debates|Data Source={db}",
        "--ConnectionStrings:Debates=Data Source={db}|instructor|add|ada@example.edu",
        "--ConnectionStrings:Debates|Data Source={db}|instructor|add|ada@example.edu",
        "instructor|--ConnectionStrings:Debates=Data Source={db}|add|ada@example.edu",
        "instructor|add|--ConnectionStrings:Debates|Data Source={db}|ada@example.edu");

    /// <param name="line">The arguments, separated by '|' (the setting's value has a space in it).</param>
    [Theory]
    [MemberData(nameof(SettingForms))]
    public async Task Instructor_add_uses_a_setting_given_on_the_command_line_in_any_position(string line)
    {
        var named = Path.Combine(_folder, "named.db");
        var args = line.Replace("{db}", named, StringComparison.Ordinal).Split('|');

        var run = await ServerProcess.RunAsync(_folder, DatabaseFile, args, passwordVariable: Password);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Created instructor ada@example.edu", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", run.Stdout, StringComparison.Ordinal);
        await using (var server = new DebateServer(named, store: TestStore.SqliteFile))
        {
            await server.SignInAsync("ada@example.edu", Password);
        }

        AssertUntouched(DatabaseFile);
    }

    [Fact]
    public async Task Instructor_add_uses_a_setting_given_as_an_environment_variable()
    {
        var named = Path.Combine(_folder, "named.db");

        var run = await ServerProcess.RunAsync(
            _folder, DatabaseFile, ["instructor", "add", "ada@example.edu"], passwordVariable: Password, settings: new Dictionary<string, string> { ["ConnectionStrings__Debates"] = $"Data Source={named}" });

        Assert.True(run.ExitCode == 0, run.ToString());
        await using (var server = new DebateServer(named, store: TestStore.SqliteFile))
        {
            await server.SignInAsync("ada@example.edu", Password);
        }

        AssertUntouched(DatabaseFile);
    }

    [Fact]
    public async Task Instructor_add_uses_the_settings_in_appsettings_json_with_a_relative_path_under_the_content_root()
    {
        // The folder becomes the content root: it holds an appsettings.json (the server's own, with another database),
        // and the process runs in it, as an administrator runs the server from its folder.
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(ServerProcess.ServerDll)!, "appsettings.json"), Ct))!;
        settings["ConnectionStrings"]!["Debates"] = "Data Source=from-appsettings.db";
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), settings.ToJsonString(), Ct);

        var run = await ServerProcess.RunAsync(
            _folder,
            DatabaseFile,
            ["instructor", "add", "ada@example.edu"],
            passwordVariable: Password,
            settings: new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = _folder },
            unset: ["ConnectionStrings__Debates"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var server = new DebateServer(Path.Combine(_folder, "from-appsettings.db"), store: TestStore.SqliteFile);
        await server.SignInAsync("ada@example.edu", Password);
    }

    [Fact]
    public async Task Instructor_add_with_a_setting_that_has_no_value_exits_2_saying_which()
    {
        var run = await ServerProcess.RunAsync(_folder, DatabaseFile, ["instructor", "add", "ada@example.edu", "--ConnectionStrings:Debates"], passwordVariable: Password);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("The setting --ConnectionStrings:Debates needs a value", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: instructor add EMAIL", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Theory]
    [InlineData("healthcheck --urls {url}")]
    [InlineData("--urls {url} healthcheck")]
    [InlineData("healthcheck --urls={url}")]
    public async Task Healthcheck_asks_the_address_given_by_the_urls_setting_in_any_position(string line)
    {
        var port = Ports.Free();
        var url = $"http://127.0.0.1:{port}";
        var args = line.Replace("{url}", url, StringComparison.Ordinal).Split(' ');
        var down = await ServerProcess.RunAsync(_folder, DatabaseFile, args);
        using var server = ServerProcess.Start(_folder, DatabaseFile, ["--urls", url]);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        await server.PollUntilAsync(async () => (await TryGetAsync(http, "/healthz")) == HttpStatusCode.OK, "GET /healthz to answer 200", ProcessTimeout);

        var up = await ServerProcess.RunAsync(_folder, DatabaseFile, args);

        Assert.True(down.ExitCode == 1, down.ToString());
        Assert.True(up.ExitCode == 0, up.ToString());
    }

    [Fact]
    public async Task Healthcheck_asks_the_address_in_the_ASPNETCORE_URLS_environment_variable()
    {
        var port = Ports.Free();
        var url = $"http://127.0.0.1:{port}";
        using var server = ServerProcess.Start(_folder, DatabaseFile, ["--urls", url]);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        await server.PollUntilAsync(async () => (await TryGetAsync(http, "/healthz")) == HttpStatusCode.OK, "GET /healthz to answer 200", ProcessTimeout);

        var up = await ServerProcess.RunAsync(_folder, DatabaseFile, ["healthcheck"], settings: new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{port}" });

        Assert.True(up.ExitCode == 0, up.ToString());
    }

    [Fact]
    public async Task The_server_process_starts_healthy_refuses_anonymous_api_calls_and_logs_a_setup_link()
    {
        var port = Ports.Free();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var server = ServerProcess.Start(_folder, DatabaseFile, ["--urls", $"http://127.0.0.1:{port}"]);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };

        await server.PollUntilAsync(async () => (await TryGetAsync(http, "/healthz")) == HttpStatusCode.OK, "GET /healthz to answer 200", ProcessTimeout);

        Assert.Equal(HttpStatusCode.Unauthorized, await TryGetAsync(http, "/api/debates"));
        await server.PollUntilAsync(() => Task.FromResult(server.Stdout.Contains($"{address}setup?token=", StringComparison.Ordinal)), "the setup link on stdout", ProcessTimeout);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing its files; the temp folder is cleaned up by the system later.
        }
    }

    /// <summary>The database the environment names was never even opened.</summary>
    private static void AssertUntouched(string databaseFile) => Assert.False(File.Exists(databaseFile), $"{databaseFile} was created.");

    internal static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path, Ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
