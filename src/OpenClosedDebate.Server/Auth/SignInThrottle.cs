namespace OpenClosedDebate.Server.Auth;

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Security;

/// <summary>
/// Locks an e-mail address out of signing in for a while after too many wrong passwords, whether or
/// not an account has that address (so the lock reveals nothing). Kept in memory: a restart clears it.
/// </summary>
internal sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider time)
{
    // Enough for any school; past it, expired entries are swept so guessing at random addresses can't grow it forever.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _limits = options.Value;

    /// <summary>How long until the address may try again, or null if it may try now.</summary>
    public TimeSpan? LockedFor(string? email)
    {
        if (!_failures.TryGetValue(Key(email), out var failures) || failures.LockedUntil is not { } until)
        {
            return null;
        }

        var left = until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string? email)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }

        _failures.AddOrUpdate(
            Key(email),
            _ => Next(new Failures(0, now, null), now),
            (_, previous) => Next(previous, now));
    }

    public void Succeeded(string? email) => _failures.TryRemove(Key(email), out _);

    private static string Key(string? email) => (email ?? string.Empty).Trim().ToUpperInvariant();

    private Failures Next(Failures previous, DateTimeOffset now)
    {
        // Failures count within one lockout period of the first; a lock that has run out starts afresh.
        var current = previous.LockedUntil <= now || now - previous.Since > _limits.AccountLockout
            ? new Failures(0, now, null)
            : previous;
        var count = current.Count + 1;
        return current with { Count = count, LockedUntil = count >= _limits.FailedSignInsPerAccount ? now + _limits.AccountLockout : current.LockedUntil };
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if ((failures.LockedUntil ?? failures.Since + _limits.AccountLockout) <= now)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Since, DateTimeOffset? LockedUntil);
}
