namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Many connections stop reading in a room of thousands of heavy arguments, under a capped heap. Snapshots stay
/// small, every stalled connection is dropped, and the server and its honest connections carry on.
/// </summary>
public sealed class StalledConnectionTests
{
    private const long HeapLimit = 384L * 1024 * 1024;
    private const int Posters = 200;
    private const int LatePosters = 20;
    private const int LateArguments = 9;
    private const int StalledProjectors = 100;
    private const int StalledStudents = 50;

    /// <summary>The documented bound on a snapshot of this room (docs/guarantees.md): 80 arguments and their rebuttal targets, at most.</summary>
    private const int SnapshotBound = 160 * 1024;

    private static readonly TimeSpan SlowClientTimeout = TimeSpan.FromSeconds(10);

    // 1,000 characters, the longest argument the rules allow.
    private static readonly string Heavy = string.Concat(Enumerable.Repeat("Open weights let anyone audit a model. ", 26))[..990];

    // 1,000 characters of three bytes each: what the room says after the stalls, about 3 KB an argument, so each stalled
    // student is sent some 600 KB, far more than its socket and SignalR buffers (about 200 KB) hold.
    private static readonly string Chinese = string.Concat(Enumerable.Repeat("开放权重让任何人都能审计模型。", 67))[..990];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stalled_projectors_and_students_in_a_room_of_thousands_of_heavy_arguments_are_dropped_while_the_room_goes_on()
    {
        // Before snapshots were paged, one snapshot of this room was 2.5 MB and each stalled connection held 3-5 MB:
        // the 150 here would have taken the heap past this limit.
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = $"0x{HeapLimit:X}",
            ["Rooms:SlowClientTimeout"] = SlowClientTimeout.ToString(),
            ["RateLimits:ArgumentBurst"] = "1000",
        });
        await using var room = await Classroom.OpenAsync(server, 0);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);

        // Posters come a few at a time, post their ten and go, so no connection of this process falls behind
        // reading for want of CPU here (the server would rightly drop it).
        var clock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(20))
        {
            await Task.WhenAll(Enumerable.Range(0, Posters).Select(i => Task.Run(async () =>
            {
                await gate.WaitAsync(Ct);
                try
                {
                    await using var poster = await Pupil.JoinAsync(server, room.Debate.JoinCode, $"Student {i:D3}");
                    for (var n = 0; n < DebateLimits.ArgumentsPerRoundPerStudent; n++)
                    {
                        await poster.PostAsync($"s{i}-a{n}", $"{i}.{n} {Heavy}");
                    }
                }
                finally
                {
                    gate.Release();
                }
            })));
        }

        var built = clock.Elapsed;
        var arguments = Posters * DebateLimits.ArgumentsPerRoundPerStudent;
        var late = new List<Pupil>();
        for (var i = 0; i < LatePosters; i++)
        {
            late.Add(await Pupil.JoinAsync(server, room.Debate.JoinCode, $"Latecomer {i:D2}"));
        }

        // What a projector and a late student are sent, as bytes on the wire.
        var projectorBytes = await SnapshotBytesAsync(server, "Watch", new { code = room.Debate.JoinCode });
        var studentBytes = await SnapshotBytesAsync(server, "Join", new { code = room.Debate.JoinCode, name = "Late Student" });
        await using var wall = await server.ConnectAsync();
        var watched = await wall.WatchAsync(room.Debate.JoinCode);
        Assert.Equal(2 * 40, watched.Arguments.Count);
        Assert.Equal(arguments - 80, watched.OlderArguments.Sum(o => o.Count));
        var before = server.Memory();
        var openBefore = server.OpenFiles();

        var stalled = new List<StalledReader>();
        try
        {
            for (var i = 0; i < StalledProjectors; i++)
            {
                stalled.Add(await StalledReader.WatchAndStallAsync(server, room.Debate.JoinCode));
            }

            for (var i = 0; i < StalledStudents; i++)
            {
                stalled.Add(await StalledReader.JoinAndStallAsync(server, room.Debate.JoinCode, $"Sleepy {i:D2}"));
            }

            // The room goes on: other students post, which every stalled connection is sent too.
            var stalledAt = clock.Elapsed;
            await Task.WhenAll(late.Select((s, i) => Task.Run(async () =>
            {
                for (var n = 0; n < LateArguments; n++)
                {
                    await s.PostAsync($"late-{i}-{n}", $"late {i}.{n} {Chinese}");
                }
            })));

            var during = server.Memory();

            // Watched from the server's side, without reading a byte for the stalled connections: their sockets close.
            var deadline = clock.Elapsed + SlowClientTimeout * 3;
            while (server.OpenFiles() > openBefore + 5 && clock.Elapsed < deadline)
            {
                await Task.Delay(100, Ct);
            }

            var allDropped = clock.Elapsed - stalledAt;
            var dropped = await Task.WhenAll(stalled.Select(s => s.WasDroppedAsync(TimeSpan.FromSeconds(5))));

            // Honest connections kept working throughout: the wall got every late argument, and a student can still post.
            await wall.WaitUntilAsync(v => v.Arguments.Values.Count(a => a.Text.StartsWith("late ", StringComparison.Ordinal)) == LatePosters * LateArguments, "every late argument on the wall", TimeSpan.FromSeconds(30));
            var last = await late[^1].PostAsync("late-again", $"again {Heavy}");
            await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(last.Argument.Id), "the last argument on the console");
            var after = server.Memory();

            Report($"Room of {arguments:N0} arguments of {Heavy.Length + 8} characters built in {built.TotalSeconds:F1} s. " +
                $"Snapshot bytes: projector {projectorBytes:N0}, late student {studentBytes:N0} (bound {SnapshotBound:N0}; before paging, 2,565,758). " +
                $"{stalled.Count} stalled connections ({StalledProjectors} projectors, {StalledStudents} students): {dropped.Count(d => d)} dropped within {allDropped.TotalSeconds:F1} s " +
                $"of the first stall (send timeout {SlowClientTimeout.TotalSeconds} s). Resident memory {before.Resident / 1048576} MB before, {during.Resident / 1048576} MB with them, " +
                $"{after.Resident / 1048576} MB after (peak {after.Peak / 1048576} MB; {(during.Resident - before.Resident) / 1024 / stalled.Count} KB a stalled connection), heap capped at {HeapLimit / 1048576} MB.");
            Assert.True(projectorBytes < SnapshotBound, $"A projector's snapshot was {projectorBytes:N0} bytes.");
            Assert.True(studentBytes < SnapshotBound, $"A student's snapshot was {studentBytes:N0} bytes.");
            Assert.All(dropped, Assert.True);
            Assert.True(server.IsRunning, "The server died.");
            Assert.All(late, s => Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, s.Client.Connection.State));
            Assert.True(after.Peak - before.Resident < 256L * 1024 * 1024, $"The stalled connections cost the server {(after.Peak - before.Resident) / 1048576} MB.");
        }
        finally
        {
            await Task.WhenAll(stalled.Select(s => s.DisposeAsync().AsTask()).Concat(late.Select(s => s.DisposeAsync().AsTask())));
        }
    }

    /// <summary>The size on the wire of the snapshot one call returns: a join's result holds its snapshot and a little more.</summary>
    private static async Task<int> SnapshotBytesAsync(RealServer server, string method, object request)
    {
        using var socket = await RawHubSocket.ConnectAsync(server);
        await socket.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = method, arguments = new[] { request } }) + RawHubSocket.Separator);
        var completion = await socket.CompletionAsync("1", TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException($"{method} got no answer.");
        Assert.False(completion.TryGetProperty("error", out var error), error.ToString());
        if (method == "Join")
        {
            Ledger.Secret(completion.GetProperty("result").GetProperty("resumeToken").GetString()!);
        }

        return Encoding.UTF8.GetByteCount(completion.GetProperty("result").GetRawText());
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
