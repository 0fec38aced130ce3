namespace OpenClosedDebate.Server.Hubs;

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Logs;
using OpenClosedDebate.Server.RateLimiting;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// Finds the room for a join code typed on a connection, so that codes can't be guessed at speed: a code
/// that matches no debate costs the caller's address one of its lookups (IPv6 counted by /64), and a
/// connection that has tried too many unknown codes is closed when it tries again.
/// </summary>
/// <remarks>
/// The address's lookup is taken before the code is looked up and given back as soon as it is found, so
/// a class behind one address joining at once spends nothing, and many guessing connections together can
/// never try more codes than the address has lookups. A lookup that finds every one held by lookups under way waits
/// for one to come back (<see cref="RateLimitOptions.FailedCodeLookupWait"/>) rather than refusing a class. In a cluster an address's lookups are counted in Redis, so
/// spreading the guesses over the nodes gains nothing.
/// </remarks>
internal sealed class CodeLookups(IRooms rooms, IOptions<RateLimitOptions> options, RefusalLog log, IBucketStore store, TimeProvider time)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    private static readonly object FailedKey = new();

    private readonly RateLimitOptions _limits = options.Value;
    private readonly IBuckets _addresses = store.Create("code-lookups", options.Value.FailedCodeLookupBurst, options.Value.FailedCodeLookupRefill);

    /// <summary>The id of the debate the code names.</summary>
    public async Task<Guid> FindAsync(HubCallerContext caller, string? code)
    {
        if (Failed(caller) >= _limits.FailedCodeLookupsPerConnection)
        {
            caller.Abort();
            log.ClosedConnection("kept trying join codes that match no debate");
            throw new HubException("rateLimited: This connection tried too many codes that match no debate, so it was closed. Check the code and reload the page.");
        }

        var address = AddressKey.Of(caller.GetHttpContext()?.Connection.RemoteIpAddress);
        if (!await TakeAsync(address))
        {
            throw new HubException("rateLimited: Too many wrong join codes were tried from your network. Check the code and try again in a minute.");
        }

        try
        {
            var debateId = await rooms.FindByCodeAsync(code);
            await _addresses.ReturnAsync(address);
            return debateId;
        }
        catch (DebateRuleException e) when (e.Error == DebateError.NotFound)
        {
            caller.Items[FailedKey] = Failed(caller) + 1;
            throw;
        }
        catch
        {
            await _addresses.ReturnAsync(address);
            throw;
        }
    }

    /// <summary>
    /// Takes one of the address's lookups, waiting up to <see cref="RateLimitOptions.FailedCodeLookupWait"/> while all
    /// are held by lookups under way, which give theirs back as soon as their codes are found. Whether a code is right
    /// plays no part in the wait, so it tells a guesser nothing.
    /// </summary>
    private async Task<bool> TakeAsync(string address)
    {
        var until = time.GetUtcNow() + _limits.FailedCodeLookupWait;
        var pause = FirstPause;
        while (!await _addresses.TryTakeAsync(address))
        {
            if (time.GetUtcNow() + pause > until)
            {
                return false;
            }

            await Task.Delay(pause, time);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }

        return true;
    }

    private static int Failed(HubCallerContext caller) => caller.Items.TryGetValue(FailedKey, out var count) ? (int)count! : 0;
}
