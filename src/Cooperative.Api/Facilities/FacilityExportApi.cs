using ClosedXML.Excel;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>One line of the facility register workbook: the record, and its letter in force today.</summary>
internal sealed record RegisterLine(Facility Facility, string Township, string? Village, FacilityContract? Contract,
    int UncorrectedWarnings, decimal Penalties);

/// <summary>The facility register (定点医疗机构名册) as a workbook, with the same filters as the list; for staff.</summary>
internal static class FacilityExportApi
{
    private static readonly XlsxColumn<RegisterLine>[] Columns =
    [
        new("机构编码", 10, l => l.Facility.Code),
        new("机构名称", 30, l => l.Facility.Name),
        new("级别", 16, l => FacilityLevelNames.Chinese(l.Facility.Level)),
        new("所有制", 8, l => FacilityNames.Chinese(l.Facility.Ownership)),
        new("乡镇", 10, l => l.Township),
        new("村", 10, l => l.Village),
        new("状态", 10, l => FacilityNames.Chinese(l.Facility.Status)),
        new("执业许可证登记号", 26, l => l.Facility.LicenceNumber),
        new("开户银行", 30, l => l.Facility.BankName),
        new("银行账号", 24, l => l.Facility.BankAccount),
        new("负责人", 10, l => l.Facility.HeadName),
        new("联系电话", 16, l => l.Facility.Phone),
        new("责任书编号", 20, l => l.Contract?.Number),
        new("责任书起始日期", 14, l => l.Contract?.TermStart),
        new("责任书终止日期", 14, l => l.Contract?.TermEnd),
        new("本期未整改警告（次）", 18, l => l.UncorrectedWarnings),
        new("本期罚款金额（元）", 18, l => l.Penalties, Xlsx.MoneyFormat),
    ];

    public static void MapFacilityExports(this RouteGroupBuilder group) =>
        group.MapGet("/export.xlsx", Export).RequireAuthorization(Policies.Staff)
            .WithSummary("The facility register as Excel (定点医疗机构名册)")
            .WithDescription("The register as an .xlsx workbook with each facility's letter in force today, with "
                + "the same filters as the list.")
            .WithName("ExportFacilities");

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(CooperativeDbContext db, TimeProvider clock,
        string? level, string? township, string? status, string? ownership, CancellationToken ct)
    {
        var validation = FacilityFilter.Parse(level, township, status, ownership, out var filter);
        if (!validation.IsValid) return validation.ToProblem();
        var rows = await filter.Apply(db).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Code, v => v.Name, ct);
        var today = clock.Today();
        // The county has a few hundred facilities: their letters in force and findings fit in memory.
        var contracts = (await db.FacilityContracts.AsNoTracking().Where(c => c.TermStart <= today && c.TermEnd >= today).ToListAsync(ct))
            .Where(c => c.IsActiveOn(today)).ToDictionary(c => c.FacilityCode);
        var contractIds = contracts.Values.Select(c => c.Id).ToList();
        var findings = (await db.Findings.AsNoTracking().Where(f => contractIds.Contains(f.ContractId)).ToListAsync(ct)).ToLookup(f => f.ContractId);
        var lines = rows.Select(r =>
        {
            var contract = contracts.GetValueOrDefault(r.Facility.Code);
            var mine = contract is null ? [] : findings[contract.Id].ToList();
            return new RegisterLine(r.Facility, r.TownshipName, r.Facility.VillageCode is { } v ? villages.GetValueOrDefault(v) : null,
                contract, mine.Count(f => f.IsUncorrectedWarning), mine.Sum(f => f.Penalty));
        });
        using var workbook = new XLWorkbook();
        workbook.AddTable("定点医疗机构", Columns, lines);
        return TypedResults.File(workbook.ToBytes(), Xlsx.ContentType, $"facilities-{today:yyyyMMdd}.xlsx");
    }
}
