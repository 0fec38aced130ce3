namespace OpenClosedDebate.Cluster.Tests;

using System.Diagnostics;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Templates;

/// <summary>
/// A whole class on a cluster of three nodes behind the documented nginx: the built-in debate from lobby to finish with
/// 30 students, each a browser of its own through nginx, the console on one node and the projector on another. After
/// every phase change every client's view is what a fresh snapshot says, taken through a node that changes from
/// phase to phase; at the end every node exports the same transcript, byte for byte.
/// </summary>
public sealed class WholeClassTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int ClassSize = 30;

    private static readonly string[] Exports =
    [
        "review", "review?share=true",
        "export/transcript.md", "export/transcript.md?share=true",
        "export/arguments.csv", "export/arguments.csv?share=true",
        "export/ballots.csv", "export/ballots.csv?share=true",
        "export/debate.json", "export/debate.json?share=true",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thirty_students_through_nginx_over_three_nodes_play_the_built_in_debate_and_at_every_phase_every_client_is_what_a_fresh_snapshot_from_any_node_says()
    {
        await using var cluster = await TestCluster.StartAsync(postgres, new Dictionary<string, string> { ["Proxy:KnownProxies:0"] = "127.0.0.1" }, count: 3);
        using var nginx = await NginxServer.StartAsync([.. cluster.Nodes]);
        var nodes = cluster.Nodes;
        var teacher = await nodes[0].TeacherAsync();
        var debate = await teacher.CreateFromTemplateAsync();
        var plan = OpenAndClosedModels.Template.Plan;
        await using var console = await TestCluster.LobbyAsync(nodes[1], teacher, debate.Id);
        await using var projector = await nodes[2].ConnectAsync();
        await projector.WatchAsync(debate.JoinCode);

        var students = new List<RoomClient>();
        for (var i = 0; i < ClassSize; i++)
        {
            var student = await nginx.BrowserAsync();
            await student.JoinAsync(debate.JoinCode, $"Student {i + 1}");
            students.Add(student);
        }

        // The class spread over all three nodes.
        var routes = nginx.Routes("/hubs/");
        Assert.Equal(nodes.Count, routes.Select(r => r.Node).Distinct().Count());
        output.WriteLine($"Students per node: {string.Join(", ", routes.GroupBy(r => r.Route).Select(b => b.First().Node).GroupBy(n => n).Select(n => $"{n.Key} {n.Count()}"))}.");

        var everyone = students.Select((s, i) => new Viewer($"Student {i + 1}", s, node => Fresh(node, f => f.ResumeAsync(debate.Id, s.Token))))
            .Append(new Viewer("the console", console, node => Fresh(node, f => f.AttachAsync(debate.Id), teacher.Cookie)))
            .Append(new Viewer("the projector", projector, node => Fresh(node, f => f.WatchAsync(debate.JoinCode))))
            .ToList();
        var checks = new List<TimeSpan>();
        var turn = 0;
        async Task EveryoneMatchesAsync(string when) => checks.Add(await MatchAsync(everyone, nodes, turn++, when));

        await console.WaitUntilAsync(v => v.Roster.Count == ClassSize, "the whole class on the roster");
        await EveryoneMatchesAsync("in the lobby");
        await console.ControlAsync("Start");
        for (var round = 0; round < plan.Rounds.Count; round++)
        {
            var kind = plan.Rounds[round].Kind;
            if (kind == RoundKind.Argument)
            {
                await EveryoneSeesAsync(everyone, round, Phase.Argue);
                foreach (var (student, i) in students.Select((s, i) => (s, i)))
                {
                    await student.PostAsync($"Round {round + 1}, student {i + 1}: an argument for my side.");
                }

                await console.WaitUntilAsync(v => v.Arguments.Values.Count(a => a.RoundIndex == round) == ClassSize, $"every argument of round {round + 1}");
                await EveryoneMatchesAsync($"round {round + 1}, arguing");
                await console.ControlAsync("Skip");
            }

            await EveryoneSeesAsync(everyone, round, Phase.Vote);
            foreach (var (student, i) in students.Select((s, i) => (s, i)))
            {
                string[] ballot = kind switch
                {
                    RoundKind.MotionVote => [round == 0 ? Before(i) : After(i)],
                    RoundKind.Ranking => ["option-2", "option-4", "option-1", "option-3"],
                    _ => student.Read(v => v.Arguments.Values
                        .Where(a => a.RoundIndex == round && a.AuthorId != v.You!.ParticipantId)
                        .OrderBy(a => a.Seq)
                        .Skip(i % 5)
                        .Take(3)
                        .Select(a => a.Id.ToString())
                        .ToArray()),
                };
                await student.VoteAsync(round, ballot);
            }

            await console.WaitUntilAsync(v => v.Tally?.BallotCount == ClassSize, $"every ballot of round {round + 1} in the live tally");
            await EveryoneMatchesAsync($"round {round + 1}, voting");
            await console.ControlAsync("Skip");
            await EveryoneSeesAsync(everyone, round, Phase.Results);
            await EveryoneMatchesAsync($"round {round + 1}, results");
            Assert.Equal(ClassSize, projector.Read(v => v.Results[round].BallotCount));
            await console.ControlAsync("Skip");
        }

        foreach (var viewer in everyone)
        {
            await viewer.Client.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");
        }

        await EveryoneMatchesAsync("finished");
        var persuasion = projector.Read(v => v.Results[plan.Rounds.Count - 1].Persuasion)!;
        Assert.Equal((Cast(Before, MotionItems.For), Cast(Before, MotionItems.Against), Cast(Before, MotionItems.Undecided)), (persuasion.Before.For, persuasion.Before.Against, persuasion.Before.Undecided));
        Assert.Equal((Cast(After, MotionItems.For), Cast(After, MotionItems.Against), 0), (persuasion.After.For, persuasion.After.Against, persuasion.After.Undecided));

        // Every node exports the same transcript, byte for byte.
        foreach (var export in Exports)
        {
            var bodies = new List<byte[]>();
            foreach (var node in nodes)
            {
                using var http = node.Http();
                http.DefaultRequestHeaders.Add("Cookie", teacher.Cookie);
                using var response = await http.GetAsync($"/api/debates/{debate.Id}/{export}", Ct);
                Assert.True(response.IsSuccessStatusCode, $"{export} from {node.BaseAddress}: {response.StatusCode}");
                bodies.Add(await response.Content.ReadAsByteArrayAsync(Ct));
            }

            Assert.All(bodies.Skip(1), body => Assert.Equal(bodies[0], body));
        }

        checks.Sort();
        output.WriteLine($"{checks.Count} checks of {everyone.Count} clients each; the slowest to agree took {checks[^1].TotalSeconds:0.0} s, the median {checks[checks.Count / 2].TotalSeconds:0.0} s.");
        foreach (var student in students)
        {
            await student.DisposeAsync();
        }
    }

    private static string Before(int i) => (i % 3) switch
    {
        0 => MotionItems.For,
        1 => MotionItems.Against,
        _ => MotionItems.Undecided,
    };

    private static string After(int i) => i % 5 < 3 ? MotionItems.For : MotionItems.Against;

    /// <summary>How many of the class cast <paramref name="choice"/> in a motion vote where student i chose <paramref name="vote"/>(i).</summary>
    private static int Cast(Func<int, string> vote, string choice) => Enumerable.Range(0, ClassSize).Count(i => vote(i) == choice);

    /// <summary>
    /// Waits until every client's view is what a fresh snapshot says, each taken through the node after the one the
    /// previous check used for that client; returns how long the slowest took.
    /// </summary>
    private static async Task<TimeSpan> MatchAsync(List<Viewer> everyone, IReadOnlyList<RealServer> nodes, int turn, string when)
    {
        var started = Stopwatch.StartNew();
        await Task.WhenAll(everyone.Select(async (viewer, i) =>
        {
            var node = nodes[(i + turn) % nodes.Count];
            await using var fresh = await viewer.Fresh(node);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            string? difference;
            while ((difference = fresh.Read(f => viewer.Client.Read(v => v.DifferenceFrom(f)))) is not null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{when}: {viewer.Name}'s view is not what a fresh snapshot through {node.BaseAddress} says. {difference}");
                await Task.Delay(100, Ct);
            }
        }));
        return started.Elapsed;
    }

    private static async Task EveryoneSeesAsync(List<Viewer> everyone, int round, Phase phase)
    {
        foreach (var viewer in everyone)
        {
            await viewer.Client.WaitUntilAsync(v => v.Clock?.RoundIndex == round && v.Clock.Phase == phase, $"round {round + 1} in {phase}");
        }
    }

    private static async Task<RoomClient> Fresh(RealServer node, Func<RoomClient, Task> bind, string? cookie = null)
    {
        var fresh = await node.ConnectAsync(cookie);
        await bind(fresh);
        return fresh;
    }

    /// <summary>A client under test, and how to get the same audience's fresh snapshot through a node.</summary>
    private sealed record Viewer(string Name, RoomClient Client, Func<RealServer, Task<RoomClient>> Fresh);
}
