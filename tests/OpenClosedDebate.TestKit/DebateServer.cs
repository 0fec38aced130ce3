namespace OpenClosedDebate.TestKit;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// The in-process host on ASP.NET Core's in-memory test server, with time under the test's control.
/// Two servers made on the same <see cref="InProcessServer.DatabaseFile"/> one after the other are a restart.
/// </summary>
public sealed class DebateServer : InProcessServer
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

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

    private readonly Action<IServiceCollection>? _configure;
    private readonly IReadOnlyDictionary<string, string?> _rateLimits;
    private readonly IReadOnlyDictionary<string, string?>? _store;

    /// <param name="databaseFile">A file another server used or will use (a restart); when null, the
    /// server makes its own and deletes it when disposed.</param>
    /// <param name="time">The clock; a new fake at <see cref="Start"/> when null.</param>
    /// <param name="broadcastInterval">Rooms:BroadcastInterval; zero sends each commit at once.</param>
    /// <param name="configure">Extra service registrations, e.g. a fault injector.</param>
    /// <param name="rateLimits">The rate limits to use; when null, limits so high that tests which
    /// race through a debate on a fake clock (while the limiters' real clock barely moves) never meet them.</param>
    /// <param name="store">Settings for another store than the SQLite file, e.g. <see cref="PostgresCluster.Settings"/>.</param>
    public DebateServer(
        string? databaseFile = null,
        FakeTimeProvider? time = null,
        TimeSpan? broadcastInterval = null,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? rateLimits = null,
        IReadOnlyDictionary<string, string?>? store = null)
        : base(databaseFile)
    {
        _configure = configure;
        _store = store;
        _rateLimits = rateLimits ?? Unlimited;
        Time = time ?? new FakeTimeProvider(Start);
        BroadcastInterval = broadcastInterval ?? TimeSpan.Zero;
    }

    public TimeSpan BroadcastInterval { get; }

    public FakeTimeProvider Time { get; }

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

    protected override HttpClient HttpClient() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    protected override HubConnection HubConnection(string? cookie) =>
        new HubConnectionBuilder()
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
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Wire.Json)
            .Build();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        _rateLimits.Append(new("Rooms:BroadcastInterval", BroadcastInterval.ToString()));

    private protected override IReadOnlyDictionary<string, string?> StoreSettings() => _store ?? (TestStore.Default == TestStore.Postgres
        ? PostgresCluster.Settings((PostgresFixture.Current ?? throw new InvalidOperationException("OCD_TEST_STORE=postgres needs the assembly's PostgresFixture."))
            .DatabaseForAsync(DatabaseFile).GetAwaiter().GetResult())
        : base.StoreSettings());

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Time);
        _configure?.Invoke(services);
    }
}
