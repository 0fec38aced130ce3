namespace OpenClosedDebate.Server.Tests;

using System.Net.Http.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

public sealed class TallyMethodTests
{
    [Fact]
    public async Task A_round_counted_by_instant_runoff_shows_everyone_its_rounds()
    {
        await using var server = new DebateServer();
        await using var room = await VotedAsync(server, TallyMethod.InstantRunoff);

        var result = room.Students[0].Read(v => v.Results[0]);

        Assert.Equal(TallyMethod.InstantRunoff, result.Ranking!.Method);
        var runoff = result.Ranking.Runoff!;
        Assert.Equal(4, runoff.Rounds[0].Continuing + runoff.Rounds[0].Exhausted);
        Assert.True(runoff.DecisiveRound >= 1);
        Assert.Equal(result.Ranking.Items[0].ItemId, runoff.Rounds[^1].Counts[0].ItemId);
        Assert.Null(result.Ranking.Pairwise);
    }

    [Fact]
    public async Task A_round_counted_by_schulze_shows_everyone_who_beat_whom()
    {
        await using var server = new DebateServer();
        await using var room = await VotedAsync(server, TallyMethod.Schulze);

        var result = room.Students[0].Read(v => v.Results[0]);

        Assert.Equal(TallyMethod.Schulze, result.Ranking!.Method);
        var pairwise = result.Ranking.Pairwise!;
        Assert.Equal(4, pairwise.ItemIds.Count);
        var winner = pairwise.ItemIds.ToList().IndexOf(result.Ranking.Items[0].ItemId);
        for (var other = 0; other < 4; other++)
        {
            Assert.True(other == winner || pairwise.StrongestPaths[winner][other] >= pairwise.StrongestPaths[other][winner]);
        }
    }

    [Fact]
    public async Task The_instructor_compares_every_method_and_sees_who_changed_their_mind()
    {
        await using var server = new DebateServer();
        var plan = Scenario.OneArgumentRound() with
        {
            Rounds =
            [
                new RoundPlan { Title = "Before", Prompt = "Vote.", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
                Scenario.OneArgumentRound().Rounds[0],
                new RoundPlan { Title = "After", Prompt = "Vote again.", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
            ],
        };
        await using var room = await Scenario.LobbyAsync(server, plan, "Ada", "Ben");
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("Start");
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Vote);
        await ada.VoteAsync(0, MotionItems.For);
        await ben.VoteAsync(0, MotionItems.Against);
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(ada, 1, Phase.Argue);
        var argument = await ben.PostAsync("Closed models can be recalled.");
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(ada, 1, Phase.Vote);
        await ada.VoteAsync(1, argument.Argument.Id.ToString());
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(ada, 2, Phase.Vote);
        await ada.VoteAsync(2, MotionItems.Against);
        await ben.VoteAsync(2, MotionItems.Against);
        await room.Console.ControlAsync("Skip");
        await room.Console.WaitUntilAsync(v => v.Results.ContainsKey(2), "the post-debate results");

        var comparison = await room.Teacher.Http.GetFromJsonAsync<ComparisonView>($"/api/debates/{room.Debate.Id}/comparison", Wire.Json, TestContext.Current.CancellationToken);

        var argumentRound = comparison!.Rounds.Single(r => r.RoundIndex == 1);
        Assert.Equal([TallyMethod.Borda, TallyMethod.InstantRunoff, TallyMethod.Schulze], argumentRound.Results.Select(r => r.Ranking!.Method));
        Assert.All(argumentRound.Results, r => Assert.Equal(argument.Argument.Id.ToString(), r.Ranking!.Items[0].ItemId));
        var adaChange = comparison.MindChanges.Single(c => c.DisplayName == "Ada");
        Assert.Equal((MotionChoice.For, MotionChoice.Against, true), (adaChange.Before, adaChange.After, adaChange.Changed));
        Assert.False(comparison.MindChanges.Single(c => c.DisplayName == "Ben").Changed);
    }

    [Fact]
    public async Task In_the_room_a_result_carries_the_first_twenty_places_and_how_many_there_were_while_rest_lists_them_all()
    {
        await using var server = new DebateServer();
        var names = Enumerable.Range(1, 24).Select(i => $"Student {i}").ToArray();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), names);
        await room.Console.ControlAsync("Start");
        await Scenario.WaitForPhaseAsync(room.Console, 0, Phase.Argue);
        var ids = new List<string>();
        foreach (var s in room.Students)
        {
            ids.Add((await s.PostAsync($"An argument by {s.ParticipantId}")).Argument.Id.ToString());
        }

        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(room.Console, 0, Phase.Vote);
        await room.Students[0].VoteAsync(0, ids[1], ids[2], ids[3]);
        await room.Console.WaitUntilAsync(v => v.Tally is { BallotCount: 1 }, "the live tally");
        Assert.Equal((20, 24), room.Console.Read(v => (v.Tally!.Ranking!.Items.Count, v.Tally.Ranking.ItemCount)));
        await room.Console.ControlAsync("Skip");
        await room.Students[1].WaitUntilAsync(v => v.Results.ContainsKey(0), "the results");

        var published = room.Students[1].Read(v => v.Results[0].Ranking!);
        Assert.Equal((20, 24), (published.Items.Count, published.ItemCount));
        Assert.Equal(ids[1], published.Items[0].ItemId);
        Assert.Equal(Enumerable.Range(1, 20), published.Items.Select(i => i.Place));
        var reloaded = await room.Students[2].ResumeAsync(room.Debate.Id, room.Students[2].Token);
        Assert.Equal(20, Assert.Single(reloaded.Results).Ranking!.Items.Count);

        var comparison = await room.Teacher.Http.GetFromJsonAsync<ComparisonView>($"/api/debates/{room.Debate.Id}/comparison", Wire.Json, TestContext.Current.CancellationToken);
        Assert.All(comparison!.Rounds.Single().Results, r => Assert.Equal((24, 24), (r.Ranking!.Items.Count, r.Ranking.ItemCount)));
    }

    /// <summary>One argument round under a method: four arguments, four ballots, closed.</summary>
    private static async Task<Scenario> VotedAsync(DebateServer server, TallyMethod method)
    {
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, TallyMethod = method, MaxRankedItems = 3 };
        var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(settings: settings), "Ada", "Ben", "Cy", "Di");
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        var ids = new List<string>();
        foreach (var s in room.Students)
        {
            ids.Add((await s.PostAsync($"An argument by {s.ParticipantId}")).Argument.Id.ToString());
        }

        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);
        for (var i = 0; i < room.Students.Count; i++)
        {
            var others = Enumerable.Range(1, 3).Select(k => ids[(i + k) % ids.Count]).ToArray();
            await room.Students[i].VoteAsync(0, others);
        }

        await room.Console.ControlAsync("Skip");
        await room.Students[0].WaitUntilAsync(v => v.Results.ContainsKey(0), "the results");
        return room;
    }
}
