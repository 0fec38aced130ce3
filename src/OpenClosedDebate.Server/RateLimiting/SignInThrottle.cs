namespace OpenClosedDebate.Server.RateLimiting;

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

/// <summary>
/// Locks an e-mail address out of signing in for a while after too many wrong passwords, whether or
/// not an account has that address (so the lock reveals nothing). Kept in memory: a restart clears it.
/// </summary>
/// <remarks>
/// The table is bounded: an address is remembered by a fixed-size hash of its normalised form (never
/// the text a request sent), and at most <see cref="RateLimitOptions.TrackedSignInAddresses"/> are
/// kept. When it is full, finished entries are swept and then the oldest is forgotten, so guessing at
/// random addresses costs the server a fixed amount of memory however long it goes on.
/// </remarks>
internal sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UInt128, Failures> _failures = [];
    private readonly RateLimitOptions _limits = options.Value;

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

    /// <summary>How long until the address may try again, or null if it may try now.</summary>
    public TimeSpan? LockedFor(string email)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(Key(email), out var failures) || failures.LockedUntil is not { } until)
            {
                return null;
            }

            var left = until - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void Failed(string email)
    {
        var now = time.GetUtcNow();
        var key = Key(email);
        lock (_lock)
        {
            if (!_failures.TryGetValue(key, out var previous))
            {
                MakeRoom(now);
                previous = new Failures(0, now, null);
            }

            _failures[key] = Next(previous, now);
        }
    }

    public void Succeeded(string email)
    {
        lock (_lock)
        {
            _failures.Remove(Key(email));
        }
    }

    /// <summary>128 bits of SHA-256 of the address as it is compared (trimmed, upper case).</summary>
    private static UInt128 Key(string email)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant()), hash);
        return BitConverter.ToUInt128(hash);
    }

    private Failures Next(Failures previous, DateTimeOffset now)
    {
        // Failures count within one lockout period of the first; a lock that has run out starts afresh.
        var current = previous.LockedUntil <= now || now - previous.Since > _limits.AccountLockout
            ? new Failures(0, now, null)
            : previous;
        var count = current.Count + 1;
        return current with { Count = count, LockedUntil = count >= _limits.FailedSignInsPerAccount ? now + _limits.AccountLockout : current.LockedUntil };
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_failures.Count < _limits.TrackedSignInAddresses)
        {
            return;
        }

        foreach (var (key, failures) in _failures)
        {
            if ((failures.LockedUntil ?? failures.Since + _limits.AccountLockout) <= now)
            {
                _failures.Remove(key);
            }
        }

        if (_failures.Count >= _limits.TrackedSignInAddresses)
        {
            _failures.Remove(_failures.MinBy(f => f.Value.Since).Key);
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Since, DateTimeOffset? LockedUntil);
}
