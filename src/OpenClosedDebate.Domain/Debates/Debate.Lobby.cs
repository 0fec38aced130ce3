namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Names;
using OpenClosedDebate.Domain.Sides;

// Preparing the debate, and students coming and going.
public sealed partial class Debate
{
    public IReadOnlyList<DebateEvent> EditPlan(DebatePlan plan, DateTimeOffset now)
    {
        RequireStatus("edit the rounds", DebateStatus.Draft, DebateStatus.Lobby);
        Raise(new PlanEdited(PlanValidator.Validate(plan)), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> OpenLobby(DateTimeOffset now)
    {
        if (Status != DebateStatus.Draft)
        {
            throw new DebateRuleException(DebateError.WrongStatus, Status == DebateStatus.Lobby ? "The lobby is already open." : "The debate has already started.");
        }
        Raise(new LobbyOpened(), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> SetLocked(bool locked, DateTimeOffset now)
    {
        RequireStatus(locked ? "lock the room" : "unlock the room", DebateStatus.Lobby, DebateStatus.Running);
        if (Locked == locked)
        {
            throw new DebateRuleException(DebateError.WrongStatus, locked ? "The room is already locked." : "The room is already open.");
        }

        Raise(new RoomLockChanged(locked), now);
        return TakeRaised();
    }

    /// <summary>
    /// A student joins with a display name. The caller makes the id and keeps only the token's hash. A name the server's
    /// word filter (<paramref name="filter"/>) matches is shown to classmates as the pseudonym until the instructor approves it.
    /// </summary>
    public IReadOnlyList<DebateEvent> Join(Guid participantId, string? displayName, string tokenHash, DateTimeOffset now, WordFilter? filter = null)
    {
        if (Status == DebateStatus.Draft)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "This debate hasn't opened its lobby yet. Ask your instructor.");
        }

        if (Status == DebateStatus.Finished)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "This debate has ended.");
        }

        if (Locked)
        {
            throw new DebateRuleException(DebateError.RoomLocked, "The room is locked. Ask your instructor to let you in.");
        }

        if (ActiveCount >= Capacity)
        {
            throw new DebateRuleException(DebateError.RoomFull, $"This room is full: it takes {Capacity} students. Ask your instructor to make room.");
        }

        var name = TextRules.DisplayName(displayName);
        RequireFreeName(name, null);
        if (_participants.ContainsKey(participantId) || _byTokenHash.ContainsKey(tokenHash))
        {
            throw new InvalidOperationException("Participant ids and tokens must be new.");
        }

        var ordinal = _roster.Count;
        var side = ApproveJoins ? null : SideForNewcomer(ordinal);
        Raise(new ParticipantJoined(participantId, name, Pseudonyms.For(ordinal, Seed), ordinal, tokenHash, side, ApproveJoins, filter?.Matches(name) == true), now);
        return TakeRaised();
    }

    /// <summary>How many students the room takes, waiting ones included; at least those already in.</summary>
    public IReadOnlyList<DebateEvent> SetCapacity(int capacity, DateTimeOffset now)
    {
        RequireStatus("change how many students the room takes", DebateStatus.Draft, DebateStatus.Lobby, DebateStatus.Running);
        if (capacity is < 1 or > DebateLimits.MaxCapacity)
        {
            throw new DebateRuleException(DebateError.InvalidRequest, $"A room takes 1 to {DebateLimits.MaxCapacity:N0} students.");
        }

        if (capacity == Capacity)
        {
            throw new DebateRuleException(DebateError.WrongStatus, $"The room already takes {capacity} students.");
        }

        // Lowering it below the students already in turns no one out; it only stops new joins.
        Raise(new CapacityChanged(capacity), now);
        return TakeRaised();
    }

