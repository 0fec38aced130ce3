namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Snapshots carry the newest arguments of each side, and the rest is fetched a page at a time, as each audience may see it.</summary>
public sealed class ArgumentPagingTests
{
    private const int PerSide = 3;

    private static readonly Dictionary<string, string?> ThreePerSide = new() { ["Rooms:SnapshotArgumentsPerSide"] = $"{PerSide}" };

    [Fact]
    public async Task A_snapshot_carries_the_newest_of_each_side_and_counts_the_older_ones()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.Everyone);
        var (open, closed) = await PostAsync(room, 5, 4);

        await using var projector = await server.ConnectAsync();
        var watched = await projector.WatchAsync(room.Debate.JoinCode);
        var attached = await room.Console.AttachAsync(room.Debate.Id);

        foreach (var snapshot in new[] { watched, attached })
        {
            Assert.Equal(open[^PerSide..].Concat(closed[^PerSide..]).Order(), snapshot.Arguments.Select(a => a.Id).Order());
            Assert.Equal(new OlderArgumentsView(0, Side.Open, 2, Seq(snapshot, open[^PerSide])), snapshot.OlderArguments.Single(o => o.Side == Side.Open));
            Assert.Equal(new OlderArgumentsView(0, Side.Closed, 1, Seq(snapshot, closed[^PerSide])), snapshot.OlderArguments.Single(o => o.Side == Side.Closed));
            Assert.Equal(snapshot.Arguments.Select(a => a.Seq).Order(), snapshot.Arguments.Select(a => a.Seq));
        }
    }

    [Fact]
    public async Task A_students_snapshot_also_carries_their_own_arguments_and_what_they_rebut()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.Everyone);
        var (open, closed) = await PostAsync(room, 5, 4);
        var rebuttal = (await room.Students[1].PostAsync("Your first point fails.", open[0])).Argument.Id;

        var ada = await room.Students[0].ResumeAsync(room.Debate.Id, room.Students[0].Token);

        Assert.Equal(open.Concat(closed[^2..]).Append(rebuttal).Order(), ada.Arguments.Select(a => a.Id).Order());
        Assert.Equal(2, ada.OlderArguments.Single(o => o.Side == Side.Open).Count);
    }

    [Fact]
    public async Task Pages_from_the_cursor_fetch_every_older_argument_once_and_then_say_there_are_no_more()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.Everyone);
        var (open, _) = await PostAsync(room, 8, 1);
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);

        var pages = new List<ArgumentPageView>();
        var older = projector.Read(v => v.Older[(0, Side.Open)]);
        while (older.Count > 0)
        {
            var page = await projector.OlderAsync(0, Side.Open, older.Before, 2);
            pages.Add(page);
            older = page.Older;
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Arguments.Count));
        Assert.Equal(open[..5], pages.AsEnumerable().Reverse().SelectMany(p => p.Arguments).Select(a => a.Id));
        Assert.Equal(open, projector.Read(v => v.Arguments.Values.Where(a => a.Side == Side.Open).OrderBy(a => a.Seq).Select(a => a.Id)));
    }

    [Fact]
    public async Task Pages_show_each_audience_only_what_it_may_see()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.OwnSide);
        var (open, _) = await PostAsync(room, 5, 1);
        await room.Console.ControlAsync("HideArgument", open[1], "Off topic");
        await room.Console.WaitUntilAsync(v => v.Arguments[open[1]].Hidden, "the hidden argument");
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);

        var ada = await room.Students[0].OlderAsync(0, Side.Open, null);
        var ben = await room.Students[1].OlderAsync(0, Side.Open, null);
        var wall = await projector.OlderAsync(0, Side.Open, null);
        var console = await room.Console.OlderAsync(0, Side.Open, null);

        Assert.Equal(open.Where(id => id != open[1]), ada.Arguments.Select(a => a.Id));
        Assert.Empty(ben.Arguments);
        Assert.Equal(0, ben.Older.Count);
        Assert.Empty(wall.Arguments);
        Assert.Equal(open, console.Arguments.Select(a => a.Id));
        Assert.True(console.Arguments[1].Hidden);
    }

    [Fact]
    public async Task A_student_who_left_on_another_tab_or_was_removed_is_told_which_when_fetching_older_arguments()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.Everyone);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await using var adaSecondTab = await server.ConnectAsync();
        await adaSecondTab.ResumeAsync(ada.DebateId, ada.Token);
        await using var benSecondTab = await server.ConnectAsync();
        await benSecondTab.ResumeAsync(ben.DebateId, ben.Token);

        await ada.Connection.InvokeAsync("Leave", TestContext.Current.CancellationToken);
        await room.Console.ControlAsync("Kick", ben.ParticipantId);

        await Refused.WithAsync("left", () => adaSecondTab.OlderAsync(0, Side.Open, null));
        await Refused.WithAsync("kicked", () => benSecondTab.OlderAsync(0, Side.Open, null));
    }

    [Fact]
    public async Task A_reveal_sends_the_newest_of_each_side_and_how_many_older_ones_each_has()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.OwnOnly);
        var (open, closed) = await PostAsync(room, 6, 4);
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        Assert.Empty(projector.Read(v => v.Arguments));

        await RunningDebate.SkipToVoteAsync(room);

        await projector.WaitUntilAsync(v => v.Older.TryGetValue((0, Side.Closed), out var o) && o.Count == 1, "the reveal's counts");
        Assert.Equal(open[^PerSide..].Concat(closed[^PerSide..]).Order(), projector.Read(v => v.Arguments.Keys.Order().ToList()));
        Assert.Equal(3, projector.Read(v => v.Older[(0, Side.Open)].Count));
        var reveal = projector.Updates.SelectMany(u => u.Events).OfType<ArgumentUpserted>().ToList();
        Assert.Equal(2 * PerSide, reveal.Count);
    }

    [Fact]
    public async Task A_page_is_refused_to_a_connection_that_is_not_in_the_debate_and_beyond_its_limits()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(ThreePerSide));
        await using var room = await ArguingAsync(server, ArgumentVisibility.Everyone);
        await PostAsync(room, 1, 1);
        await using var stranger = await server.ConnectAsync();
        var ask = new ArgumentPageRequest(room.Debate.Id, 0, Side.Open, null, 10);

        await Refused.WithAsync("invalidToken", () => stranger.Connection.InvokeAsync<ArgumentPageView>("Arguments", ask, TestContext.Current.CancellationToken));
        await Refused.WithAsync("invalidToken", () => room.Students[0].Connection.InvokeAsync<ArgumentPageView>("Arguments", ask with { DebateId = Guid.NewGuid() }, TestContext.Current.CancellationToken));
        await Refused.WithAsync("invalidRequest", () => room.Students[0].OlderAsync(0, Side.Open, null, 51));
        await Refused.WithAsync("invalidRequest", () => room.Students[0].OlderAsync(1, Side.Open, null));
    }

    [Fact]
    public async Task Pages_are_rate_limited_per_student()
    {
        var limits = new Dictionary<string, string?>(DebateServer.UnlimitedWith(ThreePerSide)) { ["RateLimits:ArgumentPageBurst"] = "2", ["RateLimits:ArgumentPageRefill"] = "00:10:00" };
        await using var server = new DebateServer(rateLimits: limits);
        await using var room = await ArguingAsync(server, ArgumentVisibility.Everyone);
        var ada = room.Students[0];

        await ada.OlderAsync(0, Side.Open, null);
        await ada.OlderAsync(0, Side.Closed, null);

        await Refused.WithAsync("rateLimited", () => ada.OlderAsync(0, Side.Open, null));
        await using var again = await server.ConnectAsync();
        await again.ResumeAsync(room.Debate.Id, ada.Token);
        await Refused.WithAsync("rateLimited", () => again.OlderAsync(0, Side.Open, null));
    }

    private static Task<Scenario> ArguingAsync(DebateServer server, ArgumentVisibility visibility) =>
        RunningDebate.ArguingAsync(server, Scenario.OneArgumentRound(settings: new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Visibility = visibility }));

    /// <summary>Ada (open) and Ben (closed) post in turns; returns each side's argument ids in posting order.</summary>
    private static async Task<(List<Guid> Open, List<Guid> Closed)> PostAsync(Scenario room, int open, int closed)
    {
        List<Guid> opens = [], closeds = [];
        for (var i = 0; i < Math.Max(open, closed); i++)
        {
            if (i < open)
            {
                opens.Add((await room.Students[0].PostAsync($"Open point {i}.")).Argument.Id);
            }

            if (i < closed)
            {
                closeds.Add((await room.Students[1].PostAsync($"Closed point {i}.")).Argument.Id);
            }
        }

        await room.Console.WaitUntilAsync(v => v.Arguments.Count == open + closed, "every argument");
        return (opens, closeds);
    }

    private static long Seq(RoomSnapshot snapshot, Guid argumentId) => snapshot.Arguments.Single(a => a.Id == argumentId).Seq;
}
