namespace Cooperative.Domain.Complaints;

/// <summary>What a filing is about. Every category but <see cref="Suggestion"/> is a complaint (投诉).</summary>
public enum ComplaintCategory
{
    /// <summary>对定点医疗机构的投诉.</summary>
    Facility,

    /// <summary>对费用补偿（报销）的投诉.</summary>
    Claim,

    /// <summary>对经办窗口服务的投诉.</summary>
    WindowService,

    /// <summary>其他投诉.</summary>
    Other,

    /// <summary>意见建议: a comment or suggestion, not a complaint; contact details are optional.</summary>
    Suggestion,
}

/// <summary>Where a filing stands (办理状态). Each change leaves a history row.</summary>
public enum ComplaintStatus
{
    /// <summary>已受理: filed, nobody handles it yet.</summary>
    Filed,

    /// <summary>办理中: a staff member handles it.</summary>
    Assigned,

    /// <summary>已答复: answered; the time limit is met.</summary>
    Answered,

    /// <summary>已办结: closed.</summary>
    Closed,
}

/// <summary>
/// The time-limit flag of the county's electronic supervision (电子监察): yellow card when the promised limit
/// is near, red card when it has passed without an answer.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A flag in the supervision sense, not a [Flags] enum; the API's filter is named flag too.")]
public enum DeadlineFlag
{
    None,

    /// <summary>黄牌: a few days left.</summary>
    Yellow,

    /// <summary>红牌: past the limit, not answered.</summary>
    Red,
}

/// <summary>Chinese names for the page, the staff and the messages.</summary>
public static class ComplaintNames
{
    public static bool IsComplaint(this ComplaintCategory category) => category != ComplaintCategory.Suggestion;

    /// <summary>投诉 or 意见建议.</summary>
    public static string Kind(ComplaintCategory category) => category.IsComplaint() ? "投诉" : "意见建议";

    public static string Chinese(ComplaintCategory category) => category switch
    {
        ComplaintCategory.Facility => "对定点医疗机构的投诉",
        ComplaintCategory.Claim => "对费用补偿的投诉",
        ComplaintCategory.WindowService => "对窗口服务的投诉",
        ComplaintCategory.Other => "其他投诉",
        ComplaintCategory.Suggestion => "意见建议",
        _ => category.ToString(),
    };

    public static string Chinese(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Filed => "已受理",
        ComplaintStatus.Assigned => "办理中",
        ComplaintStatus.Answered => "已答复",
        ComplaintStatus.Closed => "已办结",
        _ => status.ToString(),
    };

    public static string Chinese(DeadlineFlag flag) => flag switch
    {
        DeadlineFlag.None => "正常",
        DeadlineFlag.Yellow => "黄牌（临近时限）",
        DeadlineFlag.Red => "红牌（已超时限）",
        _ => flag.ToString(),
    };
}
