namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>The instructor's roster says, per student, whether they have voted and how much they posted in the current round.</summary>
public sealed class RosterActivityTests
{
    [Fact]
    public async Task The_roster_marks_who_posted_and_who_voted_in_the_current_round_with_small_activity_events()
    {
        await using var server = new DebateServer();
        var plan = Scenario.OneArgumentRound();
        plan = plan with { Rounds = [plan.Rounds[0], plan.Rounds[0] with { Title = "Round two" }] };
        await using var room = await Scenario.LobbyAsync(server, plan, "Ada", "Ben", "Cy");
        var (ada, ben, cy) = (room.Students[0], room.Students[1], room.Students[2]);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);

        // The start resends no roster: the entries made in the lobby are about no round, so they mark nothing in round 0.
        Assert.All(room.Console.Read(v => v.Roster.Values.ToList()), p => Assert.Equal(((int?)null, false, 0), (p.RoundIndex, p.Voted, p.Posts)));

        var argument = await ada.PostAsync("Open weights let anyone audit a model.");
        await ada.PostAsync("And anyone can fine-tune them for a small language.");
        await ben.PostAsync("A closed lab can recall a model.");
        server.Time.Advance(server.BroadcastInterval);
        await room.Console.WaitUntilAsync(v => v.Roster[ada.ParticipantId].Posts == 2 && v.Roster[ben.ParticipantId].Posts == 1, "the posts in the roster");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);
        var before = room.Console.Updates.Count;
        await cy.VoteAsync(0, argument.Argument.Id.ToString());
        server.Time.Advance(server.BroadcastInterval);

        await room.Console.WaitUntilAsync(v => v.Roster[cy.ParticipantId].Voted, "Cy's ballot in the roster");
        Assert.False(room.Console.Read(v => v.Roster[ada.ParticipantId].Voted));
        var sinceTheVote = room.Console.Updates.Skip(before).SelectMany(u => u.Events).ToList();
        Assert.Contains(sinceTheVote.OfType<ActivityChanged>(), a => a.RoundIndex == 0 && a.Students.Any(s => s.Id == cy.ParticipantId && s.Voted));
        Assert.DoesNotContain(sinceTheVote, e => e is RosterChanged r && r.Participant.Id == cy.ParticipantId);
        Assert.All(room.Students, s => Assert.DoesNotContain(s.Updates.SelectMany(u => u.Events), e => e is ActivityChanged));

        // A fresh console gets the same marks in its snapshot; in the next round they belong to the round before.
        await using var second = await room.Teacher.ConnectAsync();
        var snapshot = await second.AttachAsync(room.Debate.Id);
        Assert.Equal((0, true, 0), snapshot.Roster!.Where(p => p.Id == cy.ParticipantId).Select(p => (p.RoundIndex, p.Voted, p.Posts)).Single());
        Assert.Equal((0, false, 2), snapshot.Roster!.Where(p => p.Id == ada.ParticipantId).Select(p => (p.RoundIndex, p.Voted, p.Posts)).Single());
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(1, Phase.Argue);
        var next = await second.AttachAsync(room.Debate.Id);
        Assert.All(next.Roster!, p => Assert.Equal((1, false, 0), (p.RoundIndex, p.Voted, p.Posts)));
    }

    [Fact]
    public async Task The_count_of_voters_counts_only_students_still_in_the_room()
    {
        await using var server = new DebateServer();
        var plan = Scenario.OneArgumentRound();
        plan = plan with { Rounds = [new RoundPlan { Title = "Before", Prompt = "Vote on the motion.", Kind = RoundKind.MotionVote, VoteSeconds = 60 }] };
        await using var room = await Scenario.LobbyAsync(server, plan, "Ada", "Ben", "Cy");
        var (ada, ben, cy) = (room.Students[0], room.Students[1], room.Students[2]);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);

        await ada.VoteAsync(0, MotionItems.For);
        await ben.VoteAsync(0, MotionItems.Against);
        server.Time.Advance(server.BroadcastInterval);
        await room.Console.WaitUntilAsync(v => v.Counts!.Voted == 2 && v.Counts.Ballots == 2, "two voters");
        await ben.Connection.InvokeAsync("Leave", TestContext.Current.CancellationToken);
        server.Time.Advance(server.BroadcastInterval);

        // Ben's ballot still counts, but he is no longer one of the room who voted, nor one still to vote.
        await room.Console.WaitUntilAsync(v => v.Roster[ben.ParticipantId].Left, "Ben gone");
        await room.Console.WaitUntilAsync(v => v.Counts!.Voted == 1, "one voter in the room");
        var counts = room.Console.Read(v => v.Counts!);
        Assert.Equal((2, 1, 2), (counts.Ballots, counts.Voted, counts.Open + counts.Closed + counts.Unassigned));
        await cy.WaitUntilAsync(v => v.Counts!.Voted == 1, "the class's counts too");
    }
}
