using Cooperative.Api.Data;
using Cooperative.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>
/// Gives the claims stored before bills had a normal form their <see cref="Claim.BillKey"/> (once; a claim that
/// has one is never touched again), and re-keys the standing ones, so that a new submission of an old bill in
/// another spelling is refused. Two standing claims that turn out to be one bill keep their claims, the later
/// one under a key of its own, and are logged for a reviewer: paid twice before the rule existed.
/// </summary>
internal sealed class ClaimBillKeys(ILogger<ClaimBillKeys> logger) : IReferenceDataSeeder
{
    private const int Batch = 1000;

    public async Task SeedAsync(CooperativeDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var claims = await db.Claims.Where(c => c.BillKey == "").OrderBy(c => c.Number).Take(Batch).ToListAsync(ct);
            if (claims.Count == 0) return;
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var claim in claims)
            {
                var key = ClaimKeys.BillKey(ClaimKeys.FacilityKey(claim.FacilityCode, claim.FacilityName), claim.InvoiceNumber);
                db.Entry(claim).Property(c => c.BillKey).CurrentValue = key;
                if (claim.InvoiceKey is null) continue;
                var standing = key;
                if (!taken.Add(key) || await db.Claims.AnyAsync(c => c.InvoiceKey == key && c.Id != claim.Id, ct))
                {
                    standing = $"{key}#{claim.Number}";
                    logger.LogWarning("Claim {Number} is a second standing claim of bill {BillKey}: review it", claim.Number, key);
                }
                db.Entry(claim).Property(c => c.InvoiceKey).CurrentValue = standing;
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
