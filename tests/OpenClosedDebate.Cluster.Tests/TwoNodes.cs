namespace OpenClosedDebate.Cluster.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Two nodes of a cluster of the test's own: one new PostgreSQL database, one Redis, one cluster id, and two real server
/// processes with Cluster:Enabled.
/// </summary>
internal sealed class TwoNodes(RedisServer redis, RealServer a, RealServer b) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public RealServer A => a;

    public RealServer B => b;

    public RedisServer Redis => redis;

    /// <summary>Starts both nodes; <paramref name="settings"/> are given to each as well.</summary>
    public static async Task<TwoNodes> StartAsync(PostgresFixture postgres, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await postgres.DatabaseAsync();
        var redis = await RedisServer.StartAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        return new TwoNodes(redis, await NodeAsync(database, redis, clusterId, settings), await NodeAsync(database, redis, clusterId, settings));
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
        await a.DisposeAsync();
        await b.DisposeAsync();
        redis.Dispose();
    }

    private static Task<RealServer> NodeAsync(string database, RedisServer redis, string clusterId, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = PostgresCluster.Settings(database).ToDictionary(s => s.Key, s => s.Value!);
        settings["Cluster:Enabled"] = "true";
        settings["Cluster:Redis"] = redis.Configuration;
        // Orleans' own account of joining and of failure detection, so a node that fails to start says at which stage.
        settings["Serilog:MinimumLevel:Override:Orleans"] = "Information";
        settings["Cluster:ClusterId"] = clusterId;
        settings["Cluster:NodePort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return RealServer.StartAsync(settings);
    }
}
