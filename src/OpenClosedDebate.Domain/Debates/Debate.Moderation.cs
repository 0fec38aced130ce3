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

        if (!string.Equals(name, p.DisplayName, StringComparison.OrdinalIgnoreCase))
        {
            RequireFreeName(name);
        }

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
