using System.Security.Claims;
using ClosedXML.Excel;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>A facility's duty compliance record, as JSON and as a workbook: for staff and for the facility itself.</summary>
internal static class ComplianceApi
{
    private static readonly XlsxColumn<DutyComplianceResponse>[] DutyColumns =
    [
        new("序号", 6, d => d.Number),
        new("职责", 30, d => d.Title),
        new("检查发现（次）", 14, d => d.Findings),
        new("书面警告（次）", 14, d => d.Warnings),
        new("未整改警告（次）", 16, d => d.UncorrectedWarnings),
        new("罚款金额（元）", 16, d => d.Penalties, Xlsx.MoneyFormat),
        new("暂停定点（次）", 14, d => d.Suspensions),
    ];

    private static readonly XlsxColumn<ComplianceFindingResponse>[] FindingColumns =
    [
        new("检查日期", 12, f => f.InspectedOn),
        new("职责序号", 10, f => f.DutyNumber),
        new("职责", 30, f => f.DutyTitle),
        new("问题描述", 50, f => f.Description),
        new("书面警告", 10, f => f.Warning),
        new("整改完成日期", 14, f => f.CorrectedOn),
        new("罚款金额（元）", 16, f => f.Penalty, Xlsx.MoneyFormat),
        new("暂停定点", 10, f => f.Suspends),
    ];

    public static void MapCompliance(this RouteGroupBuilder group)
    {
        group.MapGet("/{code}/compliance", Get).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("A facility's duty compliance record (履约情况)")
            .WithDescription("For each duty of the letter in force on date (today by default): the inspections' "
                + "findings, warnings and corrections. A facility reads only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found", "facility_no_active_contract")
            .WithName("GetFacilityCompliance");
        group.MapGet("/{code}/compliance.xlsx", Export).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("A facility's duty compliance record as Excel")
            .WithDescription("The compliance record as an .xlsx workbook. A facility reads only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found", "facility_no_active_contract")
            .WithName("ExportFacilityCompliance");
    }

    private static async Task<Results<Ok<ComplianceResponse>, ValidationProblem, ProblemHttpResult>> Get(string code, DateOnly? date,
        ClaimsPrincipal user, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (DateProblem(date) is { } invalid) return invalid;
        var (compliance, problem) = await LoadAsync(code, date, user, db, clock, ct);
        return compliance is null ? problem! : TypedResults.Ok(compliance);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export(string code, DateOnly? date,
        ClaimsPrincipal user, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (DateProblem(date) is { } invalid) return invalid;
        var (compliance, problem) = await LoadAsync(code, date, user, db, clock, ct);
        if (compliance is null) return problem!;
        using var workbook = new XLWorkbook();
        workbook.AddTable("履约情况", DutyColumns, compliance.Duties);
        workbook.AddTable("检查发现", FindingColumns, compliance.Findings);
        return TypedResults.File(workbook.ToBytes(), Xlsx.ContentType, $"compliance-{code}-{compliance.ContractNumber}.xlsx");
    }

    private static ValidationProblem? DateProblem(DateOnly? date)
    {
        var v = new Validation().Date(date, "date");
        return v.IsValid ? null : v.ToProblem();
    }

    private static async Task<(ComplianceResponse?, ProblemHttpResult?)> LoadAsync(string code, DateOnly? date, ClaimsPrincipal user,
        CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!user.MayRead(code)) return (null, FacilityAccess.NotFound());
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return (null, FacilityAccess.NotFound());
        var on = date ?? clock.Today();
        var compliance = await Compliance.BuildAsync(db, facility, on, ct);
        return compliance is null
            ? (null, Problems.NotFound(FacilityEligibility.NoActiveContract, $"{facility.Name}在{on:yyyy-MM-dd}之前没有签订医疗服务责任书"))
            : (compliance, null);
    }
}