    /// <summary>Whether students who join wait for the instructor to let them in. Those already waiting stay waiting.</summary>
    public IReadOnlyList<DebateEvent> SetApproveJoins(bool approve, DateTimeOffset now)
    {
        RequireStatus(approve ? "make students wait to be let in" : "let students in as they join", DebateStatus.Draft, DebateStatus.Lobby, DebateStatus.Running);
        if (ApproveJoins == approve)
        {
            throw new DebateRuleException(DebateError.WrongStatus, approve ? "Students already wait to be let in." : "Students already come in as they join.");
        }

        Raise(new AdmissionChanged(approve), now);
        return TakeRaised();
    }

    /// <summary>Lets a waiting student in; they get a side as if they had just joined.</summary>
    public IReadOnlyList<DebateEvent> Admit(Guid participantId, DateTimeOffset now)
    {
        RequireStatus("let students in", DebateStatus.Lobby, DebateStatus.Running);
        var p = RequireInRoom(participantId);
        if (!p.Waiting)
        {
            throw new DebateRuleException(DebateError.WrongStatus, $"{p.DisplayName} is already in the room.");
        }

        Raise(new ParticipantAdmitted(p.Id, SideForNewcomer(p.JoinOrdinal)), now);
        return TakeRaised();
    }

    /// <summary>Lets everyone waiting in, in the order they joined.</summary>
    public IReadOnlyList<DebateEvent> AdmitAll(DateTimeOffset now)
    {
        foreach (var p in RequireWaiting("let students in"))
        {
            Raise(new ParticipantAdmitted(p.Id, SideForNewcomer(p.JoinOrdinal)), now);
        }

        return TakeRaised();
    }

    /// <summary>Turns away everyone waiting, as if each were removed: their names can't join again.</summary>
    public IReadOnlyList<DebateEvent> TurnAwayWaiting(DateTimeOffset now)
    {
        foreach (var p in RequireWaiting("turn students away"))
        {
            Raise(new ParticipantKicked(p.Id), now);
        }

        return TakeRaised();
    }

    private List<Participant> RequireWaiting(string action)
    {
        RequireStatus(action, DebateStatus.Lobby, DebateStatus.Running);
        var waiting = WaitingList.ToList();
        return waiting.Count > 0 ? waiting : throw new DebateRuleException(DebateError.WrongStatus, "No one is waiting to be let in.");
    }

    /// <summary>The side a student coming in now gets, or null while sides are still to be given out.</summary>
    private Side? SideForNewcomer(int ordinal)
    {
        var mode = Plan.Settings.SideAssignment;
        var settled = mode is SideAssignmentMode.Manual or SideAssignmentMode.DevilsAdvocate ? SidesSettled : Status == DebateStatus.Running;
        return SideAssigner.ForJoiner(mode, settled, CountOn(Side.Open), CountOn(Side.Closed), ordinal, Seed);
    }

    /// <summary>
    /// A join on a connection: the same student again when the secret (<paramref name="tokenHash"/>) already made one
    /// and the connection speaks for nobody else, else a new student (<see cref="Join"/>). <paramref name="bound"/> is
    /// the student the connection already speaks for, if any: it can only retry that join, not become someone else.
    /// A student who left or was removed no longer holds the connection.
    /// </summary>
    public JoinOutcome JoinOrRetry(Guid newId, string? displayName, string tokenHash, Guid? bound, DateTimeOffset now, TimeSpan afterFinish, WordFilter? filter = null)
    {
        bound = bound is { } b && FindParticipant(b) is { IsActive: true } ? b : null;
        if (HasSession(tokenHash) && Authenticate(tokenHash, now, afterFinish) is var again && (bound is null || again.Id == bound))
        {
            return new JoinOutcome(again, []);
        }

        if (bound is not null)
        {
            throw new DebateRuleException(DebateError.AlreadyJoined, "This page has already joined as a student. Leave first, or use another device for another student.");
        }

        var events = Join(newId, displayName, tokenHash, now, filter);
        return new JoinOutcome(FindParticipant(newId)!, events);
    }

    /// <summary>Whether a student holds the resume token with this hash (a join retried with its secret).</summary>
    public bool HasSession(string tokenHash) => _byTokenHash.ContainsKey(tokenHash);

