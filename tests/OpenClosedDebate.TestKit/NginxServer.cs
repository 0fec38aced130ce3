namespace OpenClosedDebate.TestKit;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A real nginx of the test's own (Debian's, which tests/install-nginx puts there) in front of a cluster's nodes,
/// running the documented configuration, deploy/nginx.conf, with only its upstream's servers, its listen address and
/// its own file paths changed, on a free loopback port. Each request it passes on is logged with the node it went
/// to (<see cref="Routes"/>). It is stopped and its folder deleted when disposed.
/// </summary>
public sealed partial class NginxServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _folder;
    private readonly Process _process;

    private NginxServer(string folder, int port, Process process) => (_folder, Port, _process) = (folder, port, process);

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<NginxServer> StartAsync(params RealServer[] nodes)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ocd-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = Ports.Free();
        var config = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "nginx.conf"));
        var upstream = UpstreamServers().Match(config);
        if (!upstream.Success || !config.Contains("listen 80;", StringComparison.Ordinal) || !config.Contains("http {", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("deploy/nginx.conf no longer has the upstream servers, 'listen 80;' and 'http {' this test kit rewrites.");
        }

        var options = upstream.Groups["options"].Value;
        var servers = string.Join(string.Empty, nodes.Select(n => $"        server 127.0.0.1:{n.Port} {options};\n"));
        config = config[..upstream.Index] + servers + config[(upstream.Index + upstream.Length)..];
        config = config.Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        config = config.Replace("http {", $$"""
            http {
                log_format routed '$remote_addr $upstream_addr $status $request_method $uri $cookie_ocd_route';
                access_log {{folder}}/access.log routed;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
            """, StringComparison.Ordinal);
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);

        var program = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", folder, "-c", file, "-e", Path.Combine(folder, "error.log"), "-g", $"daemon off; pid {folder}/nginx.pid;" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("nginx didn't start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("nginx isn't installed: run tests/install-nginx (Debian's nginx-light package).", e);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NginxServer(folder, port, process);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AnswersAsync(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(folder, "error.log");
                throw new InvalidOperationException($"nginx on port {port} didn't start: {(File.Exists(log) ? File.ReadAllText(log) : "no log")}");
            }

            await Task.Delay(20);
        }

        return server;
    }

    /// <summary>
    /// A browser of its own through nginx: it loads the page, and so gets nginx's route cookie, then SignalR negotiates
    /// and connects with that cookie, as the browser client does, by <paramref name="transports"/>.
    /// </summary>
    public async Task<RoomClient> BrowserAsync(HttpTransportType transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling)
    {
        var cookies = new CookieContainer();
        using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = BaseAddress })
        {
            using var page = await browser.GetAsync("/", TestContext.Current.CancellationToken);
            if (cookies.GetCookies(BaseAddress)["ocd_route"] is null)
            {
                throw new InvalidOperationException("nginx set no route cookie on the page.");
            }
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/debate"), o => (o.Cookies, o.Transports) = (cookies, transports))
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Wire.Json)
            .Build();
        var client = new RoomClient(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>
    /// Each request for a path starting with <paramref name="path"/>, in order: the node it was passed to (as
    /// "127.0.0.1:port") and the browser's route cookie ("-" for none).
    /// </summary>
    public IReadOnlyList<(string Node, string Route)> Routes(string path)
    {
        var log = Path.Combine(_folder, "access.log");
        if (!File.Exists(log))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length >= 6 && parts[4].StartsWith(path, StringComparison.Ordinal))
            .Select(parts => (parts[1], parts[5]))];
    }

    public void Dispose()
    {
        // The workers too: they hold the output pipes, so waiting for the master alone would wait for them.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        TempDatabase.DeleteFolder(_folder);
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(        server 10\.0\.0\.\d+:8080 (?<options>[^;]*);\n)+")]
    private static partial Regex UpstreamServers();
}
