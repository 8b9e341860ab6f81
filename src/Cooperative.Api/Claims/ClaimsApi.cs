using System.Security.Claims;
using System.Text.Json;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
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
        group.MapPost("/", SubmitFromFacility).RequireAuthorization(Policies.FacilitySystem);
        group.MapPost("/window", SubmitAtWindow).RequireAuthorization(Policies.WindowStaff);
        group.MapClaimWorkflow();
        group.MapClaimQueries();
        group.MapClaimStatements();
        return group;
    }

    private static async Task<Results<Created<ClaimResponse>, Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> SubmitFromFacility(
        FacilityClaimRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user,
        ClaimSubmissionHandler handler, CancellationToken ct)
    {
        var (v, draft) = FacilityDraft(request, user.FindFirstValue(CooperativeClaims.FacilityCode));
        return await handler.HandleAsync(v, draft, idempotencyKey, request, staff: false, ct);
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
        return await handler.HandleAsync(v, draft, idempotencyKey, request, staff: true, ct);
    }

    /// <summary>The checks and the draft of a paper claim entered at the window.</summary>
    internal static (Validation Validation, ClaimDraft? Draft) WindowDraft(WindowClaimRequest request)
    {
        var v = ClaimRules.Validate(new ClaimDraftInput(request.IdNumber, request.CardNumber, request.PatientName, request.VisitType,
            request.AdmissionDate, request.DischargeDate, request.DiagnosisCode, request.InvoiceNumber, request.Lines, request.FacilityLevel));
        if (string.IsNullOrWhiteSpace(request.FacilityCode))
            v.Required(request.FacilityName, "facilityName", "医疗机构名称", 100)
                .Check(request.FacilityLevel is not null, "facilityLevel", "医疗机构级别不能为空");
        var draft = v.IsValid
            ? new ClaimDraft(ClaimChannel.Window, request.IdNumber, request.CardNumber, request.PatientName, request.VisitType!.Value,
                request.AdmissionDate!.Value, request.DischargeDate!.Value, request.DiagnosisCode!, request.Referred, request.InvoiceNumber!,
                request.Lines!, request.FacilityCode?.Trim(), request.FacilityName, request.FacilityLevel, request.ProvidedDocuments ?? [])
            : null;
        return (v, draft);
    }
}

/// <summary>Shared by both ways in: the idempotency key, the request's fingerprint, and the answer.</summary>
internal sealed class ClaimSubmissionHandler(ClaimSubmission submission)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Results<Created<ClaimResponse>, Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync<TRequest>(
        Validation validation, ClaimDraft? draft, string? idempotencyKey, TRequest request, bool staff, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
            return Problems.Of(StatusCodes.Status400BadRequest, ClaimErrors.IdempotencyKeyRequired, "缺少幂等键",
                $"提交报销申请必须带 {ClaimsApi.IdempotencyHeader} 请求头（不超过 100 个字符）");
        if (!validation.IsValid) return validation.ToProblem();
        var hash = TextDigests.Sha256Hex(JsonSerializer.Serialize(request, Json));
        var outcome = await submission.SubmitAsync(draft!, idempotencyKey.Trim(), hash, ct);
        if (outcome.Refusal is not null) return outcome.Refusal;
        var response = ClaimResponse.From(outcome.Claim!, staff);
        return outcome.Replayed ? TypedResults.Ok(response) : TypedResults.Created($"/api/claims/{response.Number}", response);
    }
}
