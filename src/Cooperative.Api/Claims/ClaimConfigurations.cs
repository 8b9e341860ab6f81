using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Claims;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.ToTable("claims");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(32);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.FacilityCode).HasMaxLength(16);
        b.Property(c => c.FacilityName).HasMaxLength(100);
        b.Property(c => c.InvoiceNumber).HasMaxLength(64);
        b.Property(c => c.BillKey).HasMaxLength(180);
        b.HasIndex(c => c.BillKey);
        b.Property(c => c.InvoiceKey).HasMaxLength(180);
        b.HasIndex(c => c.InvoiceKey).IsUnique();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.IdNumber).HasMaxLength(18);
        b.Property(c => c.PatientName).HasMaxLength(64);
        b.Property(c => c.DiagnosisCode).HasMaxLength(16);
        b.Property(c => c.SubmittedBy).HasMaxLength(128);
        b.Property(c => c.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(c => new { c.SubmittedBy, c.IdempotencyKey }).IsUnique();
        b.Property(c => c.RequestHash).HasMaxLength(64);
        b.Property(c => c.ProvidedDocuments).HasMaxLength(200);
        // Unbounded (text): the steps of every payer, with their notes in Chinese, outgrow a varchar within the row limit.
        b.Property(c => c.BenefitGroup).HasMaxLength(16);
        b.Property(c => c.ReferralFiling).HasMaxLength(32);
        b.Property(c => c.Flags).HasMaxLength(200);
        b.Property(c => c.PaymentAccount).HasMaxLength(64);
        b.Property(c => c.ReviewNote).HasMaxLength(500);
        b.Property(c => c.ReviewedBy).HasMaxLength(128);
        b.HasIndex(c => new { c.PersonId, c.VisitType, c.DischargeDate });
        b.HasIndex(c => new { c.PersonId, c.AdmissionDate }); // the duplicate rule reads a person's claims around a bill's dates
        b.HasIndex(c => new { c.FacilityCode, c.DischargeDate });
        b.HasIndex(c => new { c.Status, c.DischargeDate });
        b.HasIndex(c => c.DischargeDate);
        b.HasIndex(c => c.SettledUtc); // the monthly disclosure reads a month's settlements
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.Documents);
        b.Ignore(c => c.RecoveryOutstanding);
        b.Ignore(c => c.WasPaid);
        b.Ignore(c => c.Payout);
        b.Ignore(c => c.UsageAdded);
    }
}

internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> b)
    {
        b.ToTable("claim_lines");
        b.HasKey(l => new { l.ClaimId, l.LineNo });
        b.Property(l => l.Code).HasMaxLength(32);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Quantity).HasPrecision(12, 3);
        b.Property(l => l.UnitPrice).HasPrecision(18, 4);
        b.Property(l => l.SelfPayShare).HasPrecision(9, 6);
    }
}

internal sealed class ClaimStatusChangeConfiguration : IEntityTypeConfiguration<ClaimStatusChange>
{
    public void Configure(EntityTypeBuilder<ClaimStatusChange> b)
    {
        b.ToTable("claim_status_changes");
        b.HasKey(h => new { h.ClaimId, h.Seq });
        b.Property(h => h.By).HasMaxLength(128);
        b.Property(h => h.Note).HasMaxLength(500);
    }
}
