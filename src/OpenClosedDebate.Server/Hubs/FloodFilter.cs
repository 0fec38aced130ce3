namespace OpenClosedDebate.Server.Hubs;

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Logs;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.RateLimiting;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// Rate limits on the hub.
/// <list type="bullet">
/// <item>Every connection may make a bounded number of calls a second.</item>
/// <item>Each student may post arguments, send ballots and fetch pages of older arguments only so fast (token buckets, keyed by the
/// student once the connection has joined, so reconnecting doesn't refill them). Only an accepted
/// submission spends the allowance: a refused one (bad text, wrong phase) costs nothing of it.</item>
/// <item>Every refused call spends the connection's refusal allowance instead; the next call of a connection
/// that has spent it is not run but closes the connection, so a script can't keep the room's gate busy
/// with calls that fail, and the student it spoke for sits out <see cref="RateLimitOptions.RefusalCooldown"/>
/// (<see cref="StudentBench"/>, kept where their debate's room is): a call that would speak for them again is held until then, so reopening the
/// connection at once gains nothing.</item>
/// </list>
/// A refused call gets "rateLimited", changes nothing, and leaves the connection open unless it is closed as above.
/// </summary>
/// <remarks>
/// The buckets keep time on the server's clock and hold only the keys that acted lately, so ten thousand
/// students cost ten thousand small entries, and no timers. In a cluster the students' buckets are in Redis
/// (<see cref="RedisBuckets"/>), so a student whose connections reach several nodes still has one allowance.
/// </remarks>
internal sealed class FloodFilter : IHubFilter, IDisposable
{
    /// <summary>How long the answer to the call that closes a connection has to go out before the connection is closed.</summary>
    internal static readonly TimeSpan CloseGrace = TimeSpan.FromMilliseconds(250);

    private const string ClosedSentence = "rateLimited: This connection was closed because it kept sending calls that were refused. Reload the page to carry on.";
    private static readonly object ClosingKey = new();

    private readonly PartitionedRateLimiter<string> _calls;
    private readonly TokenBuckets _refusals;
    private readonly IBuckets _arguments;
    private readonly IBuckets _ballots;
    private readonly IBuckets _pages;
    private readonly RefusalLog _log;
    private readonly IRooms _rooms;
    private readonly TimeProvider _time;

    public FloodFilter(IOptions<RateLimitOptions> options, RefusalLog log, IBucketStore store, IRooms rooms, TimeProvider time)
    {
        var limits = options.Value;
        _log = log;
        _rooms = rooms;
        _time = time;
        _calls = PartitionedRateLimiter.Create<string, string>(connection => RateLimitPartition.GetFixedWindowLimiter(
            connection,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.CallsPerSecondPerConnection, Window = TimeSpan.FromSeconds(1) }));
        _refusals = new TokenBuckets(limits.RefusalBurst, limits.RefusalRefill, time);
        // A student's allowances are shared by every node of a cluster (the connection's own limits above need not be).
        _arguments = store.Create("arguments", limits.ArgumentBurst, limits.ArgumentRefill);
        _ballots = store.Create("ballots", limits.BallotBurst, limits.BallotRefill);
        _pages = store.Create("pages", limits.ArgumentPageBurst, limits.ArgumentPageRefill);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = context.Context;
        var connection = caller.ConnectionId;

        // Every refusal so far was answered; a connection that calls again once its allowance for them is
        // spent is closed instead. The call that closes it is still answered: the answer goes out when this
        // call returns, and the connection is closed at its next call or a moment later, whichever comes first.
        if (caller.Items.ContainsKey(ClosingKey))
        {
            caller.Abort();
            throw new HubException(ClosedSentence);
        }

        if (!_refusals.HasToken(connection))
        {
            // Closed first, whatever becomes of the bench: it is asked of the room's node, which may be gone just now.
            caller.Items[ClosingKey] = true;
            _ = AbortSoonAsync(caller);
            _log.ClosedConnection("kept sending calls that were refused");
            if (DebateHub.ParticipantOf(caller) is { } student && DebateHub.BoundDebate(caller) is { } debate)
            {
                await BenchAsync(debate, student);
            }

            throw new HubException(ClosedSentence);
        }

        if (!Take(_calls, connection))
        {
            throw Refuse(caller, "You're sending too fast. Wait a few seconds and try again.");
        }

        var who = DebateHub.ParticipantOf(caller)?.ToString() ?? connection;
        var allowance = context.HubMethodName switch
        {
            nameof(DebateHub.PostArgument) => _arguments,
            nameof(DebateHub.SubmitBallot) => _ballots,
            nameof(DebateHub.Arguments) => _pages,
            _ => null,
        };
        if (allowance is not null && !await allowance.TryTakeAsync(who))
        {
            throw Refuse(caller, "You're sending too fast. Wait a few seconds and try again.");
        }

        var accepted = false;
        try
        {
            var result = await HoldWhileBenchedAsync(context, next);
            accepted = true;
            return result;
        }
        catch (Exception e) when (e is DebateRuleException or HubException)
        {
            _refusals.TryTake(connection);
            throw;
        }
        finally
        {
            // A submission that wasn't accepted (refused, or not stored) costs nothing of the allowance.
            if (!accepted && allowance is not null)
            {
                await allowance.ReturnAsync(who);
            }
        }
    }

    public void Dispose() => _calls.Dispose();

    /// <summary>Benches the student where their debate's room is, which is where their next Resume or Join is asked about.</summary>
    private async Task BenchAsync(Guid debate, Guid student)
    {
        try
        {
            await _rooms[debate].BenchAsync(student);
        }
        catch (Exception e) when (e is DebateRuleException or StorageUnavailableException)
        {
            // The debate is gone or can't be loaded: there is nothing to come back to, so nothing to sit out.
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException)
        {
            // The room's node is lost mid-call; the room comes back elsewhere without this bench, and the connection is
            // closed all the same.
        }
    }

    private async Task AbortSoonAsync(HubCallerContext caller)
    {
        try
        {
            await Task.Delay(CloseGrace, _time, caller.ConnectionAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        caller.Abort();
    }

    /// <summary>
    /// Runs the call; if it would speak for a student who sits out, waits until they may come back and runs it
    /// once more, so the answer is as fresh as the wait is long. A connection that closes meanwhile ends the wait.
    /// </summary>
    /// <remarks>
    /// A timer counts whole milliseconds and drops the rest, so a wait of 999.7 ms would wake 0.7 ms early and find
    /// the student still sitting out: the wait is rounded up, and a call that still finds them benched waits once more.
    /// </remarks>
    private async ValueTask<object?> HoldWhileBenchedAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (BenchedException benched) when (attempt <= 2)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Ceiling(benched.Wait.TotalMilliseconds) + 1);
                await Task.Delay(wait, _time, context.Context.ConnectionAborted);
            }
        }
    }

    private static bool Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private HubException Refuse(HubCallerContext caller, string sentence)
    {
        _refusals.TryTake(caller.ConnectionId);
        return new HubException($"rateLimited: {sentence}");
    }


}
