namespace OpenClosedDebate.Server.Rooms;

using System.Runtime.CompilerServices;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Builds the full picture each audience gets on join, resume, attach and watch.</summary>
internal static class Snapshots
{
    /// <summary>Per debate (a reloaded room is a new instance), the arguments everyone sees at its latest version.</summary>
    private static readonly ConditionalWeakTable<Debate, Shared> SharedLists = [];
    public static RoomSnapshot ForStudent(Debate d, Participant p, DateTimeOffset now) => new(
        Audience.Student,
        d.Version,
        now,
        RoomViews.Debate(d),
        RoomViews.Clock(d, now),
        RoomViews.Counts(d),
        d.Plan.Settings.Visibility == ArgumentVisibility.Everyone
            ? Public(d, Audience.Student)
            : new(d.Rounds.SelectMany(r => r.Arguments).Where(a => d.CanSee(p, a)).Select(a => RoomViews.Argument(d, a, Audience.Student)).ToList()),
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
        new(d.Rounds.SelectMany(r => r.Arguments).Select(a => RoomViews.Argument(d, a, Audience.Instructor)).ToList()),
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
        Public(d, Audience.Projector),
        Results(d),
        You: null,
        Ballots: null,
        Roster: null,
        LiveTally: null);

    /// <summary>
    /// The arguments anyone may see (<see cref="Debate.CanSee"/> with no viewer), built and serialised
    /// once per version of the debate and audience, then shared by every snapshot of that version.
    /// </summary>
    private static ArgumentList Public(Debate d, Audience audience)
    {
        var shared = SharedLists.GetValue(d, _ => new Shared());
        lock (shared)
        {
            var slot = audience == Audience.Projector ? 1 : 0;
            if (shared.Lists[slot] is { } kept && kept.Version == d.Version)
            {
                return kept.List;
            }

            var list = new ArgumentList(d.Rounds.SelectMany(r => r.Arguments).Where(a => d.CanSee(null, a)).Select(a => RoomViews.Argument(d, a, audience)).ToList());
            shared.Lists[slot] = (d.Version, list);
            return list;
        }
    }

    private static List<ResultView> Results(Debate d) =>
        d.Rounds.Where(r => r.Result is not null).Select(r => RoomViews.Result(d, r.Result!, RoomViews.PublishedItems)).ToList();

    private sealed class Shared
    {
        public (long Version, ArgumentList List)?[] Lists { get; } = new (long, ArgumentList)?[2];
    }
}
