namespace OpenClosedDebate.Domain.Debates;

/// <summary>A student's stance on the motion before and after the debate.</summary>
public sealed record MindChange(Guid ParticipantId, MotionChoice? Before, MotionChoice? After)
{
    /// <summary>Voted both times, differently.</summary>
    public bool Changed => Before is not null && After is not null && Before != After;
}
