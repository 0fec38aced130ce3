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

    /// <summary>
    /// How long a send to one connection may wait on a client that isn't reading before the server drops
    /// that connection. Other connections never wait on it; this bounds the memory it can hold.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SlowClientTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a debate finishes students can still resume to see the results.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ResumeWindowAfterFinish { get; set; } = TimeSpan.FromHours(12);
}
