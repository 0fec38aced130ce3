namespace OpenClosedDebate.Domain.Debates;

/// <summary>What a join came to (<see cref="Debate.JoinOrRetry"/>): the student, and the events to store, none for a retry.</summary>
public sealed record JoinOutcome(Participant Participant, IReadOnlyList<DebateEvent> Events)
{
    /// <summary>The secret had made this student already: nothing changed.</summary>
    public bool IsRetry => Events.Count == 0;
}
