namespace OpenClosedDebate.Domain.Debates;

/// <summary>A student in one debate. Students have no account; the participant is their identity.</summary>
public sealed class Participant
{
    internal Participant(Guid id, string displayName, string pseudonym, int joinOrdinal, string tokenHash, DateTimeOffset joinedAt)
    {
        Id = id;
        DisplayName = displayName;
        Pseudonym = pseudonym;
        JoinOrdinal = joinOrdinal;
        TokenHash = tokenHash;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; }

    public string DisplayName { get; internal set; }

    /// <summary>The name other students see when the debate is anonymous.</summary>
    public string Pseudonym { get; }

    /// <summary>0 for the first student to join, and so on.</summary>
    public int JoinOrdinal { get; }

    /// <summary>A hash of the resume token; the token itself is never kept.</summary>
    public string TokenHash { get; }

    public DateTimeOffset JoinedAt { get; }

    /// <summary>Null until the student is put on a side.</summary>
    public Side? Side { get; internal set; }

    public bool Muted { get; internal set; }

    public bool Kicked { get; internal set; }

    public bool Left { get; internal set; }

    /// <summary>The instructor removed this student's data; <see cref="DisplayName"/> is a placeholder.</summary>
    public bool Erased { get; internal set; }

    /// <summary>In the room: neither kicked nor gone.</summary>
    public bool IsActive => !Kicked && !Left && !Erased;
}
