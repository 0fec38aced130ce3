namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;
using static System.FormattableString;

/// <summary>
/// A readable, printable transcript: by round and side, with results, participation and the timeline. Numbers and
/// times are written culture-invariant (<see cref="ReviewTime"/>), so the file is the same on every server.
/// </summary>
internal static class MarkdownExport
{
    private static readonly Dictionary<TallyMethod, string> MethodNames = new()
    {
        [TallyMethod.Borda] = "Borda count",
        [TallyMethod.InstantRunoff] = "Instant-runoff",
        [TallyMethod.Schulze] = "Schulze",
    };

    public static async Task WriteAsync(ReviewView review, TextWriter w)
    {
        var d = review.Debate;
        await w.WriteLineAsync(Invariant($"# {Markdown.Escape(d.Motion)}"));
        await w.WriteLineAsync();
        await w.WriteLineAsync(Invariant($"Debate {d.JoinCode} · {d.Status.ToString().ToLowerInvariant()} · {ReviewTime.Format(d.StartedAt ?? d.CreatedAt)} · {d.Students} students · counted by {MethodNames[d.TallyMethod]}") + (review.Shared ? " · names are pseudonyms" : string.Empty));
        await w.WriteLineAsync();
        if (review.Persuasion is { } p)
        {
            await w.WriteLineAsync("## The motion vote");
            await w.WriteLineAsync();
            await w.WriteLineAsync("| | Before | After | Change |");
            await w.WriteLineAsync("|---|---|---|---|");
            await w.WriteLineAsync(Invariant($"| For | {Percent(p.Before.ForPercent)} | {Percent(p.After.ForPercent)} | {ResultWords.Gain(p.ForGain)} |"));
            await w.WriteLineAsync(Invariant($"| Against | {Percent(p.Before.AgainstPercent)} | {Percent(p.After.AgainstPercent)} | {ResultWords.Gain(p.AgainstGain)} |"));
            await w.WriteLineAsync(Invariant($"| Undecided | {Percent(p.Before.UndecidedPercent)} | {Percent(p.After.UndecidedPercent)} | |"));
            await w.WriteLineAsync();
            await w.WriteLineAsync(Invariant($"**{ResultWords.Headline(p)}**: {ResultWords.Reason(p)}"));
            await w.WriteLineAsync();
            await NoteAsync(review.PersuasionRecountNote, w);
        }

        foreach (var round in review.Rounds)
        {
            await RoundAsync(round, w);
        }

        await ParticipationAsync(review, w);
        await w.WriteLineAsync("## Timeline");
        await w.WriteLineAsync();
        foreach (var entry in review.Timeline)
        {
            await w.WriteLineAsync(Invariant($"- {ReviewTime.Format(entry.At)} · {Markdown.Escape(entry.Actor)}: {Markdown.Escape(entry.Text, "  ")}"));
        }
    }

    private static async Task RoundAsync(ReviewRoundView round, TextWriter w)
    {
        await w.WriteLineAsync(Invariant($"## Round {round.Index + 1}: {Markdown.Escape(round.Title)}"));
        await w.WriteLineAsync();
        await w.WriteLineAsync(Invariant($"*{Markdown.Escape(round.Prompt)}*"));
        await w.WriteLineAsync();
        if (round.Scenario is { } scenario)
        {
            await w.WriteLineAsync(Invariant($"Scenario: {scenario.Description}"));
            await w.WriteLineAsync();
        }

        if (round.Kind == RoundKind.Argument)
        {
            await SideAsync("Open side", round.OpenBrief, round.Open, w);
            await SideAsync("Closed side", round.ClosedBrief, round.Closed, w);
        }

        if (round.Results.Count > 0)
        {
            await ResultsAsync(round, w);
        }
    }

    private static async Task SideAsync(string title, string? brief, IReadOnlyList<ReviewArgumentView> arguments, TextWriter w)
    {
        await w.WriteLineAsync(Invariant($"### {title}"));
        await w.WriteLineAsync();
        if (brief is not null)
        {
            await w.WriteLineAsync(Invariant($"*{Markdown.Escape(brief)}*"));
            await w.WriteLineAsync();
        }

        if (arguments.Count == 0)
        {
            await w.WriteLineAsync("No arguments.");
        }

        foreach (var argument in arguments)
        {
            await ArgumentAsync(argument, 0, w);
        }

        await w.WriteLineAsync();
    }

