namespace OpenClosedDebate.Cluster.Tests;

using System.Net.Http.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Two server processes on one PostgreSQL database, as one cluster (Cluster:Enabled): each debate's room lives on one
/// node, whichever node a student's connection lands on, so a student on either node joins the same lobby, plays the
/// same phase and is stored once; every change reaches every connection on either node (the Redis backplane); and a
/// fresh look from either node sees the same debate.
/// </summary>
public sealed class OneOwnerTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Students_on_two_nodes_play_one_debate_held_once_and_both_nodes_see_the_same_state()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var (a, b) = (cluster.A, cluster.B);

        // Signed in through one node, the instructor acts through the other.
        var teacher = await a.TeacherAsync();
        var debate = await teacher.CreateAsync(TestCluster.OneRound());
        await using var console = await TestCluster.LobbyAsync(b, teacher, debate.Id);

        await using var ada = await a.ConnectAsync();
        await using var ben = await b.ConnectAsync();
        var adaJoined = await ada.JoinAsync(debate.JoinCode, "Ada");
        var benJoined = await ben.JoinAsync(debate.JoinCode, "Ben");
        Assert.NotEqual(adaJoined.ParticipantId, benJoined.ParticipantId);
        Assert.Equal(2, benJoined.Snapshot.Counts.Open + benJoined.Snapshot.Counts.Closed + benJoined.Snapshot.Counts.Unassigned);

        // Live updates reach every connection, on either node, through the backplane: the console (on B) sees the lobby fill.
        await console.WaitUntilAsync(v => v.Roster.Count == 2, "both students on the console's roster");
        await console.ControlAsync("Start");
        foreach (var client in new[] { ada, ben, console })
        {
            await client.WaitUntilAsync(v => v.Clock?.Phase == Phase.Argue, "the argue phase");
        }

        var adaPost = await ada.PostAsync("Open weights let anyone audit what a model learned.");
        var benPost = await ben.PostAsync("A closed lab can recall a model that turns out to be dangerous.");
        foreach (var client in new[] { ada, ben, console })
        {
            await client.WaitUntilAsync(v => v.Arguments.ContainsKey(adaPost.Argument.Id) && v.Arguments.ContainsKey(benPost.Argument.Id), "both arguments");
        }

        // A fresh look from each node, by a projector and by the instructor, sees one debate.
        foreach (var node in new[] { a, b })
        {
            await using var projector = await node.ConnectAsync();
            var watched = await projector.WatchAsync(debate.JoinCode);
            Assert.Equal(Phase.Argue, watched.Clock.Phase);
            Assert.Equal(2, watched.Counts.Open + watched.Counts.Closed + watched.Counts.Unassigned);

            await using var look = await node.ConnectAsync(teacher.Cookie);
            var attached = await look.AttachAsync(debate.Id);
            Assert.Equal(
                new[] { adaPost.Argument.Id, benPost.Argument.Id }.Order(),
                (await look.EveryArgumentAsync(attached)).Select(x => x.Id).Order());
        }

        // Stored once each, by one writer: one join per student, and every sequence number once.
        var events = a.Store.Events();
        Assert.Equal(events.Count, events.Select(e => e.Seq).Distinct().Count());
        Assert.Equal(2, events.Count(e => e.Type == "ParticipantJoined"));

        // The room is live on exactly one node.
        var live = 0;
        foreach (var node in new[] { a, b })
        {
            live += node.LogText().Split('\n').Any(line => line.Contains("is live on this node", StringComparison.Ordinal) && line.Contains(debate.Id.ToString(), StringComparison.Ordinal)) ? 1 : 0;
        }

        Assert.Equal(1, live);

        // Every refusal reads as it does on one server, whichever node holds the room (one of the two is always remote).
        Assert.StartsWith("wrongPhase:", await TestCluster.RefusedAsync(() => ada.VoteAsync(0, benPost.Argument.Id.ToString())), StringComparison.Ordinal);
        Assert.StartsWith("wrongPhase:", await TestCluster.RefusedAsync(() => ben.VoteAsync(0, adaPost.Argument.Id.ToString())), StringComparison.Ordinal);

        // Commands reach the room from a console on either node.
        await using var consoleOnA = await a.ConnectAsync(teacher.Cookie);
        await consoleOnA.AttachAsync(debate.Id);
        await consoleOnA.ControlAsync("Pause");
        Assert.Equal("paused: The debate is already paused.", await TestCluster.RefusedAsync(() => consoleOnA.ControlAsync("Pause")));
        Assert.Equal("paused: The debate is already paused.", await TestCluster.RefusedAsync(() => console.ControlAsync("Pause")));
        foreach (var client in new[] { ada, ben, console, consoleOnA })
        {
            await client.WaitUntilAsync(v => v.Clock?.Paused == true, "the clock paused");
        }

        await console.ControlAsync("ResumeClock");
        foreach (var client in new[] { ada, ben, console, consoleOnA })
        {
            await client.WaitUntilAsync(v => v.Clock?.Paused == false, "the clock running again");
        }
        using var review = await teacher.Http.GetAsync($"/api/debates/{debate.Id}/review", Ct);
        Assert.True(review.IsSuccessStatusCode);
        var detail = await (await b.SignInAsync("teacher@example.edu", RealServer.Password)).Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{debate.Id}", Wire.Json, Ct);
        Assert.Equal(DebateStatus.Running, detail!.Status);
    }

    [Fact]
    public async Task When_a_node_dies_its_students_leave_the_roster_and_the_debate_goes_on_where_it_is()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var (a, b) = (cluster.A, cluster.B);
        var teacher = await a.TeacherAsync();
        var (debate, home, other) = await cluster.PlaceAsync(teacher);

        // The console, and Ada, on the node that holds the room; Ben on the other, which then dies.
        await using var console = await TestCluster.LobbyAsync(home, teacher, debate.Id);
        await using var ada = await home.ConnectAsync();
        var adaJoined = await ada.JoinAsync(debate.JoinCode, "Ada");
        var ben = await other.ConnectAsync();
        var benJoined = await ben.JoinAsync(debate.JoinCode, "Ben");
        await console.WaitUntilAsync(v => v.Roster.Count == 2 && v.Roster.Values.All(p => p.Connected), "both students connected");

        var killed = System.Diagnostics.Stopwatch.StartNew();
        other.Kill();
        // Losing a node can move the room's registration, and Orleans may load the room again: the console then sees
        // a heartbeat of another feed (or ahead of it) and binds again, as the browser client does (protocol §4.7).
        (RoomClient, Func<Task>)[] survivors = [(console, () => console.AttachAsync(debate.Id)), (ada, () => ada.ResumeAsync(debate.Id, adaJoined.ResumeToken))];
        await TestCluster.FollowAsync(v => v.Roster.TryGetValue(benJoined.ParticipantId, out var p) && !p.Connected, "Ben shown as gone", survivors);
        var gone = killed.Elapsed;
        await TestCluster.FollowAsync(v => v.Roster[adaJoined.ParticipantId].Connected, "Ada still connected", survivors);

        await console.ControlAsync("Start");
        await ada.WaitUntilAsync(v => v.Clock?.Phase == Phase.Argue, "the argue phase for Ada");
        var posted = await ada.PostAsync("Open weights let anyone audit what a model learned.");
        await console.WaitUntilAsync(v => v.Arguments.ContainsKey(posted.Argument.Id), "Ada's argument on the console");
        output.WriteLine($"Ben left the roster {gone.TotalSeconds:0.0} s after his node was killed.");
        Assert.True(gone < TimeSpan.FromSeconds(20), $"Ben left the roster only {gone.TotalSeconds:0.0} s after his node died.");
    }
}
