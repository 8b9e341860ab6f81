namespace Cooperative.Domain.Complaints;

/// <summary>What a filing is about. Every category but <see cref="Suggestion"/> is a complaint (投诉).</summary>
public enum ComplaintCategory
{
    /// <summary>对定点医疗机构的投诉.</summary>
    [Label("对定点医疗机构的投诉", "定点医疗机构")]
    Facility,

    /// <summary>对费用补偿（报销）的投诉.</summary>
    [Label("对费用补偿的投诉", "费用补偿")]
    Claim,

    /// <summary>对经办窗口服务的投诉.</summary>
    [Label("对窗口服务的投诉", "窗口服务")]
    WindowService,

    /// <summary>其他投诉.</summary>
    [Label("其他投诉")]
    Other,

    /// <summary>意见建议: a comment or suggestion, not a complaint; contact details are optional.</summary>
    [Label("意见建议")]
    Suggestion,
}

/// <summary>Where a filing stands (办理状态). Each change leaves a history row.</summary>
public enum ComplaintStatus
{
    /// <summary>已受理: filed, nobody handles it yet.</summary>
    [Label("已受理")]
    Filed,

    /// <summary>办理中: a staff member handles it.</summary>
    [Label("办理中")]
    Assigned,

    /// <summary>已答复: answered; the time limit is met.</summary>
    [Label("已答复")]
    Answered,

    /// <summary>已办结: closed.</summary>
    [Label("已办结")]
    Closed,
}

/// <summary>
/// The time-limit flag of the county's electronic supervision (电子监察): yellow card when the promised limit
/// is near, red card when it has passed without an answer.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A flag in the supervision sense, not a [Flags] enum; the API's filter is named flag too.")]
public enum DeadlineFlag
{
    [Label("正常")]
    None,

    /// <summary>黄牌: a few days left.</summary>
    [Label("黄牌（临近时限）", "黄牌")]
    Yellow,

    /// <summary>红牌: past the limit, not answered.</summary>
    [Label("红牌（已超时限）", "红牌")]
    Red,
}

/// <summary>Chinese names for the page, the staff and the messages.</summary>
public static class ComplaintNames
{
    public static bool IsComplaint(this ComplaintCategory category) => category != ComplaintCategory.Suggestion;

    /// <summary>投诉 or 意见建议.</summary>
    public static string Kind(ComplaintCategory category) => category.IsComplaint() ? "投诉" : "意见建议";

    public static string Chinese(ComplaintCategory category) => Vocabulary.Label(category);

    public static string Chinese(ComplaintStatus status) => Vocabulary.Label(status);

    public static string Chinese(DeadlineFlag flag) => Vocabulary.Label(flag);
}
