namespace OpenClosedDebate.Server.Rooms;

using System.ComponentModel.DataAnnotations;

internal sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>
    /// The least time between two broadcasts to a room. Changes in between are batched, so a room gets
    /// at most 1/BroadcastInterval updates a second however busy it is. Zero sends each commit at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan BroadcastInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long after a debate finishes students can still resume to see the results.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ResumeWindowAfterFinish { get; set; } = TimeSpan.FromHours(12);
}
