namespace OpenClosedDebate.TestKit;

using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// The one in-process host: the real server (its Program, services and middleware) in the test's process, over
/// a real SQLite file, with its logs and cookie keys in a folder of its own. Two transports derive from it:
/// <see cref="DebateServer"/> (ASP.NET Core's in-memory test server and a fake clock) and <see cref="WebServer"/>
/// (Kestrel on a loopback port and the real clock, for browsers).
/// </summary>
public abstract class InProcessServer : WebApplicationFactory<Program>
{

    private readonly bool _ownsDatabase;

    /// <param name="databaseFile">A file another server used or will use (a restart); when null, the server makes
    /// its own in <see cref="Folder"/> and deletes it when disposed.</param>
    protected InProcessServer(string? databaseFile)
    {
        _ownsDatabase = databaseFile is null;
        DatabaseFile = databaseFile ?? Path.Combine(Folder, "debates.db");
    }

    /// <summary>Where this server's logs, cookie keys and (unless given one) database are; deleted when disposed.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"ocd-test-{Guid.NewGuid():N}");

    public string DatabaseFile { get; }

    /// <summary>Creates an instructor, as the CLI would, and returns them signed in.</summary>
    public async Task<Teacher> TeacherAsync(string email = "teacher@example.edu", string password = "correct horse battery")
    {
        await Services.GetRequiredService<InstructorAccounts>().CreateAsync(email, password);
        return await SignInAsync(email, password);
    }

    public async Task<Teacher> SignInAsync(string email, string password)
    {
        var http = HttpClient();
        var response = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials(email, password), Wire.Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new Teacher(http, cookie, ConnectAsync);
    }

    /// <summary>A hub connection over a WebSocket, as a browser's; pass a cookie to connect as a signed-in instructor.</summary>
    public async Task<RoomClient> ConnectAsync(string? cookie = null)
    {
        var client = new RoomClient(HubConnection(cookie));
        await client.Connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>A student who has joined the debate with this code under this name, as a script would.</summary>
    public async Task<RoomClient> StudentAsync(string code, string name)
    {
        var student = await ConnectAsync();
        await student.JoinAsync(code, name, Guid.NewGuid().ToString());
        return student;
    }

    public override async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            TempDatabase.Delete(DatabaseFile);
        }

        TempDatabase.DeleteFolder(Folder);
    }

    /// <summary>The server's own database, opened beside it, for what a test must see as stored.</summary>
    internal DebateDb OpenDatabase() => StoreSettings().Any()
        ? Services.GetRequiredService<IDbContextFactory<DebateDb>>().CreateDbContext()
        : new(new DbContextOptionsBuilder<DebateDb>().UseSqlite($"Data Source={DatabaseFile}").Options);

    /// <summary>
    /// Settings that keep the debates somewhere else than <see cref="DatabaseFile"/> (PostgreSQL). They are host
    /// settings, not configuration added later, because the server chooses its store while it is being built.
    /// </summary>
    private protected virtual IReadOnlyDictionary<string, string?> StoreSettings() => new Dictionary<string, string?>();

    /// <summary>An HTTP client for this server that keeps no cookies of its own.</summary>
    protected abstract HttpClient HttpClient();

    /// <summary>A hub connection over this server's transport, not yet started.</summary>
    protected abstract HubConnection HubConnection(string? cookie);

    /// <summary>Settings this server runs with beside the tests' own, as configuration keys (Section:Key).</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> Settings();

    /// <summary>Services put in place of the server's, e.g. a fake clock or a fault injector.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Debates", $"Data Source={DatabaseFile}");
        foreach (var (key, value) in StoreSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(Folder, "keys"));

        // Serilog's sinks come through configuration, not UseSetting: the factory passes settings as
        // command-line arguments, and Serilog can't read its sink sections from those.
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:Console:Name"] = "File",
            ["Serilog:WriteTo:Console:Args:path"] = Path.Combine(Folder, "console-.log"),
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(Folder, "openclosed-.log"),
        }).AddInMemoryCollection(Settings()));
        builder.ConfigureTestServices(ConfigureServices);
    }
}
