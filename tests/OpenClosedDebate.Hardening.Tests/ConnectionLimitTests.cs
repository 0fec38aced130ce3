namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenClosedDebate.Domain.Debates;

/// <summary>The server refuses connections before it runs out of file descriptors, and keeps serving the ones it has.</summary>
public sealed class ConnectionLimitTests
{
    private const int FileLimit = 1000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Idle_websockets_past_the_limit_are_refused_while_the_room_goes_on_and_healthz_says_degraded()
    {
        // Before: at the descriptor limit the runtime died ("Out of memory", exit 134) about 30 s later, with nothing logged.
        await using var server = await RealServer.StartAsync(fileLimit: FileLimit);
        await using var room = await Classroom.OpenAsync(server, 2);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        using var health = server.Http();
        Assert.Equal("Healthy", await health.GetStringAsync("/healthz", Ct));

        var (opened, refused) = (new List<RawHubSocket>(), 0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 700; i++)
        {
            try
            {
                opened.Add(await RawHubSocket.ConnectAsync(server).WaitAsync(TimeSpan.FromSeconds(10), Ct));
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or TimeoutException or HttpRequestException or SocketException or Xunit.Sdk.XunitException)
            {
                refused++;
            }
        }

        var files = server.OpenFiles();
        var status = await health.GetStringAsync("/healthz", Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Under an open-file limit of {FileLimit}: 700 WebSockets tried in {clock.Elapsed.TotalSeconds:F1} s, {opened.Count} open, {refused} refused; " +
            $"the server holds {files} descriptors; /healthz says {status}.");

        Assert.True(server.IsRunning, "The server died at its connection limit.");
        Assert.True(refused > 0, "Nothing was refused: the limit isn't there.");
        Assert.InRange(opened.Count, 200, FileLimit - 300);
        Assert.True(files < FileLimit - 64, $"{files} descriptors open of {FileLimit}.");
        Assert.Equal("Degraded", status);

        // The room carries on for everyone already in it.
        await room.Students[0].PostAsync("after-flood", "Open weights still get posted while the server is full.");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 1, "the argument posted while full");

        // Refusals are logged once for the interval, with their count, not once each.
        await server.PollLogsAsync(text => text.Contains("Refused {Count} connection(s)", StringComparison.Ordinal), "the refusal line");
        var lines = await ReadLogAsync(server);
        Assert.InRange(lines.Count(l => l.Contains("Refused {Count} connection(s)", StringComparison.Ordinal)), 1, 2);
        Assert.DoesNotContain(lines, l => l.Contains("ConnectionRejected", StringComparison.Ordinal));

        // Once some leave, newcomers get in again.
        foreach (var socket in opened.Take(50))
        {
            socket.Dispose();
        }

        await server.PollLogsAsync(_ => true, "a moment");
        using var late = await ConnectEventuallyAsync(server);
        foreach (var socket in opened.Skip(50))
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task Half_sent_requests_past_the_limit_are_refused_and_the_server_keeps_serving()
    {
        await using var server = await RealServer.StartAsync(fileLimit: FileLimit);
        await using var room = await Classroom.OpenAsync(server, 2);
        using var health = server.Http();
        Assert.Equal("Healthy", await health.GetStringAsync("/healthz", Ct));

        // Headers that never end, as a slow or hostile client sends them.
        var stalls = new List<TcpClient>();
        var refused = 0;
        for (var i = 0; i < 600; i++)
        {
            var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(IPAddress.Loopback, server.Port, Ct);
                await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nX-Slow: "), Ct);
                stalls.Add(tcp);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                refused++;
                tcp.Dispose();
            }
        }

        // Kestrel accepts a connection over the limit and closes it at once: count those that were closed.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        var closed = stalls.Count(t => t.Client.Poll(0, SelectMode.SelectRead) && t.Client.Available == 0);
        var files = server.OpenFiles();
        var status = await health.GetStringAsync("/healthz", Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Under an open-file limit of {FileLimit}: 600 half-sent requests, {closed + refused} closed or refused by the server; {files} descriptors held; /healthz says {status}.");
        Assert.True(server.IsRunning);
        Assert.True(closed + refused > 400, $"Only {closed + refused} of 600 half-sent requests were refused.");
        Assert.True(files < FileLimit - 64, $"{files} descriptors open of {FileLimit}.");
        Assert.Equal("Degraded", status);

        // The students already connected carry on.
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        await room.Students[1].PostAsync("while-stalled", "The hub still answers while HTTP is full.");
        foreach (var tcp in stalls)
        {
            tcp.Dispose();
        }
    }

    private static async Task<RawHubSocket> ConnectEventuallyAsync(RealServer server)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await RawHubSocket.ConnectAsync(server);
            }
            catch (Exception) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(200, Ct);
            }
        }
    }

    private static async Task<List<string>> ReadLogAsync(RealServer server)
    {
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(server.Folder, "logs"), "*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines.AddRange((await reader.ReadToEndAsync(Ct)).Split('\n'));
        }

        return lines;
    }
}
