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
}
