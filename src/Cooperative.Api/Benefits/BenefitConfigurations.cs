using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Benefits;

/// <summary>What every register's table has: the key, the unique number, the person (indexed) and the end's record.</summary>
internal static class RegisterEntryConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> b, string table) where T : RegisterEntry
    {
        b.ToTable(table);
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(32);
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.PersonId);
        b.Property(e => e.EndedBy).HasMaxLength(128);
        b.Property(e => e.EndReason).HasMaxLength(500);
        b.HasOne<Enrollment.Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.LastDay);
    }
}

internal sealed class DiseaseCertificationConfiguration : IEntityTypeConfiguration<DiseaseCertification>
{
    public void Configure(EntityTypeBuilder<DiseaseCertification> b)
    {
        RegisterEntryConfiguration.Configure(b, "disease_certifications");
        b.Property(c => c.DiseaseCode).HasMaxLength(16);
        b.Property(c => c.DiseaseName).HasMaxLength(100);
        b.Property(c => c.GroupCode).HasMaxLength(16);
        b.Property(c => c.FacilityCode).HasMaxLength(16);
        b.Property(c => c.CertifiedBy).HasMaxLength(128);
    }
}

internal sealed class ReferralFilingConfiguration : IEntityTypeConfiguration<ReferralFiling>
{
    public void Configure(EntityTypeBuilder<ReferralFiling> b)
    {
        RegisterEntryConfiguration.Configure(b, "referral_filings");
        b.Property(r => r.DiagnosisCode).HasMaxLength(16);
        b.Property(r => r.Destination).HasMaxLength(100);
        b.Property(r => r.DestinationKey).HasMaxLength(180);
        b.Property(r => r.ApprovedBy).HasMaxLength(128);
    }
}
