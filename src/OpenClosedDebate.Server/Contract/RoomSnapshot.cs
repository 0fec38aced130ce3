namespace OpenClosedDebate.Server.Contract;

/// <summary>Who a snapshot is for.</summary>
public enum Audience
{
    Student,
    Instructor,
    Projector,
}

/// <summary>
/// Everything a client needs to draw the room. Sent on join, resume, attach and watch.
/// Events with a seq at or below <see cref="Version"/> are already in it. <see cref="Arguments"/> is bounded:
/// the newest of each side in the current round and the arguments the rest of the snapshot refers to;
/// <see cref="OlderArguments"/> says, per round and side, how many older ones were left out. <see cref="Feed"/> and
/// <see cref="Flush"/> are where the audience's group broadcasts stood when it was taken (see <see cref="RoomUpdate"/>).
/// </summary>
public sealed record RoomSnapshot(
    Audience Audience,
    long Version,
    DateTimeOffset ServerNow,
    DebateView Debate,
    ClockView Clock,
    CountsView Counts,
    ArgumentList Arguments,
    IReadOnlyList<ResultView> Results,
    YouView? You,
    IReadOnlyList<BallotView>? Ballots,
    IReadOnlyList<ParticipantView>? Roster,
    ResultView? LiveTally,
    IReadOnlyList<OlderArgumentsView> OlderArguments,
    JoinActivityView? Joins,
    string Feed,
    long Flush);
