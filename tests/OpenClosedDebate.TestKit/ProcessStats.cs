namespace OpenClosedDebate.TestKit;

using System.Globalization;

/// <summary>What Linux's /proc says of a process and of the machine: the one place that parses it.</summary>
public static class ProcessStats
{
    /// <summary>User plus system CPU time the process has used so far.</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // The command name, in parentheses, may itself hold spaces; the fields after it are numbered from state (3).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>
    /// The CPU time of a process and of every process below it, alive now, such as PostgreSQL's server and the backend it
    /// starts for each connection (a backend's time reaches its parent's only when it exits).
    /// </summary>
    public static TimeSpan TreeCpuTime(int processId)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) && File.Exists($"{folder}/stat"))
            {
                try
                {
                    var stat = File.ReadAllText($"{folder}/stat");
                    parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // It exited while being read.
                }
            }
        }

        var total = TimeSpan.Zero;
        var below = new Queue<int>([processId]);
        while (below.TryDequeue(out var pid))
        {
            try
            {
                total += CpuTime(pid);
            }
            catch (IOException)
            {
            }

            foreach (var (child, parent) in parents)
            {
                if (parent == pid)
                {
                    below.Enqueue(child);
                }
            }
        }

        return total;
    }

    /// <summary>Resident and peak resident memory (VmRSS, VmHWM), in bytes.</summary>
    public static (long Resident, long Peak) Memory(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return (Kilobytes(status, "VmRSS:") * 1024, Kilobytes(status, "VmHWM:") * 1024);
    }

    /// <summary>How many file descriptors the process has open.</summary>
    public static int OpenFiles(int processId) => Directory.GetFiles($"/proc/{processId}/fd").Length;

    /// <summary>The machine's processor model, from /proc/cpuinfo.</summary>
    public static string ProcessorModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    /// <summary>The machine's memory in bytes, from /proc/meminfo, or null where there is none.</summary>
    public static long? MachineMemory() =>
        File.Exists("/proc/meminfo") ? Kilobytes(File.ReadAllLines("/proc/meminfo"), "MemTotal:") * 1024 : null;

    private static long Kilobytes(IEnumerable<string> lines, string field) =>
        long.Parse(lines.Single(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
