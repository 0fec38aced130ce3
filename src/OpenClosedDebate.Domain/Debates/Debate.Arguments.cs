namespace OpenClosedDebate.Domain.Debates;

// Students posting arguments and rebuttals.
public sealed partial class Debate
{
    /// <summary>
    /// Posts an argument for the student's side, or a rebuttal of an argument from the other side.
    /// A repeated <paramref name="requestId"/> returns the original post and changes nothing. An argument the
    /// server's word filter (<paramref name="filter"/>) matches is held for the instructor (<see cref="Hold.WordFilter"/>),
    /// and otherwise one posted under pre-moderation is held as <see cref="Moderation"/> says.
    /// </summary>
    public Submission<ArgumentPosted> PostArgument(Guid participantId, string? requestId, Guid argumentId, string? text, Guid? replyToId, DateTimeOffset now, WordFilter? filter = null)
    {
        if (FindRetry<ArgumentPosted>(participantId, requestId) is { } original)
        {
            return new Submission<ArgumentPosted>(original, []);
        }

        var author = RequireAdmitted(participantId);
        if (author.Muted)
        {
            throw new DebateRuleException(DebateError.Muted, "The instructor has muted you, so you can't post. You can still vote.");
        }

        var round = RequireOpenPhase(RoundKind.Argument, Phase.Argue, "Arguments can only be posted while the argue phase is open.", now);
        if (author.Side is not { } side)
        {
            throw new DebateRuleException(DebateError.NoSide, "You haven't been given a side yet. Wait for the instructor.");
        }

        var clean = TextRules.Require(text, DebateLimits.ArgumentMaxLength, "Your argument");
        if (round.PostsBy(participantId) >= DebateLimits.ArgumentsPerRoundPerStudent)
        {
            throw new DebateRuleException(
                DebateError.TooManyArguments,
                $"You've posted {DebateLimits.ArgumentsPerRoundPerStudent} arguments this round, which is the most allowed.");
        }

        if (replyToId is { } target)
        {
            RequireRebuttable(author, target, round.Index, side);
        }

        Raise(new ArgumentPosted(argumentId, round.Index, participantId, side, clean, replyToId, requestId!, HoldFor(clean, filter)), now);
        var events = TakeRaised();
        return new Submission<ArgumentPosted>((ArgumentPosted)events[0], events);
    }

    private void RequireRebuttable(Participant author, Guid targetId, int roundIndex, Side side)
    {
        if (FindArgument(targetId) is not { } target || target.RoundIndex != roundIndex || (!target.Hidden && !CanSee(author, target)))
        {
            throw new DebateRuleException(DebateError.InvalidRebuttal, "The argument you're replying to isn't in this round.");
        }

        if (target.Hidden)
        {
            throw new DebateRuleException(DebateError.InvalidRebuttal, "The argument you're replying to was hidden by the instructor.");
        }

        if (target.Held is not null)
        {
            throw new DebateRuleException(DebateError.InvalidRebuttal, "The argument you're replying to is waiting for the instructor's approval. You can rebut it once it is approved.");
        }

        if (target.Side == side)
        {
            throw new DebateRuleException(DebateError.InvalidRebuttal, "A rebuttal answers the other side. This argument is from your own side.");
        }
    }

    /// <summary>The earlier submission with this request id, or null. Checks the id's shape first.</summary>
    private T? FindRetry<T>(Guid participantId, string? requestId)
        where T : DebateEvent
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > DebateLimits.RequestIdMaxLength)
        {
            throw new DebateRuleException(
                DebateError.InvalidRequest,
                $"Every submission needs a request id of 1 to {DebateLimits.RequestIdMaxLength} characters.");
        }

        if (!_submissions.TryGetValue((participantId, requestId), out var earlier))
        {
            return null;
        }

        return earlier as T ?? throw new DebateRuleException(DebateError.InvalidRequest, "That request id was already used for a different kind of submission.");
    }

    /// <summary>The current round, if it is of <paramref name="kind"/> (any kind when null) and in <paramref name="phase"/> with time left.</summary>
    private RoundState RequireOpenPhase(RoundKind? kind, Phase phase, string wrongPhase, DateTimeOffset now)
    {
        if (Status != DebateStatus.Running || CurrentPhase != phase || (kind is { } k && CurrentRound!.Plan.Kind != k))
        {
            throw new DebateRuleException(DebateError.WrongPhase, wrongPhase);
        }

        if (IsPaused)
        {
            throw new DebateRuleException(DebateError.Paused, "The instructor has paused the debate. Wait for it to resume.");
        }

        if (Deadline is { } deadline && now >= deadline)
        {
            throw new DebateRuleException(DebateError.DeadlinePassed, $"Time ran out at {deadline:HH:mm:ss} UTC.");
        }

        return CurrentRound!;
    }
}
