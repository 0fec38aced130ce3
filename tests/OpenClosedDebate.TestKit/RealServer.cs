namespace OpenClosedDebate.TestKit;

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The built server as its own process on a loopback port, over its own SQLite file, reached only
/// through real sockets. It can be killed with SIGKILL and started again on the same file and port.
/// Its logs stay behind (in <see cref="Ledger"/>'s folder) for the test that reads every log at the end.
/// </summary>
public sealed class RealServer : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";


    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly int? _fileLimit;
    private readonly SocketsHttpHandler _health;
    private readonly string? _thumbprint;
    private ServerProcess? _process;
    private int _starts;

    private RealServer(string folder, int port, IReadOnlyDictionary<string, string> settings, string? thumbprint, int? fileLimit)
    {
        _fileLimit = fileLimit;
        Folder = folder;
        Port = port;
        _settings = settings;
        _thumbprint = thumbprint;
        BaseAddress = new Uri($"{(thumbprint is null ? "http" : "https")}://127.0.0.1:{port}");
        _health = Handler();
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "debates.db");

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The process id of the running server.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server isn't running.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts a server on a fresh database and a free port, with settings given as configuration keys
    /// (Section:Key); with <paramref name="https"/>, over TLS with a self-signed certificate made for the test;
    /// with <paramref name="fileLimit"/>, under that open-file limit (soft and hard).
    /// </summary>
    public static async Task<RealServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null, bool https = false, int? fileLimit = null)
    {
        var folder = Ledger.NewServerFolder();
        var environment = (settings ?? new Dictionary<string, string>()).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        string? thumbprint = null;
        if (https)
        {
            var certificate = Path.Combine(folder, "localhost.pfx");
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(certificate, self.Export(X509ContentType.Pfx, "test"));
            thumbprint = self.GetCertHashString();
            environment["Kestrel__Certificates__Default__Path"] = certificate;
            environment["Kestrel__Certificates__Default__Password"] = "test";
        }

        var server = new RealServer(folder, Ports.Free(), environment, thumbprint, fileLimit);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the process with SIGKILL, as `kill -9` does.</summary>
    public void Kill()
    {
        var process = _process ?? throw new InvalidOperationException("The server isn't running.");
        process.Kill();
        SaveConsole(process);
        process.Dispose();
        _process = null;
    }

    /// <summary>Stops the process where it stands (SIGSTOP), as a long pause or a cut network would: it answers nothing, and knows nothing of it.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen process go on (SIGCONT), with whatever it held in memory then.</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>Starts the server again on the same database and port.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public bool IsRunning => _process is { HasExited: false };

    private void Signal(string name)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{name}", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{name} {ProcessId} failed.");
    }

    /// <summary>Adds an instructor with the CLI verb, as an administrator would, and signs them in.</summary>
    public async Task<Teacher> TeacherAsync(string email = "teacher@example.edu")
    {
        var run = await ServerProcess.RunAsync(Folder, DatabaseFile, ["instructor", "add", email], passwordVariable: Password, settings: _settings);
        Assert.True(run.ExitCode == 0, run.ToString());
        Ledger.Secret(Password);
        return await SignInAsync(email, Password);
    }

    public async Task<Teacher> SignInAsync(string email, string password)
    {
        var http = Http();
        var response = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials(email, password), Wire.Json, Ct);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Ledger.Secret(cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new Teacher(http, cookie, ConnectAsync);
    }

    /// <summary>A plain HTTP client for this server that keeps no cookies of its own.</summary>
    public HttpClient Http() => new(Handler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A hub connection over a real WebSocket: with a cookie it is an instructor's; with an origin it
    /// says it comes from that site's page, as a browser does; <paramref name="through"/> is a proxy to go by.
    /// </summary>
    public HubConnection Connection(string? cookie = null, IRetryPolicy? reconnect = null, Uri? through = null, string? origin = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(through ?? BaseAddress, "/hubs/debate"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }

                if (origin is not null)
                {
                    o.Headers["Origin"] = origin;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Wire.Json);
        if (reconnect is not null)
        {
            builder.WithAutomaticReconnect(reconnect);
        }

        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(30);
        return connection;
    }

    public async Task<RoomClient> ConnectAsync(string? cookie = null)
    {
        var client = new RoomClient(Connection(cookie));
        await client.Connection.StartAsync(Ct);
        return client;
    }

    /// <summary>Polls this server's log files, on real time, until their text satisfies <paramref name="condition"/>.</summary>
    public Task PollLogsAsync(Func<string, bool> condition, string what) =>
        (_process ?? throw new InvalidOperationException("The server isn't running.")).PollUntilAsync(
            () => Task.FromResult(condition(LogText())),
            what,
            TimeSpan.FromSeconds(30));

    /// <summary>Everything in this server's log files so far.</summary>
    public string LogText() => string.Concat(Directory.GetFiles(Path.Combine(Folder, "logs"), "*.log").Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }));

    /// <summary>The server's database as a second process reads it.</summary>
    public StoreReader Store => new(DatabaseFile, _settings.GetValueOrDefault("Persistence__Provider") == "postgres" ? _settings["ConnectionStrings__Debates"] : null);

    /// <summary>The server's working set and peak working set in bytes, from /proc.</summary>
    public (long Resident, long Peak) Memory() => ProcessStats.Memory(ProcessId);

    /// <summary>How many file descriptors the server process has open, from /proc.</summary>
    public int OpenFiles() => ProcessStats.OpenFiles(ProcessId);

    /// <summary>CPU time the server process has used so far (user and system), from /proc.</summary>
    public TimeSpan CpuTime() => ProcessStats.CpuTime(ProcessId);

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            // Stopped first, so the console it saves is everything the server wrote.
            process.Kill();
            SaveConsole(process);
            process.Dispose();
            _process = null;
        }

        _health.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        foreach (var file in Directory.EnumerateFiles(Folder, "debates.db*"))
        {
            File.Delete(file);
        }
    }

    // Over TLS, the only certificate these clients trust is the one made for this server.
    private SocketsHttpHandler Handler() => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _thumbprint },
    };

    private async Task StartProcessAsync()
    {
        _starts++;
        var process = ServerProcess.Start(Folder, DatabaseFile, ["--urls", BaseAddress.ToString()], settings: _settings, fileLimit: _fileLimit);
        _process = process;
        try
        {
            await WaitUntilHealthyAsync(process);
        }
        catch
        {
            // A server that never became healthy is not left running behind the failed test.
            process.Kill();
            SaveConsole(process);
            process.Dispose();
            _process = null;
            throw;
        }
    }

    private Task WaitUntilHealthyAsync(ServerProcess process) => process.WaitHealthyAsync(BaseAddress, StartTimeout, _health);

    private void SaveConsole(ServerProcess process) =>
        File.WriteAllText(Path.Combine(Folder, "logs", $"console-{_starts}.txt"), process.ToString());
}
