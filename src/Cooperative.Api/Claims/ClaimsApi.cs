using System.Security.Claims;
using System.Text.Json;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Facilities;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>Claims in: facilities' direct settlement and the window's paper claims, both settled on the spot.</summary>
public static class ClaimsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapClaimsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/claims").WithTags("Claims");
        group.MapPost("/", SubmitFromFacility).RequireAuthorization(Policies.FacilitySystem)
            .WithSummary("Settle a facility's itemized bill (直接结算)")
            .WithDescription("A designated facility's system submits the itemized bill of a stay or visit of an "
                + "insured patient; the claim is checked (enrolment on the service dates, the facility's"
                + " designation and contract, dates, amounts, catalogue codes, duplicates, the claim "
                + "deadline) and settled at once under the year's policy: 201 with the claim and its "
                + "settlement (what the fund, catastrophic insurance and assistance pay; what the "
                + "patient pays). Claims the rules flag are held for review (status UnderReview). The "
                + "facility is the caller's own (the token's facility_code). Idempotent: the "
                + "Idempotency-Key header is required; a retry with the same key and body answers 200 "
                + "with the first claim.")
            .ProducesSubmissionProblems()
            .WithName("SubmitFacilityClaim");
        group.MapPost("/window", SubmitAtWindow).RequireAuthorization(Policies.WindowStaff)
            .WithSummary("Enter a paper claim at the one-stop window (一站式窗口)")
            .WithDescription("Window staff enter the claim of a resident who paid in full: treatment outside the "
                + "county (a facility named in text with level OutsideCounty) or at a county facility by"
                + " its code, with the documents the resident brought. Checked as facility bills are, "
                + "settled at once or left PendingDocuments when documents are missing. A claim naming a"
                + " facility of the register by text is refused (facility_in_register). Idempotent under"
                + " the required Idempotency-Key header: a retry with the same key and body answers 200 "
                + "with the first claim.")
            .ProducesSubmissionProblems(ClaimErrors.FacilityInRegister)
            .WithName("SubmitWindowClaim");
        group.MapClaimWorkflow();
        group.MapClaimQueries();
        group.MapClaimStatements();
        return group;
    }

    /// <summary>The refusals of a submission, for the document: both ways in check and settle alike.</summary>
    private static RouteHandlerBuilder ProducesSubmissionProblems(this RouteHandlerBuilder endpoint, params string[] unprocessable) =>
        endpoint.ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.DuplicateInvoice, ClaimErrors.SuspectedDuplicate,
                ClaimErrors.IdempotencyKeyReused, LedgerErrors.InsufficientFunds, LedgerErrors.PeriodClosed)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, [ClaimErrors.PersonNotFound, ClaimErrors.PatientMismatch,
                ClaimErrors.NotEnrolled, ClaimErrors.OutsideFundYear, ClaimErrors.DeadlinePassed, ClaimErrors.DatesInconsistent,
                ClaimErrors.AmountsInconsistent, ClaimErrors.UnknownCatalogueCode, ClaimErrors.NoPolicy,
                FacilityEligibility.NotDesignated, FacilityEligibility.Suspended, FacilityEligibility.NoActiveContract, .. unprocessable]);

    private static async Task<Results<Created<ClaimResponse>, Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> SubmitFromFacility(
        FacilityClaimRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user,
        ClaimSubmissionHandler handler, CancellationToken ct)
    {
        var (v, draft) = FacilityDraft(request, user.FindFirstValue(CooperativeClaims.FacilityCode));
        return ClaimSubmissionHandler.Answer(await handler.SubmitAsync(v, draft, idempotencyKey, request, ct), staff: false);
    }

    /// <summary>The checks and the draft of a facility's bill, the facility being the caller's.</summary>
    internal static (Validation Validation, ClaimDraft? Draft) FacilityDraft(FacilityClaimRequest request, string? facilityCode)
    {
        var v = ClaimRules.Validate(new ClaimDraftInput(request.IdNumber, request.CardNumber, request.PatientName, request.VisitType,
            request.AdmissionDate, request.DischargeDate, request.DiagnosisCode, request.InvoiceNumber, request.Lines, null));
        var draft = v.IsValid
            ? new ClaimDraft(ClaimChannel.Facility, request.IdNumber, request.CardNumber, request.PatientName, request.VisitType!.Value,
                request.AdmissionDate!.Value, request.DischargeDate!.Value, request.DiagnosisCode!, request.Referred, request.InvoiceNumber!,
                request.Lines!, facilityCode, null, null, [])
            : null;
        return (v, draft);
    }

    private static async Task<Results<Created<ClaimResponse>, Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> SubmitAtWindow(
        WindowClaimRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimSubmissionHandler handler,
        CancellationToken ct)
    {
        var (v, draft) = WindowDraft(request);
        return ClaimSubmissionHandler.Answer(await handler.SubmitAsync(v, draft, idempotencyKey, request, ct), staff: true);
    }

    /// <summary>The checks and the draft of a paper claim entered at the window.</summary>
    internal static (Validation Validation, ClaimDraft? Draft) WindowDraft(WindowClaimRequest request)
    {
        var v = ClaimRules.Validate(new ClaimDraftInput(request.IdNumber, request.CardNumber, request.PatientName, request.VisitType,
            request.AdmissionDate, request.DischargeDate, request.DiagnosisCode, request.InvoiceNumber, request.Lines, request.FacilityLevel))
            .Defined(request.ProvidedDocuments, "providedDocuments", "材料");
        if (string.IsNullOrWhiteSpace(request.FacilityCode))
            v.Required(request.FacilityName, "facilityName", "医疗机构名称", 100)
                .Check(request.FacilityLevel is null or FacilityLevel.OutsideCounty, "facilityCode",
                    "本市医疗机构须填写机构编码（facilityCode）；只有县外医疗机构可以文字录入名称，级别为 OutsideCounty")
                .Check(request.FacilityLevel is not null, "facilityLevel", "县外医疗机构的级别应为 OutsideCounty");
        else v.Optional(request.FacilityCode.Trim(), "facilityCode", "机构编码", 16);
        var draft = v.IsValid
            ? new ClaimDraft(ClaimChannel.Window, request.IdNumber, request.CardNumber, request.PatientName, request.VisitType!.Value,
                request.AdmissionDate!.Value, request.DischargeDate!.Value, request.DiagnosisCode!, request.Referred, request.InvoiceNumber!,
                request.Lines!, request.FacilityCode?.Trim(), request.FacilityName, request.FacilityLevel, request.ProvidedDocuments ?? [])
            : null;
        return (v, draft);
    }
}

