namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Voting;

// The events below are the debate's history. Replaying them in order rebuilds the debate exactly;
// they are stored as they are, and they are the transcript. They form one closed family, kept in
// one file so it reads as a list.

/// <summary>Something that happened in a debate.</summary>
public abstract record DebateEvent
{
    /// <summary>1 for the debate's first event, then 2, 3, ... with no gaps.</summary>
    public long Seq { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>Why a phase began.</summary>
public enum PhaseChangeCause
{
    Start,
    Deadline,
    Skip,
}

/// <summary>Why a student changed or got a side.</summary>
public enum SideChangeReason
{
    Instructor,
    DevilsAdvocate,
    Balance,
}

/// <summary>Why a debate finished.</summary>
public enum FinishCause
{
    LastRound,
    Ended,
}

public sealed record DebateCreated(string JoinCode, DebatePlan Plan, int Seed) : DebateEvent;

public sealed record PlanEdited(DebatePlan Plan) : DebateEvent;

public sealed record LobbyOpened : DebateEvent;

public sealed record RoomLockChanged(bool Locked) : DebateEvent;

/// <summary>
/// A student joined; <paramref name="Waiting"/> when the room admits by approval, so they wait for <see cref="ParticipantAdmitted"/>;
/// <paramref name="NameHeld"/> when the name matched the word filter, so classmates see the pseudonym until <see cref="NameApproved"/>.
/// </summary>
public sealed record ParticipantJoined(Guid ParticipantId, string DisplayName, string Pseudonym, int JoinOrdinal, string TokenHash, Side? Side, bool Waiting = false, bool NameHeld = false) : DebateEvent;

/// <summary>The instructor approved a name the word filter held: classmates and the projector see it now.</summary>
public sealed record NameApproved(Guid ParticipantId) : DebateEvent;

/// <summary>Whether new arguments wait for the instructor's approval, and from whom (<see cref="Debates.Moderation"/>).</summary>
public sealed record ModerationChanged(Moderation Moderation) : DebateEvent;

/// <summary>The instructor let a waiting student in, onto <paramref name="Side"/> if sides are given out already.</summary>
public sealed record ParticipantAdmitted(Guid ParticipantId, Side? Side) : DebateEvent;

/// <summary>How many students the room takes (waiting ones included).</summary>
public sealed record CapacityChanged(int Capacity) : DebateEvent;

/// <summary>Whether students who join wait for the instructor to let them in.</summary>
public sealed record AdmissionChanged(bool ApproveJoins) : DebateEvent;

public sealed record ParticipantLeft(Guid ParticipantId) : DebateEvent;

public sealed record SideAssigned(Guid ParticipantId, Side Side, SideChangeReason Reason) : DebateEvent;

public sealed record SidesSwapped(int RoundIndex) : DebateEvent;

public sealed record ParticipantMuted(Guid ParticipantId, bool Muted) : DebateEvent;

public sealed record ParticipantKicked(Guid ParticipantId) : DebateEvent;

public sealed record ParticipantRenamed(Guid ParticipantId, string OldName, string NewName) : DebateEvent;

public sealed record PhaseStarted(int RoundIndex, Phase Phase, DateTimeOffset? Deadline, PhaseChangeCause Cause) : DebateEvent;

public sealed record TimerPaused(TimeSpan Remaining) : DebateEvent;

public sealed record TimerResumed(DateTimeOffset Deadline) : DebateEvent;

public sealed record TimerExtended(TimeSpan By) : DebateEvent;

/// <summary>An argument or rebuttal was posted; <paramref name="Held"/> says why it waits for <see cref="ArgumentApproved"/>, if it does.</summary>
public sealed record ArgumentPosted(Guid ArgumentId, int RoundIndex, Guid AuthorId, Side Side, string Text, Guid? ReplyToId, string RequestId, Hold? Held = null) : DebateEvent;

/// <summary>
/// The instructor approved a held argument: everyone who may see arguments sees it now. <paramref name="OnBallot"/>
/// is false when voting on its round had already opened, so it is shown but is not an item of that vote.
/// </summary>
public sealed record ArgumentApproved(Guid ArgumentId, bool OnBallot) : DebateEvent;

public sealed record ArgumentHidden(Guid ArgumentId, string Reason) : DebateEvent;

public sealed record ArgumentRestored(Guid ArgumentId) : DebateEvent;

public sealed record BallotCast(Guid ParticipantId, int RoundIndex, IReadOnlyList<string> Ranking, int Revision, string Receipt, string RequestId) : DebateEvent;

public sealed record RoundClosed(int RoundIndex, RoundResult Result) : DebateEvent;

/// <summary>
/// The class may now see a closed round's result: the instructor revealed it, or (when
/// <paramref name="ByInstructor"/> is false) the debate moved past its results before they did.
/// </summary>
public sealed record ResultsRevealed(int RoundIndex, bool ByInstructor) : DebateEvent;

public sealed record DebateFinished(FinishCause Cause) : DebateEvent;

/// <summary>
/// The instructor removed a student's data: their arguments are withdrawn (their text is gone), their
/// name is replaced and their ballots no longer count. Stored events about them are rewritten to match.
/// </summary>
public sealed record ParticipantErased(Guid ParticipantId, string ReplacementName) : DebateEvent;
