namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Builds the full picture each audience gets on join, resume, attach and watch, for one room. Its arguments are
/// bounded (<see cref="Choose"/>), so a snapshot doesn't grow with the room: <paramref name="perSide"/> is how many of
/// each side's newest arguments it carries. The list every student (and the projector) shares is made once per
/// version of the debate and kept here, in the room, so it goes when the room does.
/// </summary>
internal sealed class Snapshots(int perSide, RoomFeed feed)
{
    private static readonly Side[] Sides = [Side.Open, Side.Closed];

    private readonly Lock _lock = new();

    /// <summary>The arguments everyone sees (slot 0 students, 1 the projector), with the debate and version they were made at.</summary>
    private readonly (Debate Debate, long Version, Chosen Chosen)?[] _shared = new (Debate, long, Chosen)?[2];

    public RoomSnapshot ForStudent(Debate d, Participant p, DateTimeOffset now)
    {
        // The student's own arguments of this round and the ones their ballot ranks, wherever they are in the round.
        var own = d.CurrentRound is { } round
            ? round.Arguments.Where(a => a.AuthorId == p.Id).Concat(Arguments(d, round.Ballots.GetValueOrDefault(p.Id)?.Ranking ?? []))
            : [];
        var chosen = d.Plan.Settings.Visibility == ArgumentVisibility.Everyone
            ? Public(d, Audience.Student).With(d, own.Where(a => d.CanSee(p, a)), Audience.Student)
            : Choose(d, a => d.CanSee(p, a), Audience.Student, perSide, own.Concat(ResultArguments(d, Audience.Student)));
        var ballots = d.Rounds.Select(r => r.Ballots.GetValueOrDefault(p.Id)).OfType<Ballot>().Select(RoomViews.Ballot).ToList();
        return Snapshot(d, Audience.Student, now, chosen) with { You = RoomViews.You(d, p), Ballots = ballots };
    }

    public RoomSnapshot ForInstructor(Debate d, RoomPresence presence, DateTimeOffset now)
    {
        var tally = RoomViews.LiveCount(d);
        // The queue of held arguments comes whole, however old: the instructor works through all of it.
        var ranked = ResultArguments(d, Audience.Instructor).Concat(tally is null ? [] : Ranked(d, tally)).Concat(d.HeldArguments);
        return Snapshot(d, Audience.Instructor, now, Choose(d, _ => true, Audience.Instructor, perSide, ranked)) with
        {
            Roster = d.Participants.Select(p => RoomViews.Participant(d, p, presence.IsConnected(p.Id))).ToList(),
            LiveTally = tally is null ? null : RoomViews.Result(d, tally, RoomViews.PublishedItems),
        };
    }

    public RoomSnapshot ForProjector(Debate d, DateTimeOffset now) =>
        Snapshot(d, Audience.Projector, now, Public(d, Audience.Projector));

    /// <summary>What every audience's snapshot has; the student's and the instructor's add their own parts.</summary>
    private RoomSnapshot Snapshot(Debate d, Audience audience, DateTimeOffset now, Chosen chosen) => new(
        audience,
        d.Version,
        now,
        RoomViews.Debate(d),
        RoomViews.Clock(d, now),
        RoomViews.Counts(d),
        chosen.List,
        Results(d, audience),
        You: null,
        Ballots: null,
        Roster: null,
        LiveTally: null,
        chosen.Older,
        Joins: null,
        feed.Id,
        feed.Last(audience));

    /// <summary>
    /// What a reveal sends when voting opens on a round whose arguments were kept within sides: the newest of
    /// each side (with what they rebut) as everyone may now see them, and how many older ones each side has.
    /// </summary>
    public (IReadOnlyList<ArgumentView> Arguments, IReadOnlyList<OlderArgumentsView> Older) Revealed(Debate d, int roundIndex)
    {
        if (d.Rounds[roundIndex] is not { HasOpened: true, Plan.Kind: RoundKind.Argument })
        {
            return ([], []);
        }

        var chosen = new Dictionary<Guid, Argument>();
        var older = Sides.Select(side => Window(d, roundIndex, side, perSide, a => d.CanSee(null, a), chosen)).ToList();
        return (chosen.Values.OrderBy(a => a.Seq).Select(a => RoomViews.Argument(d, a, Audience.Student)).ToList(), older);
    }