/// <summary>Shared by both ways in (and by the synthetic county): the idempotency key, the request's fingerprint, the outcome.</summary>
internal sealed class ClaimSubmissionHandler(ClaimSubmission submission)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SubmissionOutcome> SubmitAsync<TRequest>(Validation validation, ClaimDraft? draft, string? idempotencyKey,
        TRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
            return SubmissionOutcome.Refused(Refusal.Invalid(ClaimErrors.IdempotencyKeyRequired, "缺少幂等键",
                $"提交报销申请必须带 {ClaimsApi.IdempotencyHeader} 请求头（不超过 100 个字符）"));
        if (!validation.IsValid) return new SubmissionOutcome(null, false, null, validation);
        var hash = TextDigests.Sha256Hex(JsonSerializer.Serialize(request, Json));
        return await submission.SubmitAsync(draft!, idempotencyKey.Trim(), hash, ct);
    }

    /// <summary>The outcome over HTTP: 201 for a new claim, 200 for a replay, the problem answer of a refusal.</summary>
    public static Results<Created<ClaimResponse>, Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult> Answer(SubmissionOutcome outcome,
        bool staff)
    {
        if (outcome.Invalid is { } invalid) return invalid.ToProblem();
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var response = ClaimResponse.From(outcome.Claim!, staff);
        return outcome.Replayed ? TypedResults.Ok(response) : TypedResults.Created($"/api/claims/{response.Number}", response);
    }
}
