namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_review_shows_the_timeline_threads_rebuttals_and_counts_participation()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;

        var research = review.Rounds[1];
        var forgery = research.Closed.Single(a => a.Text == FinishedDebate.Forgery);
        Assert.Equal("Audits need weights.", Assert.Single(forgery.Replies).Text);
        Assert.Equal([TallyMethod.Borda, TallyMethod.InstantRunoff, TallyMethod.Schulze], research.Results.Select(r => r.Ranking!.Method));
        var ada = review.Participation.Single(p => p.Name == "Ada Lovelace");
        Assert.Equal((1, 1, 1, 1), (ada.Arguments, ada.Rebuttals, ada.Ballots - 2, ada.Sides.Count));
        Assert.Equal((MotionChoice.For, MotionChoice.Against, true), (ada.Before, ada.After, ada.ChangedMind));
        var ben = review.Participation.Single(p => p.Name == "Ben");
        Assert.Equal(1, ben.Revisions);
        Assert.Contains(review.Timeline, e => e.Kind == "ballot" && e.Text.Contains("Ben revised their ballot", StringComparison.Ordinal));
        Assert.Contains(review.Timeline, e => e.Kind == "rebuttal" && e.Actor == "Ada Lovelace" && e.ReplyToId == forgery.Id);
        Assert.Contains(review.Timeline, e => e.Kind == "phase" && e.Actor == "Instructor");
        Assert.Equal(review.Timeline.Select(e => e.Seq).Order(), review.Timeline.Select(e => e.Seq));
        Assert.NotNull(review.Persuasion);
    }

    [Fact]
    public async Task The_arguments_csv_neutralises_formulas_and_keeps_commas_quotes_and_line_breaks()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var rows = await GetCsvAsync(room, "export/arguments.csv");

        var header = rows[0];
        var text = header.IndexOf("text");
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r[text] == "'" + FinishedDebate.Formula);
        Assert.Contains(rows, r => r[text] == FinishedDebate.Awkward);
        Assert.Contains(rows, r => r[text] == FinishedDebate.Forgery);
        Assert.Contains(rows, r => r[header.IndexOf("kind")] == "rebuttal" && r[header.IndexOf("reply_to_id")].Length == 36);
        Assert.All(rows.Skip(1), r => Assert.Matches(ReviewTimePattern, r[header.IndexOf("posted_at")]));
    }

    [Fact]
    public async Task The_ballots_csv_has_a_row_per_ballot_with_each_ranked_id_beside_its_text()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);
        var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;

        var rows = await GetCsvAsync(room, "export/ballots.csv");

        Assert.Equal(["round", "round_title", "voter", "voter_id", "voter_removed", "counted", "revision", "receipt", "cast_at", "choice_1", "choice_1_text", "choice_2", "choice_2_text"], rows[0]);
        Assert.Equal(3 + 2 + 3, rows.Count - 1);
        var bens = rows.Single(r => r[0] == "2" && r[2] == "Ben");
        var ranking = review.Rounds[1].Ballots.Single(b => b.Voter == "Ben").Ranking;
        Assert.Equal([ranking[0], "'" + FinishedDebate.Formula, ranking[1], FinishedDebate.Awkward], bens[9..13]);
        Assert.Equal(("no", "yes", "2"), (bens[4], bens[5], bens[6]));
        Assert.Matches(ReviewTimePattern, bens[8]);
        var adas = rows.Single(r => r[0] == "2" && r[2] == "Ada Lovelace");
        Assert.Equal(FinishedDebate.Forgery, adas[10]);
        Assert.Equal(("", ""), (adas[11], adas[12]));
        Assert.Equal(["for", "For"], rows.Single(r => r[0] == "1" && r[2] == "Ada Lovelace")[9..11]);
    }

    [Fact]
    public async Task A_ballot_of_a_student_removed_before_the_close_is_marked_removed_and_not_counted()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben", "Cy");
        var (ada, ben, cy) = (room.Students[0], room.Students[1], room.Students[2]);
        await room.Console.ControlAsync("Start");
        await Scenario.WaitForPhaseAsync(cy, 0, Phase.Argue);
        var argument = (await ada.PostAsync("Open weights let anyone audit a model.")).Argument.Id.ToString();
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(cy, 0, Phase.Vote);
        await ben.VoteAsync(0, argument);
        await cy.VoteAsync(0, argument);
        await room.Console.ControlAsync("Kick", cy.ParticipantId);
        await room.Console.ControlAsync("Skip");
        await room.Console.WaitUntilAsync(v => v.Results.ContainsKey(0), "the results");

        var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;
        var rows = await GetCsvAsync(room, "export/ballots.csv");

        Assert.Equal(1, review.Rounds[0].Results[0].BallotCount);
        Assert.Equal([("Ben", false, true), ("Cy", true, false)], review.Rounds[0].Ballots.Select(b => (b.Voter, b.VoterRemoved, b.Counted)).Order());
        Assert.Equal([("Ben", "no", "yes"), ("Cy", "yes", "no")], rows.Skip(1).Select(r => (r[2], r[4], r[5])).Order());
    }

    [Fact]
    public async Task The_markdown_transcript_renders_user_text_as_written_and_forges_no_heading_link_or_html()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var markdown = await GetTextAsync(room, "export/transcript.md");

        Assert.StartsWith("# Models should be open.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**The motion falls**", markdown, StringComparison.Ordinal);
        foreach (var pipeline in new[] { RenderedMarkdown.CommonMark, RenderedMarkdown.Gfm })
        {
            var document = RenderedMarkdown.Parse(markdown, pipeline);
            Assert.Equal("Models should be open.", RenderedMarkdown.Headings(document).First());
            Assert.DoesNotContain(RenderedMarkdown.Headings(document), h => h.Contains("Forged", StringComparison.Ordinal));
            var forgery = Assert.Single(RenderedMarkdown.ListItems(document), i => i.Text.StartsWith("Ben (", StringComparison.Ordinal));
            Assert.Equal("Ben (6 words): " + FinishedDebate.Forgery, forgery.Text);
            Assert.Equal(["emphasis *2: Ben"], RenderedMarkdown.Markup(forgery.Inline));
        }

        Assert.Contains("| Ada Lovelace | open |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_round_trips_and_holds_everything()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var json = await GetTextAsync(room, "export/debate.json");
        var review = JsonSerializer.Deserialize<ReviewView>(json, Wire.Json)!;

        Assert.Equal("open-closed-debate/review@1", review.Format);
        // Read back and written again, it is the same document (escaping aside).
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), JsonSerializer.SerializeToNode(review, Wire.Json)));
        Assert.Equal(4, review.Rounds[1].Open.Concat(review.Rounds[1].Closed).Sum(a => 1 + a.Replies.Count));
        Assert.Equal(8, review.Rounds.Sum(r => r.Ballots.Count));
        Assert.Equal(3, review.Participation.Count);
        Assert.NotEmpty(review.Timeline);
    }

    [Theory]
    [InlineData("review")]
    [InlineData("export/transcript.md")]
    [InlineData("export/arguments.csv")]
    [InlineData("export/ballots.csv")]
    [InlineData("export/debate.json")]
    public async Task An_export_for_sharing_uses_pseudonyms_everywhere(string path)
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server, anonymous: true);

        // A rename puts two real names in the history: the shared version must show neither.
        await room.Console.ControlAsync("Rename", room.Students[2].ParticipantId, "Cyrus Quill");

        var full = await GetTextAsync(room, path);
        var shared = await GetTextAsync(room, path + "?share=true");

        Assert.Contains("Ada", full, StringComparison.Ordinal);
        foreach (var name in FinishedDebate.Names.Append("Cyrus Quill"))
        {
            Assert.DoesNotContain(name, shared, StringComparison.Ordinal);
        }

        var pseudonym = room.Students[0].Read(v => v.You!.Pseudonym);
        Assert.Contains(pseudonym, shared, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review")]
    [InlineData("export/transcript.md")]
    [InlineData("export/arguments.csv")]
    [InlineData("export/ballots.csv")]
    [InlineData("export/debate.json")]
    public async Task Another_instructor_gets_404_from_every_review_and_export_url(string path)
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);
        await server.Services.GetRequiredService<Auth.InstructorAccounts>().CreateAsync("other@example.edu", "another long password", Ct);
        var other = await server.SignInAsync("other@example.edu", "another long password");

        using var response = await other.Http.GetAsync($"/api/debates/{room.Debate.Id}/{path}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Ada", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_are_attachments_named_after_the_debate()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        using var response = await room.Teacher.Http.GetAsync($"/api/debates/{room.Debate.Id}/export/ballots.csv?share=true", Ct);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"debate-{room.Debate.JoinCode}-shared-ballots.csv", response.Content.Headers.ContentDisposition!.FileName);
    }

    private const string ReviewTimePattern = @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$";

    /// <summary>
    /// A CSV export as Excel needs it, read back strictly: UTF-8 after a byte order mark, and every record ending with
    /// CRLF, line breaks inside quoted cells aside.
    /// </summary>
    private static async Task<List<List<string>>> GetCsvAsync(Scenario room, string path)
    {
        using var response = await room.Teacher.Http.GetAsync($"/api/debates/{room.Debate.Id}/{path}", Ct);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var outsideQuotes = System.Text.RegularExpressions.Regex.Replace(text, "\"(?:[^\"]|\"\")*\"", "\"\"");
        Assert.EndsWith("\r\n", outsideQuotes, StringComparison.Ordinal);
        Assert.Equal(outsideQuotes.Split("\r\n").Length - 1, outsideQuotes.Count(c => c == '\n'));
        Assert.Equal(outsideQuotes.Split("\r\n").Length - 1, outsideQuotes.Count(c => c == '\r'));
        return CsvReader.Parse(text);
    }

    private static async Task<string> GetTextAsync(Scenario room, string path)
    {
        using var response = await room.Teacher.Http.GetAsync($"/api/debates/{room.Debate.Id}/{path}", Ct);
        response.EnsureSuccessStatusCode();
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));
    }
}
