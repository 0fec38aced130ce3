namespace OpenClosedDebate.Server.Persistence;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Rewrites a student's stored events when the instructor removes their data: argument text, names
/// and rankings go; what the events say happened stays, so the history still replays.
/// </summary>
internal static class Redaction
{
    public static readonly string[] Types = [StoredEventNames.NameOf<ArgumentPosted>(), StoredEventNames.NameOf<ParticipantJoined>(), StoredEventNames.NameOf<ParticipantRenamed>(), StoredEventNames.NameOf<BallotCast>()];

    public static DebateEvent Redact(DebateEvent e, string replacementName) => e switch
    {
        ArgumentPosted a => a with { Text = string.Empty },
        ParticipantJoined j => j with { DisplayName = replacementName },
        ParticipantRenamed r => r with { OldName = replacementName, NewName = replacementName },
        BallotCast b => b with { Ranking = [] },
        _ => e,
    };
}
