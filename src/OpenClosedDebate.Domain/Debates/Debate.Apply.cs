namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Names;

// Apply changes state and nothing else: no checks, no decisions. Everything it needs is in the event,
// so replaying stored events gives the same debate whatever the code that first decided them.
public sealed partial class Debate
{
    private void Apply(DebateEvent e)
    {
        switch (e)
        {
            case DebateCreated c:
                JoinCode = c.JoinCode;
                Plan = c.Plan;
                Seed = c.Seed;
                CreatedAt = c.At;
                Status = DebateStatus.Draft;
                break;
            case PlanEdited p:
                Plan = p.Plan;
                break;
            case LobbyOpened:
                Status = DebateStatus.Lobby;
                break;
            case RoomLockChanged l:
                Locked = l.Locked;
                break;
            case CapacityChanged c:
                Capacity = c.Capacity;
                break;
            case AdmissionChanged a:
                ApproveJoins = a.ApproveJoins;
                break;
            case ModerationChanged m:
                Moderation = m.Moderation;
                break;
            case NameApproved n:
                _participants[n.ParticipantId].NameHeld = false;
                break;
            case ParticipantAdmitted a:
                _participants[a.ParticipantId].Waiting = false;
                WaitingCount--;
                if (a.Side is { } admittedTo)
                {
                    SetSide(_participants[a.ParticipantId], admittedTo);
                }

                break;
            case ParticipantJoined j:
                ApplyJoined(j);
                break;
            case ParticipantLeft l:
                Deactivate(_participants[l.ParticipantId], kicked: false);
                break;
            case ParticipantKicked k:
                Deactivate(_participants[k.ParticipantId], kicked: true);
                break;
            case SideAssigned s:
                SetSide(_participants[s.ParticipantId], s.Side);
                break;
            case SidesSwapped:
                ApplySwap();
                break;
            case ParticipantMuted m:
                _participants[m.ParticipantId].Muted = m.Muted;
                break;
            case ParticipantRenamed r:
                ApplyRename(_participants[r.ParticipantId], r.NewName);
                break;
            case PhaseStarted p:
                ApplyPhase(p);
                break;
            case TimerPaused p:
                PausedRemaining = p.Remaining;
                Deadline = null;
                break;
            case TimerResumed r:
                PausedRemaining = null;
                Deadline = r.Deadline;
                break;
            case TimerExtended x:
                if (PausedRemaining is { } left)
                {
                    PausedRemaining = left + x.By;
                }
                else
                {
                    Deadline += x.By;
                }

                break;
            case ArgumentPosted a:
                ApplyArgument(a);
                break;
            case ArgumentHidden h:
                _arguments[h.ArgumentId].Hidden = true;
                _arguments[h.ArgumentId].HiddenReason = h.Reason;
                break;
            case ArgumentApproved a:
                _arguments[a.ArgumentId].Held = null;
                _arguments[a.ArgumentId].OffBallot = !a.OnBallot;
                break;
            case ArgumentRestored r:
                _arguments[r.ArgumentId].Hidden = false;
                _arguments[r.ArgumentId].HiddenReason = null;
                break;
            case BallotCast b:
                _rounds[b.RoundIndex].Put(new Ballot(b.ParticipantId, b.RoundIndex, b.Ranking, b.Revision, b.Receipt, b.At));
                _submissions[(b.ParticipantId, b.RequestId)] = b;
                break;
            case RoundClosed c:
                _rounds[c.RoundIndex].Result = c.Result;
                _rounds[c.RoundIndex].Counted = CountingNow(_rounds[c.RoundIndex]);
                _rounds[c.RoundIndex].ResultsRevealed = Plan.Settings.RevealResults == ResultReveal.AtOnce;
                if (c.RoundIndex == Plan.PreDebateVoteIndex() && Plan.Settings.SideAssignment == SideAssignmentMode.DevilsAdvocate)
                {
                    SidesSettled = true;
                }

                break;
            case ResultsRevealed r:
                _rounds[r.RoundIndex].ResultsRevealed = true;
                break;
            case ParticipantErased erased:
                ApplyErased(erased);
                break;
            case DebateFinished:
                Status = DebateStatus.Finished;
                FinishedAt = e.At;
                CurrentPhase = null;
                Deadline = null;
                PausedRemaining = null;
                break;
            default:
                throw new InvalidOperationException($"Unknown event {e.GetType().Name}.");
        }

        Version = e.Seq;
    }

