namespace OpenClosedDebate.Server.Hosting;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// What the server buffers for one live connection, in and out. With the send timeout
/// (<c>Rooms:SlowClientTimeout</c>) and the bounded snapshot, these bound what a connection that stops
/// reading can make the server hold (docs/guarantees.md).
/// </summary>
internal sealed class ConnectionBufferOptions
{
    public const string Section = "Limits";

    /// <summary>
    /// The kernel's send buffer for each accepted socket (SO_SNDBUF; Linux doubles it for its own bookkeeping).
    /// Without it the kernel grows a socket's buffer to 4 MB for a reader that stops reading; with it, a stalled
    /// reader's sends stop soon, so the send timeout starts and the connection is dropped.
    /// </summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int SocketSendBufferBytes { get; set; } = 64 * 1024;

    /// <summary>SignalR's TransportMaxBufferSize: bytes sent to a connection buffered above the socket before the server waits.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int HubSendBufferBytes { get; set; } = 64 * 1024;

    /// <summary>SignalR's ApplicationMaxBufferSize: bytes received from a connection buffered before the server stops reading it.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int HubReceiveBufferBytes { get; set; } = 64 * 1024;
}
