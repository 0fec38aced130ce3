namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using SidesSwappedView = OpenClosedDebate.Server.Contract.SidesSwapped;

/// <summary>
/// Turns committed domain events into the updates each audience may see. State that many events
/// touch (the clock, the counts, the live tally, the plan) goes out once per flush, as it stands.
/// </summary>
internal sealed class RoomProjector
{
    private readonly Debate _d;
    private readonly RoomPresence _presence;
    private readonly DateTimeOffset _now;
    private readonly Snapshots _snapshots;
    private readonly Outbox _box = new();
    private readonly Dictionary<Guid, List<RoomEvent>> _personal = [];
    private readonly List<RoomEvent>[] _bySide = [[], []];

    // For every student but not the projector: arguments held from the projector alone.
    private readonly List<RoomEvent> _students = [];
    private readonly HashSet<Guid> _roster = [];
    private readonly HashSet<Guid> _activity = [];
    private readonly HashSet<Guid> _touched = [];
    private readonly HashSet<Guid> _resnapshot = [];
    private bool _clock, _counts, _tally, _plan;
    private (long Seq, JoinActivityView View)? _joins;

    private RoomProjector(Debate d, RoomPresence presence, DateTimeOffset now, Snapshots snapshots)
    {
        _snapshots = snapshots;
        _d = d;
        _presence = presence;
        _now = now;
    }

    /// <param name="d">The live debate; read under the room's gate.</param>
    /// <param name="events">Committed events, in order.</param>
    /// <param name="presence">The room's connections.</param>
    /// <param name="touched">Students whose connection state changed.</param>
    /// <param name="joins">How joins are paced now, for an instructor's fresh snapshot.</param>
    /// <param name="resync">Send every connection a full snapshot instead of events.</param>
    /// <param name="now">The server's clock.</param>
    /// <param name="snapshots">The room's snapshot maker, for the snapshots and reveals the changes call for.</param>
    /// <param name="joinsChangedAt">Joins were slowed or turned away since the last flush: the last committed version,
    /// after which the instructor's <c>joins</c> event is numbered (it is no debate event, like a connection change).</param>
    public static Outbox Project(Debate d, IReadOnlyList<DebateEvent> events, RoomPresence presence, IEnumerable<Guid> touched, bool resync, DateTimeOffset now, Snapshots snapshots, JoinActivityView joins, long? joinsChangedAt = null)
    {
        var projector = new RoomProjector(d, presence, now, snapshots);
        if (resync)
        {
            return projector.ResyncAll(joins);
        }

        if (joinsChangedAt is { } committed)
        {
            projector._joins = (committed + 1, joins);
        }

        projector._touched.UnionWith(touched);
        foreach (var e in events)
        {
            projector.Add(e);
        }

        return projector.Finish(events.Count > 0 ? events[^1].Seq : d.Version);
    }

