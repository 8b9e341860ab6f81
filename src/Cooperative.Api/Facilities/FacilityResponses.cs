using Cooperative.Domain;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Facilities;

/// <summary>A line of the staff's facility list.</summary>
public sealed record FacilitySummaryResponse(string Code, string Name, FacilityLevel Level, string LevelName, FacilityOwnership Ownership,
    string OwnershipName, string TownshipCode, string TownshipName, FacilityStatus Status, string StatusName, string LicenceNumber);

/// <summary>A facility's whole record: for staff, and for the facility itself.</summary>
public sealed record FacilityResponse(string Code, string Name, FacilityLevel Level, string LevelName, FacilityOwnership Ownership,
    string OwnershipName, string TownshipCode, string TownshipName, string? VillageCode, string? VillageName,
    string LicenceNumber, string BankName, string BankAccount, string HeadName, string Phone, FacilityStatus Status,
    string StatusName, DateTime CreatedUtc);

/// <summary>What the public sees of a designated facility: nothing about licences, accounts or contacts.</summary>
public sealed record PublicFacilityResponse(string Name, FacilityLevel Level, string LevelName, string Township, FacilityStatus Status,
    string StatusName);

public sealed record StatusChangeResponse(FacilityStatus? From, FacilityStatus To, string ToName, string Reason, DateTime AtUtc, string By);

internal static class FacilityMapping
{
    public static FacilitySummaryResponse ToSummary(this Facility f, string townshipName) => new(f.Code, f.Name,
        f.Level, FacilityLevelNames.Chinese(f.Level), f.Ownership, FacilityNames.Chinese(f.Ownership),
        f.TownshipCode, townshipName, f.Status, FacilityNames.Chinese(f.Status), f.LicenceNumber);

    public static FacilityResponse ToResponse(this Facility f, string townshipName, string? villageName) => new(f.Code, f.Name,
        f.Level, FacilityLevelNames.Chinese(f.Level), f.Ownership, FacilityNames.Chinese(f.Ownership),
        f.TownshipCode, townshipName, f.VillageCode, villageName, f.LicenceNumber, f.BankName, f.BankAccount, f.HeadName,
        f.Phone, f.Status, FacilityNames.Chinese(f.Status), f.CreatedUtc);

    public static PublicFacilityResponse ToPublic(this Facility f, string townshipName) => new(f.Name, f.Level,
        FacilityLevelNames.Chinese(f.Level), townshipName, f.Status, FacilityNames.Chinese(f.Status));

    public static StatusChangeResponse ToResponse(this FacilityStatusChange c) => new(
        c.From, c.To, FacilityNames.Chinese(c.To), c.Reason, c.AtUtc, c.By);
}
