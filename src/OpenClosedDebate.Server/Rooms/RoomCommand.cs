namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A change the instructor (or, for <see cref="Leave"/>, a student) asks of a room, as plain data rather than a
/// closure, so that the call can be handed to whichever process owns the room. Each command names the one domain
/// method that decides it; the room runs it under its gate like any other command.
/// </summary>
internal abstract record RoomCommand
{
    /// <summary>Runs the command on the live debate and returns the events to commit.</summary>
    public abstract IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now);

    /// <summary>
    /// Whether the room may run the command again on the reloaded debate when another copy of the room stored events
    /// first (<see cref="RoomOptions.FencedRetries"/>): yes for commands that say what the debate should be, no for
    /// moves relative to the clock the instructor saw (skip, extend, pause, resume), which could mean something else
    /// after what the other copy stored. Those are refused with storageUnavailable, and the resync shows where the
    /// debate now is.
    /// </summary>
    public virtual bool RunsAgainWhenOvertaken() => true;

    public sealed record EditPlan(DebatePlan Plan) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.EditPlan(Plan, now);
    }

    public sealed record OpenLobby : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.OpenLobby(now);
    }

    public sealed record Start : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Start(now);
    }

    public sealed record Pause : RoomCommand
    {
        public override bool RunsAgainWhenOvertaken() => false;

        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Pause(now);
    }

    public sealed record ResumeClock : RoomCommand
    {
        public override bool RunsAgainWhenOvertaken() => false;

        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Resume(now);
    }

    public sealed record Extend(int Seconds) : RoomCommand
    {
        public override bool RunsAgainWhenOvertaken() => false;

        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Extend(TimeSpan.FromSeconds(Seconds), now);
    }

    public sealed record Skip : RoomCommand
    {
        public override bool RunsAgainWhenOvertaken() => false;

        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Skip(now);
    }

    public sealed record RevealResults : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.RevealResults(now);
    }

    public sealed record End : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.End(now);
    }

    public sealed record SetLocked(bool Locked) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.SetLocked(Locked, now);
    }

    public sealed record SetCapacity(int Capacity) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.SetCapacity(Capacity, now);
    }

    public sealed record SetApproveJoins(bool Approve) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.SetApproveJoins(Approve, now);
    }

    public sealed record Admit(Guid ParticipantId) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Admit(ParticipantId, now);
    }

    public sealed record AdmitAll : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.AdmitAll(now);
    }

    public sealed record TurnAwayWaiting : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.TurnAwayWaiting(now);
    }

    /// <summary>A student leaves of their own accord; the only command a student sends this way.</summary>
    public sealed record Leave(Guid ParticipantId) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Leave(ParticipantId, now);
    }

    public sealed record MoveStudent(Guid ParticipantId, Side Side) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.MoveParticipant(ParticipantId, Side, now);
    }

    public sealed record HideArgument(Guid ArgumentId, string? Reason) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.HideArgument(ArgumentId, Reason, now);
    }

    public sealed record RestoreArgument(Guid ArgumentId) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.RestoreArgument(ArgumentId, now);
    }

    public sealed record SetModeration(Moderation Moderation) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.SetModeration(Moderation, now);
    }

    public sealed record ApproveArgument(Guid ArgumentId) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.ApproveArgument(ArgumentId, now);
    }

    public sealed record ApproveName(Guid ParticipantId) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.ApproveName(ParticipantId, now);
    }

    public sealed record SetMuted(Guid ParticipantId, bool Muted) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.SetMuted(ParticipantId, Muted, now);
    }

    public sealed record Kick(Guid ParticipantId) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Kick(ParticipantId, now);
    }

    public sealed record Rename(Guid ParticipantId, string? Name) : RoomCommand
    {
        public override IReadOnlyList<DebateEvent> Apply(Debate d, DateTimeOffset now) => d.Rename(ParticipantId, Name, now);
    }
}
