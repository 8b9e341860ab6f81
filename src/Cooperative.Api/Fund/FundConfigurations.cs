using Cooperative.Api.Data;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Fund;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> b)
    {
        b.ToTable("ledger_accounts");
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(16);
        b.Property(a => a.Name).HasMaxLength(64);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("journal_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(32);
        b.HasIndex(e => e.Number).IsUnique();
        b.Property(e => e.Description).HasMaxLength(200);
        b.Property(e => e.SourceType).HasMaxLength(32);
        b.Property(e => e.SourceId).HasMaxLength(64);
        b.Property(e => e.PostedBy).HasMaxLength(128);
        b.Property(e => e.IdempotencyKey).HasMaxLength(100);
        b.Property(e => e.RequestHash).HasMaxLength(64);
        b.HasIndex(e => new { e.PostedBy, e.IdempotencyKey }).IsUnique();
        b.HasIndex(e => new { e.SourceType, e.SourceId });
        b.HasIndex(e => e.ReversesEntryId).IsUnique();
        b.HasIndex(e => new { e.Period, e.Date });
        b.HasOne<JournalEntry>().WithMany().HasForeignKey(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> b)
    {
        b.ToTable("journal_lines");
        b.HasKey(l => new { l.EntryId, l.LineNo });
        b.Property(l => l.AccountCode).HasMaxLength(16);
        b.Property(l => l.FacilityCode).HasMaxLength(16);
        b.HasOne<LedgerAccount>().WithMany().HasForeignKey(l => l.AccountCode).OnDelete(DeleteBehavior.Restrict);
        // Balances at a date: one range scan per account, the amounts read from the index itself.
        b.HasIndex(l => new { l.AccountCode, l.Date, l.Debit, l.Credit });
        b.HasIndex(l => new { l.FacilityCode, l.Period });
    }
}

internal sealed class LedgerPeriodConfiguration : IEntityTypeConfiguration<LedgerPeriod>
{
    public void Configure(EntityTypeBuilder<LedgerPeriod> b)
    {
        b.ToTable("ledger_periods");
        b.HasKey(p => p.Period);
        b.Property(p => p.Period).ValueGeneratedNever();
        b.Property(p => p.ClosedBy).HasMaxLength(128);
    }
}

internal sealed class PeriodBalanceConfiguration : IEntityTypeConfiguration<PeriodBalance>
{
    public void Configure(EntityTypeBuilder<PeriodBalance> b)
    {
        b.ToTable("period_balances");
        b.HasKey(p => new { p.Period, p.AccountCode });
        b.Property(p => p.AccountCode).HasMaxLength(16);
        b.Property(p => p.Debit).HasPrecision(20, 2);
        b.Property(p => p.Credit).HasPrecision(20, 2);
    }
}

/// <summary>Keeps the stored chart of accounts in step with the domain's chart.</summary>
internal sealed class ChartOfAccountsSeeder : IReferenceDataSeeder
{
    public async Task SeedAsync(CooperativeDbContext db, CancellationToken ct)
    {
        var existing = await db.LedgerAccounts.ToDictionaryAsync(a => a.Code, ct);
        foreach (var account in ChartOfAccounts.All)
        {
            if (!existing.TryGetValue(account.Code, out var stored))
                db.LedgerAccounts.Add(new LedgerAccount { Code = account.Code, Name = account.Name, Type = account.Type });
            else if (stored.Name != account.Name) stored.Name = account.Name;
        }
        await db.SaveChangesAsync(ct);
    }
}
