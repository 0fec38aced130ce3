namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// A move the rules do not allow. The message is written for the person who made the move;
/// anything else thrown from the domain is a bug.
/// </summary>
public sealed class DebateRuleException : Exception
{
    public DebateRuleException(DebateError error, string message)
        : base(message) => Error = error;

    public DebateError Error { get; }

    /// <summary>Every field the move got wrong, when it names fields (a plan); the message is the first of them.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];
}
