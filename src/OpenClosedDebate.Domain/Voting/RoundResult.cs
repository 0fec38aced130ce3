namespace OpenClosedDebate.Domain.Voting;

using OpenClosedDebate.Domain.Debates;

/// <summary>What the class sees when a round closes.</summary>
/// <param name="RoundIndex">Zero-based round.</param>
/// <param name="Kind">The round's kind.</param>
/// <param name="BallotCount">Ballots counted.</param>
/// <param name="Ranking">Argument and ranking rounds: the order under the debate's method.</param>
/// <param name="Sides">Argument rounds: each side's score.</param>
/// <param name="Motion">Motion-vote rounds: the count.</param>
/// <param name="Persuasion">The post-debate motion vote: the change since the pre-debate vote.</param>
public sealed record RoundResult(
    int RoundIndex,
    RoundKind Kind,
    int BallotCount,
    RankingResult? Ranking,
    IReadOnlyList<SideScore>? Sides,
    MotionTally? Motion,
    Persuasion? Persuasion);
