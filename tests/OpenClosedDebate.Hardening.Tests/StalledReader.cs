namespace OpenClosedDebate.Hardening.Tests;

using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

/// <summary>
/// A student whose device stops reading: a hand-made WebSocket over a socket with a tiny receive
/// buffer that joins with the raw SignalR JSON protocol and then never reads again, so the server's
/// sends to it back up. It can look afterwards to see whether the server gave up on it.
/// </summary>
public sealed class StalledReader : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly WebSocket _ws;
    private readonly Queue<string> _records = new();

    private StalledReader(Socket socket, WebSocket ws)
    {
        _socket = socket;
        _ws = ws;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Connects, joins the debate with <paramref name="code"/> as <paramref name="name"/>, and stops reading.</summary>
    public static async Task<StalledReader> JoinAndStallAsync(RealServer server, string code, string name)
    {
        var reader = await OpenAsync(server);
        var join = JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "Join", arguments = new[] { new { code, name } } });
        await reader.SendAsync(join);
        while (true)
        {
            using var message = JsonDocument.Parse(await reader.ReceiveAsync());
            if (message.RootElement.TryGetProperty("invocationId", out var id) && id.GetString() == "1")
            {
                Assert.False(message.RootElement.TryGetProperty("error", out var error), error.ToString());
                Ledger.Secret(message.RootElement.GetProperty("result").GetProperty("resumeToken").GetString()!);
                return reader;
            }
        }
    }

    /// <summary>Connects, asks to watch the debate with <paramref name="code"/> as a projector, and never reads the snapshot.</summary>
    public static async Task<StalledReader> WatchAndStallAsync(RealServer server, string code)
    {
        var reader = await OpenAsync(server);
        await reader.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "Watch", arguments = new[] { new { code } } }));
        return reader;
    }

    /// <summary>A hub connection over a socket with a 2 KB receive buffer, handshake done.</summary>
    private static async Task<StalledReader> OpenAsync(RealServer server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048 };
        await socket.ConnectAsync(IPAddress.Loopback, server.Port, Ct);
        var stream = new NetworkStream(socket, ownsSocket: false);
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request = $"GET /hubs/debate HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        var head = await ReadHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);

        var ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        var reader = new StalledReader(socket, ws);
        await reader.SendAsync("""{"protocol":"json","version":1}""");
        Assert.Equal("{}", await reader.ReceiveAsync());
        return reader;
    }

    /// <summary>
    /// Reads everything the server managed to send until the connection ends; true if the server closed
    /// or reset it (it gave up on this reader), false if it was still open after <paramref name="wait"/>.
    /// </summary>
    public async Task<bool> WasDroppedAsync(TimeSpan wait)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(wait);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await _ws.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _ws.Abort();
        _ws.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one, Ct));
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private Task SendAsync(string json) =>
        _ws.SendAsync(Encoding.UTF8.GetBytes(json + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, Ct);

    /// <summary>The next SignalR record; a frame may hold several.</summary>
    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (_records.Count == 0)
        {
            var result = await _ws.ReceiveAsync(buffer, Ct);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                foreach (var record in text.ToString().Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
                {
                    _records.Enqueue(record);
                }

                text.Clear();
            }
        }

        return _records.Dequeue();
    }
}
