namespace OpenClosedDebate.Server.Hubs;

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Security;

/// <summary>
/// Rate limits on the hub: every connection may make a bounded number of calls a second, and each
/// student may post arguments and send ballots only so fast (token buckets, keyed by the student
/// once the connection has joined, else by the connection, so reconnecting doesn't refill them).
/// A refused call gets "rateLimited", changes nothing, and leaves the connection open.
/// </summary>
/// <remarks>
/// The partitioned limiters share one replenishing timer and drop a partition once it has been idle,
/// so ten thousand students cost ten thousand small buckets, not ten thousand timers.
/// </remarks>
internal sealed class FloodFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _calls;
    private readonly PartitionedRateLimiter<string> _arguments;
    private readonly PartitionedRateLimiter<string> _ballots;

    public FloodFilter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _calls = PartitionedRateLimiter.Create<string, string>(connection => RateLimitPartition.GetFixedWindowLimiter(
            connection,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.CallsPerSecondPerConnection, Window = TimeSpan.FromSeconds(1) }));
        _arguments = Buckets(limits.ArgumentBurst, limits.ArgumentRefill);
        _ballots = Buckets(limits.BallotBurst, limits.BallotRefill);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = context.Context.ConnectionId;
        Acquire(_calls, connection);
        var who = DebateHub.ParticipantOf(context.Context)?.ToString() ?? connection;
        switch (context.HubMethodName)
        {
            case nameof(DebateHub.PostArgument):
                Acquire(_arguments, who);
                break;
            case nameof(DebateHub.SubmitBallot):
                Acquire(_ballots, who);
                break;
        }

        return await next(context);
    }

    public void Dispose()
    {
        _calls.Dispose();
        _arguments.Dispose();
        _ballots.Dispose();
    }

    private static void Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            throw new HubException("rateLimited: You're sending too fast. Wait a few seconds and try again.");
        }
    }

    private static PartitionedRateLimiter<string> Buckets(int burst, TimeSpan refill) =>
        PartitionedRateLimiter.Create<string, string>(who => RateLimitPartition.GetTokenBucketLimiter(
            who,
            _ => new TokenBucketRateLimiterOptions { TokenLimit = burst, TokensPerPeriod = 1, ReplenishmentPeriod = refill }));
}
