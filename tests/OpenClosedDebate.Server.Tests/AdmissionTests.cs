namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR.Client;

/// <summary>A room's capacity, its pacing of joins, students waiting to be let in, and one student per connection (protocol §6.12).</summary>
public sealed class AdmissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_room_refuses_the_next_join_with_roomFull_and_everyone_hears_the_new_capacity()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");

        await room.Console.ControlAsync("SetCapacity", 2);

        await room.Students[0].WaitUntilAsync(v => v.Debate!.Entry.Capacity == 2, "the new capacity");
        await using var late = await server.ConnectAsync();
        var refused = await Refused.WithAsync("roomFull", () => late.JoinAsync(room.Debate.JoinCode, "Cy"));
        Assert.Contains("2 students", refused, StringComparison.Ordinal);
        await Refused.WithAsync("invalidRequest", () => room.Console.ControlAsync("SetCapacity", 0));
    }

    [Fact]
    public async Task A_student_who_joins_a_room_that_approves_joins_waits_then_is_let_in_with_a_side()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        await room.Console.ControlAsync("SetApproveJoins", true);
        await using var late = await server.ConnectAsync();

        var joined = await late.JoinAsync(room.Debate.JoinCode, "Late");

        Assert.True(joined.Snapshot.You!.Waiting);
        Assert.Null(joined.Snapshot.You.Side);
        Assert.Equal(1, joined.Snapshot.Counts.Waiting);
        Assert.True(joined.Snapshot.Debate.Entry.ApproveJoins);
        await room.Console.WaitUntilAsync(v => v.Roster.TryGetValue(joined.ParticipantId, out var p) && p.Waiting, "Late waiting in the roster");
        await Refused.WithAsync("notAdmitted", () => late.PostAsync("Open weights can be audited."));

        await room.Console.ControlAsync("Admit", joined.ParticipantId);

        await late.WaitUntilAsync(v => v.You is { Waiting: false, Side: not null }, "let in, with a side");
        await room.Console.WaitUntilAsync(v => !v.Roster[joined.ParticipantId].Waiting && v.Counts!.Waiting == 0, "Late let in");
        await late.PostAsync("Open weights can be audited.");
    }

    [Fact]
    public async Task Turning_everyone_waiting_away_removes_them_and_leaves_the_class()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await room.Console.ControlAsync("SetApproveJoins", true);
        await using var bot = await server.ConnectAsync();
        var joined = await bot.JoinAsync(room.Debate.JoinCode, "Bot");

        await room.Console.ControlAsync("TurnAwayWaiting");

        await bot.WaitUntilAsync(v => v.RemovedMessage is not null, "the bot removed");
        await room.Console.WaitUntilAsync(v => v.Roster[joined.ParticipantId].Kicked && v.Counts!.Waiting == 0, "the bot gone");
        Assert.False(room.Console.Read(v => v.Roster.Values.Single(p => p.DisplayName == "Ada").Kicked));
        await Refused.WithAsync("wrongStatus", () => room.Console.ControlAsync("AdmitAll"));
    }

    [Fact]
    public async Task Joins_beyond_the_burst_wait_their_turn_on_the_servers_clock_and_one_too_far_off_is_told_when_to_try_again()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rooms:JoinBurst"] = "2",
            ["Rooms:JoinsPerSecond"] = "1",
            ["Rooms:JoinMaxWait"] = "00:00:02",
        };
        await using var server = new DebateServer(rateLimits: settings);
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());

        // A room of 10 paces by the settings alone (a tenth of its capacity is 1, and 10 in 60 s is slower than 1 a second).
        await room.Console.ControlAsync("SetCapacity", 10);
        var clients = new List<RoomClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await server.ConnectAsync());
        }

        try
        {
            // The burst of 2 goes to Ada and Ben: the next joins take turns, 1 a second, at most 2 s away.
            await clients[3].JoinAsync(room.Debate.JoinCode, "Ada");
            await clients[4].JoinAsync(room.Debate.JoinCode, "Ben");
            Assert.Null(room.Console.Read(v => v.Joins!.SurgeSince));
            var third = clients[0].JoinAsync(room.Debate.JoinCode, "Cy");
            await room.Console.WaitUntilAsync(v => v.Joins is { Slowed: 1 }, "one join slowed");
            var fourth = clients[1].JoinAsync(room.Debate.JoinCode, "Dee");
            await room.Console.WaitUntilAsync(v => v.Joins is { Slowed: 2 }, "two joins slowed");
            var refused = await Refused.WithAsync("roomBusy", () => clients[2].JoinAsync(room.Debate.JoinCode, "Eve"));
            Assert.Equal("Many students are joining at once. Try again in 1 second.", refused);
            await room.Console.WaitUntilAsync(v => v.Joins is { TurnedAway: 1, SurgeSince: not null }, "one join turned away");
            Assert.False(third.IsCompleted);

            server.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("Cy", (await third).Snapshot.You!.DisplayName);
            Assert.False(fourth.IsCompleted);
            server.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("Dee", (await fourth).Snapshot.You!.DisplayName);

            // A quiet spell fills the bucket again: the next joins come straight in.
            server.Time.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal("Eve", (await clients[2].JoinAsync(room.Debate.JoinCode, "Eve")).Snapshot.You!.DisplayName);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_refused_join_gives_its_turn_back()
    {
        var settings = new Dictionary<string, string?> { ["Rooms:JoinBurst"] = "1", ["Rooms:JoinsPerSecond"] = "0.1", ["Rooms:JoinMaxWait"] = "00:00:00" };
        await using var server = new DebateServer(rateLimits: settings);
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await room.Console.ControlAsync("SetCapacity", 10);
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();

        await Refused.WithAsync("invalidName", () => first.JoinAsync(room.Debate.JoinCode, "   "));
        await first.JoinAsync(room.Debate.JoinCode, "Ada");

        await Refused.WithAsync("roomBusy", () => second.JoinAsync(room.Debate.JoinCode, "Ben"));
    }

    [Fact]
    public async Task A_connection_speaks_for_one_student_and_can_join_as_three_at_most()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await using var client = await server.ConnectAsync();
        const string Secret = "Qk3xW9v0b2nR5tYp8LmZs1Dc";

        var ada = await client.JoinAsync(room.Debate.JoinCode, "Ada", Secret);
        await Refused.WithAsync("alreadyJoined", () => client.JoinAsync(room.Debate.JoinCode, "Mallory"));
        Assert.Equal(ada.ParticipantId, (await client.JoinAsync(room.Debate.JoinCode, "Ada", Secret)).ParticipantId);

        await client.Connection.InvokeAsync("Leave", Ct);
        await client.JoinAsync(room.Debate.JoinCode, "Ben");
        await client.Connection.InvokeAsync("Leave", Ct);
        await client.JoinAsync(room.Debate.JoinCode, "Cy");
        await client.Connection.InvokeAsync("Leave", Ct);

        await Refused.WithAsync("rateLimited", () => client.JoinAsync(room.Debate.JoinCode, "Dee"));
        await room.Console.WaitUntilAsync(v => v.Roster.Count == 3, "three students made, no fourth");
        Assert.DoesNotContain(room.Console.Read(v => v.Roster.Values.Select(p => p.DisplayName).ToList()), n => n == "Dee");
    }

    [Fact]
    public async Task A_bigger_room_takes_a_bigger_burst_and_fills_in_the_join_fill_time()
    {
        var settings = new Dictionary<string, string?> { ["Rooms:JoinBurst"] = "2", ["Rooms:JoinsPerSecond"] = "1", ["Rooms:JoinFillTime"] = "00:00:30" };
        await using var server = new DebateServer(rateLimits: settings);
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());

        await room.Console.ControlAsync("SetCapacity", 1200);
        var joins = (await room.Console.AttachAsync(room.Debate.Id)).Joins!;

        // A tenth of 1,200 at once, and 1,200 in 30 s: both above the settings' floor of 2 and 1 a second.
        Assert.Equal(120, joins.Burst);
        Assert.Equal(40, joins.PerSecond);
    }
}
