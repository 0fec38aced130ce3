namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The numbering that lets a client find a broadcast it missed (protocol §4.7): each group's updates are numbered one
/// after another from the number its snapshot gave, targeted updates carry none, and every heartbeat tells the number
/// of the group's last update.
/// </summary>
public sealed class FeedTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Each_groups_updates_are_numbered_one_after_another_from_the_snapshot_and_a_heartbeat_tells_the_last()
    {
        await using var server = new DebateServer(broadcastInterval: TimeSpan.FromMilliseconds(250));
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateAsync(Scenario.OneArgumentRound(settings: new DebateSettings { Visibility = ArgumentVisibility.OwnSide }));
        await using var console = await teacher.ConnectAsync();
        var attached = await console.AttachAsync(debate.Id);
        await console.ControlAsync("OpenLobby");
        await using var ada = await server.ConnectAsync();
        var joined = await ada.JoinAsync(debate.JoinCode, "Ada");
        await using var ben = await server.ConnectAsync();
        await ben.JoinAsync(debate.JoinCode, "Ben");
        server.Time.Advance(server.BroadcastInterval);
        await console.ControlAsync("Start");
        await ada.PostAsync("Open weights let anyone audit a model.");
        await ben.PostAsync("A closed lab can recall a model.");
        server.Time.Advance(server.BroadcastInterval);
        await console.ControlAsync("Skip");
        server.Time.Advance(server.BroadcastInterval);
        await ada.WaitUntilAsync(v => v.Clock?.Phase == Phase.Vote, "the vote");
        await console.WaitUntilAsync(v => v.Clock?.Phase == Phase.Vote && v.Arguments.Count == 2, "the vote with both arguments");

        var (adaBeats, consoleBeats) = (ada.Heartbeats.Count, console.Heartbeats.Count);
        server.Time.Advance(Heartbeat);
        var adaBeat = await ada.NextHeartbeatAsync(adaBeats);
        var consoleBeat = await console.NextHeartbeatAsync(consoleBeats);

        // A heartbeat follows every update sent before it on the same connection, so the lists are whole now.
        Assert.Equal(attached.Feed, joined.Snapshot.Feed);
        Assert.Matches("^[0-9a-f]{8}$", attached.Feed);
        var adaLast = NumberedAfter(ada, joined.Snapshot);
        var consoleLast = NumberedAfter(console, attached);
        Assert.Equal((attached.Feed, adaLast), (adaBeat.Feed, adaBeat.Flush));
        Assert.Equal((attached.Feed, consoleLast), (consoleBeat.Feed, consoleBeat.Flush));

        // A side's arguments went to that side alone (ownSide), in updates that carry no number.
        Assert.Contains(ada.Updates, u => u.Flush is null && u.Events.Any(e => e is ArgumentUpserted));

        // A student who binds again gets a snapshot at the number of the last update: nothing is missing.
        var resumed = await ada.ResumeAsync(debate.Id, ada.Token);
        Assert.Equal((attached.Feed, adaLast), (resumed.Feed, resumed.Flush));
    }

    [Fact]
    public async Task A_client_that_comes_to_a_room_no_one_was_in_hears_heartbeats_numbered_from_its_snapshot()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateAsync(Scenario.OneArgumentRound());
        await using (var first = await teacher.ConnectAsync())
        {
            await first.AttachAsync(debate.Id);
            await first.ControlAsync("OpenLobby");
        }

        server.Time.Advance(Heartbeat * 3);
        await using var watcher = await server.ConnectAsync();
        var snapshot = await watcher.WatchAsync(debate.JoinCode);
        Assert.Empty(watcher.Heartbeats);
        server.Time.Advance(Heartbeat);

        var beat = await watcher.NextHeartbeatAsync(0);
        Assert.Equal((snapshot.Feed, snapshot.Flush), (beat.Feed, beat.Flush));
    }

    /// <summary>The numbers of a client's group updates after its snapshot: each one more than the one before. Returns the last.</summary>
    private static long NumberedAfter(RoomClient client, RoomSnapshot snapshot)
    {
        var numbers = client.Updates.Where(u => u.Flush is not null).Select(u => (u.Feed, Flush: u.Flush!.Value)).ToList();
        Assert.All(numbers, n => Assert.Equal(snapshot.Feed, n.Feed));
        var after = numbers.Select(n => n.Flush).Where(n => n > snapshot.Flush).ToList();
        Assert.NotEmpty(after);
        Assert.Equal(Enumerable.Range(1, after.Count).Select(i => snapshot.Flush + i), after);
        return after[^1];
    }
}
