namespace OpenClosedDebate.Server.Rooms;

using System.ComponentModel.DataAnnotations;
using OpenClosedDebate.Domain.Debates;

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
    /// How often each group of a room with anyone connected hears the number of its last update (protocol §4.7), so a
    /// client that missed a broadcast (one lost between servers, say) finds out and binds again within about this long.
    /// A heartbeat also keeps the connection alive in place of SignalR's own ping.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a send to one connection may wait on a client that isn't reading before the server drops
    /// that connection. Other connections never wait on it; this bounds the memory it can hold.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SlowClientTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many students may join a room at once before joins take turns (or a tenth of its capacity, if more).</summary>
    [Range(1, 20_000)]
    public int JoinBurst { get; set; } = 60;

    /// <summary>How many joins a second a room takes once the burst is spent (or what fills it in <see cref="JoinFillTime"/>, if faster).</summary>
    [Range(0.1, 1000)]
    public double JoinsPerSecond { get; set; } = 5;

    /// <summary>The time in which paced joins can fill a room to its capacity: a large room takes joins faster.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan JoinFillTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a join waits for its turn; one that would wait longer is refused with roomBusy and a time to try again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan JoinMaxWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many students one connection may join as in its life (leaving and joining again counts); then Join is refused on it.</summary>
    [Range(1, 100)]
    public int JoinsPerConnection { get; set; } = 3;

    /// <summary>
    /// How many of each side's newest arguments in the current round a snapshot (and a reveal) carries. Older
    /// ones are fetched a page at a time with the hub's <c>Arguments</c>, so a join or a reconnect stays small
    /// however many arguments the room has.
    /// </summary>
    [Range(1, DebateLimits.ArgumentsPerPage)]
    public int SnapshotArgumentsPerSide { get; set; } = 40;

    /// <summary>
    /// How long a room of a finished or draft debate stays in memory once no one is connected to it and nothing has
    /// used it; then it is dropped, and loaded again from the database the next time it is needed. Rooms of debates in
    /// a lobby or under way stay, so their clocks run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan IdleRoomLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many times a command runs again when its events lost to another writer's (a stale copy of the room, on a
    /// server the cluster is dropping, wrote to the debate first): the room reloads and runs it on what was stored. A
    /// command still overtaken after that is refused with storageUnavailable, to be tried again.
    /// </summary>
    [Range(0, 10)]
    public int FencedRetries { get; set; } = 3;

    /// <summary>How long after a debate finishes students can still resume to see the results, and a projector can still watch it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ResumeWindowAfterFinish { get; set; } = TimeSpan.FromHours(12);
}
