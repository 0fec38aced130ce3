namespace OpenClosedDebate.Server.Persistence;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;

/// <summary>Turns domain events into stored records and back. The record's Type is the event's <see cref="StoredEventNames">stored name</see>.</summary>
internal static class EventCodec
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public static DebateEventRecord ToRecord(Guid debateId, DebateEvent e) => new()
    {
        DebateId = debateId,
        Seq = e.Seq,
        Type = StoredEventNames.NameOf(e.GetType()),
        At = e.At,
        ParticipantId = ParticipantOf(e),
        RequestId = e switch
        {
            ArgumentPosted a => a.RequestId,
            BallotCast b => b.RequestId,
            _ => null,
        },
        Payload = JsonSerializer.Serialize(e, e.GetType(), Json),
    };

    public static DebateEvent FromRecord(DebateEventRecord record)
    {
        if (StoredEventNames.TypeOf(record.Type) is not { } type)
        {
            throw new InvalidOperationException($"Stored event {record.Seq} of debate {record.DebateId} has unknown type {record.Type}.");
        }

        return (DebateEvent)(JsonSerializer.Deserialize(record.Payload, type, Json)
            ?? throw new InvalidOperationException($"Stored event {record.Seq} of debate {record.DebateId} is empty."));
    }

    /// <summary>The student an event is by or about, so the transcript can be filtered by student.</summary>
    public static Guid? ParticipantOf(DebateEvent e) => e switch
    {
        ParticipantJoined j => j.ParticipantId,
        ParticipantLeft l => l.ParticipantId,
        ParticipantAdmitted a => a.ParticipantId,
        SideAssigned s => s.ParticipantId,
        ParticipantMuted m => m.ParticipantId,
        ParticipantKicked k => k.ParticipantId,
        ParticipantRenamed r => r.ParticipantId,
        NameApproved n => n.ParticipantId,
        ArgumentPosted a => a.AuthorId,
        BallotCast b => b.ParticipantId,
        _ => null,
    };
}
