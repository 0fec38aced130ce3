namespace OpenClosedDebate.Server.Tests;

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Runs <see cref="OnEventInsert"/> before each insert of debate events, whether it runs synchronously (the writer's
/// thread) or not, on either store: the place where a test makes a commit fail or wait.
/// </summary>
internal abstract class EventInsertInterceptor : DbCommandInterceptor
{
    /// <summary>Puts this interceptor on the server's database contexts, whichever store it runs on.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<DebateDb>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresDebateDb>(o => o.AddInterceptors(this));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Before(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Before(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Before(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    protected abstract void OnEventInsert();

    private void Before(DbCommand command)
    {
        if (command.CommandText.Contains("INSERT INTO \"DebateEvents\"", StringComparison.Ordinal))
        {
            OnEventInsert();
        }
    }
}