    /// <summary>
    /// Finds the student a resume token belongs to. After the debate finishes, a token keeps working
    /// for <paramref name="afterFinish"/> so students can see the final results.
    /// </summary>
    public Participant Authenticate(string tokenHash, DateTimeOffset now, TimeSpan afterFinish)
    {
        if (!_byTokenHash.TryGetValue(tokenHash, out var p))
        {
            throw new DebateRuleException(DebateError.InvalidToken, "That session isn't valid for this debate. Join again with the code.");
        }

        if (FinishedAt is { } finished && now > finished + afterFinish)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "This debate ended a while ago, so your session has expired.");
        }

        return RequireActive(p.Id);
    }

    /// <summary>
    /// Whether the room can be watched on a projector: once the lobby is open, until
    /// <paramref name="afterFinish"/> after the debate finishes. <paramref name="viewer"/> is the student
    /// the watching connection speaks for, if any: a student the instructor removed can't watch instead.
    /// </summary>
    public void RequireWatchable(Guid? viewer, DateTimeOffset now, TimeSpan afterFinish)
    {
        if (Status == DebateStatus.Draft)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "This debate hasn't opened its lobby yet.");
        }

        if (FinishedAt is { } finished && now > finished + afterFinish)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "This debate ended a while ago, so it can no longer be watched here. Its results are with the instructor.");
        }

        if (viewer is { } id && FindParticipant(id) is { Kicked: true })
        {
            throw new DebateRuleException(DebateError.Kicked, "You were removed from this debate by the instructor.");
        }
    }

    public IReadOnlyList<DebateEvent> Leave(Guid participantId, DateTimeOffset now)
    {
        RequireActive(participantId);
        Raise(new ParticipantLeft(participantId), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> MoveParticipant(Guid participantId, Side side, DateTimeOffset now)
    {
        RequireStatus("move students", DebateStatus.Lobby, DebateStatus.Running);
        if (!Enum.IsDefined(side))
        {
            throw new DebateRuleException(DebateError.NotFound, "There is no such side.");
        }

        var p = RequireInRoom(participantId);
        if (p.Waiting)
        {
            throw new DebateRuleException(DebateError.NotAdmitted, $"{p.DisplayName} is waiting to be let in. Let them in first.");
        }

        if (p.Side == side)
        {
            throw new DebateRuleException(DebateError.WrongStatus, $"{p.DisplayName} is already on the {side.ToString().ToLowerInvariant()} side.");
        }

        Raise(new SideAssigned(participantId, side, SideChangeReason.Instructor), now);
        return TakeRaised();
    }

    /// <summary>
    /// A name may not be, or look like (<see cref="Lookalikes"/>), a name the product uses for itself, a
    /// removed student's, or another active student's; <paramref name="owner"/> is the student being renamed, if any.
    /// </summary>
    private void RequireFreeName(string name, Participant? owner)
    {
        var looks = Lookalikes.Keys(name);
        if (ReservedNames.IsReserved(looks))
        {
            throw new DebateRuleException(DebateError.NameTaken, $"{name} is a name this app uses for itself. Choose another.");
        }

        if (_blockedNames.Contains(name) || looks.Any(_blockedLooks.ContainsKey))
        {
            throw new DebateRuleException(DebateError.NameTaken, "That name can't be used in this debate. Choose another.");
        }

        var owners = owner is { IsActive: true } ? Lookalikes.Keys(owner.DisplayName) : [];
        if (looks.Any(key => _activeLooks.GetValueOrDefault(key) > (owners.Contains(key) ? 1 : 0)))
        {
            var same = _activeNames.Contains(name) && !string.Equals(owner?.DisplayName, name, StringComparison.OrdinalIgnoreCase);
            throw new DebateRuleException(
                DebateError.NameTaken,
                same ? $"Someone in this debate is already called {name}. Choose another name." : $"{name} looks too much like the name of someone in this debate. Choose another name.");
        }
    }
}
