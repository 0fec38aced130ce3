namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// How the exports word a result: the persuasion verdict, its gains, and the note beside a recount. The client
/// words them the same way (client/src/ui/verdict.ts and recount.ts); JSON carries the structured fields.
/// </summary>
internal static class ResultWords
{
    /// <summary>The verdict's headline, e.g. "A draw".</summary>
    public static string Headline(PersuasionView p) => p.Verdict switch
    {
        PersuasionVerdict.For => "The motion carries",
        PersuasionVerdict.Against => "The motion falls",
        PersuasionVerdict.Draw => "A draw",
        _ => "No verdict",
    };

    /// <summary>Why, after the headline.</summary>
    public static string Reason(PersuasionView p) => p.Verdict switch
    {
        PersuasionVerdict.For => "the side for it gained more support.",
        PersuasionVerdict.Against => "the side against it gained more support.",
        PersuasionVerdict.Draw => "both sides gained the same share of the vote.",
        _ => "a vote with no ballots can't show a change of mind.",
    };

    /// <summary>A gain in points, signed, e.g. "+16.7 pts"; a dash when there is none.</summary>
    public static string Gain(double? points) => points switch
    {
        null => "—",
        > 0 => $"+{points.Value.ToString("0.0", CultureInfo.InvariantCulture)} pts",
        _ => $"{points.Value.ToString("0.0", CultureInfo.InvariantCulture)} pts",
    };

    /// <summary>
    /// The note beside a recount, e.g. "1 student removed and 1 argument hidden after the count; counted as at the close."
    /// or "Recounted without 1 student whose data was removed."
    /// </summary>
    public static string Recount(RecountNoteView note)
    {
        var since = new[]
        {
            Count(note.RemovedStudents, "student", "removed"),
            Count(note.HiddenArguments, "argument", "hidden"),
            Count(note.RestoredArguments, "argument", "restored"),
            Count(note.WithdrawnArguments, "argument", "withdrawn"),
        }.OfType<string>().ToList();
        var parts = new List<string>();
        if (since.Count > 0)
        {
            parts.Add($"{And(since)} after the count; counted as at the close");
        }

        if (note.ErasedStudents > 0)
        {
            parts.Add($"recounted without {Count(note.ErasedStudents, "student", null)} whose data was removed");
        }

        var text = string.Join("; ", parts);
        return text.Length == 0 ? string.Empty : $"{char.ToUpperInvariant(text[0])}{text[1..]}.";
    }

    private static string? Count(int n, string noun, string? what) =>
        n == 0 ? null : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}{(what is null ? string.Empty : " " + what)}";

    private static string And(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items[..^1])} and {items[^1]}";
}