    private void Add(DebateEvent e)
    {
        switch (e)
        {
            case PlanEdited:
                _plan = true;
                break;
            case LobbyOpened or TimerPaused or TimerResumed or TimerExtended:
                _clock = true;
                break;
            case DebateFinished:
                _clock = true;
                RevealIfWidened(e);
                break;
            case PhaseStarted p:
                _clock = _counts = true;
                _tally |= p.Phase == Phase.Vote;
                RevealIfWidened(e);
                break;
            case RoomLockChanged l:
                _box.ToEveryone(new LockChanged(e.Seq, l.Locked));
                break;
            case ModerationChanged m:
                _box.ToEveryone(new ModerationSwitched(e.Seq, m.Moderation));
                break;
            case NameApproved n:
                NameChanged(e.Seq, n.ParticipantId);
                break;
            case CapacityChanged or AdmissionChanged:
                _box.ToEveryone(new EntryChanged(e.Seq, new EntryView(_d.Capacity, _d.ApproveJoins)));
                break;
            case ParticipantAdmitted a:
                _counts = true;
                _roster.Add(a.ParticipantId);
                Personal(a.ParticipantId, You(e.Seq, a.ParticipantId));
                break;
            case ParticipantJoined or ParticipantLeft:
                _counts = true;
                _roster.Add(EventParticipant(e));
                break;
            case SideAssigned s:
                _counts = true;
                _roster.Add(s.ParticipantId);
                Personal(s.ParticipantId, You(e.Seq, s.ParticipantId));

                // Moved while arguments are kept within sides: the student now sees the other side's
                // arguments and no longer their old side's, which events can't express.
                if (_d.SideDecidesWhatIsSeen)
                {
                    _resnapshot.Add(s.ParticipantId);
                }

                break;
            case ParticipantMuted m:
                _roster.Add(m.ParticipantId);
                Personal(m.ParticipantId, You(e.Seq, m.ParticipantId));
                break;
            case ParticipantRenamed r:
                NameChanged(e.Seq, r.ParticipantId);
                break;
            case ParticipantErased x:
                _counts = _tally = true;
                _roster.Add(x.ParticipantId);
                foreach (var a in _d.Rounds.SelectMany(r => r.Arguments).Where(a => a.AuthorId == x.ParticipantId))
                {
                    _box.Instructor.Add(new ArgumentUpserted(e.Seq, RoomViews.Argument(_d, a, Audience.Instructor)));
                    _box.Public.Add(new ArgumentRemoved(e.Seq, a.Id));
                }

                Personal(x.ParticipantId, new Removed(e.Seq, "The instructor removed your data from this debate."));
                _box.Removed.Add(x.ParticipantId);
                break;
            case ParticipantKicked k:
                _counts = _tally = true;
                _roster.Add(k.ParticipantId);
                Personal(k.ParticipantId, new Removed(e.Seq, "The instructor removed you from this debate."));
                _box.Removed.Add(k.ParticipantId);
                break;
            case Domain.Debates.SidesSwapped s:
                _counts = true;
                _box.ToEveryone(new SidesSwappedView(e.Seq, s.RoundIndex));

                // Who swapped is the domain's to say, not each client's to work out: every student who did hears
                // their new side, and the instructor's roster gets each of them.
                foreach (var p in _d.Participants.Where(p => p is { IsActive: true, Side: not null }))
                {
                    _roster.Add(p.Id);
                    Personal(p.Id, You(e.Seq, p.Id));
                }

                break;
            case ArgumentPosted a:
                _activity.Add(a.AuthorId);
                Posted(e.Seq, _d.FindArgument(a.ArgumentId)!);
                break;
            case ArgumentHidden h:
                _tally = true;
                _box.Instructor.Add(new ArgumentUpserted(e.Seq, RoomViews.Argument(_d, _d.FindArgument(h.ArgumentId)!, Audience.Instructor)));
                _box.Public.Add(new ArgumentRemoved(e.Seq, h.ArgumentId));
                TellAuthor(e.Seq, h.ArgumentId);
                break;
            case ArgumentRestored r:
                _tally = true;
                Posted(e.Seq, _d.FindArgument(r.ArgumentId)!);
                TellAuthor(e.Seq, r.ArgumentId);
                break;
            case ArgumentApproved a:
                // Goes wherever it may be seen now; whoever saw it held gets it again, no longer held.
                _tally = true;
                Posted(e.Seq, _d.FindArgument(a.ArgumentId)!);
                break;
            case BallotCast b:
                _counts = _tally = true;
                _activity.Add(b.ParticipantId);
                break;
            case RoundClosed c:
                // A result waiting to be revealed goes to the instructor only: the class gets it with its reveal.
                var closed = new ResultsPublished(e.Seq, RoomViews.Result(_d, c.Result, RoomViews.PublishedItems));
                if (_d.ResultsShownAtClose)
                {
                    _box.ToEveryone(closed);
                }
                else
                {
                    _box.Instructor.Add(closed);
                }

                break;
            case ResultsRevealed r:
                _clock = true;
                _box.Public.Add(new ResultsPublished(e.Seq, RoomViews.Result(_d, _d.Rounds[r.RoundIndex].Result!, RoomViews.PublishedItems)));
                break;
        }
    }

    /// <summary>An argument goes to the instructor as it is, and to the students (and the projector) who may see it now.</summary>
    private void Posted(long seq, Argument a)
    {
        _box.Instructor.Add(new ArgumentUpserted(seq, RoomViews.Argument(_d, a, Audience.Instructor)));
        if (a.Hidden)
        {
            return;
        }

        // The domain says who may see it; the widest group that holds exactly them gets it.
        var view = new ArgumentUpserted(seq, RoomViews.Argument(_d, a, Audience.Student));
        var audience = _d.AudienceOf(a);
        if (audience.Projector)
        {
            _box.Public.Add(view);
        }
        else if (audience.Students)
        {
            _students.Add(view);
        }
        else if (audience.Side is { } side)
        {
            _bySide[(int)side].Add(view);
        }
        else if (audience.Author)
        {
            Personal(a.AuthorId, view);
        }
    }

    /// <summary>
    /// Voting opened (or the debate ended) on a round whose arguments were kept within sides: show everyone the
    /// newest of each side, and how many older ones there are to fetch.
    /// </summary>
    /// <summary>Sends the round's arguments to everyone when the event showed them to the whole class (<see cref="Debate.RoundRevealedBy"/>).</summary>
    private void RevealIfWidened(DebateEvent e)
    {
        if (_d.RoundRevealedBy(e) is { } roundIndex)
        {
            Reveal(e.Seq, roundIndex);
        }
    }

    private void Reveal(long seq, int roundIndex)
    {
        var (arguments, older) = _snapshots.Revealed(_d, roundIndex);
        _box.Public.AddRange(arguments.Select(a => new ArgumentUpserted(seq, a)));
        _box.Public.AddRange(older.Select(o => new OlderArgumentsChanged(seq, o)));

        // Arguments held from the projector alone are now every student's, but not the projector's: the students'
        // pages and counts differ from the projector's, so they get snapshots.
        if (_d.Rounds[roundIndex].Arguments.Any(a => a is { Hidden: false, Held: Hold.BeforeProjector }))
        {
            _resnapshot.UnionWith(_d.Participants.Where(p => p.IsActive).Select(p => p.Id));
        }
    }

