using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(20);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Subject).HasMaxLength(ComplaintLimits.Subject);
        b.Property(c => c.Content).HasMaxLength(ComplaintLimits.Content);
        b.Property(c => c.ContactName).HasMaxLength(ComplaintLimits.ContactName);
        b.Property(c => c.ContactPhone).HasMaxLength(ComplaintLimits.ContactPhone);
        b.Property(c => c.LookupCodeHash).HasMaxLength(64);
        b.Property(c => c.Assignee).HasMaxLength(64);
        b.Property(c => c.Answer).HasMaxLength(ComplaintLimits.Answer);
        b.Property(c => c.AnsweredBy).HasMaxLength(128);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.Status, c.Deadline });
        b.HasIndex(c => c.FiledUtc);
    }
}

internal sealed class ComplaintStatusChangeConfiguration : IEntityTypeConfiguration<ComplaintStatusChange>
{
    public void Configure(EntityTypeBuilder<ComplaintStatusChange> b)
    {
        b.ToTable("complaint_status_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Note).HasMaxLength(ComplaintLimits.Note);
        b.Property(c => c.By).HasMaxLength(128);
        b.HasIndex(c => new { c.ComplaintId, c.AtUtc });
        b.HasOne<Complaint>().WithMany().HasForeignKey(c => c.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
