using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.County;

/// <summary>
/// Where residents go: the village clinic of their village (or another of their township), their township's
/// health centre (or, in the town, a community centre), and the county hospitals, the two public ones most.
/// </summary>
internal sealed class FacilityDirectory(IReadOnlyList<CareProvider> all)
{
    private readonly IReadOnlyList<(CareProvider Item, double Weight)> _county = all.Where(f => f.Level == FacilityLevel.County)
        .Select(f => (f, f.Code switch { "H0001" => 8.0, "H0002" => 5.0, _ => 1.5 })).ToList();

    public CareProvider ForVisit(Resident resident, FacilityLevel level, Random r) => level switch
    {
        FacilityLevel.Village => VillageClinic(resident, r) ?? HealthCentre(resident, r),
        FacilityLevel.Township => HealthCentre(resident, r),
        _ => r.Weighted(_county),
    };

    public CareProvider ForAdmission(Resident resident, FacilityLevel level, Random r) =>
        level == FacilityLevel.Township ? all.First(f => f.Level == FacilityLevel.Township && f.TownshipCode == resident.TownshipCode)
            : r.Weighted(_county);

    /// <summary>A county hospital, the public ones most: they certify chronic and special diseases (二级以上医院认定).</summary>
    public CareProvider CountyHospital(Random r) => r.Weighted(_county);

    private CareProvider? VillageClinic(Resident resident, Random r)
    {
        var own = all.Where(f => f.Level == FacilityLevel.Village && f.VillageCode == resident.VillageCode).ToList();
        if (own.Count == 0) own = all.Where(f => f.Level == FacilityLevel.Village && f.TownshipCode == resident.TownshipCode).ToList();
        return own.Count == 0 ? null : r.Pick(own);
    }

    private CareProvider HealthCentre(Resident resident, Random r)
    {
        var community = all.Where(f => f.Level == FacilityLevel.Community && f.TownshipCode == resident.TownshipCode).ToList();
        if (community.Count > 0 && r.NextDouble() < 0.5) return r.Pick(community);
        return all.First(f => f.Level == FacilityLevel.Township && f.TownshipCode == resident.TownshipCode);
    }
}
