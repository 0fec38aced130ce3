namespace OpenClosedDebate.Server.Rooms;

using System.Security.Cryptography;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The numbering of a room's broadcasts to its two groups, so a client can tell that it missed one. Each update to the
/// public group (students and projectors) and to the instructor group carries the next number of its group; snapshots
/// and heartbeats carry the last one. A client that sees a gap, or a number it hasn't had an update for, binds again
/// for a fresh snapshot. <see cref="Id"/> is new for every room loaded, so numbers from an earlier load never compare.
/// </summary>
/// <remarks>Numbers are drawn under the room's gate, as snapshots are taken, so a snapshot's number is never ahead of an update it lacks.</remarks>
internal sealed class RoomFeed
{
    private long _public;
    private long _instructor;

    /// <summary>8 hex digits, random.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The number of the last update sent (or about to be sent) to an audience's group; 0 before the first.</summary>
    public long Last(Audience audience) => audience == Audience.Instructor ? Volatile.Read(ref _instructor) : Volatile.Read(ref _public);

    /// <summary>Numbers the next update to an audience's group.</summary>
    public long Next(Audience audience) => audience == Audience.Instructor ? Interlocked.Increment(ref _instructor) : Interlocked.Increment(ref _public);
}
