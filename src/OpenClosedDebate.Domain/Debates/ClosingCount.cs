namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// What a round's published count counted when its voting closed: whose ballots, and which items
/// were candidates, in their tie-break order. Recorded when <see cref="RoundClosed"/> is applied, so
/// replaying stored events (of any version) records the same thing: at that point in the history the
/// debate is exactly as it was when the count was made.
/// </summary>
/// <param name="Voters">Students whose ballots counted: those with a ballot who had not been removed.</param>
/// <param name="Candidates">The items a ballot could rank: for argument rounds, the arguments not hidden at the close.</param>
public sealed record ClosingCount(IReadOnlySet<Guid> Voters, IReadOnlyList<string> Candidates);
