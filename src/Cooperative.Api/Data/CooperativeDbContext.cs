using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Benefits;
using Cooperative.Api.Claims;
using Cooperative.Api.Complaints;
using Cooperative.Api.Disclosures;
using Cooperative.Api.Facilities;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Fund;
using Cooperative.Api.Geography;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Data;

/// <summary>
/// The scheme's database. Each provider has a subclass of its own so that each keeps its own migration set
/// (<see cref="SqliteCooperativeDbContext"/>, <see cref="MySqlCooperativeDbContext"/>); code depends on this type.
/// </summary>
public abstract class CooperativeDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Who acts in the scope that leased this (pooled) context; the audit trail records it.</summary>
    public ICurrentActor? Actor { get; set; }

    /// <summary>The scope's clock, for the audit trail's timestamps.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<AccountLock> AccountLocks => Set<AccountLock>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditSealerLease> AuditSealerLeases => Set<AuditSealerLease>();
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<FundYearPolicy> FundYearPolicies => Set<FundYearPolicy>();
    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();
    public DbSet<LedgerAccount> LedgerAccounts => Set<LedgerAccount>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<JournalLine> JournalLines => Set<JournalLine>();
    public DbSet<LedgerPeriod> LedgerPeriods => Set<LedgerPeriod>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<PeriodBalance> PeriodBalances => Set<PeriodBalance>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();
    public DbSet<ClaimStatusChange> ClaimStatusChanges => Set<ClaimStatusChange>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<FacilityStatusChange> FacilityStatusChanges => Set<FacilityStatusChange>();
    public DbSet<AdmissionRecord> FacilityAdmissions => Set<AdmissionRecord>();
    public DbSet<FacilityContract> FacilityContracts => Set<FacilityContract>();
    public DbSet<Duty> Duties => Set<Duty>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Enrollment.Enrollment> Enrollments => Set<Enrollment.Enrollment>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<MonthlyDisclosure> MonthlyDisclosures => Set<MonthlyDisclosure>();
    public DbSet<PublishedDisclosure> PublishedDisclosures => Set<PublishedDisclosure>();
    public DbSet<ComplaintStatusChange> ComplaintStatusChanges => Set<ComplaintStatusChange>();
    public DbSet<DiseaseCertification> DiseaseCertifications => Set<DiseaseCertification>();
    public DbSet<ReferralFiling> ReferralFilings => Set<ReferralFiling>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CooperativeDbContext).Assembly);
        // Guid keys: OpenIddict's default string keys make an index longer than InnoDB allows.
        modelBuilder.UseOpenIddict<Guid>();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteCooperativeDbContext(DbContextOptions<SqliteCooperativeDbContext> options)
    : CooperativeDbContext(options);

public sealed class MySqlCooperativeDbContext(DbContextOptions<MySqlCooperativeDbContext> options)
    : CooperativeDbContext(options);
