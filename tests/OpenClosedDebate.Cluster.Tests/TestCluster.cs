namespace OpenClosedDebate.Cluster.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// A cluster of the test's own: one new PostgreSQL database, one Redis, one cluster id, and real server processes with
/// Cluster:Enabled (two unless asked for more).
/// </summary>
internal sealed class TestCluster(RedisServer redis, IReadOnlyList<RealServer> nodes) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IReadOnlyList<RealServer> Nodes => nodes;

    public RealServer A => nodes[0];

    public RealServer B => nodes[1];

    public RedisServer Redis => redis;

    /// <summary>Starts <paramref name="count"/> nodes, one after another; <paramref name="settings"/> are given to each as well.</summary>
    public static async Task<TestCluster> StartAsync(PostgresFixture postgres, IReadOnlyDictionary<string, string>? settings = null, int count = 2)
    {
        var database = await postgres.DatabaseAsync();
        var redis = await RedisServer.StartAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        var nodes = new List<RealServer>();
        for (var i = 0; i < count; i++)
        {
            nodes.Add(await NodeAsync(database, redis, clusterId, settings));
        }

        return new TestCluster(redis, nodes);
    }

    /// <summary>
    /// The teacher's new debate, its room loaded through node A, and which node holds the room and which doesn't.
    /// </summary>
    public async Task<(DebateDetail Debate, RealServer Holder, RealServer Other)> PlaceAsync(Teacher teacher, DebatePlan? plan = null)
    {
        var debate = await teacher.CreateAsync(plan ?? OneRound());
        await using (var first = await A.ConnectAsync(teacher.Cookie))
        {
            await first.AttachAsync(debate.Id);
        }

        return await HoldsAsync(A, debate.Id) ? (debate, A, B) : (debate, B, A);
    }

    /// <summary>The teacher's console on the debate, through <paramref name="node"/>, with the lobby opened.</summary>
    public static async Task<RoomClient> LobbyAsync(RealServer node, Teacher teacher, Guid debateId)
    {
        var console = await node.ConnectAsync(teacher.Cookie);
        await console.AttachAsync(debateId);
        await console.ControlAsync("OpenLobby");
        return console;
    }

    /// <summary>Whether the debate's room is live on <paramref name="node"/> (waits, on real time, for it to say so).</summary>
    public static async Task<bool> HoldsAsync(RealServer node, Guid debateId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var text = node.LogText();
            if (text.Split('\n').Any(line => line.Contains("is live on this node", StringComparison.Ordinal) && line.Contains(debateId.ToString(), StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(100, Ct);
        }

        return false;
    }

    /// <summary>
    /// Waits, on real time, until the first client's view meets <paramref name="condition"/>; meanwhile each client binds
    /// again whenever it knows it is behind (protocol §4.7), as the browser client does. Returns how many of them bound
    /// again.
    /// </summary>
    public static async Task<int> FollowAsync(Func<ClientView, bool> condition, string what, params (RoomClient Client, Func<Task> Bind)[] clients)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var bound = new HashSet<RoomClient>();
        while (!clients[0].Client.Read(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The client never saw: {what}. {Describe(clients[0].Client)}");
            foreach (var (client, bind) in clients)
            {
                if (client.IsBehind())
                {
                    await bind();
                    bound.Add(client);
                }
            }

            await Task.Delay(100, Ct);
        }

        return bound.Count;
    }

    /// <summary>Where a client's view stands, for a failure's message.</summary>
    public static string Describe(RoomClient client) => client.Read(v =>
        $"Its view: version {v.Version}, feed {v.Feed} flush {v.Flush}{(v.MissedUpdate ? " (missed one)" : string.Empty)}, {v.Arguments.Count} arguments, paused {v.Clock?.Paused}; "
        + $"its last heartbeat: {(client.Heartbeats.Count > 0 ? $"{client.Heartbeats[^1].Feed} flush {client.Heartbeats[^1].Flush} at {client.Heartbeats[^1].ServerNow:HH:mm:ss.fff}" : "none")}; connection {client.Connection.State}.");

    public static DebatePlan OneRound() => new()
    {
        Motion = "Open-weight models do more good than harm.",
        Rounds = [new RoundPlan { Title = "Opening", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = 120, VoteSeconds = 60 }],
    };

    /// <summary>The refusal a hub call got, as "code: sentence".</summary>
    public static async Task<string> RefusedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(call);
        return error.Message[(error.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        redis.Dispose();
    }

    private static Task<RealServer> NodeAsync(string database, RedisServer redis, string clusterId, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = PostgresCluster.NodeSettings(database, redis.Configuration, clusterId);
        // Orleans' own account of joining and of failure detection, so a node that fails to start says at which stage.
        settings["Serilog:MinimumLevel:Override:Orleans"] = "Information";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return RealServer.StartAsync(settings);
    }
}