    private Outbox ResyncAll(JoinActivityView joins)
    {
        var groups = _presence.All().GroupBy(c => (c.Audience, c.Participant));
        foreach (var group in groups)
        {
            var connections = group.Select(c => c.Connection).ToList();
            var snapshot = group.Key.Audience switch
            {
                Audience.Instructor => _snapshots.ForInstructor(_d, _presence, _now) with { Joins = joins },
                Audience.Projector => _snapshots.ForProjector(_d, _now),
                _ => _d.FindParticipant(group.Key.Participant!.Value) is { IsActive: true } p ? _snapshots.ForStudent(_d, p, _now) : null,
            };
            if (snapshot is not null)
            {
                _box.Snapshots.Add((connections, snapshot));
            }
        }

        return _box;
    }

    private Outbox Finish(long seq)
    {
        if (_plan)
        {
            _box.ToEveryone(new PlanChanged(seq, RoomViews.Debate(_d)));
        }

        if (_clock)
        {
            _box.ToEveryone(new ClockChanged(seq, RoomViews.Clock(_d, _now)));
        }

        if (_counts)
        {
            _box.ToEveryone(new CountsChanged(seq, RoomViews.Counts(_d)));
        }

        if (_tally && RoomViews.LiveTally(_d) is { } tally)
        {
            _box.Instructor.Add(new TallyChanged(seq, tally));
        }

        foreach (var id in _roster)
        {
            if (_d.FindParticipant(id) is { } p)
            {
                _box.Instructor.Add(new RosterChanged(seq, RoomViews.Participant(_d, p, _presence.IsConnected(id))));
            }
        }

        // A student whose roster entry goes out anyway has their part of the round in it.
        _activity.ExceptWith(_roster);
        if (_activity.Count > 0 && _d.CurrentRound is { } round)
        {
            _box.Instructor.Add(new ActivityChanged(seq, round.Index, [.. _activity.Select(id => RoomViews.Activity(round, id))]));
        }

        // Connection changes are not debate events. Numbering them after the current version means a
        // snapshot taken before them never hides them, and one taken after them makes them redundant.
        foreach (var id in _touched.Where(id => !_roster.Contains(id)))
        {
            if (_d.FindParticipant(id) is { } p)
            {
                _box.Instructor.Add(new RosterChanged(_d.Version + 1, RoomViews.Participant(_d, p, _presence.IsConnected(id))));
            }
        }

        if (_joins is { } joins)
        {
            _box.Instructor.Add(new JoinsChanged(joins.Seq, joins.View));
        }

        foreach (var id in _resnapshot)
        {
            if (_d.FindParticipant(id) is { IsActive: true } p)
            {
                _box.Snapshots.Add((_presence.ConnectionsOf(id), _snapshots.ForStudent(_d, p, _now)));
            }
        }

        if (_students.Count > 0)
        {
            _box.Targeted.Add((_presence.StudentConnections(), _students));
        }

        for (var side = 0; side < 2; side++)
        {
            if (_bySide[side].Count > 0)
            {
                var members = _d.Participants.Where(p => p.IsActive && p.Side == (Side)side).Select(p => p.Id);
                _box.Targeted.Add((_presence.ConnectionsOf(members), _bySide[side]));
            }
        }

        foreach (var (id, events) in _personal)
        {
            _box.Targeted.Add((_presence.ConnectionsOf(id), events));
        }

        return _box;
    }

    private YouChanged You(long seq, Guid participantId) => new(seq, RoomViews.You(_d, _d.FindParticipant(participantId)!));

    /// <summary>The author of an argument the instructor hid or restored hears of it, with the reason, in their own view.</summary>
    private void TellAuthor(long seq, Guid argumentId)
    {
        var author = _d.FindArgument(argumentId)!.AuthorId;
        if (_d.FindParticipant(author) is { IsActive: true })
        {
            Personal(author, You(seq, author));
        }
    }

    /// <summary>A student's name changed for the class (renamed, or a held name approved): the roster, the student, and the class's author lines.</summary>
    private void NameChanged(long seq, Guid participantId)
    {
        _roster.Add(participantId);
        Personal(participantId, You(seq, participantId));
        if (!_d.Plan.Settings.Anonymous)
        {
            _box.Public.Add(new AuthorRenamed(seq, participantId, _d.NameShownToClass(_d.FindParticipant(participantId)!)));
        }
    }

    private void Personal(Guid participantId, RoomEvent e)
    {
        if (!_personal.TryGetValue(participantId, out var list))
        {
            _personal[participantId] = list = [];
        }

        list.Add(e);
    }

    private static Guid EventParticipant(DebateEvent e) => e switch
    {
        ParticipantJoined j => j.ParticipantId,
        ParticipantLeft l => l.ParticipantId,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
