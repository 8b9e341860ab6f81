using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using FhirClaim = Hl7.Fhir.Model.Claim;

namespace Cooperative.Api.Fhir;

/// <summary>
/// Direct settlement (即时结报) through FHIR: a facility posts its itemized bill as a Claim and gets the ClaimResponse
/// with the settlement. The Claim is read as the REST request and takes the REST path (<see cref="ClaimsApi.FacilityDraft"/>,
/// <see cref="ClaimSubmissionHandler"/>): the same checks, settlement, ledger postings and idempotency.
/// The idempotency key is the Idempotency-Key header, or without it the Claim's invoice number (<c>invoice:</c> and the number);
/// a replay answers the first ClaimResponse with 200, a new claim 201.
/// </summary>
internal static class ClaimFhirApi
{
    public static void MapFhirClaims(this RouteGroupBuilder fhir)
    {
        fhir.MapPost("/Claim", Submit).RequireAuthorization(Policies.FacilitySystem);
        fhir.MapGet("/ClaimResponse/{id}", Read).RequireAuthorization(Policies.ClaimReaders);
    }

    private static async Task<IResult> Submit(HttpRequest http, [FromHeader(Name = ClaimsApi.IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user, ClaimSubmissionHandler handler, CancellationToken ct)
    {
        var (claim, error) = await FhirJson.ReadAsync<FhirClaim>(http, ct);
        if (error is not null) return error;
        var facility = user.FindFirstValue(CooperativeClaims.FacilityCode);
        if (claim!.Provider?.Identifier?.Value is { } provider && provider != facility)
            return FhirOutcomes.Error(StatusCodes.Status403Forbidden, "facility_mismatch", "只能提交本机构的费用",
                $"Claim.provider 为 {provider}，令牌属于 {facility}");
        var request = ClaimRequestMapping.ToRequest(claim);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) && !string.IsNullOrWhiteSpace(request.InvoiceNumber)
            ? "invoice:" + request.InvoiceNumber.Trim()
            : idempotencyKey;
        var (validation, draft) = ClaimsApi.FacilityDraft(request, facility);
        var outcome = await handler.SubmitAsync(validation, draft, key, request, ct);
        if (outcome.Invalid is { } invalid) return FhirOutcomes.From(invalid.ToProblem(), ClaimRequestMapping.PathOf);
        if (outcome.Refusal is { } refusal) return FhirOutcomes.From(Problems.From(refusal));
        var response = ClaimResponseMapping.ToFhir(outcome.Claim!, staff: false);
        return outcome.Replayed
            ? new FhirResult(response)
            : new FhirResult(response, StatusCodes.Status201Created, $"{FhirJson.BaseUrl(http)}/ClaimResponse/{response.Id}");
    }

    private static async Task<IResult> Read(string id, ClaimsPrincipal user, CooperativeDbContext db, CancellationToken ct) =>
        await db.FindVisibleAsync(id, user, ct) is { } claim
            ? new FhirResult(ClaimResponseMapping.ToFhir(claim, user.IsStaff()))
            : FhirOutcomes.Error(StatusCodes.Status404NotFound, ClaimErrors.NotFound, "报销单不存在");
}
