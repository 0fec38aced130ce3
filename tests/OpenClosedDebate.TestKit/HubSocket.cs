namespace OpenClosedDebate.TestKit;

using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

/// <summary>
/// One simulated browser: a WebSocket speaking SignalR's JSON protocol by hand (handshake, invocations,
/// completions, pings), the way @microsoft/signalr does, but light enough to run ten thousand at once.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    private const byte Separator = 0x1e;
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket _ws = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Action<string, JsonElement, long, int>? _onMessage;
    private int _nextId;
    private Task _receiving = Task.CompletedTask;

    private HubSocket(Action<string, JsonElement, long, int>? onMessage)
    {
        _onMessage = onMessage;
        _ws.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>True once the server or the network closed the socket.</summary>
    public bool Closed { get; private set; }

    /// <summary>
    /// Connects and shakes hands. <paramref name="onMessage"/> gets every server-to-client call: its
    /// target, its first argument, the wall-clock time it arrived (UTC ticks, to compare with the
    /// server's send time on the same machine) and its size in bytes.
    /// </summary>
    public static async Task<HubSocket> ConnectAsync(Uri hub, Action<string, JsonElement, long, int>? onMessage, CancellationToken ct, string? cookie = null)
    {
        var socket = new HubSocket(onMessage);
        if (cookie is not null)
        {
            socket._ws.Options.SetRequestHeader("Cookie", cookie);
        }

        await socket._ws.ConnectAsync(hub, ct);
        await socket.SendRawAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), ct);
        var handshake = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket._pending[0] = handshake;
        socket._receiving = socket.ReceiveAsync();
        await handshake.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        return socket;
    }

    /// <summary>Calls a hub method and returns its result; a hub error throws <see cref="HubCallException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = JsonSerializer.SerializeToUtf8Bytes(new Invocation(id.ToString(System.Globalization.CultureInfo.InvariantCulture), target, arguments), Wire.Json);
        var framed = new byte[message.Length + 1];
        message.CopyTo(framed, 0);
        framed[^1] = Separator;
        await SendRawAsync(framed, ct);
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>Tells the server this client is alive; SignalR closes a client silent for 30 s.</summary>
    public Task PingAsync(CancellationToken ct) => Closed ? Task.CompletedTask : SendRawAsync(Ping, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_ws.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        _ws.Abort();
        await _receiving.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _ws.Dispose();
        _send.Dispose();
    }

    private async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await _send.WaitAsync(ct);
        try
        {
            await _ws.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                var result = await _ws.ReceiveAsync(buffer.GetMemory(16 * 1024), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var arrived = DateTime.UtcNow.Ticks;
                Dispatch(buffer.WrittenMemory, arrived);
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            Closed = true;
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new WebSocketException("The connection closed."));
            }
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> frame, long arrived)
    {
        while (frame.Length > 0)
        {
            var end = frame.Span.IndexOf(Separator);
            var record = end < 0 ? frame : frame[..end];
            frame = end < 0 ? ReadOnlyMemory<byte>.Empty : frame[(end + 1)..];
            if (record.Length == 0)
            {
                continue;
            }

            using var message = JsonDocument.Parse(record);
            var root = message.RootElement;
            if (!root.TryGetProperty("type", out var type))
            {
                // The handshake's answer, {} or {"error":…}.
                Complete(0, root);
                continue;
            }

            switch (type.GetInt32())
            {
                case 1 when _onMessage is not null:
                    // Handlers read the message before returning, so it isn't copied out of the receive buffer.
                    _onMessage(root.GetProperty("target").GetString()!, root.GetProperty("arguments")[0], arrived, record.Length);
                    break;
                case 3:
                    Complete(int.Parse(root.GetProperty("invocationId").GetString()!, System.Globalization.CultureInfo.InvariantCulture), root);
                    break;
                case 7:
                    Closed = true;
                    break;
            }
        }
    }

    private void Complete(int id, JsonElement completion)
    {
        if (!_pending.TryRemove(id, out var done))
        {
            return;
        }

        if (completion.TryGetProperty("error", out var error))
        {
            done.TrySetException(new HubCallException(error.GetString() ?? "error"));
        }
        else
        {
            done.TrySetResult(completion.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }

    private sealed record Invocation(string InvocationId, string Target, object?[] Arguments)
    {
        /// <summary>1 is an invocation in SignalR's protocol.</summary>
        public int Type { get; } = 1;
    }
}

/// <summary>A hub call the server answered with an error.</summary>
public sealed class HubCallException(string message) : Exception(message);
