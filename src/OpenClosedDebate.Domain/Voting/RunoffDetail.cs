namespace OpenClosedDebate.Domain.Voting;

/// <summary>The rounds of an instant-runoff count.</summary>
/// <param name="Rounds">Rounds in order. When many items are in the race, early rounds are summed up instead (see <paramref name="SummarisedRounds"/>).</param>
/// <param name="SummarisedRounds">How many early rounds are not listed one by one.</param>
/// <param name="SummarisedEliminated">How many items those rounds eliminated.</param>
/// <param name="DecisiveRound">The round in which the winner had a majority of the ballots still counting; null when no ballot counted for any item.</param>
public sealed record RunoffDetail(IReadOnlyList<RunoffRound> Rounds, int SummarisedRounds, int SummarisedEliminated, int? DecisiveRound);

/// <summary>One round: every item still in the race with its votes, who went out, and the ballots that had no choice left.</summary>
/// <param name="Number">1 for the first round.</param>
/// <param name="Counts">Items still in the race, most votes first.</param>
/// <param name="Eliminated">Items eliminated at the end of this round (several only when none of them has a vote).</param>
/// <param name="Exhausted">Ballots with no choice left in the race.</param>
/// <param name="Continuing">Ballots still counting for some item.</param>
public sealed record RunoffRound(int Number, IReadOnlyList<RunoffCount> Counts, IReadOnlyList<string> Eliminated, int Exhausted, int Continuing);

/// <summary>An item's votes in a round.</summary>
public sealed record RunoffCount(string ItemId, int Votes);
