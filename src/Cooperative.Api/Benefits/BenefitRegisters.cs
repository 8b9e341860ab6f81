using Cooperative.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Benefits;

/// <summary>The reason codes of the benefit registers.</summary>
public static class BenefitErrors
{
    public const string PersonNotFound = "person_not_found";
    public const string FacilityNotFound = "facility_not_found";
    public const string DiseaseNotListed = "disease_not_listed";
    public const string CertificationOverlaps = "certification_overlaps";
    public const string CertificationNotFound = "certification_not_found";
    public const string ReferralNotFound = "referral_not_found";
    public const string AlreadyEnded = "already_ended";
    public const string DestinationInRegister = "destination_in_register";
}

/// <summary>
/// An entry of a benefit register: numbered, for one person, in force from a day to a day, never edited; an end before
/// its time is recorded as such, with who ended it and why.
/// </summary>
public abstract class RegisterEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public required Guid PersonId { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public required DateOnly ValidTo { get; init; }
    /// <summary>The first day it no longer holds, when ended before its time.</summary>
    public DateOnly? EndedOn { get; private set; }
    public string? EndedBy { get; private set; }
    public DateTime? EndedUtc { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>The last day it is in force.</summary>
    public DateOnly LastDay => EndedOn is { } ended && ended <= ValidTo ? ended.AddDays(-1) : ValidTo;

    public bool InForceOn(DateOnly day) => ValidFrom <= day && day <= LastDay;

    /// <summary>What the entry is called in a refusal (该认定, 该转诊备案).</summary>
    protected abstract string Called { get; }

    /// <summary>Ends it from a day on (the caller allows today or later: what was paid under it stays paid).</summary>
    public Refusal? End(DateOnly from, string by, DateTime at, string reason)
    {
        if (EndedOn is not null) return Refusal.Conflict(BenefitErrors.AlreadyEnded, $"{Called}已终止", $"已于 {EndedOn:yyyy-MM-dd} 终止");
        EndedOn = from < ValidFrom ? ValidFrom : from;
        EndedBy = by;
        EndedUtc = at;
        EndReason = reason;
        return null;
    }
}

/// <summary>
/// A certification of a chronic or special disease for a person (门诊慢性病/特殊病种认定): by which facility, valid
/// from and to, who recorded it.
/// </summary>
public sealed class DiseaseCertification : RegisterEntry
{
    public required string DiseaseCode { get; init; }
    public required string DiseaseName { get; init; }
    public required string GroupCode { get; init; }
    public required string FacilityCode { get; init; }
    public required string CertifiedBy { get; init; }
    public required DateTime CertifiedUtc { get; init; }

    protected override string Called => "该认定";
}

/// <summary>
/// A referral filed before treatment outside the county (转诊备案): the diagnosis, the destination, valid from and
/// to, who approved. A claim that says it was referred is matched against these (ReferralRule in the domain).
/// </summary>
public sealed class ReferralFiling : RegisterEntry
{
    public required string DiagnosisCode { get; init; }
    public required string Destination { get; init; }
    /// <summary>The destination's name in normal form (BillText.NameKey), with the bill key's "@" prefix.</summary>
    public required string DestinationKey { get; init; }
    public required string ApprovedBy { get; init; }
    /// <summary>The server's date of filing: a filing cannot be dated back.</summary>
    public required DateOnly FiledOn { get; init; }
    public required DateTime FiledUtc { get; init; }

    protected override string Called => "该转诊备案";
}

public static class DiseaseCertifications
{
    /// <summary>A person's certifications in force on a day (one indexed read; an early end is applied in memory).</summary>
    public static async Task<List<DiseaseCertification>> InForceAsync(this IQueryable<DiseaseCertification> certifications, Guid personId,
        DateOnly day, CancellationToken ct) =>
        (await certifications.AsNoTracking().Where(c => c.PersonId == personId && c.ValidFrom <= day && c.ValidTo >= day).ToListAsync(ct))
        .Where(c => c.InForceOn(day)).ToList();
}
