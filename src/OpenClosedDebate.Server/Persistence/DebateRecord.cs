namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A debate's row: who owns it and a summary for lists. The debate itself is its events
/// (<see cref="DebateEventRecord"/>); the summary is rewritten from the live debate on each commit.
/// </summary>
internal sealed class DebateRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string JoinCode { get; set; }

    public required string Motion { get; set; }

    public DebateStatus Status { get; set; }

    public int ParticipantCount { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<DebateEventRecord> Events { get; set; } = [];
}

internal sealed class DebateRecordConfiguration : IEntityTypeConfiguration<DebateRecord>
{
    public void Configure(EntityTypeBuilder<DebateRecord> builder)
    {
        builder.ToTable("Debates");
        builder.Property(d => d.JoinCode).HasMaxLength(12);
        builder.Property(d => d.Motion).HasMaxLength(DebateLimits.MotionMaxLength * 4);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => d.JoinCode).IsUnique();
        builder.HasIndex(d => new { d.OwnerId, d.CreatedAt });
        builder.HasIndex(d => d.Status);
        builder.HasOne<InstructorRecord>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DebateId).OnDelete(DeleteBehavior.Cascade);
    }
}
