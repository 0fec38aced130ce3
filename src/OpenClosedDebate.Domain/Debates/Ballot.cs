namespace OpenClosedDebate.Domain.Debates;

/// <summary>A student's current ranking in one round. A new ballot replaces the old one.</summary>
/// <param name="ParticipantId">The voter.</param>
/// <param name="RoundIndex">Zero-based round.</param>
/// <param name="Ranking">Item ids, most preferred first.</param>
/// <param name="Revision">1 for the first ballot, then 2, 3, ...</param>
/// <param name="Receipt">A short code the student can match against the transcript.</param>
/// <param name="CastAt">When the server accepted it.</param>
public sealed record Ballot(Guid ParticipantId, int RoundIndex, IReadOnlyList<string> Ranking, int Revision, string Receipt, DateTimeOffset CastAt);
