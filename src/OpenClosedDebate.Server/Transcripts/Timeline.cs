namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Turns a debate's history into sentences: what happened, when and who did it.</summary>
internal static class Timeline
{
    private const string Instructor = "Instructor";
    private const string Server = "Server";

    public static List<TimelineEntryView> Of(Debate d, IReadOnlyList<DebateEvent> history, Func<Guid, string> name)
    {
        var entries = new List<TimelineEntryView>(history.Count);
        foreach (var e in history)
        {
            if (Entry(d, e, name) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static TimelineEntryView? Entry(Debate d, DebateEvent e, Func<Guid, string> name)
    {
        TimelineEntryView Line(string kind, string actor, string text, int? round = null, Guid? participant = null, Guid? argument = null, Guid? replyTo = null) =>
            new(e.Seq, e.At, kind, actor, text, round, participant, argument, replyTo);
        string Title(int round) => d.Plan.Rounds[round].Title == $"Round {round + 1}" ? $"Round {round + 1}" : $"Round {round + 1} ({d.Plan.Rounds[round].Title})";
        string SideName(Side side) => side == Side.Open ? "open" : "closed";

        return e switch
        {
            DebateCreated => Line("created", Instructor, "The debate was created."),
            PlanEdited => Line("plan", Instructor, "The instructor edited the plan."),
            LobbyOpened => Line("lobby", Instructor, $"The lobby opened with the code {d.JoinCode}."),
            RoomLockChanged l => Line("lock", Instructor, l.Locked ? "The room was locked." : "The room was unlocked."),
            ParticipantJoined j => Line("join", name(j.ParticipantId), j.Side is { } s ? $"{name(j.ParticipantId)} joined, on the {SideName(s)} side." : $"{name(j.ParticipantId)} joined.", participant: j.ParticipantId),
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
            ParticipantRenamed r => Line("moderation", Instructor, $"“{r.OldName}” was renamed “{r.NewName}”.", participant: r.ParticipantId),
            ParticipantErased x => Line("moderation", Instructor, $"The data of {name(x.ParticipantId)} was removed at the instructor's request; their arguments are withdrawn.", participant: x.ParticipantId),
            PhaseStarted p => Line(
                "phase",
                p.Cause == PhaseChangeCause.Deadline ? "Clock" : Instructor,
                $"{Title(p.RoundIndex)}: {Phase(p.Phase)} began" + (p.Deadline is { } until ? $", until {until.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC." : "."),
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
                    : $"{name(b.ParticipantId)} revised their ballot in {Title(b.RoundIndex)} (receipt {b.Receipt}, change {b.Revision - 1}).",
                b.RoundIndex,
                b.ParticipantId),
            RoundClosed c => Line("results", "Clock", $"{Title(c.RoundIndex)} closed with {c.Result.BallotCount} ballots.", c.RoundIndex),
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
        return line(a.ReplyToId is null ? "argument" : "rebuttal", who, text, a.RoundIndex, a.AuthorId, a.ArgumentId, a.ReplyToId);
    }

    private static string Phase(Phase phase) => phase switch
    {
        Domain.Debates.Phase.Argue => "arguing",
        Domain.Debates.Phase.Vote => "voting",
        _ => "results",
    };

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? $"{(int)span.TotalMinutes}:{span.Seconds:00}"
        : $"{(int)Math.Ceiling(span.TotalSeconds)} s";
}
