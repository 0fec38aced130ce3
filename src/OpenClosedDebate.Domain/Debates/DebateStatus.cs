namespace OpenClosedDebate.Domain.Debates;

/// <summary>Where a debate is in its life.</summary>
public enum DebateStatus
{
    /// <summary>Being prepared; students cannot join yet.</summary>
    Draft,

    /// <summary>Students may join; rounds may still be edited.</summary>
    Lobby,

    /// <summary>Rounds are under way.</summary>
    Running,

    /// <summary>Over; kept for review.</summary>
    Finished,
}
