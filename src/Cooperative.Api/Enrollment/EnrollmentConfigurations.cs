using Cooperative.Api.Fund;
using Cooperative.Api.Geography;
using Cooperative.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Enrollment;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("persons");
        b.HasKey(p => p.Id);
        // ASCII: the unique index compares bytes, not utf8mb4 collation weights (MariaDB/MySQL only; SQLite ignores it).
        b.Property(p => p.IdNumber).HasMaxLength(18).IsUnicode(false).HasCharSet("ascii");
        b.HasIndex(p => p.IdNumber).IsUnique();
        b.Property(p => p.Name).HasMaxLength(RegisterRowParser.MaxNameLength);
        b.HasIndex(p => p.Name);
        b.Ignore(p => p.IsActive);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.HasKey(h => h.Id);
        b.Property(h => h.CardNumber).HasMaxLength(CardNumber.MaxLength).IsUnicode(false).HasCharSet("ascii");
        b.HasIndex(h => h.CardNumber).IsUnique();
        b.Property(h => h.TownshipCode).HasMaxLength(12);
        b.Property(h => h.VillageCode).HasMaxLength(12);
        b.Property(h => h.Address).HasMaxLength(200);
        b.HasOne<Person>().WithMany().HasForeignKey(h => h.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Township>().WithMany().HasForeignKey(h => h.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Village>().WithMany().HasForeignKey(h => h.VillageCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("memberships");
        b.HasKey(m => m.Id);
        b.Ignore(m => m.IsOpen);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // A person's open membership, and a household's members at a date.
        b.HasIndex(m => new { m.PersonId, m.To });
        b.HasIndex(m => new { m.HouseholdId, m.To });
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.ToTable("enrollments");
        b.HasKey(e => e.Id);
        // One enrolment per person and year; also the coverage check's and the claims' lookup.
        b.HasIndex(e => new { e.PersonId, e.FundYear }).IsUnique();
        // Statistics count a year's enrolments by household (township).
        b.HasIndex(e => new { e.FundYear, e.HouseholdId });
        b.Property(e => e.UsageJson).HasMaxLength(2000).IsUnicode(false).HasCharSet("ascii").HasDefaultValue("{}");
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(e => e.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Receipt>().WithMany().HasForeignKey(e => e.ReceiptId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable("receipts");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(16).IsUnicode(false).HasCharSet("ascii");
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.IssuedBy).HasMaxLength(128);
        b.HasIndex(r => new { r.HouseholdId, r.FundYear });
        b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JournalEntry>().WithMany().HasForeignKey(r => r.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
