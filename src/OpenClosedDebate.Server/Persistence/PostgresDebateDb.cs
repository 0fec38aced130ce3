namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;

/// <summary>
/// The debates database on PostgreSQL, for a cluster (Persistence:Provider = postgres). The model is DebateDb's; the
/// migrations are its own (Migrations/Postgres), as EF Core keeps one set per provider.
/// </summary>
internal sealed class PostgresDebateDb(DbContextOptions<PostgresDebateDb> options) : DebateDb(options);
