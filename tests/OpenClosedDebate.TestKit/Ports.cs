namespace OpenClosedDebate.TestKit;

using System.Net;
using System.Net.Sockets;

/// <summary>Loopback ports for servers the tests start.</summary>
public static class Ports
{
    /// <summary>A loopback port nobody listens on right now, as the system hands it out.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
