using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>
/// Settles a claim in one transaction: the person's yearly usage row is locked first, so that two windows or
/// facilities settling for the same person at once are served one after the other and never pass the annual
/// cap; then the calculator, the usage, the claim and the ledger entry are written together or not at all.
/// </summary>
internal sealed class ClaimSettler(CooperativeDbContext db, ClaimParties parties, FundLedger ledger, IConfiguration config,
    ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The source type of a claim reversal's journal entry (its source id is the claim number).</summary>
    public const string ReversalSource = "claim-reversal";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<ProblemHttpResult?> SettleAsync(Claim claim, PolicyInForce policy, IReadOnlyList<BillLine> lines, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var usage = await parties.LockUsageAsync(claim.EnrollmentId, ct);
        var settlement = ReimbursementCalculator.Calculate(new CalculationInput(policy.Rules, claim.FacilityLevel, claim.VisitType,
            claim.Referred, lines, usage));
        var now = clock.GetUtcNow().UtcDateTime;
        Guid? entryId = null;
        if (settlement.Reimbursement > 0)
        {
            var posted = await ledger.PostAsync(new JournalDraft(clock.Today(), $"{ChannelText(claim)}补偿 {claim.Number}", "claim", claim.Number,
            [
                JournalLineDraft.Dr(ChartOfAccounts.ClaimExpense(claim.VisitType, claim.FacilityLevel), settlement.Reimbursement),
                claim.Channel == ClaimChannel.Facility
                    ? JournalLineDraft.Cr(ChartOfAccounts.PayableToFacilities, settlement.Reimbursement, claim.FacilityCode)
                    : JournalLineDraft.Cr(ChartOfAccounts.PayableToResidents, settlement.Reimbursement),
            ]), ct);
            if (!posted.Succeeded) return LedgerApi.Refusal(posted);
            entryId = posted.Entry!.Id;
            await parties.AddUsageAsync(claim.EnrollmentId, claim.VisitType, settlement.Reimbursement, usage, ct);
        }
        var flags = await FlagsAsync(claim, settlement, ct);
        claim.RecordSettlement(policy.Version, settlement, JsonSerializer.Serialize(settlement, Json), entryId, flags, now, actor.Current.Name);
        // No savepoint around the save (two round trips): if it fails, the whole transaction is rolled back anyway.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Reverses a settled claim: the ledger entry is mirrored and the person's usage given back, together.</summary>
    public async Task<ProblemHttpResult?> ReverseAsync(Claim claim, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Guid? reversalId = null;
        if (claim.SettlementEntryId is { } entryId)
        {
            var usage = await parties.LockUsageAsync(claim.EnrollmentId, ct);
            var posted = await ledger.ReverseAsync(entryId, clock.Today(), $"冲销报销单 {claim.Number}：{reason}", ReversalSource, claim.Number, ct);
            if (!posted.Succeeded) return LedgerApi.Refusal(posted);
            reversalId = posted.Entry!.Id;
            await parties.AddUsageAsync(claim.EnrollmentId, claim.VisitType, -claim.Reimbursement, usage, ct);
        }
        claim.RecordReversal(reversalId, clock.GetUtcNow().UtcDateTime, actor.Current.Name, reason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    private async Task<List<string>> FlagsAsync(Claim claim, Settlement settlement, CancellationToken ct)
    {
        var flags = new List<string>();
        if (settlement.Total >= config.GetValue("Claims:HighCostThreshold", 50_000m)) flags.Add("high_cost");
        if (claim.VisitType == VisitType.Inpatient)
        {
            var since = claim.AdmissionDate.AddDays(-ClaimRules.ReadmissionDays);
            var readmitted = await db.Claims.AnyAsync(c => c.PersonId == claim.PersonId && c.Id != claim.Id
                && c.VisitType == VisitType.Inpatient && c.DischargeDate >= since && c.DischargeDate <= claim.AdmissionDate
                && c.Status != ClaimStatus.Reversed && c.Status != ClaimStatus.Rejected, ct);
            if (readmitted) flags.Add("readmission_15d");
        }
        return flags;
    }

    private static string ChannelText(Claim claim) => claim.Channel == ClaimChannel.Facility ? "即时结报" : "窗口";
}
