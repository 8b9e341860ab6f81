using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperative.Api.Disclosures;

internal sealed class MonthlyDisclosureConfiguration : IEntityTypeConfiguration<MonthlyDisclosure>
{
    public void Configure(EntityTypeBuilder<MonthlyDisclosure> b)
    {
        b.ToTable("monthly_disclosures");
        b.HasKey(d => d.Month);
        b.Property(d => d.Month).HasMaxLength(7);
        b.Property(d => d.ContentHash).HasMaxLength(64);
        b.Property(d => d.PreparedBy).HasMaxLength(128);
        b.Property(d => d.ReviewedBy).HasMaxLength(128);
        b.Property(d => d.ReviewNote).HasMaxLength(500);
        b.Property(d => d.PublishedBy).HasMaxLength(128);
    }
}

internal sealed class PublishedDisclosureConfiguration : IEntityTypeConfiguration<PublishedDisclosure>
{
    public void Configure(EntityTypeBuilder<PublishedDisclosure> b)
    {
        b.ToTable("published_disclosures");
        b.HasKey(d => d.Month);
        b.Property(d => d.Month).HasMaxLength(7);
        b.Property(d => d.ContentHash).HasMaxLength(64);
        b.Property(d => d.PublishedBy).HasMaxLength(128);
    }
}
