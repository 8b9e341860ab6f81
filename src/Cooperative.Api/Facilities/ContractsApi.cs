using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Facilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>A responsibility letter to sign for a term; the duties are those in force now (dates yyyy-MM-dd).</summary>
public sealed record CreateContractRequest(DateOnly? TermStart, DateOnly? TermEnd, DateOnly? SignedOn, string? BureauSignatory,
    string? FacilitySignatory);

public sealed record ContractResponse(Guid Id, string FacilityCode, string Number, DateOnly TermStart, DateOnly TermEnd,
    DateOnly SignedOn, string BureauSignatory, string FacilitySignatory, IReadOnlyList<ContractDuty> Duties,
    DateOnly? TerminatedOn, string? TerminationReason);

/// <summary>Responsibility letters (医疗服务责任书): one per facility per term, read by staff and by the facility itself.</summary>
internal static class ContractsApi
{
    public static void MapContracts(this RouteGroupBuilder group)
    {
        group.MapGet("/{code}/contracts", List).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("A facility's responsibility letters (医疗服务责任书)")
            .WithDescription("Every letter signed with the facility, with its term and duties. A facility reads "
                + "only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .WithName("ListFacilityContracts");
        group.MapGet("/{code}/contract", Current).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("The letter in force on a date")
            .WithDescription("The responsibility letter binding the facility on date (yyyy-MM-dd, today by "
                + "default). A facility reads only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found", "facility_no_active_contract")
            .WithName("GetCurrentFacilityContract");
        group.MapPost("/{code}/contracts", Create).RequireAuthorization(Policies.Admin)
            .WithSummary("Sign a responsibility letter for a term")
            .WithDescription("Records a new letter numbered ZRS-year-code for the term, listing the duties in force"
                + " now. Refused when the term overlaps a letter already signed.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "contract_term_overlaps")
            .WithName("CreateFacilityContract");
    }

    /// <summary>A new letter numbered ZRS-year-code (with a suffix when the facility already has one that year).</summary>
    public static FacilityContract New(string facilityCode, ContractTerm term, DateOnly signedOn, string bureau, string signatory,
        List<ContractDuty> duties, int lettersAlreadyThatYear) => new()
    {
        FacilityCode = facilityCode,
        Number = $"ZRS-{term.Start.Year}-{facilityCode}" + (lettersAlreadyThatYear > 0 ? $"-{lettersAlreadyThatYear + 1}" : ""),
        TermStart = term.Start, TermEnd = term.End, SignedOn = signedOn, BureauSignatory = bureau, FacilitySignatory = signatory,
        Duties = duties,
    };

    private static async Task<Results<Ok<List<ContractResponse>>, ProblemHttpResult>> List(string code, ClaimsPrincipal user,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (!user.MayRead(code) || !await db.Facilities.AnyAsync(f => f.Code == code, ct)) return FacilityAccess.NotFound();
        var contracts = await db.FacilityContracts.AsNoTracking().Where(c => c.FacilityCode == code).OrderBy(c => c.TermStart).ToListAsync(ct);
        return TypedResults.Ok(contracts.Select(ToResponse).ToList());
    }

    /// <summary>The letter in force on a date (today by default).</summary>
    private static async Task<Results<Ok<ContractResponse>, ValidationProblem, ProblemHttpResult>> Current(string code, DateOnly? date,
        ClaimsPrincipal user, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation().Date(date, "date");
        if (!validation.IsValid) return validation.ToProblem();
        if (!user.MayRead(code) || !await db.Facilities.AnyAsync(f => f.Code == code, ct)) return FacilityAccess.NotFound();
        var on = date ?? clock.Today();
        var contract = await db.FacilityContracts.AsNoTracking().Where(FacilityContract.ActiveOn(code, on)).FirstOrDefaultAsync(ct);
        return contract is null
            ? Problems.NotFound(FacilityEligibility.NoActiveContract, $"{on:yyyy-MM-dd}没有有效的医疗服务责任书")
            : TypedResults.Ok(ToResponse(contract));
    }

    private static async Task<Results<Created<ContractResponse>, ValidationProblem, ProblemHttpResult>> Create(string code,
        CreateContractRequest request, CooperativeDbContext db, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(request.TermStart is not null, "termStart", "责任书起始日期不能为空")
            .Check(request.TermEnd is not null, "termEnd", "责任书终止日期不能为空")
            .Check(request.SignedOn is not null, "signedOn", "签订日期不能为空")
            .Required(request.BureauSignatory, "bureauSignatory", "甲方签署单位", 64)
            .Required(request.FacilitySignatory, "facilitySignatory", "乙方签署人", 64)
            .Date(request.TermStart, "termStart", "责任书起始日期").Date(request.TermEnd, "termEnd", "责任书终止日期")
            .Date(request.SignedOn, "signedOn", "签订日期");
        var term = new ContractTerm(request.TermStart.GetValueOrDefault(), request.TermEnd.GetValueOrDefault());
        if (request.TermStart is { } start && request.TermEnd is { } end && Bounds.IsDate(start) && Bounds.IsDate(end)
            && term.Problem() is { } problem)
            validation.Add("termEnd", problem);
        if (request.SignedOn > request.TermEnd) validation.Add("signedOn", "签订日期不能晚于责任书终止日期");
        if (!validation.IsValid) return validation.ToProblem();
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        if (!facility.Status.HoldsDesignation()) return FacilityAccess.NotDesignated(facility);
        var existing = await db.FacilityContracts.AsNoTracking().Where(c => c.FacilityCode == code).ToListAsync(ct);
        if (existing.FirstOrDefault(c => c.EffectiveTerm.Overlaps(term)) is { } overlapping)
            return Problems.Conflict("contract_term_overlaps", "责任书期限与已签订的责任书重叠",
                $"{overlapping.Number}的期限为{overlapping.TermStart:yyyy-MM-dd}至{overlapping.EffectiveTerm.End:yyyy-MM-dd}");
        var contract = New(code, term, request.SignedOn!.Value, request.BureauSignatory!.Trim(), request.FacilitySignatory!.Trim(),
            await DutiesApi.CurrentAsync(db, ct), existing.Count(c => c.TermStart.Year == term.Start.Year));
        db.FacilityContracts.Add(contract);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/facilities/{code}/contracts", ToResponse(contract));
    }

    public static ContractResponse ToResponse(FacilityContract c) => new(c.Id, c.FacilityCode, c.Number, c.TermStart, c.TermEnd,
        c.SignedOn, c.BureauSignatory, c.FacilitySignatory, c.Duties, c.TerminatedOn, c.TerminationReason);
}
