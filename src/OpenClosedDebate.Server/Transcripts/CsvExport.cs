namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;
using OpenClosedDebate.Server.Contract;

/// <summary>Spreadsheet exports: one row per argument, and one row per ballot with its ranked ids in order.</summary>
internal static class CsvExport
{
    public static async Task WriteArgumentsAsync(ReviewView review, TextWriter writer)
    {
        await Csv.WriteRowAsync(writer, "round", "round_title", "argument_id", "kind", "side", "author", "author_id", "reply_to_id", "posted_at", "words", "hidden", "hidden_reason", "withdrawn", "text");
        foreach (var round in review.Rounds)
        {
            foreach (var argument in Flatten(round.Open.Concat(round.Closed)).OrderBy(a => a.PostedAt))
            {
                await Csv.WriteRowAsync(
                    writer,
                    Number(round.Index + 1),
                    round.Title,
                    argument.Id.ToString(),
                    argument.ReplyToId is null ? "argument" : "rebuttal",
                    argument.Side.ToString().ToLowerInvariant(),
                    argument.Author,
                    argument.AuthorId.ToString(),
                    argument.ReplyToId?.ToString(),
                    Instant(argument.PostedAt),
                    Number(argument.Words),
                    argument.Hidden ? "yes" : "no",
                    argument.HiddenReason,
                    argument.Withdrawn ? "yes" : "no",
                    argument.Text);
            }
        }
    }

    public static async Task WriteBallotsAsync(ReviewView review, TextWriter writer)
    {
        var width = Math.Max(1, review.Rounds.SelectMany(r => r.Ballots).Select(b => b.Ranking.Count).DefaultIfEmpty(1).Max());
        string?[] header = ["round", "round_title", "voter", "voter_id", "revision", "receipt", "cast_at", .. Enumerable.Range(1, width).Select(i => $"choice_{i}")];
        await Csv.WriteRowAsync(writer, header);
        foreach (var round in review.Rounds)
        {
            foreach (var ballot in round.Ballots)
            {
                string?[] cells =
                [
                    Number(round.Index + 1), round.Title, ballot.Voter, ballot.ParticipantId.ToString(), Number(ballot.Revision), ballot.Receipt, Instant(ballot.CastAt),
                    .. Enumerable.Range(0, width).Select(i => i < ballot.Ranking.Count ? ballot.Ranking[i] : null),
                ];
                await Csv.WriteRowAsync(writer, cells);
            }
        }
    }

    private static IEnumerable<ReviewArgumentView> Flatten(IEnumerable<ReviewArgumentView> arguments) =>
        arguments.SelectMany(a => new[] { a }.Concat(Flatten(a.Replies)));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
