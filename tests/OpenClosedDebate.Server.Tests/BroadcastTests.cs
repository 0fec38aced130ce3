namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

public sealed class BroadcastTests
{
    [Fact]
    public async Task Room_updates_are_coalesced_to_one_per_broadcast_interval_however_many_commits_there_are()
    {
        var interval = TimeSpan.FromMilliseconds(250);
        await using var server = new DebateServer(broadcastInterval: interval);
        var names = Enumerable.Range(1, 8).Select(i => $"Student {i}").ToArray();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(argue: 600), names);
        await room.Console.ControlAsync("Start");
        server.Time.Advance(interval);
        await Scenario.WaitForPhaseAsync(room.Console, 0, Phase.Argue);
        var before = room.Console.UpdateCount;
        var simulated = TimeSpan.Zero;

        for (var step = 0; step < 10; step++)
        {
            foreach (var student in room.Students)
            {
                await student.PostAsync($"Argument {step} from {student.ParticipantId}");
            }

            server.Time.Advance(TimeSpan.FromMilliseconds(100));
            simulated += TimeSpan.FromMilliseconds(100);
        }

        server.Time.Advance(interval);
        simulated += interval;
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 80, "all 80 arguments");

        var updates = room.Console.UpdateCount - before;
        var allowed = 1 + (int)(simulated / interval);
        Assert.InRange(updates, 2, allowed);
        Assert.True(80 > 10 * allowed, "the test must commit far more often than it may broadcast");
    }

    [Fact]
    public async Task With_own_side_visibility_students_see_only_their_side_until_voting_opens_then_everything()
    {
        await using var server = new DebateServer();
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Visibility = ArgumentVisibility.OwnSide };
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(settings: settings), "Ada", "Ben", "Cy", "Di");
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        var (ada, ben, cy) = (room.Students[0], room.Students[1], room.Students[2]);

        await ada.PostAsync("Open: reproducibility.");
        await ben.PostAsync("Closed: accountability.");
        await cy.WaitUntilAsync(v => v.Arguments.Count == 1, "Cy sees Ada's argument");
        await room.Students[3].WaitUntilAsync(v => v.Arguments.Count == 1, "Di sees Ben's argument");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 2, "the console sees both");

        Assert.Equal("Open: reproducibility.", Assert.Single(cy.Read(v => v.Arguments.Values)).Text);
        Assert.Equal("Closed: accountability.", Assert.Single(room.Students[3].Read(v => v.Arguments.Values)).Text);
        Assert.Empty(projector.Read(v => v.Arguments));

        server.Time.Advance(TimeSpan.FromSeconds(120));
        foreach (var client in room.Students.Append(projector))
        {
            await client.WaitUntilAsync(v => v.Arguments.Count == 2, "both arguments once voting opens");
        }
    }

    [Fact]
    public async Task In_an_anonymous_debate_students_see_pseudonyms_and_the_instructor_sees_names()
    {
        await using var server = new DebateServer();
        var settings = new DebateSettings { Anonymous = true };
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(settings: settings), "Ada Lovelace", "Ben");
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);

        await room.Students[0].PostAsync("An argument.");

        await room.Students[1].WaitUntilAsync(v => v.Arguments.Count == 1, "Ada's argument");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 1, "Ada's argument on the console");
        var seenByBen = Assert.Single(room.Students[1].Read(v => v.Arguments.Values));
        var pseudonym = room.Students[0].Read(v => v.You!.Pseudonym);
        Assert.Equal(pseudonym, seenByBen.AuthorName);
        Assert.DoesNotContain("Ada", seenByBen.AuthorName, StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace", Assert.Single(room.Console.Read(v => v.Arguments.Values)).AuthorName);
    }

    [Fact]
    public async Task Hiding_an_argument_removes_it_for_students_and_marks_it_with_the_reason_for_the_instructor()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        var rude = await room.Students[0].PostAsync("Something rude.");
        await projector.WaitUntilAsync(v => v.Arguments.Count == 1, "the argument on the projector");

        await room.Console.ControlAsync("HideArgument", rude.Argument.Id, "Off topic and unkind.");

        await projector.WaitUntilAsync(v => v.Arguments.Count == 0, "the argument gone from the projector");
        await room.Students[1].WaitUntilAsync(v => v.Arguments.Count == 0, "the argument gone for Ben");
        await room.Console.WaitUntilAsync(v => v.Arguments[rude.Argument.Id].Hidden, "the argument marked hidden");
        Assert.Equal("Off topic and unkind.", room.Console.Read(v => v.Arguments[rude.Argument.Id].HiddenReason));

        await room.Console.ControlAsync("RestoreArgument", rude.Argument.Id);
        await projector.WaitUntilAsync(v => v.Arguments.Count == 1, "the argument back on the projector");
    }

    [Fact]
    public async Task Students_never_receive_the_live_tally_and_see_results_only_when_the_round_closes()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        var argument = await room.Students[1].PostAsync("Closed labs fund safety research.");
        server.Time.Advance(TimeSpan.FromSeconds(120));
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);

        await room.Students[0].VoteAsync(0, argument.Argument.Id.ToString());

        await room.Console.WaitUntilAsync(v => v.Tally?.BallotCount == 1, "the live tally");
        await room.Students[1].WaitUntilAsync(v => v.Counts?.Ballots == 1, "the ballot count");
        foreach (var student in room.Students)
        {
            Assert.Null(student.Read(v => v.Tally));
            Assert.Empty(student.Read(v => v.Results));
            Assert.DoesNotContain(student.Updates.SelectMany(u => u.Events), e => e is TallyChanged);
        }

        server.Time.Advance(TimeSpan.FromSeconds(60));
        await room.Students[1].WaitUntilAsync(v => v.Results.ContainsKey(0), "the results");
        var result = room.Students[1].Read(v => v.Results[0]);
        Assert.Equal(argument.Argument.Id.ToString(), result.Ranking!.Items[0].ItemId);
        Assert.Equal(3, result.Ranking.Items[0].Score);
        Assert.Equal(room.Students[1].Read(v => v.You!.Side), result.Sides!.Single(s => s.Share == 1).Side);
    }

    [Fact]
    public async Task Moving_a_student_tells_that_student_and_the_counts_change_for_everyone()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        var ada = room.Students[0];
        var from = ada.Read(v => v.You!.Side)!.Value;

        await room.Console.ControlAsync("MoveStudent", ada.ParticipantId, from.Opposite());

        await ada.WaitUntilAsync(v => v.You!.Side == from.Opposite(), "Ada's new side");
        await room.Students[1].WaitUntilAsync(v => v.Counts!.Open + v.Counts.Closed == 2 && (from == Side.Open ? v.Counts.Closed == 2 : v.Counts.Open == 2), "the new counts");
        await room.Console.WaitUntilAsync(v => v.Roster[ada.ParticipantId].Side == from.Opposite(), "the roster");
    }

    [Fact]
    public async Task When_sides_swap_each_round_every_student_argues_the_other_side_in_the_next_round()
    {
        await using var server = new DebateServer();
        var plan = Scenario.OneArgumentRound(settings: new DebateSettings { SwapSidesEachRound = true });
        plan = plan with { Rounds = [plan.Rounds[0], plan.Rounds[0] with { Title = "Round two" }] };
        await using var room = await Scenario.LobbyAsync(server, plan, "Ada", "Ben", "Cy");
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);

        // Each student's side in round one is the side the server puts on their argument. (A phone's own view of its
        // side comes in a message of its own, which may arrive after the phase change, so it is waited for, not read.)
        var sides = new List<Side>();
        foreach (var student in room.Students)
        {
            sides.Add((await student.PostAsync("I argue the side I was given.")).Argument.Side);
        }

        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(1, Phase.Argue);

        for (var i = 0; i < room.Students.Count; i++)
        {
            var swapped = sides[i].Opposite();
            var posted = await room.Students[i].PostAsync("Now I argue the other side.");
            Assert.Equal(swapped, posted.Argument.Side);
            await room.Students[i].WaitUntilAsync(v => v.You!.Side == swapped, "the phone shows the swapped side");
            var id = room.Students[i].ParticipantId;
            await room.Console.WaitUntilAsync(v => v.Roster[id].Side == swapped, "the console's roster shows the swapped side");
            Assert.Equal([1], room.Students[i].Read(v => v.SidesSwappedIn.ToList()));
        }
    }

    [Fact]
    public async Task The_instructor_roster_shows_who_is_connected()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        var ada = room.Students[0];
        Assert.True(room.Console.Read(v => v.Roster[ada.ParticipantId].Connected));

        await ada.Connection.StopAsync(TestContext.Current.CancellationToken);

        await room.Console.WaitUntilAsync(v => !v.Roster[ada.ParticipantId].Connected, "Ada shown as disconnected");
    }
}
