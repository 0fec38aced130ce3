namespace OpenClosedDebate.TestKit;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using SidesSwappedEvent = OpenClosedDebate.Server.Contract.SidesSwapped;

/// <summary>
/// What a client knows, built only from snapshots and updates the way the browser's reducer does:
/// a snapshot replaces everything; an event at or below the snapshot's version is already in it.
/// </summary>
public sealed class ClientView
{
    public long Version { get; private set; }

    public Audience? Audience { get; private set; }

    public DebateView? Debate { get; private set; }

    public ClockView? Clock { get; private set; }

    public CountsView? Counts { get; private set; }

    /// <summary>The debate version the counts were last brought up to: only committed changes send counts.</summary>
    public long CountsSeq { get; private set; }

    public bool Locked { get; private set; }

    public YouView? You { get; private set; }

    public ResultView? Tally { get; private set; }

    public JoinActivityView? Joins { get; private set; }

    public string? RemovedMessage { get; private set; }

    /// <summary>The feed (protocol §4.7) of the room this view was last loaded from or updated by.</summary>
    public string? Feed { get; private set; }

    /// <summary>The number (protocol §4.7) of the last of its group's updates this view holds.</summary>
    public long Flush { get; private set; }

    /// <summary>
    /// Whether this view knows it missed one of its group's updates: one came numbered past the next, or from another
    /// feed. A client then binds again (protocol §4.7).
    /// </summary>
    public bool MissedUpdate { get; private set; }

    public Dictionary<Guid, ArgumentView> Arguments { get; } = [];

    public Dictionary<int, ResultView> Results { get; } = [];

    public Dictionary<Guid, ParticipantView> Roster { get; } = [];

    public Dictionary<int, BallotView> Ballots { get; } = [];

    /// <summary>The rounds whose opening swapped sides, as the notices said.</summary>
    public List<int> SidesSwappedIn { get; } = [];

    /// <summary>Per round and side, the older arguments left out of what this client has, and the cursor to fetch them.</summary>
    public Dictionary<(int RoundIndex, Side Side), OlderArgumentsView> Older { get; } = [];

    /// <summary>
    /// Where this view differs from <paramref name="fresh"/>, a view loaded from a snapshot just taken for the same
    /// audience, or null where it doesn't. Everything a snapshot says must be the same here: the debate, the clock (but the milliseconds left of a running phase, which are counted as each message is sent), the counts,
    /// the student's own part and ballots, the live tally, the results, the roster and a removal; and every argument
    /// the snapshot carries must be here as it has it. (A snapshot carries only the newest arguments of each side, so
    /// this view may hold more. The version is left out: a student isn't sent the events that change nothing they
    /// see, such as another student's join, so their view's version stays behind the debate's.)
    /// </summary>
    public string? DifferenceFrom(ClientView fresh)
    {
        var (mine, theirs) = (Picture(), fresh.Picture());
        foreach (var (part, value) in theirs)
        {
            if (mine[part] != value)
            {
                return $"{part}: here {mine[part]}; fresh {value}";
            }
        }

        foreach (var argument in fresh.Arguments.Values)
        {
            var held = Arguments.GetValueOrDefault(argument.Id);
            if (held is null || Json(held) != Json(argument))
            {
                return $"argument {argument.Id}: here {(held is null ? "missing" : Json(held))}; fresh {Json(argument)}";
            }
        }

        return null;
    }

