namespace OpenClosedDebate.Server.RateLimiting;

using OpenClosedDebate.Server.Logs;
using StackExchange.Redis;

/// <summary>
/// The Redis a cluster's nodes keep their shared limits in (Cluster:Redis, the same server as the broadcasts), with
/// every key under the cluster's own prefix. Its connection fails fast: while Redis can't be reached a call fails at
/// once instead of waiting in a queue, and each caller falls back to this node's own counts until it is back.
/// </summary>
internal sealed partial class SharedRedis(IConnectionMultiplexer connection, string prefix, TimeProvider time, ILogger<SharedRedis> log)
{
    private readonly LogSampler _unreachable = new(time, TimeSpan.FromMinutes(1));

    public IConnectionMultiplexer Connection => connection;

    public IDatabase Database => connection.GetDatabase();

    /// <summary>The cluster's own key for <paramref name="name"/>.</summary>
    public RedisKey Key(string name) => prefix + name;

    /// <summary>The connection options for limits: never queue a call while disconnected, and give up on an answer after a second.</summary>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = 1000;
        return options;
    }

    /// <summary>Whether <paramref name="e"/> means Redis couldn't be reached or didn't answer (as opposed to a bug).</summary>
    public static bool IsOutage(Exception e) => e is RedisConnectionException or RedisTimeoutException;

    /// <summary>Says, at most once a minute, that this node counts on its own for a while.</summary>
    public void Unreachable(string what, Exception e)
    {
        if (_unreachable.TryTake(out var held))
        {
            LogUnreachable(e, what, held);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis can't be reached for the shared {What}; this node counts on its own until it is back ({Held} more like this since the last line)")]
    private partial void LogUnreachable(Exception exception, string what, long held);
}
