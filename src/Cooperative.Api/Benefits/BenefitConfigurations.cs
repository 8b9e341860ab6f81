using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Benefits;

internal sealed class DiseaseCertificationConfiguration : IEntityTypeConfiguration<DiseaseCertification>
{
    public void Configure(EntityTypeBuilder<DiseaseCertification> b)
    {
        b.ToTable("disease_certifications");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(32);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.PersonId);
        b.Property(c => c.DiseaseCode).HasMaxLength(16);
        b.Property(c => c.DiseaseName).HasMaxLength(100);
        b.Property(c => c.GroupCode).HasMaxLength(16);
        b.Property(c => c.FacilityCode).HasMaxLength(16);
        b.Property(c => c.CertifiedBy).HasMaxLength(128);
        b.Property(c => c.EndedBy).HasMaxLength(128);
        b.Property(c => c.EndReason).HasMaxLength(500);
        b.HasOne<Enrollment.Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.LastDay);
    }
}

internal sealed class ReferralFilingConfiguration : IEntityTypeConfiguration<ReferralFiling>
{
    public void Configure(EntityTypeBuilder<ReferralFiling> b)
    {
        b.ToTable("referral_filings");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(32);
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => r.PersonId);
        b.Property(r => r.DiagnosisCode).HasMaxLength(16);
        b.Property(r => r.Destination).HasMaxLength(100);
        b.Property(r => r.DestinationKey).HasMaxLength(180);
        b.Property(r => r.ApprovedBy).HasMaxLength(128);
        b.Property(r => r.EndedBy).HasMaxLength(128);
        b.Property(r => r.EndReason).HasMaxLength(500);
        b.HasOne<Enrollment.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.LastDay);
    }
}
