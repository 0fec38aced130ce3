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
    private readonly Outbox _box = new();
    private readonly Dictionary<Guid, List<RoomEvent>> _personal = [];
    private readonly List<RoomEvent>[] _bySide = [[], []];
    private readonly HashSet<Guid> _roster = [];
    private bool _clock, _counts, _tally, _plan;

    private RoomProjector(Debate d, RoomPresence presence, DateTimeOffset now)
    {
        _d = d;
        _presence = presence;
        _now = now;
    }

    /// <param name="d">The live debate; read under the room's gate.</param>
    /// <param name="events">Committed events, in order.</param>
    /// <param name="presence">The room's connections.</param>
    /// <param name="touched">Students whose connection state changed.</param>
    /// <param name="now">The server's clock.</param>
    public static Outbox Project(Debate d, IReadOnlyList<DebateEvent> events, RoomPresence presence, IEnumerable<Guid> touched, DateTimeOffset now)
    {
        var projector = new RoomProjector(d, presence, now);
        projector._roster.UnionWith(touched);
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
            case LobbyOpened or TimerPaused or TimerResumed or TimerExtended or DebateFinished:
                _clock = true;
                break;
            case PhaseStarted p:
                _clock = _counts = true;
                _tally |= p.Phase == Phase.Vote;
                if (p.Phase == Phase.Vote && _d.Plan.Settings.Visibility != ArgumentVisibility.Everyone)
                {
                    Reveal(p);
                }

                break;
            case RoomLockChanged l:
                _box.ToEveryone(new LockChanged(e.Seq, l.Locked));
                break;
            case ParticipantJoined or ParticipantLeft:
                _counts = true;
                _roster.Add(EventParticipant(e));
                break;
            case SideAssigned s:
                _counts = true;
                _roster.Add(s.ParticipantId);
                Personal(s.ParticipantId, You(e.Seq, s.ParticipantId));
                break;
            case ParticipantMuted m:
                _roster.Add(m.ParticipantId);
                Personal(m.ParticipantId, You(e.Seq, m.ParticipantId));
                break;
            case ParticipantRenamed r:
                _roster.Add(r.ParticipantId);
                Personal(r.ParticipantId, You(e.Seq, r.ParticipantId));
                if (!_d.Plan.Settings.Anonymous)
                {
                    _box.Public.Add(new AuthorRenamed(e.Seq, r.ParticipantId, r.NewName));
                }

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
                break;
            case ArgumentPosted a:
                Posted(e.Seq, _d.FindArgument(a.ArgumentId)!);
                break;
            case ArgumentHidden h:
                _tally = true;
                _box.Instructor.Add(new ArgumentUpserted(e.Seq, RoomViews.Argument(_d, _d.FindArgument(h.ArgumentId)!, Audience.Instructor)));
                _box.Public.Add(new ArgumentRemoved(e.Seq, h.ArgumentId));
                break;
            case ArgumentRestored r:
                _tally = true;
                Posted(e.Seq, _d.FindArgument(r.ArgumentId)!);
                break;
            case BallotCast:
                _counts = _tally = true;
                break;
            case RoundClosed c:
                _box.ToEveryone(new ResultsPublished(e.Seq, RoomViews.Result(_d, c.Result)));
                break;
        }
    }

    /// <summary>An argument goes to the instructor as it is, and to the students who may see it now.</summary>
    private void Posted(long seq, Argument a)
    {
        _box.Instructor.Add(new ArgumentUpserted(seq, RoomViews.Argument(_d, a, Audience.Instructor)));
        if (a.Hidden)
        {
            return;
        }

        var view = new ArgumentUpserted(seq, RoomViews.Argument(_d, a, Audience.Student));
        if (_d.CanSee(null, a))
        {
            _box.Public.Add(view);
        }
        else if (_d.Plan.Settings.Visibility == ArgumentVisibility.OwnSide)
        {
            _bySide[(int)a.Side].Add(view);
        }
        else
        {
            Personal(a.AuthorId, view);
        }
    }

    /// <summary>Voting opened on a round whose arguments were kept within sides: show them to everyone.</summary>
    private void Reveal(PhaseStarted p)
    {
        foreach (var a in _d.Rounds[p.RoundIndex].Arguments.Where(a => _d.CanSee(null, a)))
        {
            _box.Public.Add(new ArgumentUpserted(p.Seq, RoomViews.Argument(_d, a, Audience.Student)));
        }
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
                _box.Instructor.Add(new RosterChanged(seq, RoomViews.Participant(p, _presence.IsConnected(id))));
            }
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

    private YouChanged You(long seq, Guid participantId) => new(seq, RoomViews.You(_d.FindParticipant(participantId)!));

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
