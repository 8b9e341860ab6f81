using Cooperative.Api.Audit;
using Cooperative.Api.Benefits;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Facilities;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>
/// The window's benefit registers as the county fills them: the chronic and special disease certifications
/// (门诊慢性病/特殊病种认定) recorded on the first day of the year, a township at a time in one save, and the referral
/// filings (转诊备案) made a few days before admissions outside the county.
/// <para>
/// The rules are the window's (<see cref="RegisterRules"/>, as <c>POST /api/persons/{id}/certifications</c> and
/// <c>/referrals</c> apply them): never dated back, bounded periods, a disease of the year's list, the certifying facility
/// in service, no overlapping certification of one disease; a filing's diagnosis an ICD-10 code and its destination no
/// facility of the county's register. A refusal is counted (<c>certification_…</c>, <c>referral_…</c>), as a refused claim is.
/// </para>
/// </summary>
internal sealed class CountyBenefitRegisters
{
    private readonly IServiceProvider _services;
    private readonly CountyClock _clock;
    private readonly CountyRequest _request;
    private readonly CountyTally _tally;
    private readonly FacilityDirectory _facilities;
    private readonly Lazy<Task<HashSet<string>>> _registeredNames;

    public CountyBenefitRegisters(IServiceProvider services, CountyClock clock, CountyRequest request, CountyTally tally,
        FacilityDirectory facilities)
    {
        (_services, _clock, _request, _tally, _facilities) = (services, clock, request, tally, facilities);
        _registeredNames = new(RegisteredNamesAsync);
    }

    /// <summary>
    /// Certifies, on 1 January, the township's enrolled residents who have a listed disease and are certified for it
    /// (<see cref="CaseMix.Chronic"/>: a share of older adults with hypertension or diabetes, every dialysis patient), for
    /// the year, by a county hospital.
    /// </summary>
    public async Task CertifyAsync(string township, CancellationToken ct)
    {
        var day = new DateOnly(_request.FundYear, 1, 1);
        _clock.Set(CountyClock.At(day, (8 * 60) + 30));
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CountyActor>().Current = CountyActor.Window(_request.RunId);
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var enrolled = await (from e in db.Enrollments where e.FundYear == _request.FundYear
                              join h in db.Households on e.HouseholdId equals h.Id where h.TownshipCode == township
                              join p in db.Persons on e.PersonId equals p.Id
                              select new { p.Id, p.IdNumber, p.BirthDate }).AsNoTracking().ToListAsync(ct);
        var wanted = new List<(Guid PersonId, string Disease, string Facility)>();
        foreach (var person in enrolled.OrderBy(p => p.IdNumber, StringComparer.Ordinal))
        {
            var r = StableRandom.For(_request.Seed, "certify:" + person.IdNumber);
            var age = _request.FundYear - person.BirthDate.Year;
            foreach (var care in CaseMix.Chronic)
                if (r.NextDouble() < (age >= care.MinAge ? care.Prevalence(age) * care.CertifiedShare : 0))
                    wanted.Add((person.Id, care.DiseaseCode, _facilities.CountyHospital(r).Code));
        }
        if (wanted.Count == 0) return;

        var today = _clock.Today();
        var (from, to) = (day, new DateOnly(_request.FundYear, 12, 31));
        var policy = await scope.ServiceProvider.GetRequiredService<IPolicyStore>().InForceAsync(from.Year, from, ct);
        var inService = (await db.Facilities.AsNoTracking().Select(f => new { f.Code, f.Status }).ToListAsync(ct))
            .Where(f => f.Status.IsInService()).Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var existing = (await (from c in db.DiseaseCertifications
                               join e in db.Enrollments on c.PersonId equals e.PersonId where e.FundYear == _request.FundYear
                               join h in db.Households on e.HouseholdId equals h.Id where h.TownshipCode == township
                               select c).AsNoTracking().ToListAsync(ct))
            .ToLookup(c => (c.PersonId, c.DiseaseCode));
        var numbers = scope.ServiceProvider.GetRequiredService<SequenceAllocator>();
        var clerk = scope.ServiceProvider.GetRequiredService<ICurrentActor>().Current.Name;
        var now = _clock.GetUtcNow().UtcDateTime;
        var recorded = 0;
        foreach (var (personId, disease, facility) in wanted)
        {
            var listed = RegisterRules.Listed(policy?.Rules, disease);
            var refusal = RegisterRules.PeriodProblem(from, to, today, RegisterRules.MaxCertificationDays, "认定") is not null ? Validation.FailedCode
                : listed is null ? BenefitErrors.DiseaseNotListed
                : !inService.Contains(facility) ? BenefitErrors.FacilityNotFound
                : RegisterRules.Overlapping(existing[(personId, disease)], from, to) is not null ? BenefitErrors.CertificationOverlaps
                : null;
            if (refusal is not null || listed is not { } found)
            {
                _tally.Refused("certification_" + refusal);
                continue;
            }
            var (group, listedDisease) = found;
            db.DiseaseCertifications.Add(new DiseaseCertification
            {
                Number = RegisterRules.CertificationNumber(today.Year, await numbers.TakeAsync(db, "certification", today.Year, ct, block: wanted.Count)),
                PersonId = personId, DiseaseCode = disease, DiseaseName = listedDisease.Name, GroupCode = group.Code, FacilityCode = facility,
                ValidFrom = from, ValidTo = to, CertifiedBy = clerk, CertifiedUtc = now,
            });
            recorded++;
        }
        await db.SaveChangesAsync(ct);
        _tally.Certified(recorded);
    }

    /// <summary>
    /// Files the referral of an admission outside the county, at the window on the day the plan says (the caller's clock
    /// stands on it): to the hospital of the claim, for its diagnosis, from that day to the filing's last day.
    /// </summary>
    public async Task FileReferralAsync(IServiceProvider scope, CooperativeDbContext db, Resident resident, PlannedClaim claim,
        CancellationToken ct)
    {
        var today = _clock.Today();
        var (from, to) = (today, claim.Filing!.ValidTo);
        var destination = claim.OutsideHospital?.Trim() ?? "";
        var diagnosis = claim.Diagnosis.Trim().ToUpperInvariant();
        var key = BillText.NameKey(destination);
        var refusal = RegisterRules.PeriodProblem(from, to, today, RegisterRules.MaxReferralDays, "备案") is not null
                      || destination.Length is 0 or > 100 || !Domain.Reimbursement.IcdCodes.IsValid(diagnosis) ? Validation.FailedCode
            : (await _registeredNames.Value).Contains(key) ? BenefitErrors.DestinationInRegister
            : null;
        if (refusal is not null)
        {
            _tally.Refused("referral_" + refusal);
            return;
        }
        db.ReferralFilings.Add(new ReferralFiling
        {
            Number = RegisterRules.ReferralNumber(today.Year, await scope.GetRequiredService<SequenceAllocator>().TakeAsync(db, "referral", today.Year, ct)),
            PersonId = resident.PersonId, DiagnosisCode = diagnosis, Destination = destination, DestinationKey = RegisterRules.DestinationKey(destination),
            ValidFrom = from,
            ValidTo = to, ApprovedBy = scope.GetRequiredService<ICurrentActor>().Current.Name, FiledOn = today,
            FiledUtc = _clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        _tally.Filed();
    }

    /// <summary>The normal forms of the names of every facility in the county's register (a filing to one is refused).</summary>
    private async Task<HashSet<string>> RegisteredNamesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var names = await db.Facilities.AsNoTracking().Select(f => f.Name).ToListAsync();
        return names.Select(BillText.NameKey).ToHashSet(StringComparer.Ordinal);
    }
}
