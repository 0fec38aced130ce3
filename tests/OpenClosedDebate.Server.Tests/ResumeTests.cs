namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class ResumeTests
{
    [Fact]
    public async Task A_student_who_reconnects_with_their_token_keeps_side_arguments_and_ballot()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Argue);
        var posted = await ada.PostAsync("Open weights let anyone reproduce results.");
        await ben.PostAsync("Closed labs can afford careful red-teaming.");
        server.Time.Advance(TimeSpan.FromSeconds(120));
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Vote);
        var benArgument = ada.Read(v => v.Arguments.Values.Single(a => a.AuthorId == ben.ParticipantId));
        var ballot = await ada.VoteAsync(0, benArgument.Id.ToString());
        var side = ada.Read(v => v.You!.Side);

        await ada.Connection.StopAsync(TestContext.Current.CancellationToken);
        await using var again = await server.ConnectAsync();
        var snapshot = await again.ResumeAsync(ada.DebateId, ada.Token);

        Assert.Equal(ada.ParticipantId, snapshot.You!.ParticipantId);
        Assert.Equal(side, snapshot.You.Side);
        Assert.Contains(snapshot.Arguments, a => a.Id == posted.Argument.Id && a.Text == posted.Argument.Text);
        var kept = Assert.Single(snapshot.Ballots!);
        Assert.Equal(ballot.Ballot.Receipt, kept.Receipt);
        Assert.Equal([benArgument.Id.ToString()], kept.Ranking);
        Assert.Equal(Phase.Vote, snapshot.Clock.Phase);
        Assert.Equal(60_000, snapshot.Clock.RemainingMs);
    }

    [Fact]
    public async Task A_resumed_student_can_revise_their_ballot_and_receives_live_updates()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        var ada = room.Students[0];
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Argue);
        await using var again = await server.ConnectAsync();
        await again.ResumeAsync(ada.DebateId, ada.Token);

        await room.Students[1].PostAsync("Posted after Ada came back.");

        await again.WaitUntilAsync(v => v.Arguments.Values.Any(a => a.Text == "Posted after Ada came back."), "the new argument");
    }

    [Fact]
    public async Task Snapshots_taken_at_one_version_share_the_arguments_and_the_next_version_shows_each_change()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben", "Cy");
        await room.Console.ControlAsync("Start");
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Argue);
        var kept = await ada.PostAsync("Open weights let anyone reproduce results.");
        var rude = await ben.PostAsync("Something rude.");

        // Resumes and a projector at the same version get the same list (serialised once, server side).
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        await using var projector = await server.ConnectAsync();
        var a = await first.ResumeAsync(ada.DebateId, ada.Token);
        var b = await second.ResumeAsync(ben.DebateId, ben.Token);
        var p = await projector.WatchAsync(room.Debate.JoinCode);
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Arguments.ToList(), b.Arguments.ToList());
        Assert.Equal(new[] { kept.Argument.Id, rude.Argument.Id }.Order(), p.Arguments.Select(x => x.Id).Order());

        // Hiding one is a new version: the next snapshots no longer carry it, and a new argument appears.
        await room.Console.ControlAsync("HideArgument", rude.Argument.Id, "Off topic.");
        var late = await room.Students[2].PostAsync("Closed labs can afford careful red-teaming.");
        await using var third = await server.ConnectAsync();
        var c = await third.ResumeAsync(ben.DebateId, ben.Token);
        Assert.True(c.Version > a.Version);
        Assert.Equal(new[] { kept.Argument.Id, late.Argument.Id }.Order(), c.Arguments.Select(x => x.Id).Order());
        Assert.Equal(c.Arguments.Select(x => x.Id).Order(), (await projector.WatchAsync(room.Debate.JoinCode)).Arguments.Select(x => x.Id).Order());
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_the_connection_stays_usable()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await using var stranger = await server.ConnectAsync();

        var message = await Refused.WithAsync("invalidToken", () => stranger.ResumeAsync(room.Debate.Id, "not-a-real-token"));
        Assert.Contains("Join again", message, StringComparison.Ordinal);

        await stranger.JoinAsync(room.Debate.JoinCode, "Zed");
        Assert.NotNull(stranger.Read(v => v.You));
    }

    [Fact]
    public async Task A_token_expires_a_while_after_the_debate_finishes()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        var ada = room.Students[0];
        await room.Console.ControlAsync("Start");
        await room.Console.ControlAsync("End");
        await room.Console.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");
        await using (var soon = await server.ConnectAsync())
        {
            await soon.ResumeAsync(ada.DebateId, ada.Token);
        }

        server.Time.Advance(TimeSpan.FromHours(13));
        await using var late = await server.ConnectAsync();
        await Refused.WithAsync("invalidToken", () => late.ResumeAsync(ada.DebateId, ada.Token));
    }

    [Fact]
    public async Task A_kicked_student_cannot_resume_or_rejoin_under_the_same_name()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Prankster");
        var prankster = room.Students[0];

        await room.Console.ControlAsync("Kick", prankster.ParticipantId);

        await prankster.WaitUntilAsync(v => v.RemovedMessage is not null, "the removal notice");
        await using var again = await server.ConnectAsync();
        await Refused.WithAsync("kicked", () => again.ResumeAsync(prankster.DebateId, prankster.Token));
        await Refused.WithAsync("nameTaken", () => again.JoinAsync(room.Debate.JoinCode, "prankster"));
        await Refused.WithAsync("kicked", () => prankster.PostAsync("still here?"));
    }

    [Fact]
    public async Task A_kicked_student_whose_own_connection_tries_to_come_back_gets_no_more_of_the_room()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Prankster", "Ada");
        var (prankster, ada) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("Kick", prankster.ParticipantId);
        await prankster.WaitUntilAsync(v => v.RemovedMessage is not null, "the removal notice");
        // Once the class has had a later change, the kick's broadcast, which takes the prankster out of the class's group, is done.
        await room.Console.ControlAsync("SetLocked", true);
        server.Time.Advance(server.BroadcastInterval);
        await ada.WaitUntilAsync(v => v.Locked, "the room locked");

        await Refused.WithAsync("kicked", () => prankster.ResumeAsync(prankster.DebateId, prankster.Token));
        await Refused.WithAsync("kicked", () => prankster.WatchAsync(room.Debate.JoinCode));
        var seen = prankster.UpdateCount;
        await room.Console.ControlAsync("SetLocked", false);
        server.Time.Advance(server.BroadcastInterval);
        await ada.WaitUntilAsync(v => !v.Locked, "the room unlocked");

        Assert.Equal(seen, prankster.UpdateCount);
        // The console's live roster and a fresh one agree: a removed student is not counted as connected.
        Assert.False(room.Console.Read(v => v.Roster[prankster.ParticipantId].Connected));
        await using var fresh = await room.Teacher.ConnectAsync();
        Assert.False((await fresh.AttachAsync(room.Debate.Id)).Roster!.Single(p => p.Id == prankster.ParticipantId).Connected);
    }

    [Fact]
    public async Task A_finished_debate_can_be_watched_for_twelve_hours_and_then_no_longer()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await room.Console.ControlAsync("Start");
        await room.Console.ControlAsync("End");
        server.Time.Advance(server.BroadcastInterval);
        await room.Console.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");

        server.Time.Advance(TimeSpan.FromHours(12));
        await using (var projector = await server.ConnectAsync())
        {
            Assert.Equal(DebateStatus.Finished, (await projector.WatchAsync(room.Debate.JoinCode)).Debate.Status);
        }

        server.Time.Advance(TimeSpan.FromSeconds(1));
        await using var late = await server.ConnectAsync();
        await Refused.WithAsync("wrongStatus", () => late.WatchAsync(room.Debate.JoinCode));
        await Refused.WithAsync("invalidToken", () => late.ResumeAsync(room.Students[0].DebateId, room.Students[0].Token));
    }
}
