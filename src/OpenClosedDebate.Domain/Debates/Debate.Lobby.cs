namespace OpenClosedDebate.Domain.Debates;

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

    /// <summary>A student joins with a display name. The caller makes the id and keeps only the token's hash.</summary>
    public IReadOnlyList<DebateEvent> Join(Guid participantId, string? displayName, string tokenHash, DateTimeOffset now)
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

        var name = TextRules.DisplayName(displayName);
        RequireFreeName(name);
        if (_participants.ContainsKey(participantId) || _byTokenHash.ContainsKey(tokenHash))
        {
            throw new InvalidOperationException("Participant ids and tokens must be new.");
        }

        var ordinal = _roster.Count;
        var mode = Plan.Settings.SideAssignment;
        var settled = mode is SideAssignmentMode.Manual or SideAssignmentMode.DevilsAdvocate ? SidesSettled : Status == DebateStatus.Running;
        var side = SideAssigner.ForJoiner(mode, settled, CountOn(Side.Open), CountOn(Side.Closed), ordinal, Seed);
        Raise(new ParticipantJoined(participantId, name, Pseudonyms.For(ordinal), ordinal, tokenHash, side), now);
        return TakeRaised();
    }

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
        if (p.Side == side)
        {
            throw new DebateRuleException(DebateError.WrongStatus, $"{p.DisplayName} is already on the {side.ToString().ToLowerInvariant()} side.");
        }

        Raise(new SideAssigned(participantId, side, SideChangeReason.Instructor), now);
        return TakeRaised();
    }

    private void RequireFreeName(string name)
    {
        if (_blockedNames.Contains(name))
        {
            throw new DebateRuleException(DebateError.NameTaken, "That name can't be used in this debate. Choose another.");
        }

        if (_activeNames.Contains(name))
        {
            throw new DebateRuleException(DebateError.NameTaken, $"Someone in this debate is already called {name}. Choose another name.");
        }
    }
}
