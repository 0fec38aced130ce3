namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Pre-moderation and the word filter over the wire: what each audience is sent live, in snapshots and in pages.</summary>
public sealed class ModerationTests
{
    [Fact]
    public async Task Before_the_projector_a_new_argument_reaches_classmates_at_once_and_the_projector_only_when_approved()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server, Scenario.OneArgumentRound(settings: new DebateSettings { SideAssignment = SideAssignmentMode.Alternating }));
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        var (ada, ben) = (room.Students[0], room.Students[1]);

        await room.Console.ControlAsync("SetModeration", Moderation.BeforeProjector);
        foreach (var client in new[] { ada, ben, projector, room.Console })
        {
            await client.WaitUntilAsync(v => v.Debate!.Moderation == Moderation.BeforeProjector, "the moderation switched");
        }

        var posted = await ada.PostAsync("Open weights let anyone audit a model.");
        var id = posted.Argument.Id;

        Assert.Equal(Hold.BeforeProjector, posted.Argument.Held);
        await room.Console.WaitUntilAsync(v => v.Arguments.TryGetValue(id, out var a) && a.Held == Hold.BeforeProjector, "the console's queue");
        await ben.WaitUntilAsync(v => v.Arguments.TryGetValue(id, out var a) && a.Held == Hold.BeforeProjector, "a classmate sees it, marked held");
        await AgreeAsync(server, room, projector, id, projectorSees: false, classmatesSee: true);
        await Refused.WithAsync("invalidRebuttal", () => ben.PostAsync("Audits need more than weights.", replyTo: id));

        await room.Console.ControlAsync("ApproveArgument", id);

        await projector.WaitUntilAsync(v => v.Arguments.TryGetValue(id, out var a) && a.Held is null, "the projector shows it once approved");
        await ben.WaitUntilAsync(v => v.Arguments[id].Held is null, "the classmate's copy is no longer held");
        await ada.WaitUntilAsync(v => v.Arguments[id].Held is null, "the author's copy is no longer held");
        await room.Console.WaitUntilAsync(v => v.Arguments[id].Held is null, "the queue is empty");
        await AgreeAsync(server, room, projector, id, projectorSees: true, classmatesSee: true);
        await Refused.WithAsync("wrongStatus", () => room.Console.ControlAsync("ApproveArgument", id));
    }

    [Fact]
    public async Task Before_everyone_a_new_argument_reaches_only_its_author_and_the_instructor_until_approved()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("SetModeration", Moderation.BeforeEveryone);

        var id = (await ada.PostAsync("Open weights let anyone audit a model.")).Argument.Id;

        await ada.WaitUntilAsync(v => v.Arguments.TryGetValue(id, out var a) && a.Held == Hold.BeforeEveryone, "the author sees it waiting");
        await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(id), "the queue");
        await AgreeAsync(server, room, projector, id, projectorSees: false, classmatesSee: false);
        Assert.DoesNotContain(ben.Updates.SelectMany(u => u.Events), e => e is ArgumentUpserted u && u.Argument.Id == id);
        await Refused.WithAsync("invalidRebuttal", () => ben.PostAsync("No.", replyTo: id));

        await room.Console.ControlAsync("ApproveArgument", id);

        await ben.WaitUntilAsync(v => v.Arguments.ContainsKey(id), "the classmate sees it once approved");
        await projector.WaitUntilAsync(v => v.Arguments.ContainsKey(id), "the projector shows it once approved");
        await AgreeAsync(server, room, projector, id, projectorSees: true, classmatesSee: true);
    }

    [Fact]
    public async Task Rejecting_a_held_argument_hides_it_with_a_reason_and_tells_its_author()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var ada = room.Students[0];
        await room.Console.ControlAsync("SetModeration", Moderation.BeforeEveryone);
        var id = (await ada.PostAsync("Off topic.")).Argument.Id;

        await room.Console.ControlAsync("HideArgument", id, "Not about the motion.");

        await ada.WaitUntilAsync(v => !v.Arguments.ContainsKey(id) && v.You!.HiddenArguments.Any(h => h.ArgumentId == id && h.Reason == "Not about the motion."), "the author is told why");
        await room.Console.WaitUntilAsync(v => v.Arguments[id].Hidden, "the console shows it rejected");
    }

    [Fact]
    public async Task A_held_argument_stays_out_of_the_vote_and_one_approved_during_it_is_shown_but_not_on_the_ballot()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("SetModeration", Moderation.BeforeEveryone);
        var held = (await ada.PostAsync("Open weights let anyone audit a model.")).Argument.Id;
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);

        await Refused.WithAsync("invalidBallot", () => ben.VoteAsync(0, held.ToString()));
        await room.Console.ControlAsync("ApproveArgument", held);

        await ben.WaitUntilAsync(v => v.Arguments.TryGetValue(held, out var a) && a.OffBallot, "the approved argument, marked off the ballot");
        await Refused.WithAsync("invalidBallot", () => ben.VoteAsync(0, held.ToString()));
    }

    [Fact]
    public async Task An_argument_with_a_listed_word_is_held_for_the_instructor_even_with_moderation_off()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server);
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);
        var (ada, ben) = (room.Students[0], room.Students[1]);

        var posted = await ada.PostAsync("This policy is bullsh1t.");
        var clean = await ada.PostAsync("Scunthorpe's class passed the assessment.");

        Assert.Equal(Hold.WordFilter, posted.Argument.Held);
        Assert.Null(clean.Argument.Held);
        await ben.WaitUntilAsync(v => v.Arguments.ContainsKey(clean.Argument.Id), "the clean argument");
        await AgreeAsync(server, room, projector, posted.Argument.Id, projectorSees: false, classmatesSee: false);
        var timeline = await room.Teacher.Http.GetStringAsync($"/api/debates/{room.Debate.Id}/review", TestContext.Current.CancellationToken);
        Assert.Contains("matched the word filter", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_a_listed_word_is_shown_to_the_class_as_the_pseudonym_until_the_instructor_approves_it()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(settings: new DebateSettings { SideAssignment = SideAssignmentMode.Alternating }), "Ada", "B1tch");
        var (ada, rude) = (room.Students[0], room.Students[1]);
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Argue);
        var pseudonym = rude.Read(v => v.You!.Pseudonym);
        Assert.True(rude.Read(v => v.You!.NameHeld));
        Assert.True(room.Console.Read(v => v.Roster[rude.ParticipantId].NameHeld));

        var id = (await rude.PostAsync("Closed labs can recall a model.")).Argument.Id;

        await ada.WaitUntilAsync(v => v.Arguments.TryGetValue(id, out var a) && a.AuthorName == pseudonym, "the pseudonym on the argument");
        await room.Console.WaitUntilAsync(v => v.Arguments.TryGetValue(id, out var a) && a.AuthorName == "B1tch", "the instructor sees the real name");

        await room.Console.ControlAsync("ApproveName", rude.ParticipantId);

        await ada.WaitUntilAsync(v => v.Arguments[id].AuthorName == "B1tch", "the approved name");
        await rude.WaitUntilAsync(v => !v.You!.NameHeld, "the student hears their name was approved");
        await using var late = await server.ConnectAsync();
        Assert.Equal("B1tch", (await late.WatchAsync(room.Debate.JoinCode)).Arguments.Single(a => a.Id == id).AuthorName);
    }

    [Fact]
    public async Task A_word_filter_that_is_switched_off_holds_nothing()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(new Dictionary<string, string?> { ["Moderation:WordFilter"] = "false" }));
        await using var room = await RunningDebate.ArguingAsync(server);

        Assert.Null((await room.Students[0].PostAsync("This policy is bullshit.")).Argument.Held);
    }

    [Fact]
    public async Task Extra_and_allowed_words_change_what_the_word_filter_holds()
    {
        var settings = new Dictionary<string, string?> { ["Moderation:ExtraWords:0"] = "zonk", ["Moderation:AllowedWords:0"] = "sucks" };
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(settings));
        await using var room = await RunningDebate.ArguingAsync(server);

        Assert.Equal(Hold.WordFilter, (await room.Students[0].PostAsync("What a Z0NK idea.")).Argument.Held);
        Assert.Null((await room.Students[0].PostAsync("Lock-in sucks for schools.")).Argument.Held);
    }

    [Fact]
    public async Task Held_arguments_are_in_the_instructors_snapshot_however_many_newer_ones_there_are()
    {
        await using var server = new DebateServer();
        await using var room = await RunningDebate.ArguingAsync(server, null, "Ada", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kit", "Lou");
        await room.Console.ControlAsync("SetModeration", Moderation.BeforeEveryone);
        var oldest = (await room.Students[0].PostAsync("The oldest, still waiting.")).Argument;
        var held = oldest.Id;
        await room.Console.ControlAsync("SetModeration", Moderation.Off);
        // Twelve students, nine more each (a student may post ten a round): even a side of five holds 45, more than the
        // 40 a snapshot carries, whichever side Ada was dealt.
        foreach (var student in room.Students)
        {
            for (var i = 0; i < 9; i++)
            {
                await student.PostAsync($"Argument {i} by {student.ParticipantId}.");
            }
        }

        var snapshot = await room.Console.AttachAsync(room.Debate.Id);

        // Its side (whichever the student was dealt) has more than a snapshot carries, yet the held one is in it.
        Assert.Contains(snapshot.OlderArguments, o => o.Side == oldest.Side && o.Count > 0);
        Assert.Contains(snapshot.Arguments, a => a.Id == held && a.Held == Hold.BeforeEveryone);
    }

    /// <summary>
    /// What the projector, a classmate and the author are sent about <paramref name="id"/> live agrees with what a fresh
    /// snapshot and the older-arguments pages give them.
    /// </summary>
    private static async Task AgreeAsync(DebateServer server, Scenario room, RoomClient projector, Guid id, bool projectorSees, bool classmatesSee)
    {
        var (ada, ben) = (room.Students[0], room.Students[1]);
        server.Time.Advance(server.BroadcastInterval);
        Assert.Equal(projectorSees, projector.Read(v => v.Arguments.ContainsKey(id)));
        Assert.Equal(classmatesSee, ben.Read(v => v.Arguments.ContainsKey(id)));
        // The author's acknowledgement can come before the broadcast of their argument: wait for it, don't read once.
        await ada.WaitUntilAsync(v => v.Arguments.ContainsKey(id), "the author holds their argument");

        await using var watcher = await server.ConnectAsync();
        var watched = await watcher.WatchAsync(room.Debate.JoinCode);
        Assert.Equal(projectorSees, watched.Arguments.Any(a => a.Id == id));
        Assert.Equal(projectorSees, (await watcher.EveryArgumentAsync(watched)).Any(a => a.Id == id));

        await using var again = await server.ConnectAsync();
        var resumed = await again.ResumeAsync(ben.DebateId, ben.Token);
        Assert.Equal(classmatesSee, resumed.Arguments.Any(a => a.Id == id));
        Assert.Equal(classmatesSee, (await again.EveryArgumentAsync(resumed)).Any(a => a.Id == id));

        await using var author = await server.ConnectAsync();
        Assert.Contains((await author.ResumeAsync(ada.DebateId, ada.Token)).Arguments, a => a.Id == id);
    }
}
