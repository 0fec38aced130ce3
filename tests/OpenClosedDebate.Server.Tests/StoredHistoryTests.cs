namespace OpenClosedDebate.Server.Tests;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;
using OpenClosedDebate.Server.Transcripts;

/// <summary>
/// Histories stored by earlier versions replay under today's rules. History/v1-moderated-after-close.json is the
/// stored events of a debate written by commit 800ac9d (before the exact verdict and the recount rule): six students,
/// an instant-runoff argument round with ballots [A], [B], [A], [B] (Dee's argument hidden while arguing), the
/// pre-debate vote 3/1/2 and the post-debate vote 4/2/0, which that version published as "For +16.7, Against +16.6,
/// the motion carries". After every round had closed, Eve was removed, Dee's argument restored and Bob's hidden.
/// </summary>
public sealed class StoredHistoryTests
{
    private const string Ann = "aaaaaaaa-0000-4000-8000-000000000001";
    private const string Bob = "bbbbbbbb-0000-4000-8000-000000000002";

    [Fact]
    public void A_history_from_before_the_exact_verdict_replays_as_a_draw_and_its_stored_result_stays()
    {
        var (debate, _) = Replay();

        var persuasion = debate.Rounds[2].Result!.Persuasion!;
        Assert.Equal((PersuasionVerdict.Draw, null, 16.7, 16.7), (persuasion.Verdict, persuasion.Winner, persuasion.ForGain, persuasion.AgainstGain));
        Assert.Equal(PersuasionVerdict.Draw, RoomViews.Result(debate, debate.Rounds[2].Result!).Persuasion!.Verdict);
    }

    [Fact]
    public void A_history_with_moderation_after_the_close_is_compared_and_reviewed_as_counted_at_the_close()
    {
        var (debate, history) = Replay();

        var comparison = RoomViews.Comparison(debate);
        var review = Review.Build(debate, history, shared: false);

        var research = comparison.Rounds.Single(r => r.RoundIndex == 1);
        var stored = debate.Rounds[1].Result!.Ranking!;
        var recounted = research.Results.Single(r => r.Ranking!.Method == TallyMethod.InstantRunoff);
        Assert.Equal(4, recounted.BallotCount);
        Assert.Equal(stored.Items.Select(i => (i.ItemId, i.Place, i.Score)), recounted.Ranking!.Items.Select(i => (i.ItemId, i.Place, i.Score)));
        Assert.Equal([Ann, Bob], recounted.Ranking.Items.Select(i => i.ItemId));
        // That version marked only Bob's argument; today both items of the broken 2-2 tie are marked.
        Assert.Equal([false, true], stored.Items.Select(i => i.TieBroken));
        Assert.Equal([true, true], recounted.Ranking.Items.Select(i => i.TieBroken));
        Assert.All(research.Results, r => Assert.Equal(2, r.Ranking!.ItemCount));
        Assert.Equal(new(RemovedStudents: 1, HiddenArguments: 1, RestoredArguments: 1, 0, 0), research.RecountNote);
        Assert.Equal(research.RecountNote, review.Rounds[1].RecountNote);
        Assert.Equal(TallyMethod.InstantRunoff, review.Rounds[1].Results[0].Ranking!.Method);
        Assert.Equal((PersuasionVerdict.Draw, 1), (review.Persuasion!.Verdict, review.PersuasionRecountNote!.RemovedStudents));
    }

    internal static (Debate Debate, List<DebateEvent> History) Replay()
    {
        var id = Guid.Parse("4f1c2a8e-0b7d-4c1e-9a55-3d2e6f7a8b90");
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "History", "v1-moderated-after-close.json")));
        var history = file.RootElement.EnumerateArray()
            .Select(e => EventCodec.FromRecord(new DebateEventRecord
            {
                DebateId = id,
                Seq = e.GetProperty("seq").GetInt64(),
                Type = e.GetProperty("type").GetString()!,
                At = e.GetProperty("at").GetDateTimeOffset(),
                Payload = e.GetProperty("payload").GetRawText(),
            }))
            .ToList();
        return (Debate.Restore(id, history), history);
    }
}
