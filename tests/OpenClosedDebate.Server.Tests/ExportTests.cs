namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_review_shows_the_timeline_threads_rebuttals_and_counts_participation()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", DebateServer.Json, Ct))!;

        var research = review.Rounds[1];
        var forgery = research.Closed.Single(a => a.Text == FinishedDebate.Forgery);
        Assert.Equal("Audits need weights.", Assert.Single(forgery.Replies).Text);
        Assert.Equal(["borda", "instantRunoff", "schulze"], research.Results.Select(r => r.Ranking!.Method));
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

        var rows = CsvReader.Parse(await GetTextAsync(room, "export/arguments.csv"));

        var header = rows[0];
        var text = header.IndexOf("text");
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r[text] == "'" + FinishedDebate.Formula);
        Assert.Contains(rows, r => r[text] == FinishedDebate.Awkward);
        Assert.Contains(rows, r => r[text] == FinishedDebate.Forgery);
        Assert.All(rows.Skip(1), r => Assert.Equal(header.Count, r.Count));
        Assert.Contains(rows, r => r[header.IndexOf("kind")] == "rebuttal" && r[header.IndexOf("reply_to_id")].Length == 36);
    }

    [Fact]
    public async Task The_ballots_csv_has_a_row_per_ballot_with_its_ranked_ids_in_order()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);
        var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", DebateServer.Json, Ct))!;

        var rows = CsvReader.Parse(await GetTextAsync(room, "export/ballots.csv"));

        Assert.Equal(["round", "round_title", "voter", "voter_id", "revision", "receipt", "cast_at", "choice_1", "choice_2"], rows[0]);
        Assert.Equal(3 + 2 + 3, rows.Count - 1);
        var bens = rows.Single(r => r[0] == "2" && r[2] == "Ben");
        var research = review.Rounds[1];
        var ranking = research.Ballots.Single(b => b.Voter == "Ben").Ranking;
        Assert.Equal(ranking, bens[7..9]);
        Assert.Equal("2", bens[4]);
    }

    [Fact]
    public async Task The_markdown_transcript_escapes_user_text_so_it_forges_no_heading_or_link()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var markdown = await GetTextAsync(room, "export/transcript.md");

        Assert.StartsWith("# Models should be open\\.", markdown, StringComparison.Ordinal);
        Assert.Contains("## Round 2: Research", markdown, StringComparison.Ordinal);
        Assert.Contains("\\# Forged heading\\", markdown, StringComparison.Ordinal);
        Assert.Contains("\\[click me\\]\\(http\\:", markdown, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), line => line.TrimStart().StartsWith("# Forged", StringComparison.Ordinal));
        Assert.DoesNotContain("](http", markdown, StringComparison.Ordinal);
        Assert.Contains("**The motion falls**", markdown, StringComparison.Ordinal);
        Assert.Contains("| Ada Lovelace | open |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_round_trips_and_holds_everything()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);

        var json = await GetTextAsync(room, "export/debate.json");
        var review = JsonSerializer.Deserialize<ReviewView>(json, DebateServer.Json)!;

        Assert.Equal("open-closed-debate/review@1", review.Format);
        // Read back and written again, it is the same document (escaping aside).
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), JsonSerializer.SerializeToNode(review, DebateServer.Json)));
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

        var full = await GetTextAsync(room, path);
        var shared = await GetTextAsync(room, path + "?share=true");

        Assert.Contains("Ada", full, StringComparison.Ordinal);
        foreach (var name in FinishedDebate.Names)
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

    private static async Task<string> GetTextAsync(Scenario room, string path)
    {
        using var response = await room.Teacher.Http.GetAsync($"/api/debates/{room.Debate.Id}/{path}", Ct);
        response.EnsureSuccessStatusCode();
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));
    }
}
