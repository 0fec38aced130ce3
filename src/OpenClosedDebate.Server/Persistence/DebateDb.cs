namespace OpenClosedDebate.Server.Persistence;

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

/// <summary>
/// The debates database. This class is the SQLite store (the single-node default, migrations in Migrations/);
/// <see cref="PostgresDebateDb"/> is the same model on PostgreSQL, with migrations of its own. Everything else asks
/// for a DebateDb and never learns which it has.
/// </summary>
internal class DebateDb : DbContext, IDataProtectionKeyContext
{
    public DebateDb(DbContextOptions<DebateDb> options)
        : base(options)
    {
    }

    protected DebateDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<InstructorRecord> Instructors => Set<InstructorRecord>();

    public DbSet<DebateRecord> Debates => Set<DebateRecord>();

    public DbSet<DebateEventRecord> Events => Set<DebateEventRecord>();

    /// <summary>The keys that sign instructors' cookies, shared by every server on a PostgreSQL store (see KeyStorage).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DebateDb).Assembly);

    // Instants are stored as UTC ticks: sortable and comparable in SQL on every provider.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
