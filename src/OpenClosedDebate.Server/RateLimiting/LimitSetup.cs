namespace OpenClosedDebate.Server.RateLimiting;

using StackExchange.Redis;

/// <summary>
/// Where limits are counted: in this process on one server; in Redis for a cluster, so that a student's allowance,
/// an address's lookups and sign-in attempts, an account's lockout and the setup link are the same on every node.
/// The limits of one connection stay with the node that holds it.
/// </summary>
internal static class LimitSetup
{
    public static IServiceCollection AddLocalLimits(this IServiceCollection services) => services
        .AddSingleton<IBucketStore, LocalBucketStore>()
        .AddSingleton<ISignInFailures, LocalSignInFailures>();

    /// <summary>Limits in the Redis at <paramref name="configuration"/>, under keys that start with <paramref name="prefix"/>.</summary>
    public static IServiceCollection AddSharedLimits(this IServiceCollection services, string configuration, string prefix) => services
        .AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(SharedRedis.Options(configuration)))
        .AddSingleton(sp => new SharedRedis(
            sp.GetRequiredService<IConnectionMultiplexer>(), prefix, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SharedRedis>>()))
        .AddSingleton<IBucketStore, RedisBucketStore>()
        .AddSingleton<ISignInFailures, RedisSignInFailures>();
}