    private Dictionary<string, string> Picture() => new()
    {
        ["audience"] = Json(Audience),
        ["debate"] = Json(Debate),
        ["clock"] = Json(Clock is { Paused: false } running ? running with { RemainingMs = null } : Clock),
        ["counts"] = Json(Counts),
        ["locked"] = Json(Locked),
        ["you"] = Json(You),
        ["tally"] = Json(Tally),
        ["results"] = Json(Results.OrderBy(r => r.Key).Select(r => r.Value)),
        ["roster"] = Json(Roster.Values.OrderBy(p => p.Id)),
        ["ballots"] = Json(Ballots.OrderBy(b => b.Key).Select(b => b.Value)),
        ["removed"] = Json(RemovedMessage),
    };

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Wire.Json);

    public void Load(RoomSnapshot s)
    {
        (Feed, Flush, MissedUpdate) = (s.Feed, s.Flush, false);
        Version = s.Version;
        Audience = s.Audience;
        Debate = s.Debate;
        Clock = s.Clock;
        Counts = s.Counts;
        CountsSeq = s.Version;
        Locked = s.Debate.Locked;
        You = s.You;
        Tally = s.LiveTally;
        Joins = s.Joins;
        Arguments.Clear();
        foreach (var a in s.Arguments)
        {
            Arguments[a.Id] = a;
        }

        Results.Clear();
        foreach (var r in s.Results)
        {
            Results[r.RoundIndex] = r;
        }

        Roster.Clear();
        foreach (var p in s.Roster ?? [])
        {
            Roster[p.Id] = p;
        }

        Ballots.Clear();
        foreach (var b in s.Ballots ?? [])
        {
            Ballots[b.RoundIndex] = b;
        }

        Older.Clear();
        foreach (var o in s.OlderArguments)
        {
            Older[(o.RoundIndex, o.Side)] = o;
        }
    }

    /// <summary>How many arguments a round has as far as this client knows: those it holds from each side's cursor on, and the older ones it was told of.</summary>
    public int Total(int roundIndex) => Enum.GetValues<Side>().Sum(side =>
    {
        var older = Older.GetValueOrDefault((roundIndex, side));
        return Arguments.Values.Count(a => a.RoundIndex == roundIndex && a.Side == side && (older is null || a.Seq >= older.Before)) + (older?.Count ?? 0);
    });

    /// <summary>Adds a page of older arguments; what is left of that side is now what the page says.</summary>
    public void Load(ArgumentPageView page)
    {
        foreach (var a in page.Arguments)
        {
            Arguments[a.Id] = a;
        }

        Older[(page.Older.RoundIndex, page.Older.Side)] = page.Older;
    }

    public void Apply(RoomUpdate update)
    {
        if (update.Flush is { } flush)
        {
            MissedUpdate |= update.Feed != Feed || flush > Flush + 1;
            Flush = Math.Max(Flush, flush);
        }

        Feed = update.Feed ?? Feed;
        foreach (var e in update.Events)
        {
            if (e.Seq <= Version)
            {
                continue;
            }

            Apply(e);
        }
    }

    public void Record(BallotView ballot) => Ballots[ballot.RoundIndex] = ballot;

    private void Apply(RoomEvent e)
    {
        switch (e)
        {
            // As the browser's reducer does (protocol §4.6): the debate's status moves with the clock, its lock with the
            // lock, and the live tally goes once the phase leaves the vote.
            case ClockChanged c:
                (Clock, Debate) = (c.Clock, Debate! with { Status = c.Clock.Status });
                Tally = c.Clock.Phase == Phase.Vote ? Tally : null;
                break;
            case CountsChanged c: (Counts, CountsSeq) = (c.Counts, c.Seq); break;
            case PlanChanged p: Debate = p.Debate; break;
            case LockChanged l: (Locked, Debate) = (l.Locked, Debate! with { Locked = l.Locked }); break;
            case EntryChanged x: Debate = Debate! with { Entry = x.Entry }; break;
            case JoinsChanged j: Joins = j.Joins; break;
            case ModerationSwitched m: Debate = Debate! with { Moderation = m.Moderation }; break;
            case ArgumentUpserted a: Arguments[a.Argument.Id] = a.Argument; break;
            case ArgumentRemoved r: Arguments.Remove(r.ArgumentId); break;
            case OlderArgumentsChanged o: Older[(o.Older.RoundIndex, o.Older.Side)] = o.Older; break;
            case AuthorRenamed r:
                foreach (var a in Arguments.Values.Where(a => a.AuthorId == r.AuthorId).ToList())
                {
                    Arguments[a.Id] = a with { AuthorName = r.AuthorName };
                }

                break;
            case ResultsPublished r: Results[r.Result.RoundIndex] = r.Result; break;
            case TallyChanged t: Tally = t.Tally; break;
            case RosterChanged r: Roster[r.Participant.Id] = r.Participant; break;
            case ActivityChanged a:
                foreach (var student in a.Students)
                {
                    Roster[student.Id] = Roster[student.Id] with { RoundIndex = a.RoundIndex, Voted = student.Voted, Posts = student.Posts };
                }

                break;
            case SidesSwappedEvent swapped:
                // A notice: the new sides come as `you` and `roster` events.
                SidesSwappedIn.Add(swapped.RoundIndex);
                break;
            case YouChanged y: You = y.You; break;
            case Removed r: RemovedMessage = r.Message; break;
        }
    }
}
