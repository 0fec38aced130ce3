namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The published result is what the class saw and never changes; the comparison and the review count what it
/// counted at the close, say what happened since, and recount only when a student's data was erased.
/// </summary>
public sealed class RecountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_close_a_kick_a_hide_and_a_restore_change_no_count_and_the_comparison_and_review_say_what_happened()
    {
        await using var server = new DebateServer();
        var debate = await SixStudentDebate.PlayAsync(server);
        await using var room = debate.Room;
        var published = Enumerable.Range(0, 3).Select(debate.Published).ToList();

        await ModerateAfterTheCloseAsync(debate);

        var comparison = await ComparisonAsync(room);
        var review = await ReviewAsync(room);
        AssertCountedAsAtTheClose(debate, published, comparison, review);
        var ballots = CsvReader.Parse(await room.Teacher.Http.GetStringAsync($"/api/debates/{room.Debate.Id}/export/ballots.csv", Ct));
        Assert.Equal([("1", "yes", "yes"), ("2", "yes", "yes"), ("3", "yes", "yes")], ballots.Where(r => r[2] == "Eve").Select(r => (r[0], r[4], r[5])));
        Assert.Equal(published.Select(Json), Enumerable.Range(0, 3).Select(i => Json(debate.Published(i))));
        Assert.Equal(published.Select(Json), room.Students[0].Read(v => Enumerable.Range(0, 3).Select(i => Json(v.Results[i])).ToList()));
    }

    [Fact]
    public async Task After_a_restart_the_comparison_and_review_still_count_as_at_the_close()
    {
        using var database = new TempDatabase();
        List<ResultView> published;
        Guid debateId;
        SixStudentDebate debate;
        DateTimeOffset stoppedAt;
        await using (var before = new DebateServer(database.Path))
        {
            debate = await SixStudentDebate.PlayAsync(before);
            await using var room = debate.Room;
            debateId = room.Debate.Id;
            published = [.. Enumerable.Range(0, 3).Select(debate.Published)];
            await ModerateAfterTheCloseAsync(debate);
            stoppedAt = before.Time.GetUtcNow();
        }

        await using var after = new DebateServer(database.Path, new FakeTimeProvider(stoppedAt));
        var teacher = await after.SignInAsync("teacher@example.edu", "correct horse battery");
        var comparison = (await teacher.Http.GetFromJsonAsync<ComparisonView>($"/api/debates/{debateId}/comparison", Wire.Json, Ct))!;
        var review = (await teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{debateId}/review", Wire.Json, Ct))!;

        AssertCountedAsAtTheClose(debate, published, comparison, review);
        teacher.Http.Dispose();
    }

    [Fact]
    public async Task Removing_a_students_data_after_the_close_recounts_without_them_and_says_so_while_the_class_keeps_what_it_saw()
    {
        using var database = new TempDatabase();
        Guid debateId;
        ComparisonView comparison;
        ReviewView review;
        DateTimeOffset stoppedAt;
        await using (var server = new DebateServer(database.Path))
        {
            var debate = await SixStudentDebate.PlayAsync(server);
            await using var room = debate.Room;
            debateId = room.Debate.Id;
            var published = debate.Published(1);
            var fay = debate.Student("Fay").ParticipantId;

            using var erased = await room.Teacher.Http.PostAsync($"/api/debates/{debateId}/participants/{fay}/erase", null, Ct);
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

            comparison = await ComparisonAsync(room);
            review = await ReviewAsync(room);
            var research = comparison.Rounds.Single(r => r.RoundIndex == 1);
            Assert.Equal(new RecountNoteView(0, 0, 0, 0, ErasedStudents: 1), research.RecountNote);
            Assert.All(research.Results, r => Assert.Equal(published.BallotCount - 1, r.BallotCount));
            var after = review.Rounds[2].Results.Single();
            Assert.Equal((4, 1, 0), (after.Motion!.For, after.Motion!.Against, after.Motion!.Undecided));
            Assert.Equal(new RecountNoteView(0, 0, 0, 0, ErasedStudents: 1), review.Rounds[2].RecountNote);

            // Recounted, the persuasion is 3/1/1 then 4/1/0: For gained a fifth, Against nothing.
            Assert.Equal(PersuasionVerdict.For, review.Persuasion!.Verdict);
            Assert.Equal(1, review.PersuasionRecountNote!.ErasedStudents);
            Assert.Equal(PersuasionVerdict.Draw, debate.Published(2).Persuasion!.Verdict);
            var snapshot = await debate.Student("Ann").ResumeAsync(debateId, debate.Student("Ann").Token);
            Assert.Equal(Json(published), Json(snapshot.Results.Single(r => r.RoundIndex == 1)));
            Assert.Equal(PersuasionVerdict.Draw, snapshot.Results.Single(r => r.RoundIndex == 2).Persuasion!.Verdict);

            var markdown = await room.Teacher.Http.GetStringAsync($"/api/debates/{debateId}/export/transcript.md", Ct);
            Assert.Contains("*Recounted without 1 student whose data was removed.*", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("(shown to the class)", markdown, StringComparison.Ordinal);
            stoppedAt = server.Time.GetUtcNow();
        }

        // Replayed from the rewritten events, the debate recounts the same way.
        await using var restarted = new DebateServer(database.Path, new FakeTimeProvider(stoppedAt));
        var teacher = await restarted.SignInAsync("teacher@example.edu", "correct horse battery");
        var replayed = (await teacher.Http.GetFromJsonAsync<ComparisonView>($"/api/debates/{debateId}/comparison", Wire.Json, Ct))!;
        Assert.Equal(Json(comparison.Rounds), Json(replayed.Rounds));
        teacher.Http.Dispose();
    }

    /// <summary>After every round has closed: Eve (who voted in all three) is removed, Dee's argument (hidden at the close) restored, Bob's (a candidate) hidden.</summary>
    private static async Task ModerateAfterTheCloseAsync(SixStudentDebate debate)
    {
        var console = debate.Room.Console;
        await console.ControlAsync("Kick", debate.Student("Eve").ParticipantId);
        await console.ControlAsync("RestoreArgument", debate.DeeArgument);
        await console.ControlAsync("HideArgument", debate.BobArgument, "Duplicate.");
        await console.WaitUntilAsync(v => v.Roster[debate.Student("Eve").ParticipantId].Kicked && v.Arguments[debate.BobArgument].Hidden, "the moderation");
    }

    private static void AssertCountedAsAtTheClose(SixStudentDebate debate, List<ResultView> published, ComparisonView comparison, ReviewView review)
    {
        var candidates = string.Join(",", new[] { debate.AnnArgument, debate.BobArgument, debate.CyArgument }.Select(a => a.ToString()).Order());
        var research = comparison.Rounds.Single(r => r.RoundIndex == 1);
        Assert.Equal(Json(published[1]), Json(research.Results.Single(r => r.Ranking!.Method == TallyMethod.Borda)));
        Assert.All(research.Results, r => Assert.Equal((5, candidates), (r.BallotCount, string.Join(",", r.Ranking!.Items.Select(i => i.ItemId).Order()))));
        Assert.Equal(new RecountNoteView(RemovedStudents: 1, HiddenArguments: 1, RestoredArguments: 1, 0, 0), research.RecountNote);
        // The comparison leaves out the motion votes (one count whatever the method); the review has them.
        Assert.Equal([1], comparison.Rounds.Select(r => r.RoundIndex));
        foreach (var motionVote in new[] { 0, 2 })
        {
            var round = review.Rounds[motionVote];
            Assert.Equal(Json(published[motionVote]), Json(Assert.Single(round.Results)));
            Assert.Equal(new RecountNoteView(RemovedStudents: 1, 0, 0, 0, 0), round.RecountNote);
        }

        // Eve, removed after every close, still counts in every round, and her ballots say both.
        Assert.All(review.Rounds, r => Assert.Equal((true, true), r.Ballots.Where(b => b.Voter == "Eve").Select(b => (b.VoterRemoved, b.Counted)).Single()));
        Assert.All(review.Rounds, r => Assert.All(r.Ballots.Where(b => b.Voter != "Eve"), b => Assert.Equal((false, true), (b.VoterRemoved, b.Counted))));

        Assert.Equal(Json(research.Results), Json(review.Rounds[1].Results.OrderBy(r => r.Ranking!.Method)));
        Assert.Equal(research.RecountNote, review.Rounds[1].RecountNote);
        Assert.Equal(Json(published[2].Persuasion!), Json(review.Persuasion!));
        Assert.Equal(new RecountNoteView(RemovedStudents: 1, 0, 0, 0, 0), review.PersuasionRecountNote);
    }

    private static async Task<ComparisonView> ComparisonAsync(Scenario room) =>
        (await room.Teacher.Http.GetFromJsonAsync<ComparisonView>($"/api/debates/{room.Debate.Id}/comparison", Wire.Json, Ct))!;

    private static async Task<ReviewView> ReviewAsync(Scenario room) =>
        (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json, Ct))!;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Wire.Json);
}
