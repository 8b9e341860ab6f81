using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>The outcome of a submission: the claim (new or replayed), or why not (field errors, or a refusal).</summary>
internal sealed record SubmissionOutcome(Claim? Claim, bool Replayed, Refusal? Refusal, Validation? Invalid = null)
{
    public static SubmissionOutcome Refused(Refusal refusal) => new(null, false, refusal);
}

/// <summary>
/// Takes a claim in, whichever way it came: checks it (enrolment, facility, deadline, duplicate invoice,
/// catalogue), and settles it at once unless the window still waits for documents. Replays of the same
/// Idempotency-Key return the first claim, however many race; a key reused with another body is refused.
/// </summary>
internal sealed class ClaimSubmission(CooperativeDbContext db, ClaimParties parties, IPolicyStore policies, Catalogue catalogue,
    ClaimSettler settler, SequenceAllocator numbers, ICurrentActor actor, TimeProvider clock)
{
    private const int Attempts = 3;

    public async Task<SubmissionOutcome> SubmitAsync(ClaimDraft draft, string idempotencyKey, string requestHash, CancellationToken ct)
    {
        // One connection for the whole submission (a dozen statements): taking it from the pool for each costs more than the query.
        await db.Database.OpenConnectionAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await TrySubmitAsync(draft, idempotencyKey, requestHash, ct);
                if (outcome.Refusal is not null) db.ChangeTracker.Clear();
                // A twin with the same key may have committed while this one was checked: its claim is the answer.
                if (outcome.Refusal?.Code is ClaimErrors.DuplicateInvoice or ClaimErrors.SuspectedDuplicate
                    && await ReplayAsync(idempotencyKey, requestHash, ct) is { } replay)
                    return replay;
                return outcome;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e, "IdempotencyKey") || DatabaseErrors.IsUniqueViolation(e, "InvoiceKey"))
            {
                db.ChangeTracker.Clear();
                if (await ReplayAsync(idempotencyKey, requestHash, ct) is { } replay) return replay;
                return SubmissionOutcome.Refused(DuplicateInvoice(draft));
            }
            catch (Exception e) when (DatabaseErrors.IsDeadlock(e) && attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SubmissionOutcome> TrySubmitAsync(ClaimDraft draft, string idempotencyKey, string requestHash, CancellationToken ct)
    {
        if (await ReplayAsync(idempotencyKey, requestHash, ct) is { } replay) return replay;
        var today = clock.Today();
        if (ClaimRules.DateProblem(draft.VisitType, draft.AdmissionDate, draft.DischargeDate, today) is { } dateProblem)
            return Refuse(ClaimErrors.DatesInconsistent, "日期不符", dateProblem);
        if (BillChecks.AmountMismatches(draft.Lines).FirstOrDefault() is { Message: { } amountProblem })
            return Refuse(ClaimErrors.AmountsInconsistent, "费用金额不符", amountProblem);

        var facility = await parties.FacilityAsync(draft, ct);
        if (facility.Refusal is not null) return SubmissionOutcome.Refused(facility.Refusal);
        var patient = await parties.PatientAsync(draft, ct);
        if (patient.Refusal is not null) return SubmissionOutcome.Refused(patient.Refusal);

        // The fund year is the cover's (the admission's); the version in force on the discharge date within it.
        var policy = await policies.InForceAsync(patient.FundYear, draft.DischargeDate, patient.NewestPolicy, ct);
        if (policy is null) return Refuse(ClaimErrors.NoPolicy, "该年度尚无补偿方案", null);
        if (today.DayNumber - draft.DischargeDate.DayNumber > policy.ClaimDeadlineDays)
            return Refuse(ClaimErrors.DeadlinePassed, "已超过报销时限",
                $"出院（就诊）日期 {draft.DischargeDate:yyyy-MM-dd} 起 {policy.ClaimDeadlineDays} 天内申请报销，已超期");
        var resolved = await catalogue.ResolveAsync(draft.Lines, ct);
        if (resolved.UnknownCodes.Count > 0)
            return Refuse(ClaimErrors.UnknownCatalogueCode, "费用明细中有目录中不存在的项目编码", $"未知编码：{string.Join("、", resolved.UnknownCodes)}");
        // A bill already claimed is found by the settlement's review (this person's) or, any other's, by the unique
        // InvoiceKey when the claim is saved: either way duplicate_invoice, without a query of its own here.
        var billKey = ClaimKeys.BillKey(facility.Key, draft.InvoiceNumber);

        var now = clock.GetUtcNow().UtcDateTime;
        var by = actor.Current.Name;
        var claim = new Claim
        {
            Number = $"BX-{patient.FundYear}-{await numbers.TakeAsync(db, "claim", patient.FundYear, ct):000000}",
            Channel = draft.Channel, FacilityCode = facility.Code, FacilityName = facility.Name, FacilityLevel = facility.Level,
            BillKey = billKey, InvoiceNumber = draft.InvoiceNumber.Trim(), PersonId = patient.PersonId, IdNumber = patient.IdNumber,
            PatientName = patient.Name, EnrollmentId = patient.EnrollmentId, FundYear = patient.FundYear, VisitType = draft.VisitType,
            AdmissionDate = draft.AdmissionDate, DischargeDate = draft.DischargeDate, DiagnosisCode = draft.DiagnosisCode.Trim().ToUpperInvariant(),
            Referred = draft.Referred, SubmittedBy = by, SubmittedUtc = now, IdempotencyKey = idempotencyKey, RequestHash = requestHash,
            Total = draft.Lines.Sum(l => l.Amount),
        };
        claim.Lines.AddRange(draft.Lines.Select((l, i) => new ClaimLine
        {
            LineNo = i + 1, Code = l.Code?.Trim() ?? "", Name = l.Name?.Trim() ?? "", Quantity = l.Quantity, UnitPrice = l.UnitPrice,
            Amount = l.Amount, CatalogueStatus = resolved.Lines[i].Status, SelfPayShare = resolved.Lines[i].SelfPayShare,
        }));
        claim.Open(draft.ProvidedDocuments, now, by);
        db.Claims.Add(claim);

        var missing = draft.Channel == ClaimChannel.Window
            ? ClaimRules.RequiredDocuments(draft.VisitType, draft.Referred).Except(draft.ProvidedDocuments).ToList()
            : [];
        if (missing.Count > 0)
        {
            claim.AwaitDocuments(now, by, "待补：" + string.Join("、", missing.Select(ClaimRules.Chinese)));
            await db.SaveChangesAsync(ct);
            return new SubmissionOutcome(claim, false, null);
        }
        var refusal = await settler.SettleAsync(claim, policy, resolved.Lines, ct, patient.Category);
        return refusal is null ? new SubmissionOutcome(claim, false, null) : SubmissionOutcome.Refused(refusal);
    }

    private async Task<SubmissionOutcome?> ReplayAsync(string key, string hash, CancellationToken ct)
    {
        var by = actor.Current.Name;
        // Nearly every key is new: one indexed row's three columns, not the claim with its lines and history (whose joined
        // and sorted rows MariaDB builds in a temporary table on disk, as the claim has text columns).
        var found = await db.Claims.AsNoTracking().Where(c => c.SubmittedBy == by && c.IdempotencyKey == key)
            .Select(c => new { c.Id, c.Number, c.RequestHash }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        if (found.RequestHash != hash)
            return SubmissionOutcome.Refused(Refusal.Conflict(ClaimErrors.IdempotencyKeyReused, "该幂等键已用于另一笔不同的报销申请",
                $"Idempotency-Key {key} 已对应报销单 {found.Number}"));
        var existing = await db.Claims.AsNoTracking().AsSplitQuery().Include(c => c.Lines).Include(c => c.History)
            .SingleAsync(c => c.Id == found.Id, ct);
        return new SubmissionOutcome(existing, true, null);
    }

    private static Refusal DuplicateInvoice(ClaimDraft draft) => ClaimSettler.DuplicateInvoice(draft.InvoiceNumber);

    private static SubmissionOutcome Refuse(string code, string title, string? detail) =>
        SubmissionOutcome.Refused(Refusal.Unprocessable(code, title, detail));
}
