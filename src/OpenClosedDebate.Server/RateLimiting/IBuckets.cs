namespace OpenClosedDebate.Server.RateLimiting;

/// <summary>
/// Token buckets by key, wherever they are kept: in this process (<see cref="TokenBuckets"/>), or in Redis for every
/// node of a cluster (<see cref="RedisBuckets"/>), so a student or an address has one allowance however many nodes
/// its connections reach.
/// </summary>
internal interface IBuckets
{
    /// <summary>Takes a token if there is one.</summary>
    ValueTask<bool> TryTakeAsync(string key);

    /// <summary>Gives back a token taken by <see cref="TryTakeAsync"/>; the burst is never exceeded.</summary>
    ValueTask ReturnAsync(string key);

    /// <summary>How long until the key has a token again; zero if it has one.</summary>
    ValueTask<TimeSpan> TimeUntilTokenAsync(string key);
}

/// <summary>Makes the buckets for one kind of allowance (its name keeps its keys apart from other kinds').</summary>
internal interface IBucketStore
{
    IBuckets Create(string name, int burst, TimeSpan refill);
}

/// <summary>One server: every allowance is kept in this process.</summary>
internal sealed class LocalBucketStore(TimeProvider time) : IBucketStore
{
    public IBuckets Create(string name, int burst, TimeSpan refill) => new TokenBuckets(burst, refill, time);
}
