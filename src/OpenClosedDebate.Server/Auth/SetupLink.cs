namespace OpenClosedDebate.Server.Auth;

using System.Security.Cryptography;
using System.Text;
using OpenClosedDebate.Server.RateLimiting;
using StackExchange.Redis;

/// <summary>
/// The one-time link that creates the first instructor when none exists. It works once, and a restart issues a new
/// one if still needed. Only its hash is kept: in memory on one server. In a cluster each node also puts the hash of
/// the link it logged in Redis, so a link works through any node, and using one closes every node's link at once
/// (one script in Redis takes it), so two first instructors can't be made through two nodes.
/// </summary>
internal sealed class SetupLink(SharedRedis? redis = null)
{
    // KEYS[1]: the set of open links' hashes. Takes the link if it is one of them, and closes them all.
    private const string ConsumeScript = """
        if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    private readonly Lock _lock = new();
    private byte[]? _hash;

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _hash is not null;
            }
        }
    }

    public async Task<string> IssueAsync()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var hash = Hash(token);
        lock (_lock)
        {
            _hash = hash;
        }

        if (redis is not null)
        {
            try
            {
                await redis.Database.SetAddAsync(Links, Convert.ToHexStringLower(hash));
            }
            catch (Exception e) when (SharedRedis.IsOutage(e))
            {
                // The link still works through this node.
                redis.Unreachable("setup link", e);
            }
        }

        return token;
    }

    /// <summary>True once for an issued token; every link is closed afterwards.</summary>
    public async Task<bool> TryConsumeAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        var hash = Hash(token);
        if (redis is not null && await ConsumeSharedAsync(hash))
        {
            Close();
            return true;
        }

        lock (_lock)
        {
            if (_hash is null || !CryptographicOperations.FixedTimeEquals(_hash, hash))
            {
                return false;
            }

            _hash = null;
        }

        if (redis is not null)
        {
            await ConsumeSharedAsync(null);
        }

        return true;
    }

    private RedisKey Links => redis!.Key("setup-links");

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private void Close()
    {
        lock (_lock)
        {
            _hash = null;
        }
    }

    /// <summary>Takes a link of any node's by its hash, or with null closes them all; false if Redis can't be reached.</summary>
    private async Task<bool> ConsumeSharedAsync(byte[]? hash)
    {
        try
        {
            if (hash is null)
            {
                await redis!.Database.KeyDeleteAsync(Links);
                return true;
            }

            return (long)await redis!.Database.ScriptEvaluateAsync(ConsumeScript, [Links], [Convert.ToHexStringLower(hash)]) == 1;
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            redis!.Unreachable("setup link", e);
            return false;
        }
    }
}