    private static async Task ArgumentAsync(ReviewArgumentView a, int depth, TextWriter w)
    {
        var indent = new string(' ', depth * 2);
        var label = a.ReplyToId is null ? string.Empty : "rebuttal, ";
        var text = a.Withdrawn
            ? "*withdrawn at the instructor's request*"
            : Markdown.Escape(a.Text, indent + "  ") + (a.Hidden ? $" *(hidden by the instructor: {Markdown.Escape(a.HiddenReason)})*" : string.Empty);
        await w.WriteLineAsync(Invariant($"{indent}- **{Markdown.Escape(a.Author)}** ({label}{a.Words} words): {text}"));
        foreach (var reply in a.Replies)
        {
            await ArgumentAsync(reply, depth + 1, w);
        }
    }

    private static async Task ResultsAsync(ReviewRoundView round, TextWriter w)
    {
        var published = round.Results[0];
        await w.WriteLineAsync(Invariant($"### Results ({published.BallotCount} ballots)"));
        await w.WriteLineAsync();
        await NoteAsync(round.RecountNote, w);
        if (published.Motion is { } m)
        {
            await w.WriteLineAsync(Invariant($"For {m.ForPercent}% ({m.For}) · Against {m.AgainstPercent}% ({m.Against}) · Undecided {m.UndecidedPercent}% ({m.Undecided})"));
            await w.WriteLineAsync();
        }

        if (published.Sides is { } sides)
        {
            await w.WriteLineAsync(string.Join(" · ", sides.Select(s => Invariant($"{(s.Side == Side.Open ? "Open" : "Closed")} side {s.Points} Borda points ({Math.Round(s.Share * 100)}%)"))));
            await w.WriteLineAsync();
        }

        var arguments = ReviewItems.ById(round);
        foreach (var result in round.Results.Where(r => r.Ranking is not null))
        {
            var ranking = result.Ranking!;
            var shown = result == published && round.RecountNote is not { ErasedStudents: > 0 };
            await w.WriteLineAsync(Invariant($"**{MethodNames[ranking.Method]}**{(shown ? " (shown to the class)" : string.Empty)}:"));
            await w.WriteLineAsync();
            foreach (var item in ranking.Items.Take(10))
            {
                await w.WriteLineAsync(Invariant($"{item.Place}. {Markdown.Escape(Label(arguments, item))} ({item.Score})"));
            }

            if (ranking.Note is { } note)
            {
                await w.WriteLineAsync();
                await w.WriteLineAsync(Invariant($"*{Markdown.Escape(note)}*"));
            }

            await w.WriteLineAsync();
        }
    }

    private static async Task NoteAsync(RecountNoteView? note, TextWriter w)
    {
        if (note is not null)
        {
            await w.WriteLineAsync(Invariant($"*{ResultWords.Recount(note)}*"));
            await w.WriteLineAsync();
        }
    }

    private static async Task ParticipationAsync(ReviewView review, TextWriter w)
    {
        await w.WriteLineAsync("## Participation");
        await w.WriteLineAsync();
        await w.WriteLineAsync("| Student | Sides | Arguments | Rebuttals | Words | Ballots | Before | After |");
        await w.WriteLineAsync("|---|---|---|---|---|---|---|---|");
        foreach (var p in review.Participation)
        {
            var sides = string.Join(", ", p.Sides.Select(s => s == Side.Open ? "open" : "closed"));
            await w.WriteLineAsync(Invariant($"| {Markdown.Escape(p.Name)} | {sides} | {p.Arguments} | {p.Rebuttals} | {p.Words} | {p.Ballots} | {Choice(p.Before)} | {Choice(p.After)}{(p.ChangedMind ? " (changed)" : string.Empty)} |"));
        }

        await w.WriteLineAsync();
    }

    private static string Label(Dictionary<string, ReviewArgumentView> arguments, RankedItemView item) =>
        item.Label ?? (arguments.GetValueOrDefault(item.ItemId) is not { } a ? item.ItemId : a.Withdrawn ? "(withdrawn)" : $"{a.Author}: {a.Text}");

    private static string Choice(MotionChoice? choice) => choice?.ToString() ?? "—";

    private static string Percent(double percent) => $"{percent.ToString(CultureInfo.InvariantCulture)}%";
}
