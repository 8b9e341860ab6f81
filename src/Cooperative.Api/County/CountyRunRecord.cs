using System.Text.Json;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>The figures of a finished run, as the command prints them and the audit trail keeps them.</summary>
/// <param name="Reimbursed">
/// What the basic fund paid (基金补偿); the other payers' parts are <paramref name="CatastrophicPaid"/> and <paramref name="AssistancePaid"/>.
/// </param>
/// <param name="PaidToResidents">Paid out at the window: every payer's part of the paper claims (the county advances the others').</param>
/// <param name="ClaimsByKind">Claims by benefit kind (the kinds' codes: inpatient, outpatient, chronic, delivery).</param>
/// <param name="PersonsByCategory">Persons of the register by special category (Dibao, Wubao, Youfu, Tekun).</param>
/// <param name="ReferredWithFiling">Claims outside the county said to be referred whose referral matched a filing.</param>
/// <param name="ReferredWithoutFiling">Claims outside the county said to be referred without a matching filing, paid as unreferred.</param>
public sealed record CountyReport(string Key, long Households, long Persons, long Enrolled, long Receipts, long InpatientClaims,
    long OutpatientClaims, long UnderReview, decimal Billed, decimal Reimbursed, IReadOnlyDictionary<string, int> Refusals,
    double ImportSeconds, double EnrolmentSeconds, double ClaimSeconds,
    long WindowClaimsPaid = 0, decimal PaidToResidents = 0, long FacilityPayments = 0, decimal PaidToFacilities = 0,
    long MonthsClosed = 0, decimal RiskReserve = 0,
    IReadOnlyDictionary<string, long>? ClaimsByKind = null, IReadOnlyDictionary<string, long>? PersonsByCategory = null,
    long Certifications = 0, long ReferralFilings = 0, long ReferredWithFiling = 0, long ReferredWithoutFiling = 0,
    long CatastrophicClaims = 0, decimal CatastrophicPaid = 0, long AssistanceClaims = 0, decimal AssistancePaid = 0);

/// <summary>
/// A run leaves two audit records of its own (entity 合成县 "SyntheticCounty"): one when it starts, one with its
/// report when it completes. They tell a later run whether the database already holds this county.
/// </summary>
internal static class CountyRunRecord
{
    public const string EntityType = "SyntheticCounty";

    public static async Task WriteAsync(CooperativeDbContext db, CountyRequest request, string action, CountyReport? report,
        DateTime atUtc, CancellationToken ct)
    {
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = atUtc, Actor = "seed-county", ActorRole = null, CorrelationId = request.RunId, EntityType = EntityType,
            EntityId = request.Key, Action = action, After = report is null ? null : JsonSerializer.Serialize(report),
        });
        await db.SaveChangesAsync(ct);
    }

    public static async Task<CountyReport?> CompletedAsync(CooperativeDbContext db, CountyRequest request, CancellationToken ct)
    {
        var after = await db.AuditRecords.AsNoTracking()
            .Where(r => r.EntityType == EntityType && r.EntityId == request.Key && r.Action == "completed")
            .Select(r => r.After).FirstOrDefaultAsync(ct);
        return after is null ? null : JsonSerializer.Deserialize<CountyReport>(after);
    }

    public static Task<List<string>> RunsAsync(CooperativeDbContext db, CancellationToken ct) =>
        db.AuditRecords.AsNoTracking().Where(r => r.EntityType == EntityType)
            .Select(r => r.EntityId + " (" + r.Action + ")").ToListAsync(ct);
}