    /// <summary>
    /// The arguments a snapshot carries of those <paramref name="visible"/> lets the viewer see: in the current
    /// round the newest <paramref name="perSide"/> of each side and the arguments they rebut, and then
    /// <paramref name="extra"/> (the viewer's own, the ones results rank). For every argument round that has
    /// opened, how many older ones per side were left out and the cursor to fetch them.
    /// </summary>
    private static Chosen Choose(Debate d, Func<Argument, bool> visible, Audience audience, int perSide, IEnumerable<Argument> extra)
    {
        var chosen = new Dictionary<Guid, Argument>();
        var older = new List<OlderArgumentsView>();
        foreach (var round in d.Rounds.Where(r => r is { HasOpened: true, Plan.Kind: RoundKind.Argument }))
        {
            older.AddRange(Sides.Select(side => Window(d, round.Index, side, round.Index == d.RoundIndex ? perSide : 0, visible, chosen)));
        }

        foreach (var a in extra.Where(visible))
        {
            chosen.TryAdd(a.Id, a);
        }

        var list = new ArgumentList(chosen.Values.OrderBy(a => a.Seq).Select(a => RoomViews.Argument(d, a, audience)).ToList());
        return new Chosen(list, chosen.Keys.ToHashSet(), older);
    }

    /// <summary>Adds one side's newest arguments (and what they rebut) to <paramref name="chosen"/>; returns what is older.</summary>
    private static OlderArgumentsView Window(Debate d, int roundIndex, Side side, int perSide, Func<Argument, bool> visible, Dictionary<Guid, Argument> chosen)
    {
        var page = d.PageOfArguments(roundIndex, side, null, perSide, visible);
        foreach (var a in page.Arguments)
        {
            chosen.TryAdd(a.Id, a);
            if (a.ReplyToId is { } target && d.FindArgument(target) is { } rebutted && visible(rebutted))
            {
                chosen.TryAdd(rebutted.Id, rebutted);
            }
        }

        return new OlderArgumentsView(roundIndex, side, page.Older, page.Before);
    }

    /// <summary>
    /// The arguments the projector may see (<see cref="Debate.CanSee"/> with no viewer), or every student
    /// (<see cref="Debate.CanClassmateSee"/>), chosen and serialised once per version of the debate and audience,
    /// then shared by every snapshot of that version.
    /// </summary>
    private Chosen Public(Debate d, Audience audience)
    {
        lock (_lock)
        {
            var slot = audience == Audience.Projector ? 1 : 0;
            if (_shared[slot] is { } kept && ReferenceEquals(kept.Debate, d) && kept.Version == d.Version)
            {
                return kept.Chosen;
            }

            Func<Argument, bool> visible = audience == Audience.Projector ? a => d.CanSee(null, a) : d.CanClassmateSee;
            var chosen = Choose(d, visible, audience, perSide, ResultArguments(d, audience));
            _shared[slot] = (d, d.Version, chosen);
            return chosen;
        }
    }

    /// <summary>The arguments ranked in the results this audience is shown, as far as the results carry them.</summary>
    private static IEnumerable<Argument> ResultArguments(Debate d, Audience audience) =>
        ShownRounds(d, audience).SelectMany(r => Ranked(d, r.Result!));

    private static IEnumerable<Argument> Ranked(Debate d, RoundResult result) =>
        Arguments(d, result.Ranking?.Items.Take(RoomViews.PublishedItems).Select(i => i.ItemId) ?? []);

    /// <summary>The arguments among ballot item ids (the fixed options of other rounds are not arguments).</summary>
    private static IEnumerable<Argument> Arguments(Debate d, IEnumerable<string> itemIds) =>
        itemIds.Select(id => Guid.TryParse(id, out var g) ? d.FindArgument(g) : null).OfType<Argument>();

    /// <summary>Closed rounds' results: every one for the instructor, the revealed ones for the class.</summary>
    private static List<ResultView> Results(Debate d, Audience audience) =>
        ShownRounds(d, audience).Select(r => RoomViews.Result(d, r.Result!, RoomViews.PublishedItems)).ToList();

    private static IEnumerable<RoundState> ShownRounds(Debate d, Audience audience) =>
        d.Rounds.Where(r => r.Result is not null && (r.ResultsRevealed || audience == Audience.Instructor));

    /// <summary>A snapshot's arguments, their ids, and what was left out of them.</summary>
    private sealed record Chosen(ArgumentList List, HashSet<Guid> Ids, IReadOnlyList<OlderArgumentsView> Older)
    {
        /// <summary>These arguments and those of <paramref name="extra"/> not among them, sharing this list's JSON.</summary>
        public Chosen With(Debate d, IEnumerable<Argument> extra, Audience audience)
        {
            var more = extra.Where(a => !Ids.Contains(a.Id)).DistinctBy(a => a.Id).Select(a => RoomViews.Argument(d, a, audience)).ToList();
            return more.Count == 0 ? this : this with { List = List.With(more) };
        }
    }
}
