namespace OpenClosedDebate.Server.Transcripts;

using System.ComponentModel.DataAnnotations;

internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Finished debates older than this (since they finished) are deleted with all their data.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepFinishedDebatesFor { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the retention job looks for debates to delete.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
