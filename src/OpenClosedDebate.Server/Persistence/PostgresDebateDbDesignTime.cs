namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresDebateDb</c> build the model without a server to reach.</summary>
internal sealed class PostgresDebateDbDesignTime : IDesignTimeDbContextFactory<PostgresDebateDb>
{
    public PostgresDebateDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDebateDb>().UseNpgsql("Host=localhost;Database=openclosed").Options);
}
