namespace OpenClosedDebate.Domain.Debates;

/// <summary>The outcome of a student's submission.</summary>
/// <param name="Accepted">The event that recorded it: new, or the original when this was a retry.</param>
/// <param name="Events">New events to store; empty for a retry.</param>
public sealed record Submission<T>(T Accepted, IReadOnlyList<DebateEvent> Events)
    where T : DebateEvent
{
    /// <summary>The same request id was seen before, so nothing new happened.</summary>
    public bool IsRetry => Events.Count == 0;
}
