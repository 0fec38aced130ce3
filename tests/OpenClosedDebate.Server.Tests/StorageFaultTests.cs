namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Contract;

public sealed class StorageFaultTests
{
    [Fact]
    public async Task A_submission_whose_commit_fails_is_refused_and_after_the_fault_clears_the_retry_is_stored_once()
    {
        var fault = new EventInsertFault();
        await using var server = FaultyServer(fault);
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);

        fault.Failing = true;
        var message = await Refused.WithAsync("storageUnavailable", () => ada.PostAsync("Weights enable audits.", requestId: "ada-1"));
        Assert.Contains("try again", message, StringComparison.OrdinalIgnoreCase);
        await Refused.WithAsync("storageUnavailable", () => ben.PostAsync("Closed labs can recall a model.", requestId: "ben-1"));

        fault.Failing = false;
        var retried = await ada.PostAsync("Weights enable audits.", requestId: "ada-1");
        await ben.PostAsync("Closed labs can recall a model.", requestId: "ben-1");

        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 2, "both arguments after recovery");
        await using var db = server.OpenDatabase();
        var stored = await db.Events.Where(e => e.Type == "ArgumentPosted").Select(e => e.RequestId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["ada-1", "ben-1"], stored.Order());
        var latest = await db.Events.MaxAsync(e => e.Seq, TestContext.Current.CancellationToken);
        await using var fresh = await room.Teacher.ConnectAsync();
        var snapshot = await fresh.AttachAsync(room.Debate.Id);
        Assert.Equal(latest, snapshot.Version);
        Assert.Contains(snapshot.Arguments, a => a.Id == retried.Argument.Id);
    }

    [Fact]
    public async Task An_erase_whose_commit_fails_removes_nothing_and_once_the_fault_clears_it_is_stored_after_the_rooms_other_writes()
    {
        var fault = new EventInsertFault();
        await using var server = FaultyServer(fault);
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await ada.PostAsync("Weights enable audits.", requestId: "ada-1");
        var erase = $"/api/debates/{room.Debate.Id}/participants/{ada.ParticipantId}/erase";

        fault.Failing = true;
        using (var refused = await room.Teacher.Http.PostAsync(erase, null, Ct))
        {
            var (title, code) = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("storageUnavailable", code);
            Assert.Contains("Nothing changed", title, StringComparison.Ordinal);
        }

        await using (var db = server.OpenDatabase())
        {
            Assert.Empty(await db.Events.Where(e => e.Type == "ParticipantErased").ToListAsync(Ct));
            Assert.Contains("Weights enable audits.", (await db.Events.SingleAsync(e => e.Type == "ArgumentPosted", Ct)).Payload, StringComparison.Ordinal);
        }

        await using (var console = await room.Teacher.ConnectAsync())
        {
            var kept = await console.AttachAsync(room.Debate.Id);
            Assert.Equal("Ada", kept.Arguments.Single().AuthorName);
        }

        fault.Failing = false;
        await ben.PostAsync("Closed labs can recall a model.", requestId: "ben-1");
        using (var erased = await room.Teacher.Http.PostAsync(erase, null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        await using (var db = server.OpenDatabase())
        {
            var types = await db.Events.Where(e => e.DebateId == room.Debate.Id).OrderBy(e => e.Seq).Select(e => e.Type).ToListAsync(Ct);
            Assert.Equal("ParticipantErased", types[^1]);
            Assert.Equal(2, types.Count(t => t == "ArgumentPosted"));
            var payloads = await db.Events.Where(e => e.Type == "ArgumentPosted").Select(e => e.Payload).ToListAsync(Ct);
            Assert.DoesNotContain(payloads, p => p.Contains("Weights enable audits.", StringComparison.Ordinal));
            Assert.Contains(payloads, p => p.Contains("Closed labs can recall a model.", StringComparison.Ordinal));
        }

        await using var fresh = await room.Teacher.ConnectAsync();
        var snapshot = await fresh.AttachAsync(room.Debate.Id);
        Assert.Equal(["Ben", "Removed student 1"], snapshot.Roster!.Select(r => r.DisplayName).Order());
    }

    [Fact]
    public async Task A_debate_whose_commit_fails_is_refused_as_storage_unavailable_and_leaves_no_row_behind()
    {
        var fault = new EventInsertFault();
        await using var server = FaultyServer(fault);
        var teacher = await server.TeacherAsync();

        fault.Failing = true;
        using (var refused = await teacher.Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest("open-and-closed-models", null), Wire.Json, Ct))
        {
            var (title, code) = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("storageUnavailable", code);
            Assert.Contains("nothing was created", title, StringComparison.Ordinal);
        }

        await using (var db = server.OpenDatabase())
        {
            Assert.Empty(await db.Debates.ToListAsync(Ct));
        }

        fault.Failing = false;
        var created = await teacher.CreateFromTemplateAsync();
        await using var console = await teacher.ConnectAsync();
        Assert.Equal(created.Id, (await console.AttachAsync(created.Id)).Debate.Id);
    }

    [Fact]
    public async Task A_join_whose_code_the_database_cant_look_up_is_refused_as_storage_unavailable_not_as_an_unexpected_error()
    {
        var fault = new CodeLookupFault();
        await using var server = new DebateServer(configure: s =>
        {
            s.ConfigureDbContext<OpenClosedDebate.Server.Persistence.DebateDb>(o => o.AddInterceptors(fault));
            s.ConfigureDbContext<OpenClosedDebate.Server.Persistence.PostgresDebateDb>(o => o.AddInterceptors(fault));
        });
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");

        // A live room's code is known in memory; a code the server doesn't hold is looked up in the database.
        var unknown = room.Debate.JoinCode == "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
        fault.Failing = true;
        await using var ben = await server.ConnectAsync();
        var message = await Refused.WithAsync("storageUnavailable", () => ben.JoinAsync(unknown, "Ben"));
        Assert.Contains("try again", message, StringComparison.OrdinalIgnoreCase);

        fault.Failing = false;
        await Refused.WithAsync("notFound", () => ben.JoinAsync(unknown, "Ben"));
        await ben.JoinAsync(room.Debate.JoinCode, "Ben");
        await room.Console.WaitUntilAsync(v => v.Roster.Count == 2, "Ben on the roster once the database answers");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Makes the database refuse join-code lookups, as PostgreSQL's "too many clients" does.</summary>
    private sealed class CodeLookupFault : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public volatile bool Failing;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (Failing && command.CommandText.Contains("\"JoinCode\" = ", StringComparison.Ordinal))
            {
                throw new Microsoft.Data.Sqlite.SqliteException("database is locked (injected)", 5);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static DebateServer FaultyServer(EventInsertFault fault) =>
        new(configure: fault.AddTo);

    /// <summary>Makes inserts of debate events fail, as a full or read-only disk would.</summary>
    private sealed class EventInsertFault : EventInsertInterceptor
    {
        public volatile bool Failing;

        protected override void OnEventInsert()
        {
            if (Failing)
            {
                throw new IOException("disk I/O error (injected)");
            }
        }
    }
}
