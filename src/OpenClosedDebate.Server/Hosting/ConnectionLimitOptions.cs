namespace OpenClosedDebate.Server.Hosting;

using System.ComponentModel.DataAnnotations;

/// <summary>How many connections the server holds at once, so it refuses new ones before it runs out of file descriptors.</summary>
internal sealed class ConnectionLimitOptions
{
    public const string Section = "Connections";

    /// <summary>
    /// Connections held at once (WebSockets and plain HTTP together). Unset: the process's open-file limit
    /// at start-up, less the descriptors already open then, less <see cref="ReservedFileDescriptors"/>.
    /// </summary>
    [Range(16, 10_000_000)]
    public int? MaxConnections { get; set; }

    /// <summary>File descriptors kept back from connections for what the server opens later: database connections, log files, assemblies loaded on first use.</summary>
    [Range(16, 1_000_000)]
    public int ReservedFileDescriptors { get; set; } = 256;

    /// <summary>The share of <see cref="MaxConnections"/> kept for plain HTTP (pages, REST, the WebSocket handshake); the rest is for WebSockets.</summary>
    [Range(0.01, 0.9)]
    public double HttpShare { get; set; } = 0.125;
}
