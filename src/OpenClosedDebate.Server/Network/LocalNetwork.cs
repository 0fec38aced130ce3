namespace OpenClosedDebate.Server.Network;

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

/// <summary>
/// This machine's network addresses as they were at start-up: the host filter answers them, and the
/// join address offers the ones phones can use. One snapshot, so both always agree.
/// </summary>
internal sealed class LocalNetwork
{
    public LocalNetwork()
        : this(Snapshot())
    {
    }

    public LocalNetwork(IReadOnlyList<LocalAddress> addresses)
    {
        All = addresses;

        // Phones reach an address on the network the machine's router is on; a virtual bridge (a container
        // network, a VM's) has no gateway. Without a router anywhere (a hotspot of its own) every address counts.
        var candidates = addresses.Where(a => !IPAddress.IsLoopback(a.Address) && !a.Address.IsIPv6LinkLocal && !a.Address.IsIPv6SiteLocal).ToList();
        var routed = candidates.Where(a => a.HasGateway).ToList();
        Reachable = [.. (routed.Count > 0 ? routed : candidates).OrderBy(a => a.Address.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)];
    }

    /// <summary>Every address of every interface that is up, the loopback included.</summary>
    public IReadOnlyList<LocalAddress> All { get; }

    /// <summary>The addresses phones on the machine's network can reach it at, IPv4 first.</summary>
    public IReadOnlyList<LocalAddress> Reachable { get; }

    private static List<LocalAddress> Snapshot()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n =>
                {
                    var properties = n.GetIPProperties();
                    var gateway = properties.GatewayAddresses.Any(g => !g.Address.Equals(IPAddress.Any) && !g.Address.Equals(IPAddress.IPv6Any));
                    return properties.UnicastAddresses.Select(a => new LocalAddress(a.Address, n.Name, gateway));
                })
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}

/// <summary>One address of one network interface, and whether that interface has a router.</summary>
internal sealed record LocalAddress(IPAddress Address, string Interface, bool HasGateway);
