namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context DebateDb</c> build the SQLite model. Without it the tools would take
/// <see cref="PostgresDebateDbDesignTime"/> for DebateDb too (PostgresDebateDb is one) and write PostgreSQL migrations.
/// </summary>
internal sealed class SqliteDebateDbDesignTime : IDesignTimeDbContextFactory<DebateDb>
{
    public DebateDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DebateDb>().UseSqlite("Data Source=design-time.db").Options);
}
