using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>
/// The year's claims of a township's enrolled residents, submitted as real ones are: a facility's system posts
/// the itemized bill at discharge or after the visit (即时结报), the window enters the paper claims of those
/// treated outside the county (after filing their referral, for those who filed one). Both go through the claims
/// endpoints' own checks, submission and settlement, a resident's claims one after the other in date order, several
/// residents per DbContext scope.
/// </summary>
internal sealed class CountyClaims(IServiceProvider services, CountyClock clock, CountyRequest request, CountyTally tally,
    ClaimWindow window, FacilityDirectory facilities, BillMaker bills, CountyBenefitRegisters registers, Action<string> report)
{
    private const int ResidentsPerScope = 25;

    public async Task SubmitAsync(string township, CancellationToken ct)
    {
        var residents = await ResidentsAsync(township, ct);
        if (residents.Count == 0 || window.Days <= 0) return;
        // The county's rates per enrolled person, shared out by age: the township's own age mix decides the divisor.
        var age = window.First.Year;
        var visitRate = CountyFacts.VisitsPerEnrolledYear * request.OutpatientScale / residents.Average(r => CaseMix.VisitWeight(age - r.BirthDate.Year));
        var admissionRate = (CountyFacts.AdmissionsPerEnrolledYear - CountyFacts.BirthsPerPersonYear)
                            / residents.Average(r => CaseMix.AdmissionWeight(age - r.BirthDate.Year));
        var mothers = residents.Sum(r => CaseMix.DeliveryWeight(age - r.BirthDate.Year, r.Gender));
        var deliveryRate = mothers > 0 ? CountyFacts.BirthsPerPersonYear * residents.Count / mothers : 0;
        var plan = new ClaimPlanner(window, facilities, bills, new ClaimRates(visitRate, admissionRate, deliveryRate, request.OutpatientScale));
        await Batches.RunAsync(residents.Chunk(ResidentsPerScope).ToList(), request.Workers, batch => SubmitBatchAsync(plan, batch, ct));
    }

    private async Task<List<Resident>> ResidentsAsync(string township, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var residents = await (from e in db.Enrollments where e.FundYear == request.FundYear
                               join h in db.Households on e.HouseholdId equals h.Id where h.TownshipCode == township
                               join p in db.Persons on e.PersonId equals p.Id
                               select new Resident(p.Id, p.IdNumber, p.Name, p.BirthDate, p.Gender, h.TownshipCode, h.VillageCode))
            .AsNoTracking().ToListAsync(ct);
        // What the register holds for them, not what the certifying step meant to record: the visits follow the register.
        var certified = (await (from c in db.DiseaseCertifications
                                join e in db.Enrollments on c.PersonId equals e.PersonId where e.FundYear == request.FundYear
                                join h in db.Households on e.HouseholdId equals h.Id where h.TownshipCode == township
                                select c).AsNoTracking().ToListAsync(ct))
            .ToLookup(c => c.PersonId);
        return residents.OrderBy(r => r.IdNumber, StringComparer.Ordinal)
            .Select(r => r with
            {
                Certified = certified[r.PersonId].OrderBy(c => c.DiseaseCode, StringComparer.Ordinal).ThenBy(c => c.ValidFrom)
                    .Select(c => new CertifiedDisease(c.DiseaseCode, c.ValidFrom, c.LastDay)).ToList(),
            }).ToList();
    }

    private async Task SubmitBatchAsync(ClaimPlanner plan, Resident[] batch, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CountyActor>();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<ClaimSubmissionHandler>();
        foreach (var resident in batch)
        {
            foreach (var claim in plan.Plan(resident, StableRandom.For(request.Seed, "claims:" + resident.IdNumber)))
            {
                clock.Set(claim.SubmittedAt);
                var key = $"{request.RunId}:{resident.IdNumber}:{claim.Index}";
                var invoice = $"FP{claim.Discharge:yyyyMMdd}-{resident.IdNumber}-{claim.Index:00}";
                SubmissionOutcome outcome;
                if (claim.Facility is { } facility)
                {
                    actor.Current = CountyActor.Facility(facility.Code, request.RunId);
                    var body = new FacilityClaimRequest(resident.IdNumber, null, resident.Name, claim.Visit, claim.Admission, claim.Discharge,
                        claim.Diagnosis, claim.Referred, invoice, claim.Lines);
                    var (validation, draft) = ClaimsApi.FacilityDraft(body, facility.Code);
                    outcome = await handler.SubmitAsync(validation, draft, key, body, ct);
                }
                else
                {
                    actor.Current = CountyActor.Window(request.RunId);
                    if (claim.Filing is { } filing)
                    {
                        clock.Set(filing.FiledAt);
                        await registers.FileReferralAsync(scope.ServiceProvider, db, resident, claim, ct);
                        db.ChangeTracker.Clear();
                        clock.Set(claim.SubmittedAt);
                    }
                    var body = new WindowClaimRequest(resident.IdNumber, null, resident.Name, claim.Visit, claim.Admission, claim.Discharge,
                        claim.Diagnosis, claim.Referred, invoice, claim.Lines, null, claim.OutsideHospital,
                        Domain.Reimbursement.FacilityLevel.OutsideCounty, ClaimRules.RequiredDocuments(claim.Visit, claim.Referred));
                    var (validation, draft) = ClaimsApi.WindowDraft(body);
                    outcome = await handler.SubmitAsync(validation, draft, key, body, ct);
                    if (outcome is { Replayed: false, Claim: { Status: ClaimStatus.Settled, Payout: > 0 } settled })
                    {
                        var number = settled.Number;
                        db.ChangeTracker.Clear();
                        await PayOnTheSpotAsync(scope.ServiceProvider, db, number, resident.IdNumber, ct);
                    }
                }
                Count(outcome);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The window pays a settled paper claim at once (当场兑付), the basic fund's part and what it advances for the other
    /// payers together: in cash below 1,000 yuan, otherwise by transfer to the resident's bank account (an account number
    /// made up from the ID number).
    /// </summary>
    private async Task PayOnTheSpotAsync(IServiceProvider scope, CooperativeDbContext db, string number, string idNumber, CancellationToken ct)
    {
        var claim = await db.Claims.Include(c => c.History).SingleAsync(c => c.Number == number, ct);
        var amount = claim.Payout;
        var (method, account) = amount < 1000m ? (PaymentMethod.Cash, (string?)null) : (PaymentMethod.BankTransfer, $"6228 48{idNumber[^10..]}");
        var refusal = await scope.GetRequiredService<ClaimPayment>().PayAsync(claim, method, account, ct);
        if (refusal is null) tally.Paid(amount);
        else tally.Refused("payment_" + refusal.Code);
    }

    private void Count(SubmissionOutcome outcome)
    {
        switch (outcome)
        {
            case { Invalid: { } invalid }:
                if (tally.Refusals.IsEmpty) report($"  第一笔未通过校验的报销：{string.Join("; ", invalid.ToProblem().ProblemDetails.Errors.SelectMany(e => e.Value))}");
                tally.Refused("validation_failed");
                break;
            case { Refusal: { } refusal }:
                if (tally.Refusals.IsEmpty) report($"  第一笔被拒的报销：{refusal.Code} {refusal.Detail}");
                tally.Refused(refusal.Code);
                break;
            case { Replayed: true }: tally.Refused("replayed"); break;
            case { Claim: { } claim }: tally.Claim(ClaimResponse.From(claim, staff: true)); break;
        }
    }
}
