using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Domain.Ledger;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fhir;

/// <summary>
/// PaymentReconciliation: what the monthly facility settlement (月度结算) paid one facility for one month, with the claims
/// it paid and the deductions it netted. Id <c>H0001-2026-11</c>, or search by <c>facility</c> and <c>period</c>. Read by
/// whoever may read the facility's statement over REST; a month settled with nothing to pay has no payment to show.
/// </summary>
internal static class PaymentReconciliationFhirApi
{
    public static void MapFhirPaymentReconciliation(this RouteGroupBuilder fhir)
    {
        var group = fhir.MapGroup("/PaymentReconciliation").RequireAuthorization(Policies.Authenticated);
        group.MapGet("/{id}", Read);
        group.MapGet("/", Search);
    }

    private static async Task<IResult> Read(string id, ClaimsPrincipal user, CooperativeDbContext db, CancellationToken ct)
    {
        var facility = id.Length > 8 ? id[..^8] : "";
        var period = id.Length > 8 && id[^8] == '-' ? LedgerPeriod.Parse(id[^7..]) : null;
        return period is { } month && await FindAsync(db, user, facility, month, ct) is { } found
            ? new FhirResult(found)
            : FhirOutcomes.Error(StatusCodes.Status404NotFound, "facility_statement_not_found", "结算单不存在");
    }

    private static async Task<IResult> Search(string? facility, string? period, HttpRequest request, ClaimsPrincipal user,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(facility) || LedgerPeriod.Parse(period) is not { } month)
            return FhirOutcomes.Error(StatusCodes.Status400BadRequest, "validation_failed", "请求数据有误",
                "请按 facility（机构编码）和 period（会计期间 yyyy-MM）查询");
        var found = await FindAsync(db, user, FhirPersons.Split(facility).Value, month, ct);
        return new FhirResult(FhirJson.SearchSet(request, found is null ? [] : [found]));
    }

    private static async Task<PaymentReconciliation?> FindAsync(CooperativeDbContext db, ClaimsPrincipal user, string facility, int month,
        CancellationToken ct)
    {
        if (!FacilitySettlementApi.MayReadStatement(user, facility)) return null;
        var sourceId = $"{LedgerPeriod.Format(month)}:{facility}";
        var entry = await db.JournalEntries.AsNoTracking().Include(e => e.Lines)
            .SingleOrDefaultAsync(e => e.SourceType == FacilitySettlement.SourceType && e.SourceId == sourceId, ct);
        if (entry is null) return null;
        var paid = await db.Claims.AsNoTracking().Where(c => c.PaymentEntryId == entry.Id).OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.Reimbursement, c.CatastrophicPaid, c.AssistancePaid, c.SettledUtc }).ToListAsync(ct);
        var deducted = await db.Claims.AsNoTracking().Where(c => c.RecoveryEntryId == entry.Id).OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.RecoveryAmount }).ToListAsync(ct);
        var amount = entry.Lines.Where(l => l.AccountCode == ChartOfAccounts.PayableToFacilities).Sum(l => l.Debit);
        var payee = new ResourceReference { Identifier = new Identifier(FhirSystems.FacilityCode, facility) };
        var details = paid.Select(c => Detail("payment", c.Number, c.Reimbursement + c.CatastrophicPaid + c.AssistancePaid, payee,
                c.SettledUtc is { } at ? CountyTimeDate(at) : null))
            .Concat(deducted.Select(c => Detail("adjustment", c.Number, -c.RecoveryAmount, payee, null)))
            .ToList();
        // Penalties and other postings to the facility's account are not per claim: one adjustment makes the details add up.
        var rest = amount - details.Sum(d => d.Amount!.Value ?? 0m);
        if (rest != 0) details.Add(Detail("adjustment", null, rest, payee, null));
        return new PaymentReconciliation
        {
            Id = $"{facility}-{LedgerPeriod.Format(month)}",
            Identifier = [new Identifier(FhirSystems.JournalEntry, entry.Number)],
            Status = FinancialResourceStatusCodes.Active,
            Period = new Period(FhirJson.Day(LedgerPeriod.StartOf(month)), FhirJson.Day(LedgerPeriod.EndOf(month))),
            Created = FhirJson.Instant(entry.PostedUtc),
            PaymentIssuer = CoverageFhirApi.Insurer(),
            Outcome = ClaimProcessingCodes.Complete,
            Disposition = $"{LedgerPeriod.Format(month)} 月度结算，凭证 {entry.Number}",
            PaymentDate = FhirJson.Date(entry.Date),
            PaymentAmount = FhirJson.Yuan(amount),
            PaymentIdentifier = new Identifier(FhirSystems.JournalEntry, entry.Number),
            Detail = details,
        };
    }

    private static PaymentReconciliation.DetailsComponent Detail(string type, string? claimNumber, decimal amount, ResourceReference payee,
        string? date) => new()
    {
        Type = new CodeableConcept(FhirSystems.PaymentType, type),
        Request = claimNumber is null ? null : new ResourceReference { Identifier = new Identifier(FhirSystems.ClaimNumber, claimNumber) },
        Payee = payee,
        Date = date,
        Amount = FhirJson.Yuan(amount),
    };

    private static string CountyTimeDate(DateTime utc) => FhirJson.Date(Infrastructure.CountyTime.DateOf(utc));
}
