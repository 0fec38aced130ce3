namespace OpenClosedDebate.Browser.Tests;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Auth;

/// <summary>
/// The real server on a real loopback port, on a fresh SQLite file, serving the built client.
/// The clock is the real one: browsers count down against it, and each test moves phases on by
/// clicking the console, with phases long enough never to end by themselves.
/// </summary>
public class WebServer : WebApplicationFactory<Program>
{
    public const string Email = "teacher@example.edu";
    public const string Password = "correct horse battery";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ocd-browser-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public WebServer()
        : this(System.Net.IPAddress.Loopback, new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Server settings this server runs with beside the tests' own.</param>
    internal WebServer(IReadOnlyDictionary<string, string?> settings)
        : this(System.Net.IPAddress.Loopback, settings)
    {
    }

    /// <summary>Listens on <paramref name="listen"/>; tests still open it on the loopback, at <see cref="BaseUrl"/>.</summary>
    protected WebServer(System.Net.IPAddress listen)
        : this(listen, new Dictionary<string, string?>())
    {
    }

    /// <param name="withInstructor">False for a server as a fresh install leaves it: no instructor account yet.</param>
    protected WebServer(bool withInstructor)
        : this(System.Net.IPAddress.Loopback, new Dictionary<string, string?>(), withInstructor)
    {
    }

    private WebServer(System.Net.IPAddress listen, IReadOnlyDictionary<string, string?> settings, bool withInstructor = true)
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Debates", $"Data Source={Path.Combine(_folder, "debates.db")}");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_folder, "keys"));
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:Console:Name"] = "File",
            ["Serilog:WriteTo:Console:Args:path"] = Path.Combine(_folder, "console-.log"),
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(_folder, "openclosed-.log"),
        }.Concat(_settings)));
    }

    public override async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
