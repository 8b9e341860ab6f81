using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>The outcome of a submission: the claim (new or replayed), or a refusal as a problem answer.</summary>
internal sealed record SubmissionOutcome(Claim? Claim, bool Replayed, ProblemHttpResult? Refusal);

/// <summary>
/// Takes a claim in, whichever way it came: checks it (enrolment, facility, deadline, duplicate invoice,
/// catalogue), and settles it at once unless the window still waits for documents. Replays of the same
/// Idempotency-Key return the first claim; a key reused with another body is refused.
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
                return await TrySubmitAsync(draft, idempotencyKey, requestHash, ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e, "IdempotencyKey") || DatabaseErrors.IsUniqueViolation(e, "InvoiceKey"))
            {
                db.ChangeTracker.Clear();
                if (DatabaseErrors.IsUniqueViolation(e, "IdempotencyKey") && await ReplayAsync(idempotencyKey, requestHash, ct) is { } replay) return replay;
                return new SubmissionOutcome(null, false, Problems.Conflict(ClaimErrors.DuplicateInvoice, "该发票已报销过，不能重复报销",
                    $"发票号 {draft.InvoiceNumber} 已有报销记录"));
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
            return Refuse(StatusCodes.Status422UnprocessableEntity, ClaimErrors.DatesInconsistent, "日期不符", dateProblem);
        if (Policy.TrialApi.AmountMismatches(draft.Lines).FirstOrDefault() is { Message: { } amountProblem })
            return Refuse(StatusCodes.Status422UnprocessableEntity, ClaimErrors.AmountsInconsistent, "费用金额不符", amountProblem);

        var facility = await parties.FacilityAsync(draft, ct);
        if (facility.Refusal is not null) return new SubmissionOutcome(null, false, facility.Refusal);
        var patient = await parties.PatientAsync(draft.IdNumber, draft.CardNumber, draft.PatientName, draft.DischargeDate, ct);
        if (patient.Refusal is not null) return new SubmissionOutcome(null, false, patient.Refusal);

        var policy = await policies.InForceAsync(draft.DischargeDate.Year, draft.DischargeDate, ct);
        if (policy is null) return Refuse(StatusCodes.Status422UnprocessableEntity, ClaimErrors.NoPolicy, "该年度尚无补偿方案", null);
        if (today.DayNumber - draft.DischargeDate.DayNumber > policy.ClaimDeadlineDays)
            return Refuse(StatusCodes.Status422UnprocessableEntity, ClaimErrors.DeadlinePassed, "已超过报销时限",
                $"出院（就诊）日期 {draft.DischargeDate:yyyy-MM-dd} 起 {policy.ClaimDeadlineDays} 天内申请报销，已超期");
        var resolved = await catalogue.ResolveAsync(draft.Lines, ct);
        if (resolved.UnknownCodes.Count > 0)
            return Refuse(StatusCodes.Status422UnprocessableEntity, ClaimErrors.UnknownCatalogueCode, "费用明细中有目录中不存在的项目编码",
                $"未知编码：{string.Join("、", resolved.UnknownCodes)}");
        var invoiceKey = $"{facility.Code ?? facility.Name}|{draft.InvoiceNumber.Trim()}";
        if (await db.Claims.AnyAsync(c => c.InvoiceKey == invoiceKey, ct))
            return Refuse(StatusCodes.Status409Conflict, ClaimErrors.DuplicateInvoice, "该发票已报销过，不能重复报销",
                $"发票号 {draft.InvoiceNumber} 已有报销记录");

        var now = clock.GetUtcNow().UtcDateTime;
        var by = actor.Current.Name;
        var claim = new Claim
        {
            Number = $"BX-{draft.DischargeDate.Year}-{await numbers.TakeAsync(db, "claim", draft.DischargeDate.Year, ct):000000}",
            Channel = draft.Channel, FacilityCode = facility.Code, FacilityName = facility.Name, FacilityLevel = facility.Level,
            InvoiceNumber = draft.InvoiceNumber.Trim(), PersonId = patient.PersonId, IdNumber = patient.IdNumber, PatientName = patient.Name,
            EnrollmentId = patient.EnrollmentId, FundYear = draft.DischargeDate.Year, VisitType = draft.VisitType,
            AdmissionDate = draft.AdmissionDate, DischargeDate = draft.DischargeDate, DiagnosisCode = draft.DiagnosisCode.Trim().ToUpperInvariant(),
            Referred = draft.Referred, SubmittedBy = by, SubmittedUtc = now, IdempotencyKey = idempotencyKey, RequestHash = requestHash,
        };
        claim.Lines.AddRange(draft.Lines.Select((l, i) => new ClaimLine
        {
            LineNo = i + 1, Code = l.Code?.Trim() ?? "", Name = l.Name?.Trim() ?? "", Quantity = l.Quantity, UnitPrice = l.UnitPrice,
            Amount = l.Amount, CatalogueStatus = resolved.Lines[i].Status, SelfPayShare = resolved.Lines[i].SelfPayShare,
        }));
        claim.Open(invoiceKey, draft.ProvidedDocuments, now, by);
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
        var refusal = await settler.SettleAsync(claim, policy, resolved.Lines, ct);
        return new SubmissionOutcome(refusal is null ? claim : null, false, refusal);
    }

    private async Task<SubmissionOutcome?> ReplayAsync(string key, string hash, CancellationToken ct)
    {
        var by = actor.Current.Name;
        var existing = await db.Claims.AsNoTracking().Include(c => c.Lines).Include(c => c.History)
            .SingleOrDefaultAsync(c => c.SubmittedBy == by && c.IdempotencyKey == key, ct);
        if (existing is null) return null;
        return existing.RequestHash == hash
            ? new SubmissionOutcome(existing, true, null)
            : new SubmissionOutcome(null, false, Problems.Conflict(ClaimErrors.IdempotencyKeyReused, "该幂等键已用于另一笔不同的报销申请",
                $"Idempotency-Key {key} 已对应报销单 {existing.Number}"));
    }

    private static SubmissionOutcome Refuse(int status, string code, string title, string? detail) =>
        new(null, false, Problems.Of(status, code, title, detail));
}
