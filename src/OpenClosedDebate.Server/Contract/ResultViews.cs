namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

/// <summary>A round's result. Which parts are set depends on the round's kind.</summary>
public sealed record ResultView(
    int RoundIndex,
    RoundKind Kind,
    int BallotCount,
    RankingView? Ranking,
    IReadOnlyList<SideScoreView>? Sides,
    MotionView? Motion,
    PersuasionView? Persuasion);

/// <summary>
/// An order of items under one named method ("borda", "instantRunoff" or "schulze"), with the
/// method's working: the runoff rounds, or the pairwise matrices, and a note when a method was
/// restricted (e.g. Schulze over a shortlist).
/// </summary>
/// <remarks>
/// In the room (events, snapshots, the live tally) <see cref="Items"/> holds the first
/// <see cref="RoomViews.PublishedItems"/> places only, so a round of 2,000 arguments doesn't send every phone the
/// whole list; <see cref="ItemCount"/> is how many were ranked. The REST comparison, review and exports list every item.
/// </remarks>
public sealed record RankingView(TallyMethod Method, IReadOnlyList<RankedItemView> Items, int ItemCount, string? Note, RunoffView? Runoff, PairwiseView? Pairwise);

/// <summary>Instant-runoff rounds; early rounds with many items in the race are summed up. <see cref="DecisiveRound"/> is null when no ballot counted for any item.</summary>
public sealed record RunoffView(IReadOnlyList<RunoffRoundView> Rounds, int SummarisedRounds, int SummarisedEliminated, int? DecisiveRound);

/// <summary>One runoff round: each item's votes, who went out, and ballots with no choice left.</summary>
public sealed record RunoffRoundView(int Number, IReadOnlyList<RunoffCountView> Counts, IReadOnlyList<string> Eliminated, int Exhausted, int Continuing);

public sealed record RunoffCountView(string ItemId, string? Label, int Votes);

/// <summary>Schulze: preferences[i][j] ballots prefer item i to item j; strongestPaths[i][j] is the strongest path.</summary>
public sealed record PairwiseView(IReadOnlyList<string> ItemIds, IReadOnlyList<IReadOnlyList<int>> Preferences, IReadOnlyList<IReadOnlyList<int>> StrongestPaths);

/// <summary>
/// A closed round under every method, for the instructor to compare. The results count what the published result
/// counted at the close; <see cref="RecountNote"/> says what happened to the round since, or is null when nothing did.
/// </summary>
public sealed record RoundComparisonView(int RoundIndex, string Title, IReadOnlyList<ResultView> Results, RecountNoteView? RecountNote);

/// <summary>
/// What happened to a closed round after its count. Removed students, hidden, restored and withdrawn arguments
/// change no recount (counted as at the close); <see cref="ErasedStudents"/> do: their ballots are gone, so the
/// recount is without them and can differ from what the class saw.
/// </summary>
public sealed record RecountNoteView(int RemovedStudents, int HiddenArguments, int RestoredArguments, int WithdrawnArguments, int ErasedStudents);

/// <summary>A student's motion votes before and after the debate.</summary>
public sealed record MindChangeView(Guid ParticipantId, string DisplayName, MotionChoice? Before, MotionChoice? After, bool Changed);

/// <summary>Everything the instructor can compare after rounds close.</summary>
public sealed record ComparisonView(IReadOnlyList<RoundComparisonView> Rounds, IReadOnlyList<MindChangeView> MindChanges);

/// <summary>One item's place. <see cref="Label"/> is the option or choice label; argument items carry the argument id.</summary>
public sealed record RankedItemView(string ItemId, string? Label, int Place, int Score, int FirstPreferences, bool TieBroken);

public sealed record SideScoreView(Side Side, int Points, int Arguments, double Share);

public sealed record MotionView(int For, int Against, int Undecided, double ForPercent, double AgainstPercent, double UndecidedPercent);

/// <summary>
/// The change between the pre- and post-debate motion votes. <see cref="Verdict"/> is decided from the counts, exactly;
/// the gains are percentage points rounded to one decimal for display only (null when a vote had no ballots).
/// <see cref="Winner"/> is For or Against, or null for a draw or no verdict.
/// </summary>
public sealed record PersuasionView(MotionView Before, MotionView After, double? ForGain, double? AgainstGain, MotionChoice? Winner, PersuasionVerdict Verdict);
