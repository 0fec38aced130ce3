namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

/// <summary>
/// A debate as the instructor reviews it. With <see cref="Shared"/>, every name is a pseudonym: it
/// is the version made for sharing with the class.
/// </summary>
public sealed record ReviewView(
    string Format,
    bool Shared,
    ReviewDebateView Debate,
    PersuasionView? Persuasion,
    RecountNoteView? PersuasionRecountNote,
    IReadOnlyList<ReviewRoundView> Rounds,
    IReadOnlyList<ParticipationView> Participation,
    IReadOnlyList<TimelineEntryView> Timeline);

/// <summary>The debate's identity and plan, as reviewed.</summary>
public sealed record ReviewDebateView(
    Guid Id,
    string JoinCode,
    string Motion,
    DebateStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Students,
    TallyMethod TallyMethod,
    IReadOnlyList<PreReading> PreReading);

/// <summary>
/// A round: its plan, its arguments by side with rebuttals threaded under what they answer, its ballots and results.
/// The results count what the published result counted at the close, the debate's method first;
/// <see cref="RecountNote"/> says what happened to the round since, or is null when nothing did.
/// </summary>
public sealed record ReviewRoundView(
    int Index,
    string Title,
    RoundKind Kind,
    string Prompt,
    string? OpenBrief,
    string? ClosedBrief,
    ScenarioView? Scenario,
    IReadOnlyList<OptionView> Options,
    IReadOnlyList<ReviewArgumentView> Open,
    IReadOnlyList<ReviewArgumentView> Closed,
    IReadOnlyList<ReviewBallotView> Ballots,
    IReadOnlyList<ResultView> Results,
    RecountNoteView? RecountNote);

/// <summary>An argument with the rebuttals that answer it. A withdrawn argument's text is gone.</summary>
public sealed record ReviewArgumentView(
    Guid Id,
    Side Side,
    Guid AuthorId,
    string Author,
    string Text,
    int Words,
    DateTimeOffset PostedAt,
    Guid? ReplyToId,
    bool Hidden,
    string? HiddenReason,
    bool Withdrawn,
    IReadOnlyList<ReviewArgumentView> Replies);

/// <summary>
/// A student's final ballot in a round. <see cref="VoterRemoved"/>: the instructor removed (kicked) the voter.
/// <see cref="Counted"/>: the ballot counts in the round's count, as at its close (a student removed after the close
/// still counts there; one removed before it doesn't), or, before the close, as if counted now.
/// </summary>
public sealed record ReviewBallotView(Guid ParticipantId, string Voter, IReadOnlyList<string> Ranking, int Revision, string Receipt, DateTimeOffset CastAt, bool VoterRemoved, bool Counted);

/// <summary>What one student did in the debate.</summary>
public sealed record ParticipationView(
    Guid ParticipantId,
    string Name,
    string Status,
    IReadOnlyList<Side> Sides,
    int Arguments,
    int Rebuttals,
    int Words,
    int Ballots,
    int Revisions,
    MotionChoice? Before,
    MotionChoice? After,
    bool ChangedMind);

/// <summary>One line of the timeline: when, what kind of thing, who did it, and what happened.</summary>
public sealed record TimelineEntryView(
    long Seq,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string Text,
    int? RoundIndex,
    Guid? ParticipantId,
    Guid? ArgumentId,
    Guid? ReplyToId);
