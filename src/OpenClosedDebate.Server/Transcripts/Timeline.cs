namespace OpenClosedDebate.Server.Transcripts;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Names;
using OpenClosedDebate.Server.Contract;
using static System.FormattableString;

/// <summary>Turns a debate's history into sentences: what happened, when and who did it; numbers and times culture-invariant.</summary>
internal static class Timeline
{
    private const string Instructor = ReservedNames.Instructor;
    private const string Server = ReservedNames.Server;

    /// <summary>
    /// The timeline of <paramref name="d"/>'s <paramref name="history"/>. <paramref name="name"/> names a
    /// student: their real name, or their pseudonym in the version <paramref name="shared"/> with the class.
    /// </summary>
    public static List<TimelineEntryView> Of(Debate d, IReadOnlyList<DebateEvent> history, Func<Guid, string> name, bool shared)
    {
        var entries = new List<TimelineEntryView>(history.Count);
        foreach (var e in history)
        {
            if (Entry(d, e, name, shared) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static TimelineEntryView? Entry(Debate d, DebateEvent e, Func<Guid, string> name, bool shared)
    {
        TimelineEntryView Line(string kind, string actor, string text, int? round = null, Guid? participant = null, Guid? argument = null, Guid? replyTo = null) =>
            new(e.Seq, e.At, kind, actor, text, round, participant, argument, replyTo);
        string Title(int round) => d.Plan.Rounds[round].Title == Invariant($"Round {round + 1}") ? Invariant($"Round {round + 1}") : Invariant($"Round {round + 1} ({d.Plan.Rounds[round].Title})");
        string SideName(Side side) => side == Side.Open ? "open" : "closed";

        return e switch
        {
            DebateCreated => Line("created", Instructor, "The debate was created."),
            PlanEdited => Line("plan", Instructor, "The instructor edited the plan."),
            LobbyOpened => Line("lobby", Instructor, $"The lobby opened with the code {d.JoinCode}."),
            RoomLockChanged l => Line("lock", Instructor, l.Locked ? "The room was locked." : "The room was unlocked."),
            CapacityChanged c => Line("lock", Instructor, Invariant($"The room was set to take {c.Capacity} students.")),
            AdmissionChanged a => Line("lock", Instructor, a.ApproveJoins ? "Students who join now wait to be let in." : "Students who join now come straight in."),
            ParticipantAdmitted a => Line("join", Instructor, a.Side is { } side ? $"{name(a.ParticipantId)} was let in, on the {SideName(side)} side." : $"{name(a.ParticipantId)} was let in.", participant: a.ParticipantId),
            ParticipantJoined j => Line("join", name(j.ParticipantId), (j.Waiting ? $"{name(j.ParticipantId)} joined and waited to be let in." : j.Side is { } s ? $"{name(j.ParticipantId)} joined, on the {SideName(s)} side." : $"{name(j.ParticipantId)} joined.") + (j.NameHeld ? " The word filter held their name, so the class saw their pseudonym." : string.Empty), participant: j.ParticipantId),
            NameApproved n => Line("moderation", Instructor, $"The instructor approved the name of {name(n.ParticipantId)}.", participant: n.ParticipantId),
            ModerationChanged m => Line("moderation", Instructor, m.Moderation switch
            {
                Moderation.Off => "New arguments are shown as they are posted.",
                Moderation.BeforeProjector => "New arguments wait for the instructor's approval before the projector shows them.",
                _ => "New arguments wait for the instructor's approval before anyone sees them.",
            }),
            ArgumentApproved a => Line(
                "moderation",
                Instructor,
                $"The instructor approved an argument by {name(d.FindArgument(a.ArgumentId)!.AuthorId)}" + (a.OnBallot ? "." : ", after voting opened: it was not on that ballot."),
                d.FindArgument(a.ArgumentId)!.RoundIndex,
                argument: a.ArgumentId),
            ParticipantLeft l => Line("leave", name(l.ParticipantId), $"{name(l.ParticipantId)} left.", participant: l.ParticipantId),
            SideAssigned s => s.Reason switch
            {
                SideChangeReason.Instructor => Line("side", Instructor, $"{name(s.ParticipantId)} was moved to the {SideName(s.Side)} side.", participant: s.ParticipantId),
                SideChangeReason.DevilsAdvocate => Line("side", Server, $"{name(s.ParticipantId)} argues the {SideName(s.Side)} side, against their first vote (devil's advocate).", participant: s.ParticipantId),
                _ => Line("side", Server, $"{name(s.ParticipantId)} was put on the {SideName(s.Side)} side to balance the sides.", participant: s.ParticipantId),
            },
            Domain.Debates.SidesSwapped w => Line("side", Server, $"Everyone swapped sides for {Title(w.RoundIndex)}.", w.RoundIndex),
            ParticipantMuted m => Line("moderation", Instructor, m.Muted ? $"{name(m.ParticipantId)} was muted." : $"{name(m.ParticipantId)} was unmuted.", participant: m.ParticipantId),
            ParticipantKicked k => Line("moderation", Instructor, $"{name(k.ParticipantId)} was removed from the debate.", participant: k.ParticipantId),
            // The names a rename changes are real names: the shared version says only that it happened.
            ParticipantRenamed r => Line("moderation", Instructor, shared ? $"{name(r.ParticipantId)} was given a new display name." : $"“{r.OldName}” was renamed “{r.NewName}”.", participant: r.ParticipantId),
            ParticipantErased x => Line("moderation", Instructor, $"The data of {name(x.ParticipantId)} was removed at the instructor's request; their arguments are withdrawn.", participant: x.ParticipantId),
            PhaseStarted p => Line(
                "phase",
                p.Cause == PhaseChangeCause.Deadline ? ReservedNames.Clock : Instructor,
                $"{Title(p.RoundIndex)}: {Phase(p.Phase)} began" + (p.Deadline is { } until ? $", until {ReviewTime.Format(until)}." : "."),
                p.RoundIndex),
            TimerPaused p => Line("clock", Instructor, $"The clock was paused with {Minutes(p.Remaining)} left."),
            TimerResumed => Line("clock", Instructor, "The clock was resumed."),
            TimerExtended x => Line("clock", Instructor, $"The instructor added {Minutes(x.By)}."),
            ArgumentPosted a => Posted(d, a, name, Line),
            ArgumentHidden h => Line("moderation", Instructor, $"The instructor hid an argument by {name(d.FindArgument(h.ArgumentId)!.AuthorId)}. Reason: {h.Reason}", d.FindArgument(h.ArgumentId)!.RoundIndex, argument: h.ArgumentId),
            ArgumentRestored r => Line("moderation", Instructor, $"The instructor restored an argument by {name(d.FindArgument(r.ArgumentId)!.AuthorId)}.", d.FindArgument(r.ArgumentId)!.RoundIndex, argument: r.ArgumentId),
            BallotCast b => Line(
                "ballot",
                name(b.ParticipantId),
                b.Revision == 1
                    ? $"{name(b.ParticipantId)} cast a ballot in {Title(b.RoundIndex)} (receipt {b.Receipt})."
                    : Invariant($"{name(b.ParticipantId)} revised their ballot in {Title(b.RoundIndex)} (receipt {b.Receipt}, change {b.Revision - 1})."),
                b.RoundIndex,
                b.ParticipantId),
            RoundClosed c => Line("results", ReservedNames.Clock, Invariant($"{Title(c.RoundIndex)} closed with {c.Result.BallotCount} ballots."), c.RoundIndex),
            ResultsRevealed r => r.ByInstructor
                ? Line("results", Instructor, $"The instructor revealed the results of {Title(r.RoundIndex)}.", r.RoundIndex)
                : Line("results", Server, $"The results of {Title(r.RoundIndex)} were shown as the debate moved on.", r.RoundIndex),
            DebateFinished f => Line("finished", f.Cause == FinishCause.Ended ? Instructor : Server, f.Cause == FinishCause.Ended ? "The instructor ended the debate." : "The debate finished after its last round."),
            _ => null,
        };
    }

    private static TimelineEntryView Posted(
        Debate d,
        ArgumentPosted a,
        Func<Guid, string> name,
        Func<string, string, string, int?, Guid?, Guid?, Guid?, TimelineEntryView> line)
    {
        var argument = d.FindArgument(a.ArgumentId)!;
        var who = name(a.AuthorId);
        var text = argument.Withdrawn
            ? $"{who} posted {(a.ReplyToId is null ? "an argument" : "a rebuttal")} (withdrawn)."
            : a.ReplyToId is { } target
                ? $"{who} rebutted {name(d.FindArgument(target)!.AuthorId)}: “{argument.Text}”"
                : $"{who} argued for the {(a.Side == Side.Open ? "open" : "closed")} side: “{argument.Text}”";
        text += a.Held switch
        {
            Hold.WordFilter => " (held for approval: it matched the word filter)",
            Hold.BeforeProjector or Hold.BeforeEveryone => " (held for approval)",
            _ => string.Empty,
        };
        return line(a.ReplyToId is null ? "argument" : "rebuttal", who, text, a.RoundIndex, a.AuthorId, a.ArgumentId, a.ReplyToId);
    }

    private static string Phase(Phase phase) => phase switch
    {
        Domain.Debates.Phase.Argue => "arguing",
        Domain.Debates.Phase.Vote => "voting",
        _ => "results",
    };

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? Invariant($"{(int)span.TotalMinutes}:{span.Seconds:00}")
        : Invariant($"{(int)Math.Ceiling(span.TotalSeconds)} s");
}
