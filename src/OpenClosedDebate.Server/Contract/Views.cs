namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

// The shapes clients see. Mirrored once in client/src/contract.ts and documented in docs/protocol.md.

/// <summary>A debate's plan as shown to everyone in it.</summary>
public sealed record DebateView(
    Guid Id,
    string JoinCode,
    string Motion,
    DebateStatus Status,
    bool Locked,
    EntryView Entry,
    Moderation Moderation,
    SettingsView Settings,
    IReadOnlyList<PreReading> PreReading,
    IReadOnlyList<RoundView> Rounds);

/// <summary>
/// Who may come in: the room takes <see cref="Capacity"/> students (waiting ones included), and with
/// <see cref="ApproveJoins"/> a student who joins waits until the instructor lets them in.
/// </summary>
public sealed record EntryView(int Capacity, bool ApproveJoins);

/// <summary>
/// Instructor only: how joins into the room are paced. Beyond a class's normal arrival (<see cref="Burst"/> at
/// once, then <see cref="PerSecond"/>), joins wait their turn; <see cref="Slowed"/> waited and <see cref="TurnedAway"/>
/// would have waited too long and were told to try again, both counted since <see cref="SurgeSince"/>, the
/// first of them after a quiet minute. <see cref="LastSurgeAt"/> is the latest; a minute after it the surge is over.
/// </summary>
public sealed record JoinActivityView(int Burst, double PerSecond, int Slowed, int TurnedAway, DateTimeOffset? SurgeSince, DateTimeOffset? LastSurgeAt);

/// <summary>The settings students may know about.</summary>
public sealed record SettingsView(
    SideAssignmentMode SideAssignment,
    ArgumentVisibility Visibility,
    TallyMethod TallyMethod,
    int MaxRankedItems,
    bool AllowRankingOwnArgument,
    bool SwapSidesEachRound,
    bool Anonymous,
    ResultReveal RevealResults);

/// <summary>One round's plan.</summary>
public sealed record RoundView(
    int Index,
    string Title,
    string Prompt,
    RoundKind Kind,
    string? OpenBrief,
    string? ClosedBrief,
    ScenarioView? Scenario,
    IReadOnlyList<OptionView> Options,
    int MaxRanked,
    int? ArgueSeconds,
    int VoteSeconds,
    int? ResultsSeconds);

/// <summary>An openness scenario: its key and the curriculum's wording.</summary>
public sealed record ScenarioView(OpennessScenario Key, string Description);

/// <summary>A ballot item of a ranking or motion-vote round.</summary>
public sealed record OptionView(string Id, string Label);

/// <summary>
/// Where the debate is now. Deadlines are absolute UTC; clients correct for their clock offset with the message's serverNow.
/// <see cref="ResultsPending"/> is true in a results phase whose result waits for the instructor to reveal it.
/// </summary>
public sealed record ClockView(
    DebateStatus Status,
    int? RoundIndex,
    Phase? Phase,
    DateTimeOffset? Deadline,
    long? RemainingMs,
    bool Paused,
    bool ResultsPending);

/// <summary>
/// Students on each side, with no side yet, and waiting to be let in; ballots cast in the current round, and
/// <see cref="Voted"/>: how many of the students still in the room (let in, not gone) have one.
/// </summary>
public sealed record CountsView(int Open, int Closed, int Unassigned, int Ballots, int Waiting, int Voted);

/// <summary>
/// An argument or rebuttal. Students see authors' pseudonyms in an anonymous debate (and an author's pseudonym while
/// their name waits for approval). <see cref="Seq"/> is the event that posted it: arguments are in posting order by it,
/// and it is the cursor of <see cref="ArgumentPageRequest"/>. <see cref="Held"/> says why it waits for the instructor's
/// approval (the author and, under beforeProjector, classmates see it meanwhile; it is no ballot item and can't be
/// rebutted); <see cref="OffBallot"/> that it was approved after voting on its round opened, so that vote doesn't rank it.
/// <see cref="BallotItem"/> is the domain's answer to "is this one of its round's ballot items" (visible, approved,
/// not approved late): a student's ballot may rank it, unless it is their own and the debate doesn't allow that.
/// </summary>
public sealed record ArgumentView(
    Guid Id,
    int RoundIndex,
    Side Side,
    Guid AuthorId,
    string AuthorName,
    string Text,
    Guid? ReplyToId,
    DateTimeOffset PostedAt,
    bool Hidden,
    string? HiddenReason,
    bool Withdrawn,
    long Seq,
    Hold? Held,
    bool OffBallot,
    bool BallotItem);

/// <summary>
/// A student as the instructor sees them. <see cref="Voted"/> and <see cref="Posts"/> are the student's part in
/// round <see cref="RoundIndex"/>, the current round when the view was made (null before the start): a client
/// shows them only while that is still the current round, so a new round needs no roster resent. <see cref="NameHeld"/>:
/// the word filter held their name (classmates see the pseudonym).
/// </summary>
public sealed record ParticipantView(
    Guid Id,
    string DisplayName,
    string Pseudonym,
    Side? Side,
    bool Muted,
    bool Kicked,
    bool Left,
    bool Connected,
    DateTimeOffset JoinedAt,
    bool Waiting,
    int? RoundIndex,
    bool Voted,
    int Posts,
    bool NameHeld);

/// <summary>One student's part in a round: whether they have a ballot in it, and how many arguments and rebuttals they posted.</summary>
public sealed record ActivityView(Guid Id, bool Voted, int Posts);

/// <summary>
/// A student's own standing, with their arguments the instructor hid and why. <see cref="NameHeld"/>: the word filter
/// held their name, so classmates and the projector see <see cref="Pseudonym"/> until the instructor approves it.
/// </summary>
public sealed record YouView(Guid ParticipantId, string DisplayName, string Pseudonym, Side? Side, bool Muted, IReadOnlyList<HiddenArgumentView> HiddenArguments, bool Waiting, bool NameHeld);

/// <summary>One of the student's own arguments that the instructor hid from the class, with the reason given.</summary>
public sealed record HiddenArgumentView(Guid ArgumentId, int RoundIndex, string Text, string Reason);

/// <summary>A student's own ballot in a round, with its receipt.</summary>
public sealed record BallotView(int RoundIndex, IReadOnlyList<string> Ranking, int Revision, string Receipt, DateTimeOffset CastAt);

/// <summary>
/// How many of one side's arguments in one round were left out of what the client was sent, all older than
/// <see cref="Before"/>: pass <see cref="Before"/> to <c>Arguments</c> to fetch them, newest first.
/// </summary>
public sealed record OlderArgumentsView(int RoundIndex, Side Side, int Count, long Before);

/// <summary>A page of one side's arguments in one round, in posting order, and what is still older.</summary>
public sealed record ArgumentPageView(IReadOnlyList<ArgumentView> Arguments, OlderArgumentsView Older);
