namespace OpenClosedDebate.Server.Contract;

using System.Text.Json.Serialization;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A batch of changes for one audience, sent at most a few times a second per room. An update to a whole group (every
/// student and projector, or every instructor) carries the room's <see cref="Feed"/> and its group's next
/// <see cref="Flush"/> number, one more than the last; a targeted update (one side's students, one student) carries
/// neither. A client that sees a number skipped, or a heartbeat ahead of what it has, missed something and binds again.
/// </summary>
public sealed record RoomUpdate(DateTimeOffset ServerNow, IReadOnlyList<RoomEvent> Events, string? Feed = null, long? Flush = null);

/// <summary>
/// Sent to each group of a room with connections every <c>Rooms:HeartbeatInterval</c>: the number of the group's last
/// update. A client whose last numbered update (or snapshot) is behind it, or of another feed, missed a broadcast.
/// </summary>
public sealed record HeartbeatView(string Feed, long Flush, DateTimeOffset ServerNow);

/// <summary>
/// One change. <see cref="Seq"/> is the debate event it came from; a client that holds a snapshot of
/// version V ignores events with seq at or below V.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ClockChanged), "clock")]
[JsonDerivedType(typeof(CountsChanged), "counts")]
[JsonDerivedType(typeof(PlanChanged), "plan")]
[JsonDerivedType(typeof(LockChanged), "lock")]
[JsonDerivedType(typeof(EntryChanged), "entry")]
[JsonDerivedType(typeof(JoinsChanged), "joins")]
[JsonDerivedType(typeof(ModerationSwitched), "moderation")]
[JsonDerivedType(typeof(ArgumentUpserted), "argument")]
[JsonDerivedType(typeof(ArgumentRemoved), "argumentRemoved")]
[JsonDerivedType(typeof(OlderArgumentsChanged), "olderArguments")]
[JsonDerivedType(typeof(AuthorRenamed), "authorRenamed")]
[JsonDerivedType(typeof(ResultsPublished), "results")]
[JsonDerivedType(typeof(TallyChanged), "tally")]
[JsonDerivedType(typeof(RosterChanged), "roster")]
[JsonDerivedType(typeof(ActivityChanged), "activity")]
[JsonDerivedType(typeof(SidesSwapped), "sidesSwapped")]
[JsonDerivedType(typeof(YouChanged), "you")]
[JsonDerivedType(typeof(Removed), "removed")]
public abstract record RoomEvent(long Seq);

public sealed record ClockChanged(long Seq, ClockView Clock) : RoomEvent(Seq);

public sealed record CountsChanged(long Seq, CountsView Counts) : RoomEvent(Seq);

/// <summary>The instructor edited the plan in the lobby.</summary>
public sealed record PlanChanged(long Seq, DebateView Debate) : RoomEvent(Seq);

public sealed record LockChanged(long Seq, bool Locked) : RoomEvent(Seq);

/// <summary>The room's capacity or its approval of joins changed.</summary>
public sealed record EntryChanged(long Seq, EntryView Entry) : RoomEvent(Seq);

/// <summary>The instructor switched pre-moderation: whether new arguments wait for approval, and from whom.</summary>
public sealed record ModerationSwitched(long Seq, Moderation Moderation) : RoomEvent(Seq);

/// <summary>Instructor only: joins are being slowed, or were, in a surge.</summary>
public sealed record JoinsChanged(long Seq, JoinActivityView Joins) : RoomEvent(Seq);

/// <summary>An argument to add or replace (posted, revealed, restored, approved, or hidden for the instructor).</summary>
public sealed record ArgumentUpserted(long Seq, ArgumentView Argument) : RoomEvent(Seq);

/// <summary>An argument students should no longer show: the instructor hid it.</summary>
public sealed record ArgumentRemoved(long Seq, Guid ArgumentId) : RoomEvent(Seq);

/// <summary>Voting opened on a round whose arguments were kept within sides: what was left out of the reveal, per side.</summary>
public sealed record OlderArgumentsChanged(long Seq, OlderArgumentsView Older) : RoomEvent(Seq);

public sealed record AuthorRenamed(long Seq, Guid AuthorId, string AuthorName) : RoomEvent(Seq);

public sealed record ResultsPublished(long Seq, ResultView Result) : RoomEvent(Seq);

/// <summary>Instructor only: the live count of the round being voted on.</summary>
public sealed record TallyChanged(long Seq, ResultView Tally) : RoomEvent(Seq);

/// <summary>Instructor only: a student to add or replace in the roster.</summary>
public sealed record RosterChanged(long Seq, ParticipantView Participant) : RoomEvent(Seq);

/// <summary>
/// Instructor only: students who voted or posted in round <see cref="RoundIndex"/> since the last update, each
/// once, as they stand now. Kept small (an id, a flag and a number each), so a vote storm in a big room doesn't
/// resend the roster.
/// </summary>
public sealed record ActivityChanged(long Seq, int RoundIndex, IReadOnlyList<ActivityView> Students) : RoomEvent(Seq);

/// <summary>Everyone changed side; a student's own side flips.</summary>
public sealed record SidesSwapped(long Seq, int RoundIndex) : RoomEvent(Seq);

/// <summary>Sent to one student: their side, name or mute changed.</summary>
public sealed record YouChanged(long Seq, YouView You) : RoomEvent(Seq);

/// <summary>Sent to one student: the instructor removed them.</summary>
public sealed record Removed(long Seq, string Message) : RoomEvent(Seq);
