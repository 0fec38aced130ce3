namespace OpenClosedDebate.Domain.Debates;

/// <summary>Why an argument waits for the instructor's approval, which also says who sees it meanwhile.</summary>
public enum Hold
{
    /// <summary>Posted under <see cref="Moderation.BeforeProjector"/>: classmates see it, the projector doesn't.</summary>
    BeforeProjector,

    /// <summary>Posted under <see cref="Moderation.BeforeEveryone"/>: only its author and the instructor see it.</summary>
    BeforeEveryone,

    /// <summary>It matched the word filter: only its author and the instructor see it, whatever the moderation.</summary>
    WordFilter,
}
