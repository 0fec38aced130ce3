namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Builds the full picture each audience gets on join, resume, attach and watch.</summary>
internal static class Snapshots
{
    public static RoomSnapshot ForStudent(Debate d, Participant p, DateTimeOffset now) => new(
        Audience.Student,
        d.Version,
        now,
        RoomViews.Debate(d),
        RoomViews.Clock(d, now),
        RoomViews.Counts(d),
        d.Rounds.SelectMany(r => r.Arguments).Where(a => d.CanSee(p, a)).Select(a => RoomViews.Argument(d, a, Audience.Student)).ToList(),
        Results(d),
        RoomViews.You(p),
        d.Rounds.Select(r => r.Ballots.GetValueOrDefault(p.Id)).OfType<Ballot>().Select(RoomViews.Ballot).ToList(),
        Roster: null,
        LiveTally: null);

    public static RoomSnapshot ForInstructor(Debate d, RoomPresence presence, DateTimeOffset now) => new(
        Audience.Instructor,
        d.Version,
        now,
        RoomViews.Debate(d),
        RoomViews.Clock(d, now),
        RoomViews.Counts(d),
        d.Rounds.SelectMany(r => r.Arguments).Select(a => RoomViews.Argument(d, a, Audience.Instructor)).ToList(),
        Results(d),
        You: null,
        Ballots: null,
        d.Participants.Select(p => RoomViews.Participant(p, presence.IsConnected(p.Id))).ToList(),
        RoomViews.LiveTally(d));

    public static RoomSnapshot ForProjector(Debate d, DateTimeOffset now) => new(
        Audience.Projector,
        d.Version,
        now,
        RoomViews.Debate(d),
        RoomViews.Clock(d, now),
        RoomViews.Counts(d),
        d.Rounds.SelectMany(r => r.Arguments).Where(a => d.CanSee(null, a)).Select(a => RoomViews.Argument(d, a, Audience.Projector)).ToList(),
        Results(d),
        You: null,
        Ballots: null,
        Roster: null,
        LiveTally: null);

    private static List<ResultView> Results(Debate d) =>
        d.Rounds.Where(r => r.Result is not null).Select(r => RoomViews.Result(d, r.Result!, RoomViews.PublishedItems)).ToList();
}
