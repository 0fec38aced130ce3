namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Templates;
using OpenClosedDebate.Domain.Voting;

public sealed class FullDebateTests
{
    private static readonly string[] Names = ["Ada", "Ben", "Cy", "Di"];

    [Fact]
    public async Task Instructor_and_four_students_run_the_built_in_template_from_lobby_to_finished()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, plan: null, Names);
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        var plan = OpenAndClosedModels.Template.Plan;
        Assert.Equal(2, room.Students.Count(s => s.Read(v => v.You!.Side) == Side.Open));

        await room.Console.ControlAsync("Start");
        var pre = new[] { MotionItems.For, MotionItems.Against, MotionItems.Undecided, MotionItems.For };
        var post = new[] { MotionItems.For, MotionItems.For, MotionItems.For, MotionItems.Against };

        for (var round = 0; round < plan.Rounds.Count; round++)
        {
            var kind = plan.Rounds[round].Kind;
            if (kind == RoundKind.Argument)
            {
                await ArgueAsync(room, round);
            }

            await room.EveryoneSeesPhaseAsync(round, Phase.Vote);
            for (var i = 0; i < room.Students.Count; i++)
            {
                var ballot = kind switch
                {
                    RoundKind.MotionVote => [round == 0 ? pre[i] : post[i]],
                    RoundKind.Ranking => ["option-2", "option-4", "option-1", "option-3"],
                    _ => OthersArguments(room.Students[i], round),
                };
                var ack = await room.Students[i].VoteAsync(round, ballot);
                Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", ack.Ballot.Receipt);
            }

            await room.Console.WaitUntilAsync(v => v.Tally?.BallotCount == room.Students.Count, $"the live tally of round {round}");
            server.Time.Advance(TimeSpan.FromSeconds(plan.Rounds[round].VoteSeconds));
            await room.EveryoneSeesPhaseAsync(round, Phase.Results);
            await projector.WaitUntilAsync(v => v.Results.ContainsKey(round), $"results of round {round} on the projector");
            await room.Console.ControlAsync("Skip");
        }

        foreach (var client in room.Students.Append(room.Console).Append(projector))
        {
            await client.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");
            Assert.Equal(plan.Rounds.Count, client.Read(v => v.Results.Count));
        }

        var persuasion = projector.Read(v => v.Results[plan.Rounds.Count - 1].Persuasion)!;
        Assert.Equal(50, persuasion.Before.ForPercent);
        Assert.Equal(75, persuasion.After.ForPercent);
        Assert.Equal(25, persuasion.ForGain);
        Assert.Equal(0, persuasion.AgainstGain);
        Assert.Equal(MotionChoice.For, persuasion.Winner);

        var ranking = projector.Read(v => v.Results[1].Ranking)!;
        Assert.Equal(TallyMethod.Borda, ranking.Method);
        Assert.Equal(["option-2", "option-4", "option-1", "option-3"], ranking.Items.Select(i => i.ItemId));
        Assert.Equal(4 * 4, ranking.Items[0].Score);
    }

    private static async Task ArgueAsync(Scenario room, int round)
    {
        await room.EveryoneSeesPhaseAsync(round, Phase.Argue);
        foreach (var student in room.Students)
        {
            var ack = await student.PostAsync($"Round {round}: an argument from {student.Read(v => v.You!.DisplayName)}.");
            Assert.Equal(student.Read(v => v.You!.Side), ack.Argument.Side);
        }

        await room.Students[0].WaitUntilAsync(v => v.Arguments.Values.Count(a => a.RoundIndex == round) == 4, "all four arguments");
        var rebutter = room.Students[0];
        var target = rebutter.Read(v => v.Arguments.Values.First(a => a.RoundIndex == round && a.Side != v.You!.Side));
        var rebuttal = await rebutter.PostAsync("That ignores who pays for safety testing.", target.Id);
        Assert.Equal(target.Id, rebuttal.Argument.ReplyToId);

        await room.Console.WaitUntilAsync(v => v.Arguments.Values.Count(a => a.RoundIndex == round) == 5, "five arguments on the console");
        room.Server.Time.Advance(TimeSpan.FromSeconds(OpenAndClosedModels.Template.Plan.Rounds[round].ArgueSeconds));
    }

    private static string[] OthersArguments(RoomClient student, int round) => student.Read(v => v.Arguments.Values
        .Where(a => a.RoundIndex == round && a.AuthorId != v.You!.ParticipantId)
        .OrderBy(a => a.PostedAt)
        .Take(3)
        .Select(a => a.Id.ToString())
        .ToArray());
}
