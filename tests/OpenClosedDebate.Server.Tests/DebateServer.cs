namespace OpenClosedDebate.Server.Tests;

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// The real server in memory, over a real SQLite file, with time under the test's control.
/// Two servers made on the same <see cref="DatabaseFile"/> one after the other are a restart.
/// </summary>
public sealed class DebateServer : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly TimeSpan _broadcastInterval;
    private readonly Action<IServiceCollection>? _configure;
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _rateLimits;

    private static readonly Dictionary<string, string?> Unlimited = new()
    {
        ["RateLimits:ArgumentBurst"] = "1000",
        ["RateLimits:BallotBurst"] = "1000",
        ["RateLimits:ArgumentPageBurst"] = "1000",
        ["RateLimits:CallsPerSecondPerConnection"] = "100000",
        ["RateLimits:SignInsPerMinutePerAddress"] = "100000",
        ["RateLimits:RefusalBurst"] = "100000",
        ["RateLimits:FailedCodeLookupBurst"] = "100000",
        ["RateLimits:FailedCodeLookupsPerConnection"] = "100000",
        ["Rooms:JoinBurst"] = "20000",
    };

    /// <param name="databaseFile">A file another server used or will use (a restart); when null, the
    /// server makes its own and deletes it when disposed.</param>
    /// <param name="time">The clock; a new fake at <see cref="Start"/> when null.</param>
    /// <param name="broadcastInterval">Rooms:BroadcastInterval; zero sends each commit at once.</param>
    /// <param name="configure">Extra service registrations, e.g. a fault injector.</param>
    /// <param name="rateLimits">The rate limits to use; when null, limits so high that tests which
    /// race through a debate on a fake clock (while the limiters' real clock barely moves) never meet them.</param>
    public DebateServer(
        string? databaseFile = null,
        FakeTimeProvider? time = null,
        TimeSpan? broadcastInterval = null,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? rateLimits = null)
    {
        _configure = configure;
        _rateLimits = rateLimits ?? Unlimited;
        _ownsDatabase = databaseFile is null;
        DatabaseFile = databaseFile ?? TempDatabase.NewPath();
        Time = time ?? new FakeTimeProvider(Start);
        _broadcastInterval = broadcastInterval ?? TimeSpan.Zero;
    }

    /// <summary>The rate limits a server gets when none are given, with <paramref name="settings"/> added or put in their place, for a server's <c>rateLimits</c>.</summary>
    public static IReadOnlyDictionary<string, string?> UnlimitedWith(IReadOnlyDictionary<string, string?> settings)
    {
        var limits = new Dictionary<string, string?>(Unlimited);
        foreach (var (key, value) in settings)
        {
            limits[key] = value;
        }

        return limits;
    }

    public string DatabaseFile { get; }

    public TimeSpan BroadcastInterval => _broadcastInterval;

    public FakeTimeProvider Time { get; }

    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), $"ocd-test-logs-{Guid.NewGuid():N}");

    /// <summary>Creates an instructor and returns an HTTP client signed in as them.</summary>
    public async Task<Teacher> TeacherAsync(string email = "teacher@example.edu", string password = "correct horse battery")
    {
        await Services.GetRequiredService<InstructorAccounts>().CreateAsync(email, password);
        return await SignInAsync(email, password);
    }

    public async Task<Teacher> SignInAsync(string email, string password)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials(email, password), Json);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new Teacher(this, http, cookie);
    }

    /// <summary>A hub connection like a browser's; pass a cookie to connect as a signed-in instructor.</summary>
    public async Task<RoomClient> ConnectAsync(string? cookie = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/debate"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = Server.CreateWebSocketClient();
                    if (cookie is not null)
                    {
                        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
                    }

                    return await ws.ConnectAsync(context.Uri, ct);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Json)
            .Build();
        var client = new RoomClient(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            TempDatabase.Delete(DatabaseFile);
        }

        TempDatabase.DeleteFolder(LogDirectory);
    }

    internal DebateDb OpenDatabase() =>
        new(new DbContextOptionsBuilder<DebateDb>().UseSqlite($"Data Source={DatabaseFile}").Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Debates", $"Data Source={DatabaseFile}");
        builder.UseSetting("Rooms:BroadcastInterval", _broadcastInterval.ToString());
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(LogDirectory, "keys"));

        // Serilog's sinks come through configuration, not UseSetting: the factory passes settings as
        // command-line arguments, and Serilog can't read its sink sections from those.
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:Console:Name"] = "File",
            ["Serilog:WriteTo:Console:Args:path"] = Path.Combine(LogDirectory, "console-.log"),
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(LogDirectory, "openclosed-.log"),
        }).AddInMemoryCollection(_rateLimits));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _configure?.Invoke(services);
        });
    }
}

/// <summary>A signed-in instructor: REST through <see cref="Http"/>, live through <see cref="ConnectAsync"/>.</summary>
public sealed record Teacher(DebateServer Server, HttpClient Http, string Cookie)
{
    public async Task<DebateDetail> CreateFromTemplateAsync(string templateId = "open-and-closed-models")
    {
        var response = await Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest(templateId, null), DebateServer.Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DebateDetail>(DebateServer.Json, TestContext.Current.CancellationToken))!;
    }

    public async Task<DebateDetail> CreateAsync(Domain.Debates.DebatePlan plan)
    {
        var response = await Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest(null, plan), DebateServer.Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DebateDetail>(DebateServer.Json, TestContext.Current.CancellationToken))!;
    }

    public Task<RoomClient> ConnectAsync() => Server.ConnectAsync(Cookie);
}
