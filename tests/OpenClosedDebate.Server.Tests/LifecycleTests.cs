namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Rooms;

/// <summary>Erasing a student, deleting a debate and the retention job reach every row: on SQLite and on PostgreSQL.</summary>
public sealed class LifecycleTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Removing_a_students_data_withdraws_their_arguments_and_erases_their_text_and_name_from_the_database(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        Guid debateId, ben;
        await using (var server = stored.Server())
        {
            await using var room = await FinishedDebate.PlayAsync(server);
            debateId = room.Debate.Id;
            ben = room.Students[1].ParticipantId;

            using var erased = await room.Teacher.Http.PostAsync($"/api/debates/{debateId}/participants/{ben}/erase", null, Ct);
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

            var review = (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{debateId}/review", Wire.Json, Ct))!;
            var withdrawn = review.Rounds[1].Closed.Single(a => a.AuthorId == ben);
            Assert.True(withdrawn.Withdrawn);
            Assert.Equal(string.Empty, withdrawn.Text);
            Assert.Contains(review.Timeline, e => e.Text.Contains("(withdrawn)", StringComparison.Ordinal) && e.ParticipantId == ben);
            Assert.Equal("erased", review.Participation.Single(p => p.ParticipantId == ben).Status);
            Assert.DoesNotContain(review.Rounds.SelectMany(r => r.Ballots), b => b.ParticipantId == ben);
            await room.Students[1].WaitUntilAsync(v => v.RemovedMessage is not null, "Ben is told");
        }

        await using (var reader = stored.Server())
        await using (var db = reader.OpenDatabase())
        {
            var payloads = await db.Events.Where(e => e.DebateId == debateId).Select(e => e.Payload).ToListAsync(Ct);
            Assert.DoesNotContain(payloads, p => p.Contains("Forged heading", StringComparison.Ordinal));
            Assert.DoesNotContain(payloads, p => p.Contains("\"Ben\"", StringComparison.Ordinal));
            Assert.Contains(payloads, p => p.Contains("Ada Lovelace", StringComparison.Ordinal));
        }

        // The rewritten history still replays after a restart.
        await using var again = stored.Server();
        var teacher = await again.SignInAsync("teacher@example.edu", "correct horse battery");
        var replayed = (await teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{debateId}/review", Wire.Json, Ct))!;
        Assert.Equal("erased", replayed.Participation.Single(p => p.ParticipantId == ben).Status);
        Assert.StartsWith("Removed student", replayed.Participation.Single(p => p.ParticipantId == ben).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_students_data_mid_round_removes_their_arguments_from_every_screen()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        await Scenario.WaitForPhaseAsync(room.Students[0], 0, Phase.Argue);
        var posted = await room.Students[1].PostAsync("Something to withdraw.");
        await room.Students[0].WaitUntilAsync(v => v.Arguments.ContainsKey(posted.Argument.Id), "Ben's argument");

        await room.Teacher.Http.PostAsync($"/api/debates/{room.Debate.Id}/participants/{room.Students[1].ParticipantId}/erase", null, Ct);

        await room.Students[0].WaitUntilAsync(v => !v.Arguments.ContainsKey(posted.Argument.Id), "the argument gone for Ada");
        await room.Console.WaitUntilAsync(v => v.Arguments[posted.Argument.Id].Withdrawn && v.Arguments[posted.Argument.Id].Text.Length == 0, "the argument withdrawn on the console");
        await Refused.WithAsync("invalidToken", () => room.Students[1].PostAsync("Still here?"));
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Deleting_a_debate_removes_every_row_of_it_and_its_events(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server();
        await using var room = await FinishedDebate.PlayAsync(server);

        using var deleted = await room.Teacher.Http.DeleteAsync($"/api/debates/{room.Debate.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = server.OpenDatabase();
        Assert.Equal(0, await db.Debates.CountAsync(d => d.Id == room.Debate.Id, Ct));
        Assert.Equal(0, await db.Events.CountAsync(e => e.DebateId == room.Debate.Id, Ct));
        using var review = await room.Teacher.Http.GetAsync($"/api/debates/{room.Debate.Id}/review", Ct);
        Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_debate_under_way_tells_everyone_in_it_and_every_later_call_is_refused_without_loading_it_again()
    {
        await using var server = new DebateServer();
        var rooms = server.Services.GetRequiredService<RoomRegistry>();
        await using var room = await RunningDebate.StartAsync(server);
        var ada = room.Students[0];
        await using var projector = await server.ConnectAsync();
        await projector.WatchAsync(room.Debate.JoinCode);

        using var stranger = await room.Teacher.Http.DeleteAsync($"/api/debates/{Guid.NewGuid()}", Ct);
        using var deleted = await room.Teacher.Http.DeleteAsync($"/api/debates/{room.Debate.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var client in new[] { ada, room.Students[1], projector, room.Console })
        {
            await client.WaitUntilAsync(v => v.RemovedMessage == "The instructor deleted this debate.", "the debate's removal");
        }

        Assert.Equal("This debate no longer exists.", await Refused.WithAsync("notFound", () => ada.PostAsync("Still arguing?")));
        Assert.Equal("This debate no longer exists.", await Refused.WithAsync("notFound", () => ada.OlderAsync(0, Side.Open, null)));
        Assert.Equal("That debate doesn't exist.", await Refused.WithAsync("notFound", () => room.Console.ControlAsync("Pause")));
        await using var again = await server.ConnectAsync();
        Assert.Equal("That debate no longer exists. Join again with a code.", await Refused.WithAsync("invalidToken", () => again.ResumeAsync(room.Debate.Id, ada.Token)));
        Assert.StartsWith("No debate has the code", await Refused.WithAsync("notFound", () => again.JoinAsync(room.Debate.JoinCode, "Cy")), StringComparison.Ordinal);
        Assert.False(rooms.IsLoaded(room.Debate.Id));
        await using var db = server.OpenDatabase();
        Assert.Equal(0, await db.Events.CountAsync(e => e.DebateId == room.Debate.Id, Ct));
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task The_retention_job_deletes_finished_debates_older_than_the_period_and_keeps_the_rest(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        var time = new FakeTimeProvider(DebateServer.Start);
        await using var server = stored.Server(time);
        await using var old = await FinishedDebate.PlayAsync(server);
        time.Advance(TimeSpan.FromDays(300));
        var teacher = await server.SignInAsync("teacher@example.edu", "correct horse battery");
        var recent = await teacher.CreateFromTemplateAsync();
        await using (var console = await teacher.ConnectAsync())
        {
            await console.AttachAsync(recent.Id);
            await console.ControlAsync("OpenLobby");
            await console.ControlAsync("Start");
            await console.ControlAsync("End");
            await console.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the recent debate finished");
        }

        var unfinished = await teacher.CreateFromTemplateAsync();

        // 365 days after the first debate finished, the hourly job removes it and only it.
        time.Advance(TimeSpan.FromDays(66));
        await using var db = server.OpenDatabase();
        await WaitForAsync(async () => await db.Debates.CountAsync(d => d.Id == old.Debate.Id, Ct) == 0, "the old debate purged");
        Assert.Equal(0, await db.Events.CountAsync(e => e.DebateId == old.Debate.Id, Ct));
        Assert.Equal(1, await db.Debates.CountAsync(d => d.Id == recent.Id, Ct));
        Assert.Equal(1, await db.Debates.CountAsync(d => d.Id == unfinished.Id, Ct));
        var log = string.Join('\n', Directory.GetFiles(server.Folder, "openclosed-*.log").Select(File.ReadAllText));
        Assert.Contains("Retention: deleted debate", log, StringComparison.Ordinal);
        Assert.Contains(old.Debate.Id.ToString(), log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_PostgreSQL_a_purge_skips_while_another_node_purges_so_a_cluster_deletes_each_debate_once()
    {
        using var stored = await TestStore.CreateAsync(TestStore.Postgres, postgres);
        var time = new FakeTimeProvider(DebateServer.Start);
        await using var server = stored.Server(time);
        await using var old = await FinishedDebate.PlayAsync(server);
        var job = server.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OpenClosedDebate.Server.Transcripts.RetentionJob>().Single();

        // Another node's purge holds the lock: this node's hourly run, and a purge asked for now, both skip.
        await using (var otherNode = new Npgsql.NpgsqlConnection(stored.Settings!["ConnectionStrings:Debates"]))
        {
            await otherNode.OpenAsync(Ct);
            await using var purging = await otherNode.BeginTransactionAsync(Ct);
            await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_xact_lock({OpenClosedDebate.Server.Transcripts.RetentionJob.PurgeLock})", otherNode, purging))
            {
                await take.ExecuteNonQueryAsync(Ct);
            }

            time.Advance(TimeSpan.FromDays(366));
            await WaitForAsync(() => Task.FromResult(Log(server).Contains("Retention: another node is purging", StringComparison.Ordinal)), "the hourly run skipped");
            Assert.Equal(0, await job.PurgeAsync(Ct));
            await using var db = server.OpenDatabase();
            Assert.Equal(1, await db.Debates.CountAsync(d => d.Id == old.Debate.Id, Ct));
        }

        // Once it is done, the next run deletes the debate, once: this one, or the job's own if it overlaps (then this one
        // skips, or finds nothing left).
        Assert.InRange(await job.PurgeAsync(Ct), 0, 1);
        await using var after = server.OpenDatabase();
        await WaitForAsync(async () => await after.Debates.CountAsync(d => d.Id == old.Debate.Id, Ct) == 0, "the old debate purged");
        await WaitForAsync(() => Task.FromResult(Log(server).Contains(old.Debate.Id.ToString(), StringComparison.Ordinal)), "the deletion logged");
        Assert.Single(Log(server).Split('\n'), line => line.Contains("Retention: deleted debate", StringComparison.Ordinal));
    }

    private static string Log(DebateServer server) => string.Join('\n', Directory.GetFiles(server.Folder, "openclosed-*.log").Select(f =>
    {
        using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd();
    }));

    /// <summary>Polls the database on real time: the job runs on a background thread after the fake clock ticks.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Never saw: {what}.");
            await Task.Delay(50, Ct);
        }
    }
}
