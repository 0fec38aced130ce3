namespace OpenClosedDebate.Server.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

internal sealed class InstructorRecord
{
    public Guid Id { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-cased e-mail, for case-insensitive uniqueness.</summary>
    public required string NormalizedEmail { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class InstructorRecordConfiguration : IEntityTypeConfiguration<InstructorRecord>
{
    public void Configure(EntityTypeBuilder<InstructorRecord> builder)
    {
        builder.ToTable("Instructors");
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(254);
        builder.HasIndex(i => i.NormalizedEmail).IsUnique();
    }
}
