namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Sides;

// The run of rounds and phases, and the instructor's control of the clock.
//
// Deadlines are absolute instants. When a deadline passes, the next phase starts at the instant the
// passing is noticed (normally the deadline itself) with its full length. So after an outage, the
// phase that was running when the server stopped ends, and the next one begins afresh: a server
// that was down never swallows a vote the class has not had.
public sealed partial class Debate
{
    public IReadOnlyList<DebateEvent> Start(DateTimeOffset now)
    {
        if (Status != DebateStatus.Lobby)
        {
            throw new DebateRuleException(
                DebateError.WrongStatus,
                Status == DebateStatus.Draft ? "Open the lobby before starting, so students can join." : "The debate has already started.");
        }
        OpenRound(0, now, PhaseChangeCause.Start);
        return TakeRaised();
    }

    /// <summary>Moves past any deadline that has passed at <paramref name="now"/>. Returns no events when none has.</summary>
    public IReadOnlyList<DebateEvent> Tick(DateTimeOffset now)
    {
        if (Status == DebateStatus.Running && Deadline is { } deadline && now >= deadline)
        {
            Advance(now, PhaseChangeCause.Deadline);
        }

        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> Skip(DateTimeOffset now)
    {
        RequireStatus("move to the next phase", DebateStatus.Running);
        Advance(now, PhaseChangeCause.Skip);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> Pause(DateTimeOffset now)
    {
        RequireStatus("pause", DebateStatus.Running);
        if (IsPaused)
        {
            throw new DebateRuleException(DebateError.Paused, "The debate is already paused.");
        }

        var deadline = RequireTimed(now);
        Raise(new TimerPaused(deadline - now), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> Resume(DateTimeOffset now)
    {
        RequireStatus("resume", DebateStatus.Running);
        if (PausedRemaining is not { } remaining)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "The debate isn't paused.");
        }

        Raise(new TimerResumed(now + remaining), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> Extend(TimeSpan by, DateTimeOffset now)
    {
        RequireStatus("add time", DebateStatus.Running);
        if (by < TimeSpan.FromSeconds(DebateLimits.MinExtensionSeconds) || by > TimeSpan.FromSeconds(DebateLimits.MaxExtensionSeconds))
        {
            throw new DebateRuleException(
                DebateError.InvalidDuration,
                $"Add between {DebateLimits.MinExtensionSeconds} seconds and {DebateLimits.MaxExtensionSeconds / 60} minutes.");
        }

        if (!IsPaused)
        {
            RequireTimed(now);
        }

        Raise(new TimerExtended(by), now);
        return TakeRaised();
    }

    /// <summary>Ends the debate now. A vote under way is closed and counted first, and its result shown.</summary>
    public IReadOnlyList<DebateEvent> End(DateTimeOffset now)
    {
        RequireStatus("end the debate", DebateStatus.Lobby, DebateStatus.Running);
        if (CurrentPhase == Phase.Vote)
        {
            CloseRound(RoundIndex!.Value, now);
        }

        RevealWaitingResult(now);
        Raise(new DebateFinished(FinishCause.Ended), now);
        return TakeRaised();
    }

    /// <summary>Shows the class the current round's result, when the debate waits for the instructor to reveal it.</summary>
    public IReadOnlyList<DebateEvent> RevealResults(DateTimeOffset now)
    {
        RequireStatus("reveal results", DebateStatus.Running);
        if (CurrentPhase != Phase.Results)
        {
            throw new DebateRuleException(DebateError.WrongPhase, "There is nothing to reveal yet: this round's voting hasn't closed.");
        }

        if (CurrentRound!.ResultsRevealed)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "The results are already showing.");
        }

        Raise(new ResultsRevealed(RoundIndex!.Value, ByInstructor: true), now);
        return TakeRaised();
    }

    private DateTimeOffset RequireTimed(DateTimeOffset now)
    {
        if (Deadline is not { } deadline)
        {
            throw new DebateRuleException(DebateError.NotTimed, "This phase has no timer. Move on to the next round when the class is ready.");
        }

        return now >= deadline ? throw new DebateRuleException(DebateError.DeadlinePassed, "Time is already up for this phase.") : deadline;
    }

    private void Advance(DateTimeOffset now, PhaseChangeCause cause)
    {
        var index = RoundIndex!.Value;
        switch (CurrentPhase)
        {
            case Phase.Argue:
                StartPhase(index, Phase.Vote, now, cause);
                break;
            case Phase.Vote:
                CloseRound(index, now);
                StartPhase(index, Phase.Results, now, cause);
                break;
            default:
                RevealWaitingResult(now);
                if (index + 1 < _rounds.Length)
                {
                    OpenRound(index + 1, now, cause);
                }
                else
                {
                    Raise(new DebateFinished(FinishCause.LastRound), now);
                }

                break;
        }
    }

    /// <summary>A result still waiting for the instructor is shown when the debate moves past it: the class never misses one.</summary>
    private void RevealWaitingResult(DateTimeOffset now)
    {
        if (CurrentRound is { Result: not null, ResultsRevealed: false } round)
        {
            Raise(new ResultsRevealed(round.Index, ByInstructor: false), now);
        }
    }

    private void OpenRound(int index, DateTimeOffset now, PhaseChangeCause cause)
    {
        var plan = Plan.Rounds[index];
        if (plan.Kind == RoundKind.Argument)
        {
            var earlierArgumentRound = Plan.Rounds.Take(index).Any(r => r.Kind == RoundKind.Argument);
            if (Plan.Settings.SwapSidesEachRound && earlierArgumentRound)
            {
                Raise(new SidesSwapped(index), now);
            }

            BalanceUnassigned(now);
        }

        StartPhase(index, plan.FirstPhase(), now, cause);
    }

    private void StartPhase(int index, Phase phase, DateTimeOffset now, PhaseChangeCause cause)
    {
        var length = Plan.Rounds[index].DurationOf(phase);
        Raise(new PhaseStarted(index, phase, now + length, cause), now);
    }

    private void CloseRound(int index, DateTimeOffset now)
    {
        Raise(new RoundClosed(index, ResultOf(_rounds[index])), now);
        if (index == Plan.PreDebateVoteIndex() && Plan.Settings.SideAssignment == SideAssignmentMode.DevilsAdvocate)
        {
            AssignDevilsAdvocates(_rounds[index], now);
        }
    }

    private void AssignDevilsAdvocates(RoundState preVote, DateTimeOffset now)
    {
        foreach (var p in _roster.Where(p => p.IsAdmitted))
        {
            var vote = preVote.Ballots.TryGetValue(p.Id, out var ballot) ? MotionItems.Parse(ballot.Ranking[0]) : null;
            if (SideAssigner.DevilsAdvocate(vote) is { } side && side != p.Side)
            {
                Raise(new SideAssigned(p.Id, side, SideChangeReason.DevilsAdvocate), now);
            }
        }

        BalanceUnassigned(now);
    }

    private void BalanceUnassigned(DateTimeOffset now)
    {
        foreach (var p in _roster.Where(p => p.IsAdmitted && p.Side is null).ToList())
        {
            var side = SideAssigner.Balance(CountOn(Side.Open), CountOn(Side.Closed), p.JoinOrdinal, Seed);
            Raise(new SideAssigned(p.Id, side, SideChangeReason.Balance), now);
        }
    }
}
