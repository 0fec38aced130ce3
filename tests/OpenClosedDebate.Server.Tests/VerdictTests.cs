namespace OpenClosedDebate.Server.Tests;

using System.Net.Http.Json;
using System.Text.Json;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

public sealed class VerdictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_side_gaining_one_voter_in_six_is_a_draw_on_every_phone_the_projector_the_review_and_every_export()
    {
        await using var server = new DebateServer();
        var debate = await SixStudentDebate.PlayAsync(server);
        await using var room = debate.Room;
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);

        foreach (var client in room.Students.Append(projector).Append(room.Console))
        {
            var p = client.Read(v => v.Results[2].Persuasion)!;
            Assert.Equal((PersuasionVerdict.Draw, null, 16.7, 16.7), (p.Verdict, p.Winner, p.ForGain, p.AgainstGain));
            Assert.Equal((3, 1, 2, 4, 2, 0), (p.Before.For, p.Before.Against, p.Before.Undecided, p.After.For, p.After.Against, p.After.Undecided));
        }

        var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;
        Assert.Equal(PersuasionVerdict.Draw, review.Persuasion!.Verdict);

        var markdown = await room.Teacher.Http.GetStringAsync($"/api/debates/{room.Debate.Id}/export/transcript.md", Ct);
        Assert.Contains("**A draw**: both sides gained the same share of the vote.", markdown, StringComparison.Ordinal);
        Assert.Contains("| For | 50% | 66.7% | +16.7 pts |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Against | 16.7% | 33.3% | +16.7 pts |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("carries", markdown, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await room.Teacher.Http.GetStringAsync($"/api/debates/{room.Debate.Id}/export/debate.json", Ct));
        var persuasion = json.RootElement.GetProperty("persuasion");
        Assert.Equal(("draw", JsonValueKind.Null), (persuasion.GetProperty("verdict").GetString(), persuasion.GetProperty("winner").ValueKind));
    }
}
