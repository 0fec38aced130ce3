namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Another program locks the database file mid-round (a backup tool, a curious admin with sqlite3).
/// Submissions fail with storageUnavailable, never a false acknowledgement, and go through once the lock is gone.
/// </summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task While_another_process_holds_the_write_lock_submissions_are_refused_clearly_and_succeed_after()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 3);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await ada.PostAsync("ada-1", "Open weights let anyone audit a model before a school adopts it.");

        using (server.Store.HoldWriteLock())
        {
            var clock = Stopwatch.StartNew();
            var refused = await Refused.WithAsync("storageUnavailable", () => ben.PostAsync("ben-1", "A closed lab can withdraw a model that turns out to be unsafe."));
            var waited = clock.Elapsed;
            Assert.Contains("try again", refused, StringComparison.OrdinalIgnoreCase);
            await Refused.WithAsync("storageUnavailable", () => ada.PostAsync("ada-2", "Researchers can reproduce results only with open weights."));
            TestContext.Current.TestOutputHelper?.WriteLine($"A submission against a locked database was refused after {waited.TotalSeconds:F1} s.");
            Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

            // Reading still works: the projector can join and the server says it is alive.
            await using var projector = await server.ConnectAsync();
            await projector.WatchAsync(room.Debate.JoinCode);
            using var http = server.Http();
            Assert.True((await http.GetAsync("/healthz", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        }

        // The fault has cleared: the same requests go through, once each, and the room saw them.
        var retried = await ben.PostAsync("ben-1", "A closed lab can withdraw a model that turns out to be unsafe.");
        await ada.PostAsync("ada-2", "Researchers can reproduce results only with open weights.");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 3, "three arguments after recovery");
        Assert.Contains(room.Console.Read(v => v.Arguments.Keys.ToList()), id => id == retried.Argument.Id);
        var stored = server.Store.Events("ArgumentPosted").Select(e => e.RequestId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ada-1", "ada-2", "ben-1"], stored);
    }
}
