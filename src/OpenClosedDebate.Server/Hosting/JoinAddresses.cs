namespace OpenClosedDebate.Server.Hosting;

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Network;

/// <summary>
/// The addresses phones can join at: PublicUrl when it is set, else every address of this machine's network
/// the server listens on (all of them for 0.0.0.0, [::], + or *; none for localhost). A page opened on
/// localhost is offered these instead of its own address, which phones can't reach.
/// </summary>
internal sealed partial class JoinAddresses(IServer server, LocalNetwork network, IOptions<PublicUrlOptions> publicUrl, ILogger<JoinAddresses> log)
{
    /// <summary>Set by the .NET container images; a container's own addresses aren't the host's, which phones reach.</summary>
    private static readonly bool InContainer = Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER") == "true";

    private IReadOnlyList<string> Listening =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>What a page at this request's address should show students.</summary>
    public JoinAddressView For(HttpContext http)
    {
        if (publicUrl.Value.Origin is { } origin)
        {
            return new JoinAddressView(origin, JoinAddressSource.PublicUrl, [], null);
        }

        if (!IsLoopbackHost(http.Request.Host.Host))
        {
            return new JoinAddressView(null, JoinAddressSource.Page, [], null);
        }

        // This machine's addresses go only to a browser on this machine: behind a proxy that calls the server
        // "localhost", a visitor from elsewhere would otherwise learn them.
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return new JoinAddressView(null, JoinAddressSource.None, [], null);
        }

        var (urls, problem) = NetworkUrls();
        return urls.Count > 0
            ? new JoinAddressView(urls[0], JoinAddressSource.Network, urls, null)
            : new JoinAddressView(null, JoinAddressSource.None, [], problem);
    }

    /// <summary>Logs, one line each, every address phones can use, or why there is none.</summary>
    public void LogAtStart()
    {
        if (publicUrl.Value.Origin is { } origin)
        {
            LogPublicUrl(origin);
        }

        var (urls, problem) = NetworkUrls();
        foreach (var url in urls)
        {
            LogNetworkUrl(url);
        }

        if (publicUrl.Value.Origin is not null)
        {
            return;
        }

        var listening = string.Join(' ', Listening);
        switch (problem)
        {
            case JoinAddressProblem.LocalOnly:
                LogLocalOnly(listening);
                break;
            case JoinAddressProblem.Container:
                LogContainer(listening);
                break;
            case JoinAddressProblem.NoNetwork:
                LogNoNetwork(listening);
                break;
        }
    }

    /// <summary>Every address on this machine's network the server listens on, or why there is none.</summary>
    private (IReadOnlyList<string> Urls, JoinAddressProblem? Problem) NetworkUrls()
    {
        var urls = new List<string>();
        var wildcard = false;
        foreach (var address in Listening)
        {
            if (!Uri.TryCreate(address.Replace("://+", "://[::]", StringComparison.Ordinal).Replace("://*", "://[::]", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                continue;
            }

            var host = uri.Host.Trim('[', ']');
            if (!IPAddress.TryParse(host, out var ip))
            {
                if (!IsLoopbackHost(host))
                {
                    urls.Add(uri.GetLeftPart(UriPartial.Authority));
                }

                continue;
            }

            if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            {
                wildcard = true;
                var families = ip.Equals(IPAddress.Any) ? [AddressFamily.InterNetwork] : new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 };
                urls.AddRange(network.Reachable.Where(a => families.Contains(a.Address.AddressFamily)).Select(a => Url(uri, a.Address)));
            }
            else if (!IPAddress.IsLoopback(ip))
            {
                urls.Add(Url(uri, ip));
            }
        }

        if (InContainer)
        {
            return ([], JoinAddressProblem.Container);
        }

        var distinct = urls.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (distinct, distinct.Count > 0 ? null : wildcard ? JoinAddressProblem.NoNetwork : JoinAddressProblem.LocalOnly);
    }

    private static string Url(Uri listening, IPAddress address) =>
        new UriBuilder(listening.Scheme, address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString(), listening.Port)
            .Uri.GetLeftPart(UriPartial.Authority);

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    [LoggerMessage(Level = LogLevel.Information, Message = "Students join at {JoinUrl} (the PublicUrl setting)")]
    private partial void LogPublicUrl(string joinUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phones on this computer's network can join at {JoinUrl}")]
    private partial void LogNetworkUrl(string joinUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Phones can't reach this server: it listens only on this computer ({Listening}). To let them join, listen on the classroom network, e.g. --urls http://0.0.0.0:5080 (see the README)")]
    private partial void LogLocalOnly(string listening);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server runs in a container ({Listening}) and can't see the address phones reach it at: set PublicUrl to it, e.g. http://192.168.1.20:8080, so the console and projector show it")]
    private partial void LogContainer(string listening);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server listens on every network interface ({Listening}), but this computer had no network address when it started: connect it to the classroom network and restart the server")]
    private partial void LogNoNetwork(string listening);
}
