using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Domain.Identity;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fhir;

/// <summary>
/// ExplanationOfBenefit: a claim's settlement by claim number, or a patient's claims by his ID number
/// (<c>patient:identifier</c>) or logical id (<c>patient</c>). Who sees what is the REST claims' rule: staff every claim,
/// a facility its own direct settlements; another's claim is not found.
/// </summary>
internal static class ExplanationOfBenefitFhirApi
{
    private const int MaxResults = 200;

    public static void MapFhirExplanationOfBenefit(this RouteGroupBuilder fhir)
    {
        var group = fhir.MapGroup("/ExplanationOfBenefit").RequireAuthorization(Policies.ClaimReaders);
        group.MapGet("/{id}", Read);
        group.MapGet("/", Search);
    }

    private static async Task<IResult> Read(string id, ClaimsPrincipal user, CooperativeDbContext db, CancellationToken ct) =>
        await db.FindVisibleAsync(id, user, ct) is { } claim
            ? new FhirResult(ExplanationOfBenefitMapping.ToFhir(claim, user.IsStaff()))
            : FhirOutcomes.Error(StatusCodes.Status404NotFound, ClaimErrors.NotFound, "报销单不存在");

    private static async Task<IResult> Search([FromQuery(Name = "patient:identifier")] string? patientIdentifier, string? patient,
        string? identifier, HttpRequest request, ClaimsPrincipal user, CooperativeDbContext db, CancellationToken ct)
    {
        var claims = db.Claims.AsNoTracking().Include(c => c.Lines).Include(c => c.History).Visible(user);
        if (!string.IsNullOrWhiteSpace(identifier))
        {
            var number = FhirPersons.Split(identifier).Value;
            claims = claims.Where(c => c.Number == number);
        }
        else if (!string.IsNullOrWhiteSpace(patientIdentifier))
        {
            var (system, value) = FhirPersons.Split(patientIdentifier);
            var check = ResidentIdNumber.Validate(value);
            if ((system is not null && system != FhirSystems.ResidentId) || !check.IsValid)
                return FhirOutcomes.Error(StatusCodes.Status400BadRequest, "validation_failed", "请求数据有误",
                    $"patient:identifier 应为身份证号（{FhirSystems.ResidentId}）");
            claims = claims.Where(c => c.IdNumber == check.Normalized);
        }
        else if (Guid.TryParse(patient?.Replace("Patient/", "", StringComparison.Ordinal), out var personId))
            claims = claims.Where(c => c.PersonId == personId);
        else
            return FhirOutcomes.Error(StatusCodes.Status400BadRequest, "validation_failed", "请求数据有误",
                "请按 identifier（报销单号）、patient:identifier（身份证号）或 patient（Patient/id）查询");
        var found = await claims.OrderByDescending(c => c.SubmittedUtc).Take(MaxResults).ToListAsync(ct);
        var staff = user.IsStaff();
        var matches = found.Select(c => (Resource)ExplanationOfBenefitMapping.ToFhir(c, staff)).ToList();
        return new FhirResult(FhirJson.SearchSet(request, matches));
    }
}
