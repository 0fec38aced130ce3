namespace OpenClosedDebate.TestKit;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// A real Redis server of the test's own: Debian's redis-server (tests/install-redis puts it there) on a free loopback
/// port, in a temporary folder, saving nothing to disk. <see cref="Stop"/> and <see cref="RestartAsync"/> take it down
/// and bring it back on the same port, as an outage would; it is stopped and its folder deleted when disposed.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _folder;
    private Process? _process;

    private RedisServer(string folder, int port) => (_folder, Port) = (folder, port);

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for this server.</summary>
    /// <summary>The running server's process.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Redis isn't running.");

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    public static async Task<RedisServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ocd-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new RedisServer(folder, Ports.Free());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port, and waits until it answers.</summary>
    public async Task RestartAsync()
    {
        var program = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _folder, "--daemonize", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server didn't start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Redis isn't installed: run tests/install-redis (Debian's redis-server package).", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AnswersAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} didn't answer within {StartTimeout.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills the server at once (SIGKILL): every connection to it drops, and whatever it held is gone.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    public void Dispose()
    {
        Stop();
        TempDatabase.DeleteFolder(_folder);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
