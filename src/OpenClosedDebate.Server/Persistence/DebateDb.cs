namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

internal sealed class DebateDb(DbContextOptions<DebateDb> options) : DbContext(options)
{
    public DbSet<InstructorRecord> Instructors => Set<InstructorRecord>();

    public DbSet<DebateRecord> Debates => Set<DebateRecord>();

    public DbSet<DebateEventRecord> Events => Set<DebateEventRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DebateDb).Assembly);

    // Instants are stored as UTC ticks: sortable and comparable in SQL on every provider.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
