namespace OpenClosedDebate.TestKit;

using System.Collections.Concurrent;

/// <summary>
/// What this run's servers were told that must never reach a log (resume tokens, passwords, cookie
/// values, argument text), and where each server wrote its logs. The log test reads it all at the end.
/// </summary>
public static class Ledger
{
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> Folders = new();

    /// <summary>This run's folder; every server's database and logs live under it.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "ocd-hardening", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");

    public static IReadOnlyCollection<string> AllSecrets => [.. Secrets.Keys];

    public static IReadOnlyCollection<string> ServerFolders => [.. Folders];

    /// <summary>Records something that must not be logged. Short strings are ignored: they'd match by chance.</summary>
    public static void Secret(string value)
    {
        if (value.Length >= 12)
        {
            Secrets.TryAdd(value, 0);
        }
    }

    public static string NewServerFolder()
    {
        var folder = Path.Combine(Root, $"server-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        Folders.Enqueue(folder);
        return folder;
    }
}
