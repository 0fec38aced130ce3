namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// A debate and all its rules. Every move takes the current instant and either throws a
/// <see cref="DebateRuleException"/> and changes nothing, or returns the events it caused, already
/// applied. <see cref="Restore"/> replays stored events to rebuild the same state.
/// </summary>
public sealed partial class Debate
{
    private readonly Dictionary<Guid, Participant> _participants = [];
    private readonly List<Participant> _roster = [];
    private readonly Dictionary<string, Participant> _byTokenHash = new(StringComparer.Ordinal);
    private readonly HashSet<string> _activeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _blockedNames = new(StringComparer.OrdinalIgnoreCase);

    // How many active (and removed) students' names look alike (Lookalikes.Key): a new name may not look like any.
    private readonly Dictionary<string, int> _activeLooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _blockedLooks = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Argument> _arguments = [];
    private readonly Dictionary<(Guid Participant, string RequestId), DebateEvent> _submissions = [];
    private readonly int[] _sideCounts = new int[2];
    private readonly List<DebateEvent> _raised = [];
    private RoundState[] _rounds = [];

    private Debate(Guid id) => Id = id;

    public Guid Id { get; }

    public string JoinCode { get; private set; } = string.Empty;

    public DebatePlan Plan { get; private set; } = null!;

    public int Seed { get; private set; }

    public DebateStatus Status { get; private set; }

    public bool Locked { get; private set; }

    /// <summary>How many students the room takes, waiting ones included.</summary>
    public int Capacity { get; private set; } = DebateLimits.DefaultCapacity;

    /// <summary>Students who join wait until the instructor lets them in.</summary>
    public bool ApproveJoins { get; private set; }

    /// <summary>Whether new arguments wait for the instructor's approval, and from whom.</summary>
    public Moderation Moderation { get; private set; }

    /// <summary>The sequence number of the last event applied.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The round under way, while running.</summary>
    public int? RoundIndex { get; private set; }

    public Phase? CurrentPhase { get; private set; }

    /// <summary>When the current phase ends, unless it is paused or untimed.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>Time left on the paused phase's clock.</summary>
    public TimeSpan? PausedRemaining { get; private set; }

    public bool IsPaused => PausedRemaining is not null;

    /// <summary>Students in join order, including those who left or were removed.</summary>
    public IReadOnlyList<Participant> Participants => _roster;

    /// <summary>One state per planned round, once the debate has started.</summary>
    public IReadOnlyList<RoundState> Rounds => _rounds;

    public RoundState? CurrentRound => RoundIndex is { } i ? _rounds[i] : null;

    /// <summary>Sides have been settled, so students joining now get the smaller side.</summary>
    public bool SidesSettled { get; private set; }

    public int CountOn(Side side) => _sideCounts[(int)side];

    /// <summary>Students in the room, waiting ones included: what <see cref="Capacity"/> limits.</summary>
    public int ActiveCount => _activeNames.Count;

    /// <summary>How many students are waiting to be let in.</summary>
    public int WaitingCount { get; private set; }

    /// <summary>Students waiting to be let in, in join order.</summary>
    public IEnumerable<Participant> WaitingList => _roster.Where(p => p.Waiting && p.IsActive);

    /// <summary>Ballots that count in a round: those of students who were not removed.</summary>
    public int CountedBallots(RoundState round) => round.Ballots.Keys.Count(id => !_participants[id].Kicked);

    /// <summary>Students still in the room (let in, not gone) who have a ballot in a round: "N of the room have voted".</summary>
    public int VotersInRoom(RoundState round) => round.Ballots.Keys.Count(id => _participants[id].IsAdmitted);

    public Participant? FindParticipant(Guid id) => _participants.GetValueOrDefault(id);

    public Argument? FindArgument(Guid id) => _arguments.GetValueOrDefault(id);

    /// <summary>Time left in the current phase at <paramref name="now"/>, or null when untimed.</summary>
    public TimeSpan? RemainingAt(DateTimeOffset now) =>
        PausedRemaining ?? (Deadline is { } d ? (d > now ? d - now : TimeSpan.Zero) : null);

    public static (Debate Debate, IReadOnlyList<DebateEvent> Events) Create(Guid id, string joinCode, DebatePlan plan, int seed, DateTimeOffset now)
    {
        var debate = new Debate(id);
        debate.Raise(new DebateCreated(joinCode, PlanValidator.Validate(plan), seed), now);
        return (debate, debate.TakeRaised());
    }

    /// <summary>Rebuilds a debate from its stored events, which must start with its creation and have no gaps.</summary>
    public static Debate Restore(Guid id, IEnumerable<DebateEvent> events)
    {
        var debate = new Debate(id);
        foreach (var e in events)
        {
            if (e.Seq != debate.Version + 1)
            {
                throw new InvalidOperationException($"Debate {id}: event {e.Seq} follows {debate.Version}; the history has a gap.");
            }

            debate.Apply(e);
        }

        if (debate.Version == 0)
        {
            throw new InvalidOperationException($"Debate {id} has no history.");
        }

        return debate;
    }

    private void Raise(DebateEvent e, DateTimeOffset now)
    {
        var stamped = e with { Seq = Version + 1, At = now };
        Apply(stamped);
        _raised.Add(stamped);
    }

    private DebateEvent[] TakeRaised()
    {
        var events = _raised.ToArray();
        _raised.Clear();
        return events;
    }

    private Participant RequireParticipant(Guid participantId) =>
        FindParticipant(participantId) ?? throw new DebateRuleException(DebateError.NotFound, "That student isn't in this debate.");

    /// <summary>The student, if still in the debate; else the refusal that says why not (kicked, data removed, left).</summary>
    public Participant RequireActive(Guid participantId)
    {
        var p = RequireParticipant(participantId);
        if (p.Kicked)
        {
            throw new DebateRuleException(DebateError.Kicked, "You were removed from this debate by the instructor.");
        }

        if (p.Erased)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "The instructor removed your data from this debate. Join again with the code to take part.");
        }

        return p.Left ? throw new DebateRuleException(DebateError.Left, "You left this debate. Join again with the code to take part.") : p;
    }

    /// <summary>Like <see cref="RequireActive"/>, and let in: what posting and voting need.</summary>
    private Participant RequireAdmitted(Guid participantId)
    {
        var p = RequireActive(participantId);
        return p.Waiting ? throw new DebateRuleException(DebateError.NotAdmitted, "You're waiting for the instructor to let you in. You can take part once they do.") : p;
    }

    /// <summary>Like <see cref="RequireActive"/>, worded for the instructor acting on a student.</summary>
    private Participant RequireInRoom(Guid participantId)
    {
        var p = RequireParticipant(participantId);
        if (p.Erased)
        {
            throw new DebateRuleException(DebateError.NotFound, "That student's data was removed from this debate.");
        }

        if (p.Kicked)
        {
            throw new DebateRuleException(DebateError.Kicked, $"{p.DisplayName} was removed from this debate.");
        }

        return p.Left ? throw new DebateRuleException(DebateError.Left, $"{p.DisplayName} has left this debate.") : p;
    }

    private void RequireStatus(string action, params DebateStatus[] allowed)
    {
        if (Array.IndexOf(allowed, Status) < 0)
        {
            var now = Status switch
            {
                DebateStatus.Draft => "the lobby isn't open yet",
                DebateStatus.Lobby => "the debate hasn't started",
                DebateStatus.Running => "the debate is under way",
                _ => "the debate has finished",
            };
            throw new DebateRuleException(DebateError.WrongStatus, $"You can't {action}: {now}.");
        }
    }
}
