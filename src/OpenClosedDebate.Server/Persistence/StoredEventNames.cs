namespace OpenClosedDebate.Server.Persistence;

using System.Collections.Frozen;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The name each kind of event is stored under, written out so that renaming a class can never orphan stored data.
/// A stored name never changes and always reads the same payload shape. The names of the first shapes are bare
/// (<c>ArgumentPosted</c>); when a payload's shape changes, the new shape gets the next version's name
/// (<c>ArgumentPosted.v2</c>) and a new record type, and the old name goes on reading the old shape.
/// <c>History/every-event-v1.json</c> in the server tests holds one of each as stored today.
/// </summary>
internal static class StoredEventNames
{
    private static readonly FrozenDictionary<string, Type> ByName = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["DebateCreated"] = typeof(DebateCreated),
        ["PlanEdited"] = typeof(PlanEdited),
        ["LobbyOpened"] = typeof(LobbyOpened),
        ["RoomLockChanged"] = typeof(RoomLockChanged),
        ["ParticipantJoined"] = typeof(ParticipantJoined),
        ["NameApproved"] = typeof(NameApproved),
        ["ModerationChanged"] = typeof(ModerationChanged),
        ["ParticipantAdmitted"] = typeof(ParticipantAdmitted),
        ["CapacityChanged"] = typeof(CapacityChanged),
        ["AdmissionChanged"] = typeof(AdmissionChanged),
        ["ParticipantLeft"] = typeof(ParticipantLeft),
        ["SideAssigned"] = typeof(SideAssigned),
        ["SidesSwapped"] = typeof(SidesSwapped),
        ["ParticipantMuted"] = typeof(ParticipantMuted),
        ["ParticipantKicked"] = typeof(ParticipantKicked),
        ["ParticipantRenamed"] = typeof(ParticipantRenamed),
        ["PhaseStarted"] = typeof(PhaseStarted),
        ["TimerPaused"] = typeof(TimerPaused),
        ["TimerResumed"] = typeof(TimerResumed),
        ["TimerExtended"] = typeof(TimerExtended),
        ["ArgumentPosted"] = typeof(ArgumentPosted),
        ["ArgumentApproved"] = typeof(ArgumentApproved),
        ["ArgumentHidden"] = typeof(ArgumentHidden),
        ["ArgumentRestored"] = typeof(ArgumentRestored),
        ["BallotCast"] = typeof(BallotCast),
        ["RoundClosed"] = typeof(RoundClosed),
        ["ResultsRevealed"] = typeof(ResultsRevealed),
        ["DebateFinished"] = typeof(DebateFinished),
        ["ParticipantErased"] = typeof(ParticipantErased),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> ByType = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Every stored name, with the type it reads as.</summary>
    public static IReadOnlyDictionary<string, Type> All => ByName;

    public static string NameOf(Type type) => ByType.TryGetValue(type, out var name)
        ? name
        : throw new InvalidOperationException($"{type.Name} has no stored name: give it one in {nameof(StoredEventNames)}.");

    public static string NameOf<T>()
        where T : DebateEvent => NameOf(typeof(T));

    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);
}
