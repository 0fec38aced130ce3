namespace OpenClosedDebate.Browser.Tests;

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// A broadcast that never reaches a page (one lost between servers, say: the SignalR backplane doesn't buffer) is
/// found from the room's numbered updates and heartbeats, and the page binds again for a fresh snapshot, without a
/// reload. Here the browser's own WebSocket is routed through the test, which drops one numbered update on the way.
/// </summary>
public sealed class LostBroadcastInTheBrowserTests(Chromium chrome, LostBroadcastInTheBrowserTests.QuickHeartbeats server)
    : IClassFixture<Chromium>, IClassFixture<LostBroadcastInTheBrowserTests.QuickHeartbeats>
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_projector_that_misses_the_update_pausing_the_clock_shows_the_pause_within_a_heartbeat_or_two_without_a_reload()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("A lost broadcast is repaired.");
        var projector = await chrome.OpenAsync(Chromium.Projector);
        var drop = new UpdateDropper();
        await projector.RouteWebSocketAsync(new Regex("/hubs/debate"), drop.Route);
        await projector.GotoAsync(console.ProjectorUrl(code));
        await using var ben = await server.StudentAsync(code, "Ben");
        await console.ClickAsync("Start the debate");
        await Expect(projector.Locator(".projector__bar")).ToBeVisibleAsync();
        await projector.EvaluateAsync("() => { window.sameLoad = true; }");

        // The next numbered update to the projector is the pause, and it never arrives.
        drop.DropNext();
        await console.ClickAsync("Pause");
        await drop.Dropped.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        await Expect(projector.Locator(".projector__paused")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(await projector.EvaluateAsync<bool>("() => window.sameLoad === true"), "The page was reloaded.");
        Assert.Equal(1, drop.Count);
        Assert.True(drop.WatchesSent >= 2, $"The projector should have watched again on the same connection; it sent Watch {drop.WatchesSent} times.");
    }

    /// <summary>Forwards every frame both ways, except one numbered <c>Update</c> from the server when asked.</summary>
    private sealed class UpdateDropper
    {
        private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _count;
        private int _watches;

        public Task Dropped => _dropped.Task;

        public int Count => Volatile.Read(ref _count);

        public int WatchesSent => Volatile.Read(ref _watches);

        public void DropNext() => Volatile.Write(ref _armed, 1);

        public void Route(IWebSocketRoute page)
        {
            var hub = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                if (frame.Text is { } text && text.Contains("\"target\":\"Watch\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _watches);
                }

                Forward(hub, frame);
            });
            hub.OnMessage(frame =>
            {
                if (frame.Text is not { } text)
                {
                    page.Send(frame.Binary!);
                    return;
                }

                // A frame can hold several records; only the numbered update goes missing.
                var records = text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries);
                var kept = records.Where(r => !(IsNumberedUpdate(r) && Interlocked.CompareExchange(ref _armed, 0, 1) == 1 && Drop())).ToList();
                if (kept.Count > 0)
                {
                    page.Send(string.Concat(kept.Select(r => r + RecordSeparator)));
                }
            });
        }

        private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
        {
            if (frame.Text is { } text)
            {
                to.Send(text);
            }
            else
            {
                to.Send(frame.Binary!);
            }
        }

        private static bool IsNumberedUpdate(string record) =>
            record.Contains("\"target\":\"Update\"", StringComparison.Ordinal) && Regex.IsMatch(record, "\"flush\":\\d+");

        private bool Drop()
        {
            Interlocked.Increment(ref _count);
            _dropped.TrySetResult();
            return true;
        }
    }

    /// <summary>A server whose rooms send heartbeats every second, so the test waits seconds, not the default five.</summary>
    public sealed class QuickHeartbeats : IAsyncDisposable
    {
        private readonly WebServer _server = WebServer.With(new Dictionary<string, string?> { ["Rooms:HeartbeatInterval"] = "00:00:01" });

        public string BaseUrl => _server.BaseUrl;

        public Task<RoomClient> StudentAsync(string code, string name) => _server.StudentAsync(code, name);

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
