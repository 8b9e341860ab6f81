namespace Cooperative.Domain.Claims;

/// <summary>
/// Why a claim is held for a reviewer (审核标记). Claims store the codes (comma-separated) as the rules set them
/// (<c>ClaimSettler</c>, <see cref="DuplicateRule"/>); this names them for people, in the one vocabulary of
/// <c>/api/reference/enumerations</c>. A test keeps the rules' codes and these equal.
/// </summary>
public enum ReviewReason
{
    [Label("高额费用")] HighCost,
    [Label("15日内再次住院", Code = "readmission_15d")] Readmission15Days,
    [Label("住院时间与他院重叠")] OverlappingStay,
    [Label("疑似重复（同日同额）")] PossibleDuplicate,
    [Label("住院期间门诊")] VisitDuringStay,
    [Label("重新提交的票据")] Resubmitted,
    [Label("分娩诊断但患者为男性")] DeliveryPatientMale,
}
