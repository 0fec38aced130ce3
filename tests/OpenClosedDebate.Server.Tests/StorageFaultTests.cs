namespace OpenClosedDebate.Server.Tests;

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

public sealed class StorageFaultTests
{
    [Fact]
    public async Task A_submission_whose_commit_fails_is_refused_and_after_the_fault_clears_the_retry_is_stored_once()
    {
        var fault = new EventInsertFault();
        await using var server = new DebateServer(configure: s => s.ConfigureDbContext<DebateDb>(o => o.AddInterceptors(fault)));
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Argue);

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

    /// <summary>Makes inserts of debate events fail, as a full or read-only disk would, whether they run synchronously (the writer's thread) or not.</summary>
    private sealed class EventInsertFault : DbCommandInterceptor
    {
        public volatile bool Failing;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowIfFailing(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            ThrowIfFailing(command);
            return base.NonQueryExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFailing(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFailing(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void ThrowIfFailing(DbCommand command)
        {
            if (Failing && command.CommandText.Contains("INSERT INTO \"DebateEvents\"", StringComparison.Ordinal))
            {
                throw new IOException("disk I/O error (injected)");
            }
        }
    }
}
