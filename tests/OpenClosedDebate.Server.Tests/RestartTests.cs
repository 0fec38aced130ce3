namespace OpenClosedDebate.Server.Tests;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Domain.Debates;

/// <summary>A server stopped mid-debate and started again on the same store carries on: on SQLite and on PostgreSQL.</summary>
public sealed class RestartTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task After_a_restart_mid_round_every_acknowledged_argument_is_there_and_the_clock_keeps_its_deadline(string store)
    {
        Guid debateId;
        var tokens = new List<string>();
        var acknowledged = new List<Guid>();
        DateTimeOffset stoppedAt;
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using (var before = stored.Server())
        {
            await using var room = await Scenario.LobbyAsync(before, Scenario.OneArgumentRound(argue: 120), "Ada", "Ben", "Cy");
            debateId = room.Debate.Id;
            await room.Console.ControlAsync("Start");
            before.Time.Advance(TimeSpan.FromSeconds(30));
            foreach (var s in room.Students)
            {
                await Scenario.WaitForPhaseAsync(s, 0, Phase.Argue);
                acknowledged.Add((await s.PostAsync($"Argument by {s.ParticipantId}")).Argument.Id);
                tokens.Add(s.Token);
            }

            stoppedAt = before.Time.GetUtcNow();
        }

        await using var after = stored.Server(new FakeTimeProvider(stoppedAt + TimeSpan.FromSeconds(10)));
        await using var ada = await after.ConnectAsync();
        var snapshot = await ada.ResumeAsync(debateId, tokens[0]);

        Assert.Equal(Phase.Argue, snapshot.Clock.Phase);
        Assert.Equal(80_000, snapshot.Clock.RemainingMs);
        Assert.Equal(acknowledged.Order(), snapshot.Arguments.Select(a => a.Id).Order());
        await using (var db = after.OpenDatabase())
        {
            Assert.Equal(store == TestStore.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
            Assert.Equal(3, await db.Events.CountAsync(e => e.DebateId == debateId && e.Type == "ArgumentPosted", TestContext.Current.CancellationToken));
        }

        after.Time.Advance(TimeSpan.FromSeconds(80));
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Vote);
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task After_a_restart_ballots_cast_before_it_are_counted_and_students_can_revise_them(string store)
    {
        Guid debateId;
        string adaToken;
        Guid argument;
        string receipt;
        DateTimeOffset stoppedAt;
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using (var before = stored.Server())
        {
            await using var room = await Scenario.LobbyAsync(before, Scenario.OneArgumentRound(argue: 120, vote: 60), "Ada", "Ben");
            debateId = room.Debate.Id;
            await room.Console.ControlAsync("Start");
            await Scenario.WaitForPhaseAsync(room.Students[1], 0, Phase.Argue);
            argument = (await room.Students[1].PostAsync("Closed models can be patched centrally.")).Argument.Id;
            before.Time.Advance(TimeSpan.FromSeconds(120));
            await Scenario.WaitForPhaseAsync(room.Students[0], 0, Phase.Vote);
            receipt = (await room.Students[0].VoteAsync(0, argument.ToString())).Ballot.Receipt;
            adaToken = room.Students[0].Token;
            stoppedAt = before.Time.GetUtcNow();
        }

        await using var after = stored.Server(new FakeTimeProvider(stoppedAt + TimeSpan.FromSeconds(5)));
        var teacher = await after.SignInAsync("teacher@example.edu", "correct horse battery");
        await using var console = await teacher.ConnectAsync();
        var view = await console.AttachAsync(debateId);
        Assert.Equal(1, view.LiveTally!.BallotCount);
        Assert.Equal(argument.ToString(), view.LiveTally.Ranking!.Items[0].ItemId);

        await using var ada = await after.ConnectAsync();
        var snapshot = await ada.ResumeAsync(debateId, adaToken);
        Assert.Equal(receipt, Assert.Single(snapshot.Ballots!).Receipt);
        var revised = await ada.VoteAsync(0, argument.ToString());
        Assert.Equal(2, revised.Ballot.Revision);
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task A_deadline_that_passed_while_the_server_was_down_ends_that_phase_and_the_next_gets_its_full_time(string store)
    {
        Guid debateId;
        string token;
        DateTimeOffset stoppedAt;
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using (var before = stored.Server())
        {
            await using var room = await Scenario.LobbyAsync(before, Scenario.OneArgumentRound(argue: 120, vote: 60), "Ada");
            debateId = room.Debate.Id;
            await room.Console.ControlAsync("Start");
            await Scenario.WaitForPhaseAsync(room.Students[0], 0, Phase.Argue);
            token = room.Students[0].Token;
            stoppedAt = before.Time.GetUtcNow();
        }

        await using var after = stored.Server(new FakeTimeProvider(stoppedAt + TimeSpan.FromMinutes(10)));
        await using var ada = await after.ConnectAsync();
        var snapshot = await ada.ResumeAsync(debateId, token);

        Assert.Equal(Phase.Vote, snapshot.Clock.Phase);
        Assert.Equal(60_000, snapshot.Clock.RemainingMs);
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task A_paused_debate_is_still_paused_with_the_same_time_left_after_a_restart(string store)
    {
        Guid debateId;
        string token;
        DateTimeOffset stoppedAt;
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using (var before = stored.Server())
        {
            await using var room = await Scenario.LobbyAsync(before, Scenario.OneArgumentRound(argue: 120), "Ada");
            debateId = room.Debate.Id;
            await room.Console.ControlAsync("Start");
            before.Time.Advance(TimeSpan.FromSeconds(45));
            await room.Console.ControlAsync("Pause");
            await room.Console.WaitUntilAsync(v => v.Clock?.Paused == true, "the pause");
            token = room.Students[0].Token;
            stoppedAt = before.Time.GetUtcNow();
        }

        await using var after = stored.Server(new FakeTimeProvider(stoppedAt + TimeSpan.FromHours(1)));
        await using var ada = await after.ConnectAsync();
        var snapshot = await ada.ResumeAsync(debateId, token);

        Assert.True(snapshot.Clock.Paused);
        Assert.Equal(75_000, snapshot.Clock.RemainingMs);
        Assert.Equal(Phase.Argue, snapshot.Clock.Phase);
    }
}
