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
public sealed class WebServer : WebApplicationFactory<Program>
{
    public const string Email = "teacher@example.edu";
    public const string Password = "correct horse battery";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ocd-browser-{Guid.NewGuid():N}");

    public WebServer()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/');
        Services.GetRequiredService<InstructorAccounts>().CreateAsync(Email, Password).GetAwaiter().GetResult();
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
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
