namespace OpenClosedDebate.Server.Logs;

using System.ComponentModel.DataAnnotations;

/// <summary>How much of what requests send can reach the logs, and how often a repeated refusal is logged.</summary>
internal sealed class LogOptions
{
    public const string Section = "Logs";

    /// <summary>Any text value logged (a path, a header, a name) is cut to this many characters.</summary>
    [Range(16, 100_000)]
    public int MaxValueLength { get; set; } = 200;

    /// <summary>A refusal that repeats (a foreign origin, a full server, a guessing connection) is logged once per this interval, with a count.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromMinutes(1);
}
