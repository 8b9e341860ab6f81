using Cooperative.Api.Infrastructure;
using Cooperative.Domain;

namespace Cooperative.Api.Facilities;

/// <summary>An inspection and what it found (date yyyy-MM-dd; findings may be none).</summary>
public sealed record RecordInspectionRequest(DateOnly? InspectedOn, string? Inspectors, string? Summary, List<FindingRequest>? Findings);

/// <summary>A problem found against one duty, with its sanctions: a written warning, a penalty in yuan, a suspension.</summary>
public sealed record FindingRequest(int? DutyNumber, string? Description, bool? Warning, decimal? Penalty, bool? Suspend);

public sealed record CorrectionRequest(DateOnly? CorrectedOn, string? Note);

public sealed record FindingResponse(Guid Id, int DutyNumber, string DutyTitle, string Description, bool Warning, decimal Penalty,
    bool Suspends, string? PenaltyEntryNumber, DateOnly? CorrectedOn, string? CorrectionNote);

public sealed record InspectionResponse(Guid Id, string FacilityCode, string ContractNumber, DateOnly InspectedOn, string Inspectors,
    string? Summary, IReadOnlyList<FindingResponse> Findings);

/// <summary>A recorded inspection, and where it left the facility.</summary>
public sealed record RecordedInspectionResponse(InspectionResponse Inspection, Domain.Facilities.FacilityStatus FacilityStatus, string FacilityStatusName,
    int UncorrectedWarningsInTerm);

internal static class InspectionValidation
{
    public const decimal MaxPenalty = 1_000_000m;
    public const int MaxFindings = 50;

    public static Validation Validate(RecordInspectionRequest r, DateOnly today)
    {
        var v = new Validation()
            .Check(r.InspectedOn is not null, "inspectedOn", "检查日期不能为空")
            .Check(r.InspectedOn is null || r.InspectedOn <= today, "inspectedOn", "检查日期不能晚于今天")
            .Date(r.InspectedOn, "inspectedOn", "检查日期")
            .Required(r.Inspectors, "inspectors", "检查人员", 200)
            .Optional(r.Summary, "summary", "检查情况", 1000, TextKind.MultiLine)
            .Check(r.Findings is null || r.Findings.Count <= MaxFindings, "findings", $"一次检查最多记录{MaxFindings}条问题");
        foreach (var (finding, i) in (r.Findings ?? []).Select((f, i) => (f, i)))
        {
            var field = $"findings[{i}]";
            if (finding is null)
            {
                v.Add(field, "检查发现不能为空");
                continue;
            }
            v.Check(finding.DutyNumber is not null, $"{field}.dutyNumber", "必须指明违反的职责序号")
                .Required(finding.Description, $"{field}.description", "问题描述", 500, TextKind.MultiLine)
                .Check(finding.Penalty is null || (finding.Penalty >= 0 && finding.Penalty <= MaxPenalty && Money.IsWholeFen(finding.Penalty.Value)),
                    $"{field}.penalty", $"罚款金额必须在0至{MaxPenalty:#,##0}元之间，精确到分");
        }
        return v;
    }
}
