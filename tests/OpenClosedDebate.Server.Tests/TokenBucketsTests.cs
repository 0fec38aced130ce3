namespace OpenClosedDebate.Server.Tests;

using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Server.RateLimiting;

/// <summary>Token buckets on the server's clock, with tokens that can be given back.</summary>
public sealed class TokenBucketsTests
{
    [Fact]
    public void A_bucket_gives_its_burst_then_one_token_per_refill_period()
    {
        var time = new FakeTimeProvider(DebateServer.Start);
        var buckets = new TokenBuckets(3, TimeSpan.FromSeconds(4), time);
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => buckets.TryTake("ada")));
        Assert.False(buckets.HasToken("ada"));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(buckets.TryTake("ada"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(buckets.TryTake("ada"));
        Assert.False(buckets.TryTake("ada"));
        Assert.True(buckets.TryTake("ben"));
    }

    [Fact]
    public void The_time_until_a_token_counts_down_with_the_refill_and_is_zero_for_a_key_never_seen()
    {
        var time = new FakeTimeProvider(DebateServer.Start);
        var buckets = new TokenBuckets(1, TimeSpan.FromSeconds(10), time);
        Assert.Equal(TimeSpan.Zero, buckets.TimeUntilToken("ada"));
        Assert.True(buckets.TryTake("ada"));
        Assert.Equal(TimeSpan.FromSeconds(10), buckets.TimeUntilToken("ada"));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), buckets.TimeUntilToken("ada"));
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.Zero, buckets.TimeUntilToken("ada"));
        Assert.True(buckets.TryTake("ada"));
    }

    [Fact]
    public void A_token_given_back_can_be_taken_again_but_the_burst_is_never_exceeded()
    {
        var time = new FakeTimeProvider(DebateServer.Start);
        var buckets = new TokenBuckets(2, TimeSpan.FromMinutes(10), time);
        Assert.True(buckets.TryTake("ada"));
        buckets.Return("ada");
        buckets.Return("ada");
        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(_ => buckets.TryTake("ada")));
    }

    [Fact]
    public void Full_buckets_are_swept_so_the_table_holds_only_keys_that_acted_lately()
    {
        var time = new FakeTimeProvider(DebateServer.Start);
        var buckets = new TokenBuckets(2, TimeSpan.FromSeconds(1), time);
        for (var i = 0; i < 5000; i++)
        {
            buckets.TryTake($"address-{i}");
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(buckets.Count, 1, 2048);
    }
}
