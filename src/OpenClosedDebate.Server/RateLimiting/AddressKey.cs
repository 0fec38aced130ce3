namespace OpenClosedDebate.Server.RateLimiting;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// The key that per-address limits count by. An IPv4 address is its own key; an IPv6 address is
/// counted by its /64 network, since one household or attacker holds a whole /64 and could otherwise
/// spread over 2^64 keys.
/// </summary>
internal static class AddressKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
