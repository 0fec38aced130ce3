namespace OpenClosedDebate.Server.RateLimiting;

using System.Runtime.InteropServices;

/// <summary>
/// Token buckets by key (a student, a connection, an address), on the server's clock. A token can be
/// given back: a submission takes one before it runs and returns it if it is refused, so a refusal costs
/// nothing of the allowance, and many calls at once can never take more than there is.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's limiters can't give a permit back and keep time on their own timer;
/// this needs both. A full bucket is the same as none, so full ones are swept away whenever the table has
/// doubled, which keeps it to the keys that have acted lately.
/// </remarks>
internal sealed class TokenBuckets(int burst, TimeSpan refill, TimeProvider time) : IBuckets
{
    private const int SweepFloor = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _sweepAt = SweepFloor;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>Takes a token if there is one.</summary>
    public bool TryTake(string key)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            Sweep(now);
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets, key, out var existed);
            bucket = existed ? Refilled(bucket, now) : new Bucket(burst, now);
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket = bucket with { Tokens = bucket.Tokens - 1 };
            return true;
        }
    }

    /// <summary>Whether a token is there, without taking it.</summary>
    public bool HasToken(string key)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            return !_buckets.TryGetValue(key, out var bucket) || Refilled(bucket, now).Tokens >= 1;
        }
    }

    /// <summary>How long until the key has a token again; zero if it has one.</summary>
    public TimeSpan TimeUntilToken(string key)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            // Tokens come back continuously, so a bucket holding a fraction of one is that far along.
            return _buckets.TryGetValue(key, out var bucket) && Refilled(bucket, now).Tokens is var tokens && tokens < 1
                ? refill * (1 - tokens)
                : TimeSpan.Zero;
        }
    }

    /// <summary>Gives back a token taken by <see cref="TryTake"/>.</summary>
    public void Return(string key)
    {
        lock (_lock)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrNullRef(_buckets, key);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref bucket))
            {
                bucket = bucket with { Tokens = Math.Min(burst, bucket.Tokens + 1) };
            }
        }
    }

    ValueTask<bool> IBuckets.TryTakeAsync(string key) => ValueTask.FromResult(TryTake(key));

    ValueTask IBuckets.ReturnAsync(string key)
    {
        Return(key);
        return ValueTask.CompletedTask;
    }

    ValueTask<TimeSpan> IBuckets.TimeUntilTokenAsync(string key) => ValueTask.FromResult(TimeUntilToken(key));

    private Bucket Refilled(Bucket bucket, long now)
    {
        var gained = time.GetElapsedTime(bucket.At, now) / refill;
        return gained <= 0 ? bucket : new Bucket(Math.Min(burst, bucket.Tokens + gained), now);
    }

    private void Sweep(long now)
    {
        if (_buckets.Count < _sweepAt)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (Refilled(bucket, now).Tokens >= burst)
            {
                _buckets.Remove(key);
            }
        }

        _sweepAt = Math.Max(SweepFloor, _buckets.Count * 2);
    }

    private readonly record struct Bucket(double Tokens, long At);
}
