using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Data;

/// <summary>
/// The scheme's database. Each provider has a subclass of its own so that each keeps its own migration set
/// (<see cref="SqliteCooperativeDbContext"/>, <see cref="MySqlCooperativeDbContext"/>); code depends on this type.
/// </summary>
public abstract class CooperativeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

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
