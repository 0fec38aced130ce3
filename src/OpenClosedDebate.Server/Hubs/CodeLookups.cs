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
/// An address with no lookups left is refused at once, whatever its code. Otherwise the code is looked up, and one
/// that matches no debate must then take one of the address's lookups to be answered <c>notFound</c>; takes are
/// atomic, so many guessing connections together can never have more codes answered than the address has lookups. A
/// code that is found takes nothing and holds nothing, so a lecture hall behind one address joins at once however many
/// join together. In a cluster an address's lookups are counted in Redis, so
/// spreading the guesses over the nodes gains nothing.
/// </remarks>
internal sealed class CodeLookups(IRooms rooms, IOptions<RateLimitOptions> options, RefusalLog log, IBucketStore store)
{
    private const string Spent = "rateLimited: Too many wrong join codes were tried from your network. Check the code and try again in a minute.";
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

        // An address with no lookups left is refused before its code is looked up, whatever the code.
        var address = AddressKey.Of(caller.GetHttpContext()?.Connection.RemoteIpAddress);
        if (await _addresses.TimeUntilTokenAsync(address) > TimeSpan.Zero)
        {
            throw new HubException(Spent);
        }

        try
        {
            return await rooms.FindByCodeAsync(code);
        }
        catch (DebateRuleException e) when (e.Error == DebateError.NotFound)
        {
            caller.Items[FailedKey] = Failed(caller) + 1;
            if (!await _addresses.TryTakeAsync(address))
            {
                throw new HubException(Spent);
            }

            throw;
        }
    }

    private static int Failed(HubCallerContext caller) => caller.Items.TryGetValue(FailedKey, out var count) ? (int)count! : 0;
}