    private void ApplyJoined(ParticipantJoined j)
    {
        var p = new Participant(j.ParticipantId, j.DisplayName, j.Pseudonym, j.JoinOrdinal, j.TokenHash, j.At) { Waiting = j.Waiting, NameHeld = j.NameHeld };
        WaitingCount += j.Waiting ? 1 : 0;
        _participants.Add(p.Id, p);
        _roster.Add(p);
        _byTokenHash[p.TokenHash] = p;
        _activeNames.Add(p.DisplayName);
        Count(_activeLooks, p.DisplayName, 1);
        if (j.Side is { } side)
        {
            SetSide(p, side);
        }
    }

    private void Deactivate(Participant p, bool kicked)
    {
        if (p.IsActive)
        {
            _activeNames.Remove(p.DisplayName);
            Count(_activeLooks, p.DisplayName, -1);
            WaitingCount -= p.Waiting ? 1 : 0;
            if (p.Side is { } side)
            {
                _sideCounts[(int)side]--;
            }
        }

        if (kicked)
        {
            p.Kicked = true;
            _blockedNames.Add(p.DisplayName);
            Count(_blockedLooks, p.DisplayName, 1);
        }
        else
        {
            p.Left = true;
        }
    }

    private void SetSide(Participant p, Side side)
    {
        if (p.IsActive)
        {
            if (p.Side is { } old)
            {
                _sideCounts[(int)old]--;
            }

            _sideCounts[(int)side]++;
        }

        p.Side = side;
    }

    private void ApplySwap()
    {
        foreach (var p in _roster)
        {
            if (p.Side is { } side && p.IsActive)
            {
                p.Side = side.Opposite();
            }
        }

        (_sideCounts[0], _sideCounts[1]) = (_sideCounts[1], _sideCounts[0]);
    }

    private void ApplyRename(Participant p, string newName)
    {
        if (p.IsActive)
        {
            _activeNames.Remove(p.DisplayName);
            _activeNames.Add(newName);
            Count(_activeLooks, p.DisplayName, -1);
            Count(_activeLooks, newName, 1);
        }

        // The instructor chose this name, so it needs no approval.
        p.DisplayName = newName;
        p.NameHeld = false;
    }

    private void ApplyPhase(PhaseStarted p)
    {
        if (Status != DebateStatus.Running)
        {
            Status = DebateStatus.Running;
            StartedAt = p.At;
            _rounds = Plan.Rounds.Select((r, i) => new RoundState(i, r)).ToArray();
        }

        RoundIndex = p.RoundIndex;
        CurrentPhase = p.Phase;
        Deadline = p.Deadline;
        PausedRemaining = null;
        _rounds[p.RoundIndex].Reached = p.Phase;
        if (p.Phase == Phase.Argue)
        {
            SidesSettled = true;
        }
    }

    private void ApplyErased(ParticipantErased e)
    {
        var p = _participants[e.ParticipantId];
        if (p.IsActive)
        {
            Deactivate(p, kicked: false);
            p.Left = false;
        }

        if (_blockedNames.Remove(p.DisplayName))
        {
            Count(_blockedLooks, p.DisplayName, -1);
        }

        _activeNames.Remove(p.DisplayName);
        p.DisplayName = e.ReplacementName;
        p.Erased = true;
        foreach (var a in _arguments.Values.Where(a => a.AuthorId == p.Id))
        {
            a.Withdrawn = true;
            a.Hidden = true;
            a.Text = string.Empty;
        }

        foreach (var round in _rounds)
        {
            round.RemoveBallot(p.Id);
        }
    }

    private void ApplyArgument(ArgumentPosted a)
    {
        var argument = new Argument(a.ArgumentId, a.RoundIndex, a.AuthorId, a.Side, a.Text, a.ReplyToId, a.At, a.Seq) { Held = a.Held };
        _arguments.Add(argument.Id, argument);
        _rounds[a.RoundIndex].Add(argument);
        _submissions[(a.AuthorId, a.RequestId)] = a;
    }

    private static void Count(Dictionary<string, int> looks, string name, int change)
    {
        foreach (var key in Lookalikes.Keys(name))
        {
            var count = looks.GetValueOrDefault(key) + change;
            if (count > 0)
            {
                looks[key] = count;
            }
            else
            {
                looks.Remove(key);
            }
        }
    }
}
