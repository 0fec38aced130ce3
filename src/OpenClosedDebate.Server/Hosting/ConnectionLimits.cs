namespace OpenClosedDebate.Server.Hosting;

using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

/// <summary>
/// The connection limits Kestrel enforces, derived from the open-file limit the process actually has
/// (the runtime raises the soft limit to the hard one at start-up) less the descriptors it already holds
/// (about 340 for a server at rest: mostly its assemblies) and a reserve for what it opens later. Kestrel counts a connection as plain
/// HTTP until it becomes a WebSocket, then as upgraded; the two limits are split so that together they
/// never pass the total, and a connection over either is closed at once, logged by <see cref="ConnectionMonitor"/>.
/// </summary>
internal sealed partial class ConnectionLimits
{
    private const int RlimitNofile = 7;

    public ConnectionLimits(IOptions<ConnectionLimitOptions> options)
    {
        var o = options.Value;
        FileLimit = OpenFileLimit();
        InUse = OpenFiles();
        Total = o.MaxConnections ?? (FileLimit is { } files ? (int)Math.Max(16, Math.Min(int.MaxValue, files - InUse - o.ReservedFileDescriptors)) : null);
        if (Total is { } total)
        {
            Http = Math.Max(8, (int)(total * o.HttpShare));
            Upgraded = Math.Max(8, total - Http.Value);
        }
    }

    /// <summary>The process's open-file limit, where the platform says (Linux).</summary>
    public long? FileLimit { get; }

    /// <summary>Descriptors open when the limits were worked out.</summary>
    public int InUse { get; }

    /// <summary>All connections together, or null for no limit.</summary>
    public int? Total { get; }

    /// <summary>Plain HTTP connections, including WebSockets still in their handshake.</summary>
    public int? Http { get; }

    /// <summary>WebSocket connections.</summary>
    public int? Upgraded { get; }

    private static long? OpenFileLimit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return GetRlimit(RlimitNofile, out var limit) == 0 && limit.Current < long.MaxValue ? (long)limit.Current : null;
    }

    private static int OpenFiles() => OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd") ? Directory.GetFiles("/proc/self/fd").Length : 0;

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRlimit(int resource, out Rlimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
