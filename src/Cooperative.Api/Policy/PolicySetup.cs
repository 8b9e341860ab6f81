using System.Globalization;
using Cooperative.Api.Data;
using Cooperative.Api.Geography;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Policy;

public static class PolicySetup
{
    public static IServiceCollection AddPolicy(this IServiceCollection services)
    {
        services.AddSingleton<PolicyCache>();
        services.AddScoped<PolicyStore>();
        services.AddScoped<IPolicyStore>(sp => sp.GetRequiredService<PolicyStore>());
        services.AddScoped<Catalogue>();
        services.AddSingleton<CatalogueCache>();
        services.AddScoped<IReferenceDataSeeder, PolicySeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapPolicy(this IEndpointRouteBuilder routes)
    {
        routes.MapPolicyApi();
        routes.MapTrialApi();
        routes.MapCatalogueApi();
        return routes;
    }
}

/// <summary>
/// Seeds the county's default policy for the current fund year and the one before (so that claims of last
/// year can still be settled), and the catalogue from the county's catalogue.csv. Adds only what is missing.
/// </summary>
internal sealed class PolicySeeder(TimeProvider clock, SeedFiles seed) : IReferenceDataSeeder
{
    public async Task SeedAsync(CooperativeDbContext db, CancellationToken ct)
    {
        var year = clock.Today().Year;
        foreach (var fundYear in new[] { year - 1, year })
        {
            if (await db.FundYearPolicies.AnyAsync(p => p.FundYear == fundYear, ct)) continue;
            db.FundYearPolicies.Add(PolicyMapping.NewVersion(fundYear, 1, new DateOnly(fundYear, 1, 1),
                PolicyMapping.DefaultDocument(), clock.GetUtcNow().UtcDateTime));
        }
        var codes = await db.CatalogueItems.Select(i => i.Code).ToHashSetAsync(ct);
        foreach (var row in seed.Read("catalogue.csv").Where(r => !codes.Contains(r["code"])))
            db.CatalogueItems.Add(new CatalogueItem
            {
                Code = row["code"], Name = row["name"],
                Category = Enum.Parse<CatalogueCategory>(row["category"]),
                Status = Enum.Parse<CatalogueStatus>(row["status"]),
                SelfPayShare = decimal.Parse(row["self_pay_share"], CultureInfo.InvariantCulture),
            });
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class FundYearPolicyConfiguration : IEntityTypeConfiguration<FundYearPolicy>
{
    public void Configure(EntityTypeBuilder<FundYearPolicy> b)
    {
        b.ToTable("fund_year_policies");
        b.HasKey(p => new { p.FundYear, p.Version });
        b.Property(p => p.RiskReserveShare).HasPrecision(9, 6);
        b.Property(p => p.NoReferralReduction).HasPrecision(9, 6);
        b.Property(p => p.InpatientRulesJson).HasMaxLength(8000);
        b.Property(p => p.OutpatientRulesJson).HasMaxLength(8000);
    }
}

internal sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> b)
    {
        b.ToTable("catalogue_items");
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(32);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.SelfPayShare).HasPrecision(9, 6);
    }
}
