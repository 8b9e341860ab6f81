using System.Globalization;
using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Geography;

/// <summary>Seeds the county's townships and their villages from its seed files (adds only what is missing).</summary>
internal sealed class GeographySeeder(SeedFiles seed) : IReferenceDataSeeder
{
    public async Task SeedAsync(CooperativeDbContext db, CancellationToken ct)
    {
        var townships = await db.Townships.Select(t => t.Code).ToHashSetAsync(ct);
        foreach (var row in seed.Read("townships.csv").Where(r => !townships.Contains(r["code"])))
            db.Townships.Add(new Township
            {
                Code = row["code"], Name = row["name"],
                RuralPopulation = int.Parse(row["rural_population"], CultureInfo.InvariantCulture),
            });
        var villages = await db.Villages.Select(v => v.Code).ToHashSetAsync(ct);
        foreach (var row in seed.Read("villages.csv").Where(r => !villages.Contains(r["code"])))
            db.Villages.Add(new Village { Code = row["code"], TownshipCode = row["township_code"], Name = row["name"] });
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class TownshipConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<Township>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Township> b)
    {
        b.ToTable("townships");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(12);
        b.Property(t => t.Name).HasMaxLength(32);
    }
}

internal sealed class VillageConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<Village>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Village> b)
    {
        b.ToTable("villages");
        b.HasKey(v => v.Code);
        b.Property(v => v.Code).HasMaxLength(12);
        b.Property(v => v.TownshipCode).HasMaxLength(12);
        b.Property(v => v.Name).HasMaxLength(32);
        b.HasOne<Township>().WithMany().HasForeignKey(v => v.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.TownshipCode, v.Name }).IsUnique();
    }
}
