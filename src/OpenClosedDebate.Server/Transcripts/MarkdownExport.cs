namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>A readable, printable transcript: by round and side, with results, participation and the timeline.</summary>
internal static class MarkdownExport
{
    private static readonly Dictionary<string, string> MethodNames = new(StringComparer.Ordinal)
    {
        ["borda"] = "Borda count",
        ["instantRunoff"] = "Instant-runoff",
        ["schulze"] = "Schulze",
    };

    public static async Task WriteAsync(ReviewView review, TextWriter w)
    {
        var d = review.Debate;
        await w.WriteLineAsync($"# {Markdown.Escape(d.Motion)}");
        await w.WriteLineAsync();
        await w.WriteLineAsync($"Debate {d.JoinCode} · {d.Status.ToString().ToLowerInvariant()} · {Day(d.StartedAt ?? d.CreatedAt)} · {d.Students} students · counted by {MethodNames.GetValueOrDefault(d.TallyMethod, d.TallyMethod)}" + (review.Shared ? " · names are pseudonyms" : string.Empty));
        await w.WriteLineAsync();
        if (review.Persuasion is { } p)
        {
            await w.WriteLineAsync("## The motion vote");
            await w.WriteLineAsync();
            await w.WriteLineAsync("| | Before | After | Change |");
            await w.WriteLineAsync("|---|---|---|---|");
            await w.WriteLineAsync($"| For | {p.Before.ForPercent}% | {p.After.ForPercent}% | {Signed(p.ForGain)} |");
            await w.WriteLineAsync($"| Against | {p.Before.AgainstPercent}% | {p.After.AgainstPercent}% | {Signed(p.AgainstGain)} |");
            await w.WriteLineAsync($"| Undecided | {p.Before.UndecidedPercent}% | {p.After.UndecidedPercent}% | |");
            await w.WriteLineAsync();
            await w.WriteLineAsync(p.Winner switch
            {
                MotionChoice.For => "**The motion carries**: the side for it gained more support.",
                MotionChoice.Against => "**The motion falls**: the side against it gained more support.",
                _ => "**A draw**: both sides gained the same.",
            });
            await w.WriteLineAsync();
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
            await w.WriteLineAsync($"- {entry.At.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} · {Markdown.Escape(entry.Actor)}: {Markdown.Escape(entry.Text, "  ")}");
        }
    }

    private static async Task RoundAsync(ReviewRoundView round, TextWriter w)
    {
        await w.WriteLineAsync($"## Round {round.Index + 1}: {Markdown.Escape(round.Title)}");
        await w.WriteLineAsync();
        await w.WriteLineAsync($"*{Markdown.Escape(round.Prompt)}*");
        await w.WriteLineAsync();
        if (round.Scenario is { } scenario)
        {
            await w.WriteLineAsync($"Scenario: {scenario.Description}");
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
        await w.WriteLineAsync($"### {title}");
        await w.WriteLineAsync();
        if (brief is not null)
        {
            await w.WriteLineAsync($"*{Markdown.Escape(brief)}*");
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
        await w.WriteLineAsync($"{indent}- **{Markdown.Escape(a.Author)}** ({label}{a.Words} words): {text}");
        foreach (var reply in a.Replies)
        {
            await ArgumentAsync(reply, depth + 1, w);
        }
    }

    private static async Task ResultsAsync(ReviewRoundView round, TextWriter w)
    {
        var published = round.Results[0];
        await w.WriteLineAsync($"### Results ({published.BallotCount} ballots)");
        await w.WriteLineAsync();
        if (published.Motion is { } m)
        {
            await w.WriteLineAsync($"For {m.ForPercent}% ({m.For}) · Against {m.AgainstPercent}% ({m.Against}) · Undecided {m.UndecidedPercent}% ({m.Undecided})");
            await w.WriteLineAsync();
        }

        if (published.Sides is { } sides)
        {
            await w.WriteLineAsync(string.Join(" · ", sides.Select(s => $"{(s.Side == Side.Open ? "Open" : "Closed")} side {s.Points} Borda points ({Math.Round(s.Share * 100)}%)")));
            await w.WriteLineAsync();
        }

        var arguments = Flatten(round.Open.Concat(round.Closed)).ToDictionary(a => a.Id.ToString());
        foreach (var result in round.Results.Where(r => r.Ranking is not null))
        {
            var ranking = result.Ranking!;
            await w.WriteLineAsync($"**{MethodNames.GetValueOrDefault(ranking.Method, ranking.Method)}**{(result == published ? " (shown to the class)" : string.Empty)}:");
            await w.WriteLineAsync();
            foreach (var item in ranking.Items.Take(10))
            {
                await w.WriteLineAsync($"{item.Place}. {Markdown.Escape(Label(arguments, item))} ({item.Score})");
            }

            if (ranking.Note is { } note)
            {
                await w.WriteLineAsync();
                await w.WriteLineAsync($"*{Markdown.Escape(note)}*");
            }

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
            await w.WriteLineAsync($"| {Markdown.Escape(p.Name)} | {sides} | {p.Arguments} | {p.Rebuttals} | {p.Words} | {p.Ballots} | {Choice(p.Before)} | {Choice(p.After)}{(p.ChangedMind ? " (changed)" : string.Empty)} |");
        }

        await w.WriteLineAsync();
    }

    private static string Label(Dictionary<string, ReviewArgumentView> arguments, RankedItemView item) =>
        item.Label ?? (arguments.GetValueOrDefault(item.ItemId) is not { } a ? item.ItemId : a.Withdrawn ? "(withdrawn)" : $"{a.Author}: {a.Text}");

    private static IEnumerable<ReviewArgumentView> Flatten(IEnumerable<ReviewArgumentView> arguments) =>
        arguments.SelectMany(a => new[] { a }.Concat(Flatten(a.Replies)));

    private static string Choice(MotionChoice? choice) => choice?.ToString() ?? "—";

    private static string Signed(double gain) => gain > 0 ? $"+{gain}" : gain.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
