namespace OpenClosedDebate.TestKit;

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Auth;

/// <summary>
/// The in-process host on Kestrel, on a real loopback port, serving the built client to real browsers.
/// The clock is the real one: browsers count down against it, and each test moves phases on by
/// clicking the console, with phases long enough never to end by themselves.
/// </summary>
public class WebServer : InProcessServer
{
    public const string Email = "teacher@example.edu";
    public const string Password = "correct horse battery";

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public WebServer()
        : this(IPAddress.Loopback, new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A server that runs with these settings beside the tests' own. A factory rather than a constructor: a
    /// class fixture may have one public constructor, and a fixture with settings wraps the server this gives.
    /// </summary>
    public static WebServer With(IReadOnlyDictionary<string, string?> settings) => new(IPAddress.Loopback, settings);

    /// <summary>Listens on <paramref name="listen"/>; tests still open it on the loopback, at <see cref="BaseUrl"/>.</summary>
    protected WebServer(IPAddress listen)
        : this(listen, new Dictionary<string, string?>())
    {
    }

    /// <param name="withInstructor">False for a server as a fresh install leaves it: no instructor account yet.</param>
    protected WebServer(bool withInstructor)
        : this(IPAddress.Loopback, new Dictionary<string, string?>(), withInstructor)
    {
    }

    private WebServer(IPAddress listen, IReadOnlyDictionary<string, string?> settings, bool withInstructor = true)
        : base(databaseFile: null)
    {
        _settings = settings;
        UseKestrel(o => o.Listen(listen, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        if (withInstructor)
        {
            Services.GetRequiredService<InstructorAccounts>().CreateAsync(Email, Password).GetAwaiter().GetResult();
        }
    }

    public string BaseUrl { get; }

    protected override HttpClient HttpClient() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    // A script's connection: a real WebSocket to the port, with no Origin header.
    protected override HubConnection HubConnection(string? cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri($"{BaseUrl}/hubs/debate"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Wire.Json)
            .Build();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => _settings;
}
