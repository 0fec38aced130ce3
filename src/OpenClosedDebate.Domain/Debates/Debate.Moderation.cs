namespace OpenClosedDebate.Domain.Debates;

// The instructor's moderation. Every action is an event, so it is in the transcript.
public sealed partial class Debate
{
    public IReadOnlyList<DebateEvent> HideArgument(Guid argumentId, string? reason, DateTimeOffset now)
    {
        var argument = RequireArgument(argumentId);
        if (argument.Hidden)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "That argument is already hidden.");
        }

        var why = TextRules.Require(reason, DebateLimits.ReasonMaxLength, "The reason");
        Raise(new ArgumentHidden(argumentId, why), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> RestoreArgument(Guid argumentId, DateTimeOffset now)
    {
        if (RequireArgument(argumentId).Withdrawn)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "That argument was withdrawn when its author's data was removed, so it can't be restored.");
        }

        if (!RequireArgument(argumentId).Hidden)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "That argument isn't hidden.");
        }

        Raise(new ArgumentRestored(argumentId), now);
        return TakeRaised();
    }

    /// <summary>
    /// Whether new arguments wait for approval, and from whom. Arguments already held stay held until the
    /// instructor approves or rejects them, whatever the new setting.
    /// </summary>
    public IReadOnlyList<DebateEvent> SetModeration(Moderation moderation, DateTimeOffset now)
    {
        RequireStatus("change how arguments are moderated", DebateStatus.Draft, DebateStatus.Lobby, DebateStatus.Running);
        if (!Enum.IsDefined(moderation))
        {
            throw new DebateRuleException(DebateError.InvalidRequest, "Moderation is off, beforeProjector or beforeEveryone.");
        }

        if (Moderation == moderation)
        {
            throw new DebateRuleException(DebateError.WrongStatus, moderation switch
            {
                Moderation.Off => "New arguments are already shown without approval.",
                Moderation.BeforeProjector => "New arguments already wait for approval before the projector shows them.",
                _ => "New arguments already wait for approval before anyone sees them.",
            });
        }

        Raise(new ModerationChanged(moderation), now);
        return TakeRaised();
    }

    /// <summary>
    /// Shows a held argument to everyone who may see arguments. Approved after voting on its round opened, it
    /// is shown but stays off that ballot, so no one votes on a list that grew under them. Rejecting one is
    /// <see cref="HideArgument"/> with a reason; a rejected argument that is restored goes back to the queue.
    /// </summary>
    public IReadOnlyList<DebateEvent> ApproveArgument(Guid argumentId, DateTimeOffset now)
    {
        var argument = RequireArgument(argumentId);
        if (argument.Hidden)
        {
            throw new DebateRuleException(DebateError.WrongStatus, argument.Withdrawn
                ? "That argument was withdrawn when its author's data was removed."
                : "That argument is hidden. Restore it first to put it back in the queue.");
        }

        if (argument.Held is null)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "That argument isn't waiting for approval.");
        }

        Raise(new ArgumentApproved(argumentId, OnBallot: !_rounds[argument.RoundIndex].ArgumentsRevealed), now);
        return TakeRaised();
    }

    /// <summary>Arguments waiting for approval (not hidden), oldest first, across every round: the instructor's queue.</summary>
    public IEnumerable<Argument> HeldArguments => _rounds.SelectMany(r => r.Arguments).Where(a => a.Held is not null && !a.Hidden).OrderBy(a => a.Seq);

    /// <summary>Shows a name the word filter held to classmates and the projector. Renaming the student also clears it.</summary>
    public IReadOnlyList<DebateEvent> ApproveName(Guid participantId, DateTimeOffset now)
    {
        RequireStatus("approve a name", DebateStatus.Lobby, DebateStatus.Running, DebateStatus.Finished);
        var p = RequireInRoom(participantId);
        if (!p.NameHeld)
        {
            throw new DebateRuleException(DebateError.WrongStatus, $"{p.DisplayName}'s name isn't waiting for approval.");
        }

        Raise(new NameApproved(participantId), now);
        return TakeRaised();
    }

    /// <summary>Why an argument posted now would wait for approval, or null: the word filter first, then the moderation.</summary>
    private Hold? HoldFor(string text, WordFilter? filter) =>
        filter?.Matches(text) == true ? Hold.WordFilter
        : Moderation switch
        {
            Moderation.BeforeProjector => Hold.BeforeProjector,
            Moderation.BeforeEveryone => Hold.BeforeEveryone,
            _ => null,
        };

    public IReadOnlyList<DebateEvent> SetMuted(Guid participantId, bool muted, DateTimeOffset now)
    {
        RequireStatus(muted ? "mute a student" : "unmute a student", DebateStatus.Lobby, DebateStatus.Running);
        var p = RequireInRoom(participantId);
        if (p.Muted == muted)
        {
            throw new DebateRuleException(DebateError.WrongStatus, muted ? $"{p.DisplayName} is already muted." : $"{p.DisplayName} isn't muted.");
        }

        Raise(new ParticipantMuted(participantId, muted), now);
        return TakeRaised();
    }

    /// <summary>Removes a student for good: their token stops working and their name can't rejoin. Their ballots stop counting.</summary>
    public IReadOnlyList<DebateEvent> Kick(Guid participantId, DateTimeOffset now)
    {
        RequireStatus("remove a student", DebateStatus.Lobby, DebateStatus.Running);
        var p = RequireParticipant(participantId);
        if (p.Kicked)
        {
            throw new DebateRuleException(DebateError.Kicked, $"{p.DisplayName} has already been removed.");
        }

        Raise(new ParticipantKicked(participantId), now);
        return TakeRaised();
    }

    public IReadOnlyList<DebateEvent> Rename(Guid participantId, string? newName, DateTimeOffset now)
    {
        var p = RequireParticipant(participantId);
        var name = TextRules.DisplayName(newName);
        if (string.Equals(name, p.DisplayName, StringComparison.Ordinal))
        {
            throw new DebateRuleException(DebateError.InvalidName, "That is already their name.");
        }

        RequireFreeName(name, p);

        Raise(new ParticipantRenamed(participantId, p.DisplayName, name), now);
        return TakeRaised();
    }

    /// <summary>
    /// Removes a student's data at the instructor's request: their arguments are withdrawn and their
    /// text erased, their name replaced, their ballots dropped. Results already published stay as shown.
    /// </summary>
    public IReadOnlyList<DebateEvent> Erase(Guid participantId, DateTimeOffset now)
    {
        var p = RequireParticipant(participantId);
        if (p.Erased)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "This student's data has already been removed.");
        }

        if (Status == DebateStatus.Draft)
        {
            throw new DebateRuleException(DebateError.WrongStatus, "There is no student data in a draft.");
        }

        Raise(new ParticipantErased(participantId, $"Removed student {p.JoinOrdinal + 1}"), now);
        return TakeRaised();
    }

    private Argument RequireArgument(Guid argumentId)
    {
        RequireStatus("moderate arguments", DebateStatus.Running, DebateStatus.Finished);
        return FindArgument(argumentId) ?? throw new DebateRuleException(DebateError.NotFound, "That argument doesn't exist in this debate.");
    }
}
