namespace OpenClosedDebate.Cluster.Tests;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The node that holds a debate's room is killed (SIGKILL) mid-argue, and, once it is back, the other is killed
/// mid-vote. Each time the debate goes on on the node left: every submission acknowledged is kept exactly once (a
/// submission cut off by the kill is sent again with its request id, as the client does), the deadline stays where it
/// was, students on the surviving node keep their connections, and students on the dead node are back, through the
/// surviving node, within a few seconds.
/// </summary>
public sealed class FailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_node_holding_a_debate_is_killed_mid_argue_and_again_mid_vote_the_debate_goes_on_and_keeps_each_acknowledged_submission_once()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var (teacher, debate, holder, other, console, students) = await ArguingAsync(cluster);
        foreach (var s in students)
        {
            await s.Argument($"{s.Name}'s first argument: open weights let anyone audit a model.").Send(s.Client);
        }

        var argueDeadline = console.Read(v => v.Clock!.Deadline);

        // Mid-argue: the holder dies while every student has an argument on its way.
        await KillMidSubmissionAsync(holder, other, debate.Id, students, s => s.Argument($"{s.Name}'s second argument, sent as the node died."));
        var after = await console.AttachAsync(debate.Id);
        Assert.Equal(argueDeadline, after.Clock.Deadline);
        Assert.Equal(Phase.Argue, after.Clock.Phase);
        var arguments = await console.EveryArgumentAsync(after);
        Assert.Equal(arguments.Count, arguments.Select(a => a.Id).Distinct().Count());
        Assert.Equal(students.SelectMany(s => s.Arguments.Values).Order(), arguments.Select(a => a.Id).Order());

        // The dead node comes back; two students and the console move to it. Then, mid-vote, the other node dies.
        await holder.RestartAsync();
        await console.ControlAsync("Skip");
        await console.WaitUntilAsync(v => v.Clock?.Phase == Phase.Vote, "the vote phase");
        foreach (var s in students.Take(2))
        {
            await s.MoveToAsync(holder, debate.Id);
        }

        await console.DisposeAsync();
        console = await holder.ConnectAsync(teacher.Cookie);
        var voting = await console.AttachAsync(debate.Id);
        foreach (var s in students)
        {
            await s.Ballot(arguments.First(a => !s.Arguments.Values.Contains(a.Id)).Id).Send(s.Client);
        }

        await KillMidSubmissionAsync(other, holder, debate.Id, students, s => s.Ballot(arguments.Last(a => !s.Arguments.Values.Contains(a.Id)).Id));
        var afterVote = await console.AttachAsync(debate.Id);
        Assert.Equal(voting.Clock.Deadline, afterVote.Clock.Deadline);
        Assert.Equal(Phase.Vote, afterVote.Clock.Phase);
        Assert.Equal(students.Count, afterVote.Counts.Voted);

        // Stored exactly once: one event per request id, and exactly the acknowledged ones.
        var posted = holder.Store.Events("ArgumentPosted");
        Assert.Equal(students.SelectMany(s => s.Arguments.Keys).Order(), posted.Select(e => e.RequestId!).Order());
        var ballots = holder.Store.Events("BallotCast");
        Assert.Equal(students.SelectMany(s => s.Ballots).Order(), ballots.Select(e => e.RequestId!).Order());

        foreach (var s in students)
        {
            await s.Client.DisposeAsync();
        }

        await console.DisposeAsync();
    }

    [Fact]
    public async Task When_the_node_holding_a_debate_freezes_and_thaws_after_the_cluster_moved_the_room_its_stale_room_refuses_no_one_and_stores_nothing_twice()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var (_, debate, holder, other, console, students) = await ArguingAsync(cluster);

        // The holder freezes. The cluster declares it dead and the room comes back on the other node, where Cy and Dee
        // post; Ada and Ben send theirs to the frozen node, which holds them unread.
        var frozen = Stopwatch.StartNew();
        holder.Freeze();
        var onOther = students.Where(s => s.Node == other).ToList();
        foreach (var s in onOther)
        {
            await SendUntilAcknowledgedAsync(s, s.Argument($"{s.Name}: posted while the holder was frozen."));
        }

        output.WriteLine($"The room answered on the other node {frozen.Elapsed.TotalSeconds:0.0} s after the freeze.");

        // A frozen node's connection stays open, so it is declared dead only once that has been quiet for
        // Cluster:MaxProbeTimeout times Cluster:MissedProbesLimit (8 s); with Orleans' own default it took 16-18 s.
        Assert.True(frozen.Elapsed < TimeSpan.FromSeconds(13), $"The room answered on the other node only {frozen.Elapsed.TotalSeconds:0.0} s after the freeze.");
        var onHolder = students.Where(s => s.Node == holder).ToList();
        var held = onHolder.Select(s => (Student: s, Pending: s.Argument($"{s.Name}: sent to the frozen node."))).ToList();
        var sending = held.Select(h => Refusal(h.Pending.Send(h.Student.Client))).ToList();

        // It thaws with its stale room in memory and the held calls to answer.
        holder.Thaw();
        var refusals = await Task.WhenAll(sending);
        Assert.DoesNotContain(refusals, r => r is not null && r.Contains("storageUnavailable", StringComparison.Ordinal));
        for (var i = 0; i < held.Count; i++)
        {
            if (refusals[i] is not null)
            {
                // Cut off (the thawed node may find out it was declared dead and stop): sent again through the other.
                await held[i].Student.ReconnectAsync(other, debate.Id);
                await SendUntilAcknowledgedAsync(held[i].Student, held[i].Pending);
            }
        }

        // And once more from everyone, through the other node, after the dust settles.
        foreach (var s in students.Where(s => s.Node == holder).ToList())
        {
            await s.ReconnectAsync(other, debate.Id);
        }

        foreach (var s in students)
        {
            await SendUntilAcknowledgedAsync(s, s.Argument($"{s.Name}: posted after the thaw."));
        }

        var fenced = holder.LogText().Contains("was already stored by another writer", StringComparison.Ordinal);
        output.WriteLine($"The thawed node {(holder.IsRunning ? "is still running" : "stopped")}; its stale room {(fenced ? "lost a write to the new one and ran it again" : "wrote nothing")}; {refusals.Count(r => r is not null)} of {held.Count} held calls were cut off.");

        // Each acknowledged argument stored once, under its request id, in one unbroken history.
        var posted = other.Store.Events("ArgumentPosted");
        Assert.Equal(students.SelectMany(s => s.Arguments.Keys).Order(), posted.Select(e => e.RequestId!).Order());
        var seqs = other.Store.Events().Select(e => e.Seq).Order().ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        var truth = await console.AttachAsync(debate.Id);
        Assert.Equal(posted.Count, (await console.EveryArgumentAsync(truth)).Count);

        foreach (var s in students)
        {
            await s.Client.DisposeAsync();
        }

        await console.DisposeAsync();
    }

    [Fact]
    public async Task When_Redis_stops_for_five_seconds_mid_round_every_client_ends_with_the_servers_state_without_a_reload()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var (a, b) = (cluster.A, cluster.B);
        var teacher = await a.TeacherAsync();
        var debate = await teacher.CreateAsync(TestCluster.OneRound());
        await using var console = await TestCluster.LobbyAsync(b, teacher, debate.Id);
        var students = new List<(RoomClient Client, string Token)>();
        foreach (var (name, node) in new[] { ("Ada", a), ("Ben", b), ("Cy", a), ("Dee", b) })
        {
            var client = await node.ConnectAsync();
            var joined = await client.JoinAsync(debate.JoinCode, name);
            students.Add((client, joined.ResumeToken));
        }

        await console.WaitUntilAsync(v => v.Roster.Count == 4, "all four students on the roster");
        await console.ControlAsync("Start");
        foreach (var (client, _) in students)
        {
            await client.WaitUntilAsync(v => v.Clock?.Phase == Phase.Argue, "the argue phase");
        }

        // Redis goes down for five seconds. Meanwhile every student posts (each is acknowledged: the rooms are reached
        // through the cluster, not Redis) and the instructor pauses the clock; the broadcasts of all that are lost.
        cluster.Redis.Stop();
        var down = Stopwatch.StartNew();
        foreach (var (client, _) in students)
        {
            await client.PostAsync("Posted while Redis was down: open weights let anyone audit a model.");
        }

        await console.ControlAsync("Pause");

        // Sign-in, whose window per address is counted only in Redis, says so and asks to try again.
        using (var signIn = await a.Http().PostAsJsonAsync("/api/auth/sign-in", new Credentials("teacher@example.edu", RealServer.Password), Wire.Json, Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
            Assert.Equal("storageUnavailable", (await signIn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        }

        if (TimeSpan.FromSeconds(5) - down.Elapsed is { Ticks: > 0 } left)
        {
            await Task.Delay(left, Ct);
        }

        await cluster.Redis.RestartAsync();
        var up = Stopwatch.StartNew();

        // Every client notices what it missed from the heartbeats, binds again on the same connection, and ends where
        // the server is, without a reload.
        var clients = students.Select(s => (s.Client, (Func<Task>)(() => s.Client.ResumeAsync(debate.Id, s.Token))))
            .Append((console, () => console.AttachAsync(debate.Id)))
            .ToList();
        await using var fresh = await a.ConnectAsync(teacher.Cookie);
        var truth = await fresh.AttachAsync(debate.Id);
        var everything = (await fresh.EveryArgumentAsync(truth)).Select(x => x.Id).Order().ToList();
        Assert.Equal(4, everything.Count);
        var rebound = 0;
        foreach (var (client, bind) in clients)
        {
            var connectionId = client.Connection.ConnectionId;
            rebound += await TestCluster.FollowAsync(v => v.Clock?.Paused == true && v.Arguments.Count == 4, "the arguments and the pause made while Redis was down", (client, bind));
            Assert.Equal(everything, client.Read(v => v.Arguments.Keys.Order().ToList()));
            Assert.False(client.IsBehind(), TestCluster.Describe(client));
            Assert.Equal(connectionId, client.Connection.ConnectionId);
        }

        output.WriteLine($"Every client had the server's state {up.Elapsed.TotalSeconds:0.0} s after Redis was back; {rebound} of {clients.Count} bound again to get it (the others got the lost updates late, from the Redis client's own queue).");
        foreach (var (client, _) in students)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>
    /// A debate of one ten-minute round, its room placed on one node (the holder) and its console on the other, with
    /// Ada and Ben on the holder and Cy and Dee on the other, in its argue phase.
    /// </summary>
    private static async Task<(Teacher Teacher, DebateDetail Debate, RealServer Holder, RealServer Other, RoomClient Console, List<Student> Students)> ArguingAsync(TestCluster cluster)
    {
        var teacher = await cluster.A.TeacherAsync();
        var (debate, holder, other) = await cluster.PlaceAsync(teacher, new DebatePlan
        {
            Motion = "Open-weight models do more good than harm.",
            Rounds = [new RoundPlan { Title = "Opening", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = 600, VoteSeconds = 600 }],
        });
        var console = await TestCluster.LobbyAsync(other, teacher, debate.Id);
        var students = new List<Student>();
        foreach (var (name, node) in new[] { ("Ada", holder), ("Ben", holder), ("Cy", other), ("Dee", other) })
        {
            var client = await node.ConnectAsync();
            await client.JoinAsync(debate.JoinCode, name);
            students.Add(new Student(name, client, node));
        }

        await console.WaitUntilAsync(v => v.Roster.Count == 4, "all four students on the roster");
        await console.ControlAsync("Start");
        await console.WaitUntilAsync(v => v.Clock?.Phase == Phase.Argue, "the argue phase");
        return (teacher, debate, holder, other, console, students);
    }

    /// <summary>
    /// Kills <paramref name="dying"/> while each student's next submission is on its way, then waits until every
    /// student has it acknowledged, as the browser client would: a student on the dead node reconnects through the
    /// survivor and resumes, and a submission that got no answer is sent again with the same request id.
    /// </summary>
    private async Task KillMidSubmissionAsync(RealServer dying, RealServer survivor, Guid debateId, List<Student> students, Func<Student, Pending> next)
    {
        var stayed = students.Where(s => s.Node == survivor).ToDictionary(s => s, s => s.Client.Connection.ConnectionId);
        var pending = students.Select(next).ToList();
        var sending = students.Select((s, i) => Succeeds(pending[i].Send(s.Client))).ToList();
        var killed = Stopwatch.StartNew();
        dying.Kill();
        var back = new ConcurrentBag<(string Name, TimeSpan At)>();
        var resent = 0;
        await Task.WhenAll(students.Select(async (s, i) =>
        {
            var sent = await sending[i];
            if (!sent)
            {
                Interlocked.Increment(ref resent);
            }

            if (s.Node == dying)
            {
                await s.ReconnectAsync(survivor, debateId);
                back.Add((s.Name, killed.Elapsed));
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!sent)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{s.Name}'s submission was never acknowledged after the node died.");
                await Task.Delay(200, Ct);
                sent = await Succeeds(pending[i].Send(s.Client));
            }
        }));

        output.WriteLine($"Killed {dying.BaseAddress}: {string.Join(", ", back.OrderBy(b => b.At).Select(b => $"{b.Name} back after {b.At.TotalSeconds:0.0} s"))}; every submission acknowledged after {killed.Elapsed.TotalSeconds:0.0} s; {resent} of {students.Count} cut off by the kill and sent again.");
        var slowest = back.Max(b => b.At);
        Assert.True(slowest < TimeSpan.FromSeconds(10), $"A student of the dead node was back only after {slowest.TotalSeconds:0.0} s.");

        // The survivor's students never lost their connections.
        foreach (var (s, connectionId) in stayed)
        {
            Assert.Equal(HubConnectionState.Connected, s.Client.Connection.State);
            Assert.Equal(connectionId, s.Client.Connection.ConnectionId);
        }
    }

    /// <summary>Sends a submission until it is acknowledged, as the client does with a call that got no answer (30 s at most).</summary>
    private static async Task SendUntilAcknowledgedAsync(Student s, Pending pending)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await Succeeds(pending.Send(s.Client)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{s.Name}'s submission was never acknowledged.");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The refusal or error that ended a call, or null if it was answered.</summary>
    private static async Task<string?> Refusal(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Whether the call was answered; a call cut off by the kill, or refused while the room moves, wasn't.</summary>
    private static async Task<bool> Succeeds(Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException)
        {
            return false;
        }
    }

    /// <summary>A submission with its request id fixed, so that sending it again can't store it twice.</summary>
    private sealed record Pending(string RequestId, Func<RoomClient, Task> Send);

    /// <summary>A student's client, the node it is on, and what was acknowledged: argument ids by request id, and ballots' request ids.</summary>
    private sealed class Student(string name, RoomClient client, RealServer node)
    {
        public string Name => name;

        public RoomClient Client { get; private set; } = client;

        public RealServer Node { get; private set; } = node;

        public ConcurrentDictionary<string, Guid> Arguments { get; } = [];

        public ConcurrentBag<string> Ballots { get; } = [];

        public Pending Argument(string text)
        {
            var requestId = Guid.NewGuid().ToString();
            return new Pending(requestId, async c => Arguments[requestId] = (await c.PostAsync(text, requestId: requestId)).Argument.Id);
        }

        public Pending Ballot(Guid argument)
        {
            var requestId = Guid.NewGuid().ToString();
            return new Pending(requestId, async c =>
            {
                await c.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest(requestId, 0, [argument.ToString()]), Ct);
                Ballots.Add(requestId);
            });
        }

        public async Task MoveToAsync(RealServer node, Guid debateId)
        {
            var moved = await node.ConnectAsync();
            await moved.ResumeAsync(debateId, Client.Token);
            await Client.DisposeAsync();
            (Client, Node) = (moved, node);
        }

        /// <summary>Connects through <paramref name="node"/> and resumes, again and again until it works (the room may be moving).</summary>
        public async Task ReconnectAsync(RealServer node, Guid debateId)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var again = await node.ConnectAsync();
                if (await Succeeds(again.ResumeAsync(debateId, Client.Token)))
                {
                    await Client.DisposeAsync();
                    (Client, Node) = (again, node);
                    return;
                }

                await again.DisposeAsync();
                Assert.True(DateTime.UtcNow < deadline, $"{name} couldn't resume through the surviving node.");
                await Task.Delay(200, Ct);
            }
        }
    }
}
