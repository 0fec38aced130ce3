namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// Who may see an argument now, besides the instructor, who sees every one (<see cref="Debate.AudienceOf"/>): the
/// projector, every student, the students of one side, and its author. The edges send it to exactly these.
/// </summary>
public readonly record struct ArgumentAudience(bool Projector, bool Students, Side? Side, bool Author)
{
    /// <summary>Hidden: the instructor alone.</summary>
    public static ArgumentAudience Nobody => default;

    /// <summary>Whether a student on <paramref name="side"/> (the author or not) is in it.</summary>
    public bool Includes(bool isAuthor, Side? side) => Students || (Side is { } s && s == side) || (Author && isAuthor);
}
