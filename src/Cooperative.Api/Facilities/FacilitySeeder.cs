using System.Globalization;
using Cooperative.Api.Data;
using Cooperative.Api.Geography;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Facilities;

/// <summary>
/// Seeds the duties of the responsibility letter and the county's designated facilities from its seed files,
/// each facility with its first status history row and one letter for the calendar year of the first start
/// (signed by the county's bureau the December before). Adds only what is missing: a facility already there, and its
/// letters, are left alone.
/// </summary>
internal sealed class FacilitySeeder(TimeProvider clock, SeedFiles seed, IOptions<CountyOptions> county)
    : IReferenceDataSeeder
{
    public async Task SeedAsync(CooperativeDbContext db, CancellationToken ct)
    {
        var duties = await db.Duties.Select(d => d.Number).ToHashSetAsync(ct);
        foreach (var row in seed.Read("duties.csv"))
        {
            var number = int.Parse(row["number"], CultureInfo.InvariantCulture);
            if (!duties.Contains(number)) db.Duties.Add(new Duty { Number = number, Title = row["title"], Description = row["description"] });
        }
        await db.SaveChangesAsync(ct);

        var existing = await db.Facilities.Select(f => f.Code).ToHashSetAsync(ct);
        var missing = seed.Read("facilities.csv").Where(r => !existing.Contains(r["code"])).ToList();
        if (missing.Count == 0) return;
        var letterDuties = await DutiesApi.CurrentAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = clock.Today().Year;
        var term = new ContractTerm(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var signedOn = new DateOnly(year - 1, 12, 20);
        foreach (var row in missing)
        {
            var facility = ToFacility(row, now);
            db.Facilities.Add(facility);
            db.FacilityStatusChanges.Add(facility.Open(Enum.Parse<FacilityStatus>(row["status"]), "定点医疗机构名单导入", now, "system"));
            if (facility.Status.HoldsDesignation())
                db.FacilityContracts.Add(ContractsApi.New(facility.Code, term, signedOn, county.Value.Bureau,
                    facility.HeadName, letterDuties, 0));
        }
        await db.SaveChangesAsync(ct);
    }

    private static Facility ToFacility(Dictionary<string, string> row, DateTime now) => new()
    {
        Code = row["code"], Name = row["name"], Level = Enum.Parse<FacilityLevel>(row["level"]),
        Ownership = Enum.Parse<FacilityOwnership>(row["ownership"]), TownshipCode = row["township_code"],
        VillageCode = row["village_code"] is { Length: > 0 } village ? village : null,
        LicenceNumber = row["licence_number"], BankName = row["bank_name"], BankAccount = row["bank_account"],
        HeadName = row["head_name"], Phone = row["phone"], CreatedUtc = now,
    };
}
