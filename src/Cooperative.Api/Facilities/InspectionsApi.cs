using System.Security.Claims;
using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>
/// Supervision inspections (监督检查): findings against the duties of the letter in force, with warnings,
/// penalties posted to the fund ledger and suspensions, and the status that follows, in one transaction.
/// </summary>
internal static class InspectionsApi
{
    public static void MapInspections(this RouteGroupBuilder group)
    {
        group.MapPost("/{code}/inspections", Record).RequireAuthorization(Policies.Admin)
            .WithSummary("Record a supervision inspection (监督检查)")
            .WithDescription("Records an inspection's findings against the duties of the letter in force on its "
                + "date, with warnings, penalties (posted to the fund's ledger) and a suspension where "
                + "the findings call for one, in one transaction. Refused when no letter binds the "
                + "facility on that date or the penalty cannot be posted.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "ledger_period_closed", "ledger_before_opening")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "facility_no_active_contract")
            .WithName("RecordInspection");
        group.MapGet("/{code}/inspections", List).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("A facility's inspections")
            .WithDescription("Every inspection of the facility with its findings and penalty entries. A facility "
                + "reads only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .WithName("ListInspections");
        group.MapPost("/{code}/findings/{findingId:guid}/correction", Correct).RequireAuthorization(Policies.Admin)
            .WithSummary("Confirm a warning corrected (整改确认)")
            .WithDescription("Records that the facility corrected what a warning of an inspection found. Refused "
                + "for a finding without a warning or one already corrected.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found", "finding_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "finding_without_warning", "warning_already_corrected")
            .WithName("CorrectFinding");
    }

    private static async Task<Results<Created<RecordedInspectionResponse>, ValidationProblem, ProblemHttpResult>> Record(string code,
        RecordInspectionRequest request, CooperativeDbContext db, Supervision supervision, FundLedger ledger, ICurrentActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var validation = InspectionValidation.Validate(request, clock.Today());
        if (!validation.IsValid) return validation.ToProblem();
        var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        if (!facility.Status.HoldsDesignation()) return FacilityAccess.NotDesignated(facility);
        var on = request.InspectedOn!.Value;
        var contract = await db.FacilityContracts.AsNoTracking().Where(FacilityContract.ActiveOn(code, on)).FirstOrDefaultAsync(ct);
        if (contract is null)
            return Problems.Unprocessable(FacilityEligibility.NoActiveContract, "检查日期没有有效的医疗服务责任书", $"{facility.Name}在{on:yyyy-MM-dd}不受责任书约束");
        var duties = contract.Duties.ToDictionary(d => d.Number);
        var findings = request.Findings ?? [];
        for (var i = 0; i < findings.Count; i++)
            if (!duties.ContainsKey(findings[i].DutyNumber!.Value))
                validation.Add($"findings[{i}].dutyNumber", $"责任书{contract.Number}没有第{findings[i].DutyNumber}项职责");
        if (!validation.IsValid) return validation.ToProblem();

        var inspection = new Inspection
        {
            FacilityCode = code, ContractId = contract.Id, InspectedOn = on, Inspectors = request.Inspectors!.Trim(),
            Summary = request.Summary?.Trim(), RecordedUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = actor.Current.Name,
        };
        inspection.Findings.AddRange(findings.Select(f => new Finding
        {
            FacilityCode = code, ContractId = contract.Id, InspectedOn = on, DutyNumber = f.DutyNumber!.Value,
            Description = f.Description!.Trim(), Warning = f.Warning ?? false, Penalty = f.Penalty ?? 0m, Suspends = f.Suspend ?? false,
        }));
        db.Inspections.Add(inspection);
        var entryNumbers = new Dictionary<Guid, string>();
        foreach (var finding in inspection.Findings.Where(f => f.Penalty > 0))
        {
            var posting = await ledger.PostAsync(PenaltyDraft(facility, finding, duties[finding.DutyNumber]), ct);
            if (!posting.Succeeded) return Problems.Conflict(posting.ErrorCode!, "罚款无法入账", posting.Message);
            finding.PenaltyEntryId = posting.Entry!.Id;
            entryNumbers[posting.Entry.Id] = posting.Entry.Number;
        }

        var uncorrected = await supervision.UncorrectedWarningsAsync(contract.Id, ct) + inspection.Findings.Count(f => f.Warning);
        var next = SupervisionRules.AfterInspection(facility.Status, uncorrected, inspection.Findings.Any(f => f.Suspends));
        facility.Touch();
        if (next != facility.Status) await supervision.ChangeStatusAsync(facility, next, StatusReason(next, uncorrected, on), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/facilities/{code}/inspections",
            new RecordedInspectionResponse(ToResponse(inspection, contract, entryNumbers), facility.Status,
                FacilityNames.Chinese(facility.Status), uncorrected));
    }

    private static async Task<Results<Ok<List<InspectionResponse>>, ProblemHttpResult>> List(string code, ClaimsPrincipal user,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (!user.MayRead(code) || !await db.Facilities.AnyAsync(f => f.Code == code, ct)) return FacilityAccess.NotFound();
        var inspections = await db.Inspections.AsNoTracking().Include(i => i.Findings).Where(i => i.FacilityCode == code)
            .OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.RecordedUtc).ToListAsync(ct);
        var contracts = await db.FacilityContracts.AsNoTracking().Where(c => c.FacilityCode == code).ToDictionaryAsync(c => c.Id, ct);
        var entryNumbers = await PenaltyEntryNumbersAsync(db, inspections.SelectMany(i => i.Findings), ct);
        return TypedResults.Ok(inspections.Select(i => ToResponse(i, contracts[i.ContractId], entryNumbers)).ToList());
    }

    private static async Task<Results<Ok<FindingResponse>, ValidationProblem, ProblemHttpResult>> Correct(string code, Guid findingId,
        CorrectionRequest request, CooperativeDbContext db, Supervision supervision, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(request.CorrectedOn is not null, "correctedOn", "整改完成日期不能为空")
            .Check(request.CorrectedOn is null || request.CorrectedOn <= clock.Today(), "correctedOn", "整改完成日期不能晚于今天")
            .Date(request.CorrectedOn, "correctedOn", "整改完成日期")
            .Optional(request.Note, "note", "整改说明", 500, TextKind.MultiLine);
        if (!validation.IsValid) return validation.ToProblem();
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == findingId && f.FacilityCode == code, ct);
        if (finding is null) return Problems.NotFound("finding_not_found", "检查发现不存在");
        if (!finding.Warning) return Problems.Conflict("finding_without_warning", "该检查发现没有书面警告，无需整改确认");
        if (finding.CorrectedOn is not null)
            return Problems.Conflict("warning_already_corrected", "该警告已确认整改", $"已于{finding.CorrectedOn:yyyy-MM-dd}确认整改");
        if (request.CorrectedOn < finding.InspectedOn)
            return new Validation().Check(false, "correctedOn", "整改完成日期不能早于检查日期").ToProblem();

        var facility = await db.Facilities.SingleAsync(f => f.Code == code, ct);
        finding.Correct(request.CorrectedOn!.Value, request.Note?.Trim());
        facility.Touch();
        if (await supervision.CurrentContractIdAsync(code, ct) is { } current)
        {
            var remaining = await supervision.UncorrectedWarningsAsync(current, ct, except: finding.Id);
            var next = SupervisionRules.AfterCorrection(facility.Status, remaining);
            if (next != facility.Status) await supervision.ChangeStatusAsync(facility, next, "书面警告指出的问题已全部整改", ct);
        }
        await db.SaveChangesAsync(ct);
        var contract = await db.FacilityContracts.AsNoTracking().SingleAsync(c => c.Id == finding.ContractId, ct);
        var entryNumbers = await PenaltyEntryNumbersAsync(db, [finding], ct);
        return TypedResults.Ok(ToResponse(finding, contract, entryNumbers));
    }

    private static JournalDraft PenaltyDraft(Facility facility, Finding finding, ContractDuty duty) => new(finding.InspectedOn,
        $"{facility.Name}违反医疗服务责任书第{duty.Number}项职责（{duty.Title}）罚款，从下月结算款中扣除", "penalty", finding.Id.ToString(),
        [
            JournalLineDraft.Dr(ChartOfAccounts.PayableToFacilities, finding.Penalty, facility.Code),
            JournalLineDraft.Cr(ChartOfAccounts.PenaltyIncome, finding.Penalty),
        ]);

    private static string StatusReason(FacilityStatus next, int uncorrected, DateOnly on) => next switch
    {
        FacilityStatus.Revoked => $"本责任书期内{uncorrected}次书面警告未整改，取消定点资格（{on:yyyy-MM-dd}监督检查）",
        FacilityStatus.Suspended => $"{on:yyyy-MM-dd}监督检查决定暂停定点资格",
        _ => $"{on:yyyy-MM-dd}监督检查给予书面警告",
    };

    internal static async Task<Dictionary<Guid, string>> PenaltyEntryNumbersAsync(CooperativeDbContext db, IEnumerable<Finding> findings,
        CancellationToken ct)
    {
        var ids = findings.Where(f => f.PenaltyEntryId is not null).Select(f => f.PenaltyEntryId!.Value).ToList();
        return ids.Count == 0 ? [] : await db.JournalEntries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Number, ct);
    }

    private static InspectionResponse ToResponse(Inspection i, FacilityContract contract, Dictionary<Guid, string> entryNumbers) =>
        new(i.Id, i.FacilityCode, contract.Number, i.InspectedOn, i.Inspectors, i.Summary,
            i.Findings.OrderBy(f => f.DutyNumber).Select(f => ToResponse(f, contract, entryNumbers)).ToList());

    private static FindingResponse ToResponse(Finding f, FacilityContract contract, Dictionary<Guid, string> entryNumbers) =>
        new(f.Id, f.DutyNumber, contract.Duties.FirstOrDefault(d => d.Number == f.DutyNumber)?.Title ?? "", f.Description, f.Warning,
            f.Penalty, f.Suspends, f.PenaltyEntryId is { } id ? entryNumbers.GetValueOrDefault(id) : null, f.CorrectedOn, f.CorrectionNote);
}
