namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The calls one debate's live room answers, reached by the debate's id. Every argument and every result is plain data:
/// no closures, no room objects, no connection contexts. So the same call can go to the room in this process or to the
/// one process of a cluster that owns it (docs/cluster.md), and nothing above the room knows which.
/// </summary>
/// <remarks>
/// The owner's calls take the instructor's id and answer <c>notFound: That debate doesn't exist.</c> for anyone else's
/// debate, so that check is made where the room is. A call on a debate that no longer exists answers
/// <c>notFound: This debate no longer exists.</c> (<see cref="ResumeAsync"/>: <c>invalidToken</c>).
/// <para>Every member is a method returning a task, so that a cluster's grain interface can be this interface itself.</para>
/// </remarks>
internal interface IRoomHandle
{
    /// <summary>A student joins on a connection; <paramref name="bound"/> is the student the connection already speaks for in this debate, if any.</summary>
    Task<JoinResult> JoinAsync(JoinRequest request, RoomConnection connection, Guid? bound);

    /// <summary>A student comes back with their resume token.</summary>
    Task<Resumed> ResumeAsync(string? token, RoomConnection connection);

    /// <summary>A projector watches; <paramref name="viewer"/> is the student the connection spoke for until now, if any.</summary>
    Task<RoomSnapshot> WatchAsync(RoomConnection connection, Guid? viewer);

    Task<ArgumentAck> PostArgumentAsync(Guid participantId, PostArgumentRequest request);

    Task<BallotAck> CastBallotAsync(Guid participantId, BallotRequest request);

    /// <summary>A student leaves the debate for good.</summary>
    Task LeaveAsync(Guid participantId);

    /// <summary>Whether a student is still in the debate: not removed, gone or erased.</summary>
    Task<bool> IsActiveAsync(Guid participantId);

    /// <summary>A page of one side's older arguments, as a connection in <paramref name="audience"/> may see them.</summary>
    Task<ArgumentPageView> ArgumentsAsync(Audience audience, Guid? participantId, ArgumentPageRequest request);

    /// <summary>
    /// A connection of this student was closed for refused calls: they sit out <c>RateLimits:RefusalCooldown</c>. Kept
    /// where the room is, which is where <see cref="ResumeAsync"/> and <see cref="JoinAsync"/> ask, whichever node
    /// closed the connection.
    /// </summary>
    Task BenchAsync(Guid participantId);

    /// <summary>A connection left; it no longer counts as present. Never loads a room that isn't live.</summary>
    Task DisconnectedAsync(string connectionId);

    /// <summary>The owner's console attaches on a connection.</summary>
    Task<RoomSnapshot> AttachAsync(Guid instructorId, RoomConnection connection);

    /// <summary>Runs one of the owner's commands.</summary>
    Task ControlAsync(Guid instructorId, RoomCommand command);

    Task<DebatePlan> PlanAsync(Guid instructorId);

    Task<DebateDetail> DetailAsync(Guid instructorId);

    /// <summary>Every closed round under every tally method, and each student's change of mind.</summary>
    Task<ComparisonView> ComparisonAsync(Guid instructorId);

    /// <summary>The whole record of the debate; with <paramref name="share"/>, names become pseudonyms.</summary>
    Task<ReviewView> ReviewAsync(Guid instructorId, bool share, CancellationToken ct);

    /// <summary>Removes one student's data.</summary>
    Task EraseAsync(Guid instructorId, Guid participantId);

    /// <summary>Deletes the debate with everything in it, and tells everyone connected to it.</summary>
    Task DeleteAsync(Guid instructorId);

    /// <summary>Where the debate stands, for the server's log; loads the room, so its clock runs. Null if the debate doesn't exist.</summary>
    Task<RoomStatus?> StatusAsync();
}

/// <summary>A student who resumed, and what they see.</summary>
internal sealed record Resumed(Guid ParticipantId, RoomSnapshot Snapshot);

/// <summary>Where a debate stands.</summary>
internal sealed record RoomStatus(string JoinCode, DebateStatus Status, int? RoundIndex, Phase? Phase, TimeSpan? Remaining);
