namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// Schulze's working: <see cref="Preferences"/>[i][j] is the number of ballots preferring item i to
/// item j; <see cref="StrongestPaths"/>[i][j] is the strength of the strongest path from i to j.
/// Rows and columns follow <see cref="ItemIds"/>.
/// </summary>
public sealed record PairwiseDetail(IReadOnlyList<string> ItemIds, IReadOnlyList<IReadOnlyList<int>> Preferences, IReadOnlyList<IReadOnlyList<int>> StrongestPaths);
