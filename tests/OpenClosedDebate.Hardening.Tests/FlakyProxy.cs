namespace OpenClosedDebate.Hardening.Tests;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A TCP proxy on loopback between clients and the server that can cut connections the way a
/// classroom's Wi-Fi does: abruptly, with a reset, in the middle of whatever was being sent.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _pairs = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _next;

    public FlakyProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public int Open => _pairs.Count;

    /// <summary>Resets <paramref name="fraction"/> of the open connections, chosen at random; returns how many.</summary>
    public int Drop(double fraction, Random random)
    {
        var chosen = _pairs.Keys.OrderBy(_ => random.Next()).Take((int)Math.Round(_pairs.Count * fraction)).ToList();
        foreach (var id in chosen)
        {
            if (_pairs.TryRemove(id, out var pair))
            {
                Reset(pair.Client);
                Reset(pair.Server);
            }
        }

        return chosen.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var (client, server) in _pairs.Values)
        {
            client.Dispose();
            server.Dispose();
        }

        _stop.Dispose();
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger of zero makes Close send RST rather than FIN: the peer sees the connection die.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }

        socket.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PairAsync(client);
        }
    }

    private async Task PairAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            client.Dispose();
            server.Dispose();
            return;
        }

        var id = Interlocked.Increment(ref _next);
        _pairs[id] = (client, server);
        await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        if (_pairs.TryRemove(id, out _))
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
