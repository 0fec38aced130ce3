namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Spreadsheet exports: one row per argument, and one row per ballot with its ranked choices in order, each id beside
/// the text it stands for. Cells and records as <see cref="Csv"/> writes them; times as <see cref="ReviewTime"/>.
/// </summary>
internal static class CsvExport
{
    public static async Task WriteArgumentsAsync(ReviewView review, TextWriter writer)
    {
        await Csv.WriteRowAsync(writer, "round", "round_title", "argument_id", "kind", "side", "author", "author_id", "reply_to_id", "posted_at", "words", "hidden", "hidden_reason", "withdrawn", "text");
        foreach (var round in review.Rounds)
        {
            foreach (var argument in ReviewItems.Arguments(round).OrderBy(a => a.PostedAt))
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
                    ReviewTime.Format(argument.PostedAt),
                    Number(argument.Words),
                    YesNo(argument.Hidden),
                    argument.HiddenReason,
                    YesNo(argument.Withdrawn),
                    argument.Text);
            }
        }
    }

    public static async Task WriteBallotsAsync(ReviewView review, TextWriter writer)
    {
        var width = Math.Max(1, review.Rounds.SelectMany(r => r.Ballots).Select(b => b.Ranking.Count).DefaultIfEmpty(1).Max());
        string?[] header =
        [
            "round", "round_title", "voter", "voter_id", "voter_removed", "counted", "revision", "receipt", "cast_at",
            .. Enumerable.Range(1, width).SelectMany(i => new[] { $"choice_{Number(i)}", $"choice_{Number(i)}_text" }),
        ];
        await Csv.WriteRowAsync(writer, header);
        foreach (var round in review.Rounds)
        {
            var arguments = ReviewItems.ById(round);
            foreach (var ballot in round.Ballots)
            {
                string?[] cells =
                [
                    Number(round.Index + 1), round.Title, ballot.Voter, ballot.ParticipantId.ToString(), YesNo(ballot.VoterRemoved), YesNo(ballot.Counted),
                    Number(ballot.Revision), ballot.Receipt, ReviewTime.Format(ballot.CastAt),
                    .. Enumerable.Range(0, width).SelectMany(i => i < ballot.Ranking.Count
                        ? new[] { ballot.Ranking[i], ReviewItems.Text(round, arguments, ballot.Ranking[i]) }
                        : new string?[] { null, null }),
                ];
                await Csv.WriteRowAsync(writer, cells);
            }
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
