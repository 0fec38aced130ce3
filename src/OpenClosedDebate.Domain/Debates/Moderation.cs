namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// Pre-moderation: whether a new argument waits for the instructor's approval before it is shown, and to whom.
/// The instructor switches it live; arguments already held stay held when it changes.
/// </summary>
public enum Moderation
{
    /// <summary>Arguments are shown as they are posted (unless the word filter holds one).</summary>
    Off,

    /// <summary>Classmates see a new argument at once (as the visibility allows); the projector only once it is approved.</summary>
    BeforeProjector,

    /// <summary>Only its author and the instructor see a new argument until it is approved.</summary>
    BeforeEveryone,
}
