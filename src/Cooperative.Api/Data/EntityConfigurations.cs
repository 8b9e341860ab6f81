using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Data;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.ToTable("staff_users");
        b.HasKey(u => u.Id);
        b.Property(u => u.UserName).HasMaxLength(64);
        b.HasIndex(u => u.UserName).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(64);
        b.Property(u => u.Role).HasMaxLength(16);
        b.Property(u => u.PasswordHash).HasMaxLength(256);
    }
}

internal sealed class AccountLockConfiguration : IEntityTypeConfiguration<AccountLock>
{
    public void Configure(EntityTypeBuilder<AccountLock> b)
    {
        b.ToTable("account_locks");
        b.HasKey(l => l.Account);
        b.Property(l => l.Account).HasMaxLength(160);
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        b.ToTable("audit_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.Actor).HasMaxLength(128);
        b.Property(r => r.ActorRole).HasMaxLength(16);
        b.Property(r => r.EntityType).HasMaxLength(64);
        b.Property(r => r.EntityId).HasMaxLength(128);
        b.Property(r => r.Action).HasMaxLength(32);
        b.Property(r => r.CorrelationId).HasMaxLength(64);
        b.HasIndex(r => new { r.EntityType, r.EntityId });
        b.HasIndex(r => r.AtUtc);
        b.HasIndex(r => r.Seq).IsUnique();
        b.Property(r => r.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("audit_chain_heads");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditSealerLeaseConfiguration : IEntityTypeConfiguration<AuditSealerLease>
{
    public void Configure(EntityTypeBuilder<AuditSealerLease> b)
    {
        b.ToTable("audit_sealer_leases");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Holder).HasMaxLength(128);
        // The one row exists from the migration on, so that taking the lease is always an UPDATE of it.
        b.HasData(new AuditSealerLease { Id = AuditSealerLease.SingletonId, Holder = "", ExpiresUtc = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}

