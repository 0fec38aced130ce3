namespace OpenClosedDebate.Server.RateLimiting;

using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

/// <summary>
/// A cluster's failed sign-ins, in Redis: one key per address hash, changed only if it is still what was read (a
/// Redis transaction with a condition), and expiring when the failures stop counting. An index by first failure keeps
/// at most <see cref="RateLimitOptions.TrackedSignInAddresses"/> addresses, forgetting the oldest, as on one server.
/// While Redis can't be reached, this node keeps failures of its own.
/// </summary>
internal sealed class RedisSignInFailures(SharedRedis redis, IOptions<RateLimitOptions> options, TimeProvider time) : ISignInFailures
{
    private readonly LocalSignInFailures _meanwhile = new(options, time);

    public async ValueTask<SignInFailures?> ReadAsync(UInt128 key)
    {
        try
        {
            return Parse(await redis.Database.StringGetAsync(Key(key)));
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            redis.Unreachable("sign-in lockouts", e);
            return await _meanwhile.ReadAsync(key);
        }
    }

    public async ValueTask<bool> TryReplaceAsync(UInt128 key, SignInFailures? expected, SignInFailures next, DateTimeOffset forgetAt)
    {
        var now = time.GetUtcNow();
        var keep = forgetAt - now > TimeSpan.FromSeconds(1) ? forgetAt - now : TimeSpan.FromSeconds(1);
        try
        {
            var db = redis.Database;
            var change = db.CreateTransaction();
            change.AddCondition(expected is null ? Condition.KeyNotExists(Key(key)) : Condition.StringEqual(Key(key), Text(expected)));
            _ = change.StringSetAsync(Key(key), Text(next), keep);
            _ = change.SortedSetAddAsync(Index, Member(key), next.Since.ToUnixTimeMilliseconds());
            if (!await change.ExecuteAsync())
            {
                return false;
            }

            if (expected is null)
            {
                await KeepToLimitAsync(db, now);
            }

            return true;
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            redis.Unreachable("sign-in lockouts", e);
            return await _meanwhile.TryReplaceAsync(key, expected, next, forgetAt);
        }
    }

    public async ValueTask RemoveAsync(UInt128 key)
    {
        await _meanwhile.RemoveAsync(key);
        try
        {
            var db = redis.Database;
            await Task.WhenAll(db.KeyDeleteAsync(Key(key)), db.SortedSetRemoveAsync(Index, Member(key)));
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            redis.Unreachable("sign-in lockouts", e);
        }
    }

    private RedisKey Index => redis.Key("sign-in:index");

    private RedisKey Key(UInt128 key) => redis.Key($"sign-in:{Member(key)}");

    private static string Member(UInt128 key) => key.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>
    /// Forgets index entries whose keys have surely expired (a key lives at most two lockout periods past its first
    /// failure), then the oldest addresses past the limit.
    /// </summary>
    private async Task KeepToLimitAsync(IDatabase db, DateTimeOffset now)
    {
        var expired = (now - (2 * options.Value.AccountLockout)).ToUnixTimeMilliseconds();
        await db.SortedSetRemoveRangeByScoreAsync(Index, double.NegativeInfinity, expired);
        var over = await db.SortedSetLengthAsync(Index) - options.Value.TrackedSignInAddresses;
        if (over > 0)
        {
            var oldest = await db.SortedSetPopAsync(Index, over);
            await db.KeyDeleteAsync([.. oldest.Select(e => redis.Key($"sign-in:{e.Element}"))]);
        }
    }

    // "count since locked-until", in Unix milliseconds; the same failures always read and write as the same text.
    private static string Text(SignInFailures f) => string.Create(
        CultureInfo.InvariantCulture, $"{f.Count} {f.Since.ToUnixTimeMilliseconds()} {f.LockedUntil?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "-"}");

    private static SignInFailures? Parse(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var parts = value.ToString().Split(' ');
        return new SignInFailures(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)),
            parts[2] == "-" ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture)));
    }
}
