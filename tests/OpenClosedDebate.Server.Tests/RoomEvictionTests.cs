namespace OpenClosedDebate.Server.Tests;

using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// Reading old debates doesn't keep them in memory: a finished or draft debate's room that no one uses for
/// Rooms:IdleRoomLifetime (10 minutes) is dropped, and comes back from the database, unchanged, when next needed.
/// </summary>
public sealed class RoomEvictionTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finished_debate_no_one_uses_is_dropped_from_memory_and_loads_again_unchanged()
    {
        await using var server = new DebateServer();
        var rooms = server.Services.GetRequiredService<RoomRegistry>();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await room.Console.ControlAsync("Start");
        await room.Students[0].PostAsync("Open weights let anyone check the work.");
        await room.Console.ControlAsync("End");
        server.Time.Advance(server.BroadcastInterval);
        await room.Console.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");
        var before = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;
        await room.Console.DisposeAsync();
        await room.Students[0].DisposeAsync();

        // The eviction pass runs every minute of the server's clock; the connections just closed leave the room as it runs.
        server.Time.Advance(Lifetime);
        await Eventually(() => !rooms.IsLoaded(room.Debate.Id), () => server.Time.Advance(TimeSpan.FromMinutes(1)), "the idle room dropped");

        var after = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;
        Assert.True(rooms.IsLoaded(room.Debate.Id));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before, Wire.Json), System.Text.Json.JsonSerializer.Serialize(after, Wire.Json));
    }

    [Fact]
    public async Task A_room_someone_is_connected_to_or_that_is_under_way_stays_in_memory()
    {
        await using var server = new DebateServer();
        var rooms = server.Services.GetRequiredService<RoomRegistry>();
        await using var running = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await running.Console.ControlAsync("Start");
        var teacher = running.Teacher;
        var draft = await teacher.CreateAsync(Scenario.OneArgumentRound());
        await using var console = await teacher.ConnectAsync();
        await console.AttachAsync(draft.Id);

        server.Time.Advance(Lifetime + TimeSpan.FromMinutes(1));
        // The eviction pass ran: it is the one that would have dropped them.
        Assert.Equal(0, await rooms.EvictIdleAsync(server.Time.GetUtcNow() - Lifetime));

        Assert.True(rooms.IsLoaded(running.Debate.Id));
        Assert.True(rooms.IsLoaded(draft.Id));
    }

    private static async Task Eventually(Func<bool> condition, Action meanwhile, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            meanwhile();
            await Task.Delay(50, Ct);
        }
    }
}
