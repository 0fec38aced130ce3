namespace OpenClosedDebate.Domain.Debates;

/// <summary>The phases of a round, in order. Ranking and motion-vote rounds skip <see cref="Argue"/>.</summary>
public enum Phase
{
    Argue,
    Vote,
    Results,
}
