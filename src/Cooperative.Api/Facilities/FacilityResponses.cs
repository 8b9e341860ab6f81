using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Facilities;

/// <summary>A line of the staff's facility list.</summary>
public sealed record FacilitySummaryResponse(string Code, string Name, string Level, string LevelName, string Ownership,
    string OwnershipName, string TownshipCode, string TownshipName, string Status, string StatusName, string LicenceNumber);

/// <summary>A facility's whole record: for staff, and for the facility itself.</summary>
public sealed record FacilityResponse(string Code, string Name, string Level, string LevelName, string Ownership,
    string OwnershipName, string TownshipCode, string TownshipName, string? VillageCode, string? VillageName,
    string LicenceNumber, string BankName, string BankAccount, string HeadName, string Phone, string Status,
    string StatusName, DateTime CreatedUtc);

/// <summary>What the public sees of a designated facility: nothing about licences, accounts or contacts.</summary>
public sealed record PublicFacilityResponse(string Name, string Level, string LevelName, string Township, string Status,
    string StatusName);

public sealed record StatusChangeResponse(string? From, string To, string ToName, string Reason, DateTime AtUtc, string By);

internal static class FacilityMapping
{
    public static FacilitySummaryResponse ToSummary(this Facility f, string townshipName) => new(f.Code, f.Name,
        ApiValues.Of(f.Level), FacilityLevelNames.Chinese(f.Level), ApiValues.Of(f.Ownership), FacilityNames.Chinese(f.Ownership),
        f.TownshipCode, townshipName, ApiValues.Of(f.Status), FacilityNames.Chinese(f.Status), f.LicenceNumber);

    public static FacilityResponse ToResponse(this Facility f, string townshipName, string? villageName) => new(f.Code, f.Name,
        ApiValues.Of(f.Level), FacilityLevelNames.Chinese(f.Level), ApiValues.Of(f.Ownership), FacilityNames.Chinese(f.Ownership),
        f.TownshipCode, townshipName, f.VillageCode, villageName, f.LicenceNumber, f.BankName, f.BankAccount, f.HeadName,
        f.Phone, ApiValues.Of(f.Status), FacilityNames.Chinese(f.Status), f.CreatedUtc);

    public static PublicFacilityResponse ToPublic(this Facility f, string townshipName) => new(f.Name, ApiValues.Of(f.Level),
        FacilityLevelNames.Chinese(f.Level), townshipName, ApiValues.Of(f.Status), FacilityNames.Chinese(f.Status));

    public static StatusChangeResponse ToResponse(this FacilityStatusChange c) => new(
        c.From is { } from ? ApiValues.Of(from) : null, ApiValues.Of(c.To), FacilityNames.Chinese(c.To), c.Reason, c.AtUtc, c.By);
}
