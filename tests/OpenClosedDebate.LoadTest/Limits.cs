namespace OpenClosedDebate.LoadTest;

using System.Runtime.InteropServices;

/// <summary>Raises this process's open-file limit to its hard limit, so ten thousand sockets fit; the server it starts inherits it.</summary>
internal static partial class Limits
{
    private const int OpenFiles = 7; // RLIMIT_NOFILE on Linux

    public static (ulong Soft, ulong Hard) RaiseOpenFiles()
    {
        if (!OperatingSystem.IsLinux() || GetLimit(OpenFiles, out var limit) != 0)
        {
            return (0, 0);
        }

        limit.Current = limit.Maximum;
        _ = SetLimit(OpenFiles, in limit);
        _ = GetLimit(OpenFiles, out limit);
        return (limit.Current, limit.Maximum);
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetLimit(int resource, out ResourceLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetLimit(int resource, in ResourceLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
