namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Domain.Debates;

// The shapes clients see. Mirrored once in client/src/contract.ts and documented in docs/protocol.md.

/// <summary>A debate's plan as shown to everyone in it.</summary>
public sealed record DebateView(
    Guid Id,
    string JoinCode,
    string Motion,
    DebateStatus Status,
    bool Locked,
    SettingsView Settings,
    IReadOnlyList<PreReading> PreReading,
    IReadOnlyList<RoundView> Rounds);

/// <summary>The settings students may know about.</summary>
public sealed record SettingsView(
    SideAssignmentMode SideAssignment,
    ArgumentVisibility Visibility,
    string TallyMethod,
    int MaxRankedItems,
    bool AllowRankingOwnArgument,
    bool SwapSidesEachRound,
    bool Anonymous);

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

/// <summary>Where the debate is now. Deadlines are absolute UTC; clients correct for their clock offset with the message's serverNow.</summary>
public sealed record ClockView(
    DebateStatus Status,
    int? RoundIndex,
    Phase? Phase,
    DateTimeOffset? Deadline,
    long? RemainingMs,
    bool Paused);

/// <summary>How many students are on each side, and how many ballots the current round has.</summary>
public sealed record CountsView(int Open, int Closed, int Unassigned, int Ballots);

/// <summary>An argument or rebuttal. Students see authors' pseudonyms in an anonymous debate.</summary>
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
    bool Withdrawn);

/// <summary>A student as the instructor sees them.</summary>
public sealed record ParticipantView(
    Guid Id,
    string DisplayName,
    string Pseudonym,
    Side? Side,
    bool Muted,
    bool Kicked,
    bool Left,
    bool Connected,
    DateTimeOffset JoinedAt);

/// <summary>A student's own standing.</summary>
public sealed record YouView(Guid ParticipantId, string DisplayName, string Pseudonym, Side? Side, bool Muted);

/// <summary>A student's own ballot in a round, with its receipt.</summary>
public sealed record BallotView(int RoundIndex, IReadOnlyList<string> Ranking, int Revision, string Receipt, DateTimeOffset CastAt);
