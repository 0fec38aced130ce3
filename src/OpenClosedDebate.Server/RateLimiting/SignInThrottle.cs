namespace OpenClosedDebate.Server.RateLimiting;

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

/// <summary>
/// Locks an e-mail address out of signing in for a while after too many wrong passwords, whether or
/// not an account has that address (so the lock reveals nothing). The rule is here; where the failures are
/// kept is <see cref="ISignInFailures"/>: this process on one server (a restart clears them), Redis in a cluster,
/// so a lock made through one node holds on every node.
/// </summary>
internal sealed class SignInThrottle(ISignInFailures failures, IOptions<RateLimitOptions> options, TimeProvider time)
{
    /// <summary>Changes of one address's failures that may race before one gives up (each lost race means another won).</summary>
    private const int Attempts = 100;

    private readonly RateLimitOptions _limits = options.Value;

    /// <summary>How long until the address may try again, or null if it may try now.</summary>
    public async ValueTask<TimeSpan?> LockedForAsync(string email)
    {
        if (await failures.ReadAsync(Key(email)) is not { LockedUntil: { } until })
        {
            return null;
        }

        var left = until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public async ValueTask FailedAsync(string email)
    {
        var key = Key(email);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = time.GetUtcNow();
            var previous = await failures.ReadAsync(key);
            var next = Next(previous ?? new SignInFailures(0, now, null), now);
            if (await failures.TryReplaceAsync(key, previous, next, next.LockedUntil ?? next.Since + _limits.AccountLockout))
            {
                return;
            }
        }
    }

    public ValueTask SucceededAsync(string email) => failures.RemoveAsync(Key(email));

    /// <summary>128 bits of SHA-256 of the address as it is compared (trimmed, upper case): never the text a request sent.</summary>
    private static UInt128 Key(string email)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant()), hash);
        return BitConverter.ToUInt128(hash);
    }

    private SignInFailures Next(SignInFailures previous, DateTimeOffset now)
    {
        // Failures count within one lockout period of the first; a lock that has run out starts afresh.
        var current = previous.LockedUntil <= now || now - previous.Since > _limits.AccountLockout
            ? new SignInFailures(0, now, null)
            : previous;
        var count = current.Count + 1;
        return current with { Count = count, LockedUntil = count >= _limits.FailedSignInsPerAccount ? now + _limits.AccountLockout : current.LockedUntil };
    }
}

/// <summary>An address's failed sign-ins: how many since when, and until when it is locked, if it is.</summary>
internal sealed record SignInFailures(int Count, DateTimeOffset Since, DateTimeOffset? LockedUntil);

/// <summary>Where <see cref="SignInThrottle"/> keeps failures, by the address's hash; bounded wherever it is.</summary>
internal interface ISignInFailures
{
    ValueTask<SignInFailures?> ReadAsync(UInt128 key);

    /// <summary>
    /// Replaces the address's failures with <paramref name="next"/> if they are still <paramref name="expected"/>
    /// (null: none); false if another change came first. They are forgotten at <paramref name="forgetAt"/>.
    /// </summary>
    ValueTask<bool> TryReplaceAsync(UInt128 key, SignInFailures? expected, SignInFailures next, DateTimeOffset forgetAt);

    ValueTask RemoveAsync(UInt128 key);
}

/// <summary>
/// Failures kept in this process. The table is bounded: at most <see cref="RateLimitOptions.TrackedSignInAddresses"/>
/// addresses are kept; when it is full, entries past their time are swept and then the oldest is forgotten, so
/// guessing at random addresses costs the server a fixed amount of memory however long it goes on.
/// </summary>
internal sealed class LocalSignInFailures(IOptions<RateLimitOptions> options, TimeProvider time) : ISignInFailures
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UInt128, (SignInFailures Failures, DateTimeOffset ForgetAt)> _failures = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _failures.Count;
            }
        }
    }

    public ValueTask<SignInFailures?> ReadAsync(UInt128 key)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_failures.TryGetValue(key, out var entry) ? entry.Failures : null);
        }
    }

    public ValueTask<bool> TryReplaceAsync(UInt128 key, SignInFailures? expected, SignInFailures next, DateTimeOffset forgetAt)
    {
        lock (_lock)
        {
            var found = _failures.TryGetValue(key, out var entry);
            if ((found ? entry.Failures : null) != expected)
            {
                return ValueTask.FromResult(false);
            }

            if (!found)
            {
                MakeRoom();
            }

            _failures[key] = (next, forgetAt);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask RemoveAsync(UInt128 key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    private void MakeRoom()
    {
        var limit = options.Value.TrackedSignInAddresses;
        if (_failures.Count < limit)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (key, entry) in _failures)
        {
            if (entry.ForgetAt <= now)
            {
                _failures.Remove(key);
            }
        }

        if (_failures.Count >= limit)
        {
            _failures.Remove(_failures.MinBy(f => f.Value.Failures.Since).Key);
        }
    }
}
