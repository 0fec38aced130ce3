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

    /// <summary>Joined while the room admits by approval, and not let in yet: can't post or vote, and has no side.</summary>
    public bool Waiting { get; internal set; }

    /// <summary>The name matched the word filter: classmates and the projector see <see cref="Pseudonym"/> until the instructor approves it or renames the student.</summary>
    public bool NameHeld { get; internal set; }

    /// <summary>In the room: neither kicked nor gone (possibly still waiting to be let in).</summary>
    public bool IsActive => !Kicked && !Left && !Erased;

    /// <summary>In the room and let in: takes part.</summary>
    public bool IsAdmitted => IsActive && !Waiting;
}
