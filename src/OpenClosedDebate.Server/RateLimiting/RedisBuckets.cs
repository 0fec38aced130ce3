namespace OpenClosedDebate.Server.RateLimiting;

using System.Globalization;

/// <summary>
/// A cluster: every node's allowances are kept in Redis, so a student's or an address's buckets are the same ones
/// whichever node its connections land on.
/// </summary>
internal sealed class RedisBucketStore(SharedRedis redis, TimeProvider time) : IBucketStore
{
    public IBuckets Create(string name, int burst, TimeSpan refill) => new RedisBuckets(redis, name, burst, refill, time);
}

/// <summary>
/// Token buckets in Redis, one hash per key (tokens and when they were counted), changed only by one script run
/// atomically in Redis, so many nodes taking at once can never take more than there is. The buckets follow exactly
/// the rule of <see cref="TokenBuckets"/> (the same contract tests run against both): a burst, one token back per
/// refill period counted continuously, a token taken and given back costs nothing.
/// </summary>
/// <remarks>
/// The time is this node's clock, passed to the script, so the buckets keep the server's time as the local ones do.
/// A full bucket is the same as none: a key is deleted when it fills, and expires in Redis when it would have filled,
/// so Redis holds only the keys that acted lately. While Redis can't be reached this node uses buckets of its own
/// (<see cref="SharedRedis.Unreachable"/> logs it), so an outage never refuses a student's submission.
/// </remarks>
internal sealed class RedisBuckets(SharedRedis redis, string name, int burst, TimeSpan refill, TimeProvider time) : IBuckets
{
    // ARGV: operation (take, give or wait), burst, refill in ms, now in ms. Answers 1 or 0 for take and give, and for
    // wait the milliseconds until a token (0 if there is one).
    private const string Script = """
        local burst = tonumber(ARGV[2])
        local refill = tonumber(ARGV[3])
        local now = tonumber(ARGV[4])
        local held = redis.call('HMGET', KEYS[1], 't', 'at')
        local tokens = tonumber(held[1])
        local at = tonumber(held[2])
        if tokens == nil then
          if ARGV[1] ~= 'take' then return 0 end
          tokens = burst
          at = now
        end
        if now > at then
          tokens = math.min(burst, tokens + (now - at) / refill)
          at = now
        end
        if ARGV[1] == 'wait' then
          if tokens >= 1 then return 0 end
          return math.ceil((1 - tokens) * refill)
        end
        local answer = 1
        if ARGV[1] == 'take' then
          if tokens < 1 then answer = 0 else tokens = tokens - 1 end
        else
          tokens = math.min(burst, tokens + 1)
        end
        if tokens >= burst then
          redis.call('DEL', KEYS[1])
        else
          redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(at))
          redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * refill))
        end
        return answer
        """;

    private readonly TokenBuckets _meanwhile = new(burst, refill, time);
    private readonly string _refillMs = refill.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);
    private readonly string _burst = burst.ToString(CultureInfo.InvariantCulture);

    public async ValueTask<bool> TryTakeAsync(string key) =>
        await RunAsync("take", key) is { } answer ? answer == 1 : _meanwhile.TryTake(key);

    public async ValueTask ReturnAsync(string key)
    {
        if (await RunAsync("give", key) is null)
        {
            _meanwhile.Return(key);
        }
    }

    public async ValueTask<TimeSpan> TimeUntilTokenAsync(string key) =>
        await RunAsync("wait", key) is { } ms ? TimeSpan.FromMilliseconds(ms) : _meanwhile.TimeUntilToken(key);

    /// <summary>The script's answer, or null if Redis can't be reached (the caller then uses this node's own buckets).</summary>
    private async Task<long?> RunAsync(string operation, string key)
    {
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);
        try
        {
            var answer = await redis.Database.ScriptEvaluateAsync(Script, [redis.Key($"bucket:{name}:{key}")], [operation, _burst, _refillMs, now]);
            return (long)answer;
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            redis.Unreachable("rate limits", e);
            return null;
        }
    }
}
