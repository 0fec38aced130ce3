namespace OpenClosedDebate.TestKit;

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

/// <summary>
/// A hub connection spoken by hand over a <see cref="ClientWebSocket"/>, to send what no SignalR client
/// would: broken frames, invalid JSON, unknown message types, binary junk. It splits what the server sends
/// on the record separator itself (protocol §1.5), and notices when the server closes the socket.
/// </summary>
public sealed class RawHubSocket : IDisposable
{
    /// <summary>The record separator that ends every SignalR JSON message.</summary>
    public const string Separator = "\u001e";

    /// <summary>The JSON protocol's handshake, separator included.</summary>
    public const string Handshake = "{\"protocol\":\"json\",\"version\":1}" + Separator;

    private readonly ClientWebSocket _socket = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _pending = new();
    private readonly Queue<string> _messages = new();
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly char[] _chars = new char[(16 * 1024) + 16];
    private Task<WebSocketReceiveResult>? _receiving;

    private RawHubSocket()
    {
    }

    /// <summary>True once the server has closed the connection (or the socket broke).</summary>
    public bool Closed { get; private set; }

    /// <summary>Completions the server sent for invocations other than the one awaited, with their ids.</summary>
    public List<JsonElement> OtherCompletions { get; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a WebSocket to the hub, with the instructor's cookie if given, and shakes hands unless told not to.</summary>
    public static async Task<RawHubSocket> ConnectAsync(RealServer server, string? cookie = null, bool handshake = true)
    {
        var raw = new RawHubSocket();
        if (cookie is not null)
        {
            raw._socket.Options.SetRequestHeader("Cookie", cookie);
        }

        await raw._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/hubs/debate"), Ct);
        if (handshake)
        {
            await raw.SendAsync(Handshake);
            Assert.Equal("{}", await raw.ReceiveAsync(TimeSpan.FromSeconds(10)));
        }

        return raw;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    /// <summary>Sends one frame; <paramref name="last"/> false leaves the WebSocket message unfinished.</summary>
    public async Task SendAsync(byte[] bytes, WebSocketMessageType type, bool last = true)
    {
        try
        {
            await _socket.SendAsync(bytes, type, last, Ct);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            Closed = true;
        }
    }

    /// <summary>Ends the connection from this side without a closing handshake, as a dropped client does.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>
    /// The next message without its separator, or null once the server has closed the connection. A wait
    /// that times out leaves the read pending (cancelling it would abort the socket), so the next call goes on with it.
    /// </summary>
    public async Task<string?> ReceiveAsync(TimeSpan timeout)
    {
        while (!_messages.TryPeek(out _) && !Closed)
        {
            _receiving ??= _socket.ReceiveAsync(new ArraySegment<byte>(_buffer), Ct);
            try
            {
                var result = await _receiving.WaitAsync(timeout, Ct);
                _receiving = null;
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Closed = true;
                    break;
                }

                Split(result.Count);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Neither an answer nor a close within {timeout.TotalSeconds} s.");
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
            {
                (_receiving, Closed) = (null, true);
            }
        }

        return _messages.TryDequeue(out var message) ? message : null;
    }

    /// <summary>
    /// Waits for the completion of invocation <paramref name="id"/>, passing over pings, updates and the
    /// server's close message; returns null if the connection closed first.
    /// </summary>
    public async Task<JsonElement?> CompletionAsync(string id, TimeSpan timeout)
    {
        while (await ReceiveAsync(timeout) is { } message)
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.GetInt32() == 3)
            {
                if (root.GetProperty("invocationId").GetString() == id)
                {
                    return root.Clone();
                }

                OtherCompletions.Add(root.Clone());
            }
        }

        return null;
    }

    public void Dispose() => _socket.Dispose();

    private void Split(int count)
    {
        var chars = _decoder.GetChars(_buffer, 0, count, _chars, 0);
        _pending.Append(_chars, 0, chars);
        var text = _pending.ToString();
        var end = text.LastIndexOf(Separator, StringComparison.Ordinal);
        if (end < 0)
        {
            return;
        }

        foreach (var message in text[..end].Split(Separator))
        {
            _messages.Enqueue(message);
        }

        _pending.Clear().Append(text[(end + 1)..]);
    }
}
