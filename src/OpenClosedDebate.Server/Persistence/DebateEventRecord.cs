namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

/// <summary>One stored domain event. Append-only; the unique indexes make duplicates impossible.</summary>
internal sealed class DebateEventRecord
{
    public long Id { get; set; }

    public Guid DebateId { get; set; }

    public long Seq { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ParticipantId { get; set; }

    /// <summary>The client's request id, for submissions.</summary>
    public string? RequestId { get; set; }

    public required string Payload { get; set; }
}

internal sealed class DebateEventRecordConfiguration : IEntityTypeConfiguration<DebateEventRecord>
{
    public void Configure(EntityTypeBuilder<DebateEventRecord> builder)
    {
        builder.ToTable("DebateEvents");
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.RequestId).HasMaxLength(64);
        builder.HasIndex(e => new { e.DebateId, e.Seq }).IsUnique();
        builder.HasIndex(e => new { e.DebateId, e.ParticipantId, e.RequestId })
            .IsUnique()
            .HasFilter("\"RequestId\" IS NOT NULL");
    }
}
