namespace OpenClosedDebate.Server.Security;

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Network;

/// <summary>
/// Which Host headers the server answers, enforced by ASP.NET Core's host filtering (400 otherwise), so a
/// page on a DNS-rebinding domain that resolves to this machine gets nothing: its requests carry its own
/// name as Host. Left empty, <c>AllowedHosts</c> means this machine's own names and addresses: localhost,
/// the loopback and every local interface address, the host name (and host.local), and the hosts of
/// <c>Security:AllowedOrigins</c> and of <c>PublicUrl</c>; so localhost and classroom use work out of the box. "*" allows any host.
/// </summary>
internal static class AllowedHosts
{
    public static IServiceCollection AddAllowedHostsDefaults(this IServiceCollection services, IConfiguration config)
    {
        // ASP.NET Core reads AllowedHosts itself and treats an empty one as "*"; only a setting that names hosts is kept.
        services.AddSingleton<LocalNetwork>();
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<SecurityOptions>, IOptions<PublicUrlOptions>, LocalNetwork>((filter, security, publicUrl, network) =>
        {
            if (!string.IsNullOrWhiteSpace(config["AllowedHosts"]))
            {
                return;
            }

            filter.AllowedHosts = [.. Defaults(security.Value, publicUrl.Value, network)];
            filter.AllowEmptyHosts = false;
        });
        return services;
    }

    /// <summary>This machine's names and addresses, as a Host header carries them.</summary>
    public static IEnumerable<string> Defaults(SecurityOptions security, PublicUrlOptions publicUrl, LocalNetwork network)
    {
        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        var name = Dns.GetHostName();
        hosts.Add(name);
        hosts.Add($"{name}.local");
        foreach (var address in network.All.Select(a => a.Address))
        {
            hosts.Add(address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{new IPAddress(address.GetAddressBytes())}]" : address.ToString());
        }

        foreach (var origin in security.AllowedOrigins.Append(publicUrl.Origin ?? string.Empty))
        {
            if (Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            {
                hosts.Add(uri.Host.Contains(':', StringComparison.Ordinal) ? $"[{uri.Host.Trim('[', ']')}]" : uri.Host);
            }
        }

        return hosts;
    }
}
