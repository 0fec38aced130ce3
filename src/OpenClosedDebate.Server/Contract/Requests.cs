namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Join a debate by its code with a display name. <see cref="JoinSecret"/>, made by the client from at
/// least 128 random bits, becomes the student's resume token, so a retried join with the same secret
/// returns the same participant (also after a server restart) and nobody without the secret can.
/// <see cref="RequestId"/> is accepted for older clients and ignored.
/// </summary>
public sealed record JoinRequest(string? Code, string? Name, string? RequestId = null, string? JoinSecret = null);

/// <summary>What a student gets for joining. Keep the token: it resumes this participant later.</summary>
public sealed record JoinResult(Guid DebateId, Guid ParticipantId, string ResumeToken, RoomSnapshot Snapshot);

/// <summary>Resume a participant after a reload or a dropped connection.</summary>
public sealed record ResumeRequest(Guid DebateId, string? Token);

/// <summary>
/// Post an argument, or a rebuttal when <see cref="ReplyToId"/> is set. <see cref="RequestId"/> is
/// chosen by the client; sending the same one again returns the first acknowledgement.
/// </summary>
public sealed record PostArgumentRequest(string? RequestId, string? Text, Guid? ReplyToId);

/// <summary>Acknowledges a committed argument.</summary>
public sealed record ArgumentAck(string RequestId, ArgumentView Argument);

/// <summary>Cast or revise a ballot: item ids, most preferred first.</summary>
public sealed record BallotRequest(string? RequestId, int RoundIndex, IReadOnlyList<string>? Ranking);

/// <summary>Acknowledges a committed ballot.</summary>
public sealed record BallotAck(string RequestId, BallotView Ballot);

/// <summary>Watch a debate on the projector.</summary>
public sealed record WatchRequest(string? Code);

/// <summary>
/// Fetch the newest <see cref="Limit"/> (0–50) arguments of <see cref="Side"/> in round <see cref="RoundIndex"/>
/// posted before the event with seq <see cref="Before"/> (null: the newest), as this connection may see them.
/// </summary>
public sealed record ArgumentPageRequest(Guid DebateId, int RoundIndex, Side Side, long? Before, int Limit);
