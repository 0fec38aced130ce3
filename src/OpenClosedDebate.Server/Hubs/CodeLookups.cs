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
/// never try more codes than the address has lookups. In a cluster an address's lookups are counted in Redis, so
/// spreading the guesses over the nodes gains nothing.
/// </remarks>
internal sealed class CodeLookups(IRooms rooms, IOptions<RateLimitOptions> options, RefusalLog log, IBucketStore store)
{
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
        if (!await _addresses.TryTakeAsync(address))
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

    private static int Failed(HubCallerContext caller) => caller.Items.TryGetValue(FailedKey, out var count) ? (int)count! : 0;
}
