namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>What the class is sent about results waiting to be revealed, and what a student hears when the instructor hides their argument.</summary>
public sealed class RevealAndNoticeTests
{
    [Fact]
    public async Task A_result_waiting_for_the_instructor_reaches_only_the_instructor_until_it_is_revealed()
    {
        await using var server = new DebateServer();
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, RevealResults = ResultReveal.OnClick };
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(settings: settings), "Ada", "Ben");
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        var argument = await ben.PostAsync("Closed labs can recall a model.");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);
        await ada.VoteAsync(0, argument.Argument.Id.ToString());

        await room.Console.ControlAsync("Skip");

        await room.EveryoneSeesPhaseAsync(0, Phase.Results);
        await Scenario.WaitForPhaseAsync(projector, 0, Phase.Results);
        await room.Console.WaitUntilAsync(v => v.Results.ContainsKey(0), "the instructor has the result");
        foreach (var client in new[] { ada, ben, projector })
        {
            Assert.True(client.Read(v => v.Clock!.ResultsPending));
            Assert.Empty(client.Read(v => v.Results));
            Assert.DoesNotContain(client.Updates.SelectMany(u => u.Events), e => e is ResultsPublished);
        }

        await using (var late = await server.ConnectAsync())
        {
            Assert.Empty((await late.WatchAsync(room.Debate.JoinCode)).Results);
            Assert.Empty((await late.ResumeAsync(ada.DebateId, ada.Token)).Results);
        }

        Assert.Single((await room.Console.AttachAsync(room.Debate.Id)).Results);

        await room.Console.ControlAsync("RevealResults");

        foreach (var client in new[] { ada, ben, projector })
        {
            await client.WaitUntilAsync(v => v.Results.ContainsKey(0) && v.Clock?.ResultsPending == false, "the revealed result");
            Assert.Equal(argument.Argument.Id.ToString(), client.Read(v => v.Results[0].Ranking!.Items[0].ItemId));
        }

        await Refused.WithAsync("wrongStatus", () => room.Console.ControlAsync("RevealResults"));
    }

    [Fact]
    public async Task A_result_shown_at_once_goes_to_everyone_when_voting_closes()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");

        foreach (var client in room.Students)
        {
            await client.WaitUntilAsync(v => v.Results.ContainsKey(0), "the result");
            Assert.False(client.Read(v => v.Clock!.ResultsPending));
        }
    }

    [Fact]
    public async Task A_student_whose_argument_is_hidden_is_told_which_one_and_why_and_nobody_else_is()
    {
        await using var server = new DebateServer();
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating };
        await using var room = await RunningDebate.ArguingAsync(server, Scenario.OneArgumentRound(settings: settings));
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var posted = await ada.PostAsync("Open weights let anyone audit a model.");
        var id = posted.Argument.Id;
        await ben.WaitUntilAsync(v => v.Arguments.ContainsKey(id), "Ben sees Ada's argument");

        await room.Console.ControlAsync("HideArgument", id, "Off topic for this round");

        await ada.WaitUntilAsync(v => v.You!.HiddenArguments.Count == 1, "Ada hears her argument was hidden");
        Assert.Equal(new HiddenArgumentView(id, 0, "Open weights let anyone audit a model.", "Off topic for this round"), ada.Read(v => v.You!.HiddenArguments[0]));
        Assert.False(ada.Read(v => v.Arguments.ContainsKey(id)));
        await ben.WaitUntilAsync(v => !v.Arguments.ContainsKey(id), "Ben no longer sees it");
        Assert.Empty(ben.Read(v => v.You!.HiddenArguments));
        Assert.DoesNotContain(ben.Updates.SelectMany(u => u.Events), e => e is YouChanged);

        await using (var again = await server.ConnectAsync())
        {
            Assert.Equal(id, Assert.Single((await again.ResumeAsync(ada.DebateId, ada.Token)).You!.HiddenArguments).ArgumentId);
        }

        await room.Console.ControlAsync("RestoreArgument", id);

        await ada.WaitUntilAsync(v => v.You!.HiddenArguments.Count == 0 && v.Arguments.ContainsKey(id), "Ada's argument is back");
    }
}
