namespace OpenClosedDebate.Domain.Debates;

/// <summary>Why a move was refused. Sent to clients by name, so names are part of the protocol.</summary>
public enum DebateError
{
    NotFound,
    InvalidText,
    InvalidName,
    NameTaken,
    InvalidPlan,
    WrongStatus,
    WrongPhase,
    Paused,
    DeadlinePassed,
    RoomLocked,
    Muted,
    Kicked,
    Left,
    NoSide,
    TooManyArguments,
    InvalidRebuttal,
    InvalidBallot,
    InvalidDuration,
    NotTimed,
    InvalidToken,
    InvalidRequest,

    /// <summary>The room holds as many students as the instructor allows.</summary>
    RoomFull,

    /// <summary>The student is waiting for the instructor to let them in.</summary>
    NotAdmitted,

    /// <summary>A connection that speaks for a student in the room tried to join as another.</summary>
    AlreadyJoined,
}
