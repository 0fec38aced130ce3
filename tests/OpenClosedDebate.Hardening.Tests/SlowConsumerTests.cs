namespace OpenClosedDebate.Hardening.Tests;

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// One phone stops reading its socket in a busy room. Everyone else keeps getting updates on time,
/// what the server holds for that phone stays bounded, and the server drops it.
/// </summary>
public sealed class SlowConsumerTests
{
    private const int Posters = 30;
    private const int ArgumentsEach = 10;

    // 1,000 characters of four UTF-16 units each, which JSON sends as \u escapes: about 24 KB an argument,
    // so the storm sends the stalled phone some 7 MB, more than the kernel's socket buffers (4 MB) can hide.
    private static readonly string Heavy = string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", 999));

    [Fact]
    public async Task A_client_that_stops_reading_does_not_hold_up_the_room_and_is_dropped()
    {
        var slowClientTimeout = TimeSpan.FromSeconds(8);
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["Rooms:SlowClientTimeout"] = slowClientTimeout.ToString(),
            ["RateLimits:ArgumentBurst"] = "100",
        });
        await using var room = await Classroom.OpenAsync(server, Posters);
        await using var watcher = await server.ConnectAsync();
        await watcher.WatchAsync(room.Debate.JoinCode);
        await using var sleepy = await StalledReader.JoinAndStallAsync(server, room.Debate.JoinCode, "Sleepy");
        await room.Console.WaitUntilAsync(v => v.Roster.Values.Any(p => p.DisplayName == "Sleepy" && p.Connected), "Sleepy online");
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var before = server.Memory();

        // Every poster sends ten heavy arguments; the projector notes when each one reaches it.
        var clock = Stopwatch.StartNew();
        var seen = new ConcurrentDictionary<Guid, long>();
        var deadlines = new ConcurrentQueue<(DateTimeOffset Deadline, long At)>();
        watcher.Connection.On<RoomUpdate>("Update", update =>
        {
            foreach (var e in update.Events)
            {
                if (e is ArgumentUpserted posted)
                {
                    seen.TryAdd(posted.Argument.Id, clock.ElapsedMilliseconds);
                }
                else if (e is ClockChanged { Clock.Deadline: { } deadline })
                {
                    deadlines.Enqueue((deadline, clock.ElapsedMilliseconds));
                }
            }
        });
        var acked = new ConcurrentDictionary<Guid, long>();
        await Task.WhenAll(room.Students.Select((s, i) => Task.Run(async () =>
        {
            for (var n = 0; n < ArgumentsEach; n++)
            {
                var ack = await s.PostAsync($"s{i}-a{n}", Heavy);
                acked[ack.Argument.Id] = clock.ElapsedMilliseconds;
            }
        })));
        await watcher.WaitUntilAsync(v => v.Arguments.Count == Posters * ArgumentsEach, "every argument on the projector", TimeSpan.FromSeconds(60));
        var during = server.Memory();

        // Sleepy is now far behind and still connected. The instructor extends the clock a few times;
        // each change reaches the projector at once instead of queueing behind Sleepy.
        Assert.True(room.Console.Read(v => v.Roster.Values.Single(p => p.DisplayName == "Sleepy").Connected), "Sleepy was dropped before the probes.");
        var probes = new List<long>();
        for (var probe = 0; probe < 4; probe++)
        {
            var target = watcher.Read(v => v.Clock!.Deadline!.Value).AddSeconds(30);
            var sent = clock.ElapsedMilliseconds;
            await room.Console.ControlAsync("Extend", 30);
            await watcher.WaitUntilAsync(v => v.Clock?.Deadline >= target, "the extended deadline on the projector");
            await WaitForAsync(() => deadlines.Any(d => d.Deadline >= target));
            probes.Add(deadlines.First(d => d.Deadline >= target).At - sent);
        }

        var lags = acked.Select(a => seen[a.Key] - a.Value).Order().ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Ack-to-projector lag over {lags.Count} arguments: median {lags[lags.Count / 2]} ms, max {lags[^1]} ms. " +
            $"Extend-to-projector while Sleepy was stuck: {string.Join(", ", probes)} ms. " +
            $"Server memory: {before.Resident / 1048576} MB before the storm, {during.Resident / 1048576} MB after it.");
        Assert.All(probes, lag => Assert.True(lag < 2000, $"A clock change took {lag} ms to reach the projector."));

        // The server gave up on Sleepy (so its sends really were stuck): the console shows it offline, and its socket was closed.
        await room.Console.WaitUntilAsync(
            v => v.Roster.Values.Single(p => p.DisplayName == "Sleepy") is { Connected: false }, "Sleepy dropped", slowClientTimeout * 4);
        Assert.True(await sleepy.WasDroppedAsync(TimeSpan.FromSeconds(10)), "The server never closed the stalled connection.");
        // What the server holds for Sleepy is bounded by design: SignalR serialises a group message once and
        // every connection's queued write shares those bytes, and the queue lasts at most SlowClientTimeout.
        // The process's resident memory mostly shows the garbage collector growing its heap under the storm
        // (100-250 MB here, depending on what else the machine is doing), so this is only a sanity bound.
        Assert.True(during.Resident - before.Resident < 512L * 1024 * 1024, $"The server grew by {(during.Resident - before.Resident) / 1048576} MB.");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited too long.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
