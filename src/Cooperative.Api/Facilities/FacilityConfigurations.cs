using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperative.Api.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Facilities;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> b)
    {
        b.ToTable("facilities");
        b.HasKey(f => f.Code);
        b.Property(f => f.Code).HasMaxLength(16);
        b.Property(f => f.Name).HasMaxLength(64);
        b.Property(f => f.TownshipCode).HasMaxLength(12);
        b.Property(f => f.VillageCode).HasMaxLength(12);
        b.Property(f => f.LicenceNumber).HasMaxLength(32);
        b.HasIndex(f => f.LicenceNumber).IsUnique();
        b.Property(f => f.BankName).HasMaxLength(64);
        b.Property(f => f.BankAccount).HasMaxLength(32);
        b.Property(f => f.HeadName).HasMaxLength(32);
        b.Property(f => f.Phone).HasMaxLength(20);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => new { f.Status, f.Level });
        b.HasOne<Township>().WithMany().HasForeignKey(f => f.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Village>().WithMany().HasForeignKey(f => f.VillageCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FacilityStatusChangeConfiguration : IEntityTypeConfiguration<FacilityStatusChange>
{
    public void Configure(EntityTypeBuilder<FacilityStatusChange> b)
    {
        b.ToTable("facility_status_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.FacilityCode).HasMaxLength(16);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.By).HasMaxLength(128);
        b.HasIndex(c => new { c.FacilityCode, c.AtUtc });
        b.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdmissionRecordConfiguration : IEntityTypeConfiguration<AdmissionRecord>
{
    public void Configure(EntityTypeBuilder<AdmissionRecord> b)
    {
        b.ToTable("facility_admissions");
        b.HasKey(r => r.Id);
        b.Property(r => r.FacilityCode).HasMaxLength(16);
        b.Property(r => r.Conditions).AsJson();
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.DecidedBy).HasMaxLength(128);
        b.HasIndex(r => new { r.FacilityCode, r.DecidedOn });
        b.HasOne<Facility>().WithMany().HasForeignKey(r => r.FacilityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FacilityContractConfiguration : IEntityTypeConfiguration<FacilityContract>
{
    public void Configure(EntityTypeBuilder<FacilityContract> b)
    {
        b.ToTable("facility_contracts");
        b.HasKey(c => c.Id);
        b.Property(c => c.FacilityCode).HasMaxLength(16);
        b.Property(c => c.Number).HasMaxLength(32);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.FacilityCode, c.TermStart }).IsUnique();
        b.Property(c => c.BureauSignatory).HasMaxLength(64);
        b.Property(c => c.FacilitySignatory).HasMaxLength(64);
        b.Property(c => c.Duties).AsJson();
        b.Property(c => c.TerminationReason).HasMaxLength(200);
        b.Ignore(c => c.Term);
        b.Ignore(c => c.EffectiveTerm);
        b.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DutyConfiguration : IEntityTypeConfiguration<Duty>
{
    public void Configure(EntityTypeBuilder<Duty> b)
    {
        b.ToTable("responsibility_duties");
        b.HasKey(d => d.Number);
        b.Property(d => d.Number).ValueGeneratedNever();
        b.Property(d => d.Title).HasMaxLength(64);
        b.Property(d => d.Description).HasMaxLength(500);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("facility_inspections");
        b.HasKey(i => i.Id);
        b.Property(i => i.FacilityCode).HasMaxLength(16);
        b.Property(i => i.Inspectors).HasMaxLength(200);
        b.Property(i => i.Summary).HasMaxLength(1000);
        b.Property(i => i.RecordedBy).HasMaxLength(128);
        b.HasIndex(i => new { i.FacilityCode, i.InspectedOn });
        b.HasOne<Facility>().WithMany().HasForeignKey(i => i.FacilityCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FacilityContract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("inspection_findings");
        b.HasKey(f => f.Id);
        b.Property(f => f.FacilityCode).HasMaxLength(16);
        b.Property(f => f.Description).HasMaxLength(500);
        b.Property(f => f.CorrectionNote).HasMaxLength(500);
        b.Ignore(f => f.IsUncorrectedWarning);
        b.HasIndex(f => new { f.FacilityCode, f.ContractId });
        b.HasOne<FacilityContract>().WithMany().HasForeignKey(f => f.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Small lists stored as one JSON text column (readable Chinese), compared by content.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static PropertyBuilder<List<T>> AsJson<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!));
}
