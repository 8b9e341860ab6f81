namespace Cooperative.Domain.Complaints;

/// <summary>What staff do with a filing (办理): assign it, answer it, close it.</summary>
public enum ComplaintAction
{
    [Label("分派")]
    Assign,
    [Label("答复")]
    Answer,
    [Label("办结")]
    Close,
}

/// <summary>
/// Which action is allowed in which status, and where it leads. A filing is assigned before it is answered
/// (it may be reassigned while nobody has answered), and answered before it is closed, so that every closed
/// filing carries an answer, even a duplicate or abusive one ("重复投诉，已并案办理").
/// </summary>
public static class ComplaintTransitions
{
    public static ComplaintStatus? Target(ComplaintStatus from, ComplaintAction action) => (from, action) switch
    {
        (ComplaintStatus.Filed or ComplaintStatus.Assigned, ComplaintAction.Assign) => ComplaintStatus.Assigned,
        (ComplaintStatus.Assigned, ComplaintAction.Answer) => ComplaintStatus.Answered,
        (ComplaintStatus.Answered, ComplaintAction.Close) => ComplaintStatus.Closed,
        _ => null,
    };

    public static bool IsOpen(this ComplaintStatus status) => status is ComplaintStatus.Filed or ComplaintStatus.Assigned;

    /// <summary>Why the action is not allowed now, in Chinese, or null when it is.</summary>
    public static string? Problem(ComplaintStatus from, ComplaintAction action) => Target(from, action) is not null
        ? null
        : $"当前状态为“{ComplaintNames.Chinese(from)}”，不能{Verb(action)}" + action switch
        {
            ComplaintAction.Answer when from == ComplaintStatus.Filed => "（请先指定处理人）",
            ComplaintAction.Close when from.IsOpen() => "（请先答复）",
            _ => "",
        };

    private static string Verb(ComplaintAction action) => action switch
    {
        ComplaintAction.Assign => "指定处理人",
        ComplaintAction.Answer => "答复",
        ComplaintAction.Close => "办结",
        _ => action.ToString(),
    };
}

/// <summary>
/// The promised time limit (承诺时限) and its flag. The limit is a number of calendar days after the filing
/// date; the flag turns yellow when at most <c>yellowDays</c> days are left (the deadline day itself included)
/// and red the day after the deadline, for as long as the filing is not answered.
/// </summary>
public static class ComplaintDeadlines
{
    public static DateOnly Deadline(DateOnly filedOn, int days) => filedOn.AddDays(days);

    public static DeadlineFlag Flag(ComplaintStatus status, DateOnly deadline, DateOnly today, int yellowDays)
    {
        if (!status.IsOpen()) return DeadlineFlag.None;
        if (today > deadline) return DeadlineFlag.Red;
        return deadline.DayNumber - today.DayNumber <= yellowDays ? DeadlineFlag.Yellow : DeadlineFlag.None;
    }

    /// <summary>Days left until the deadline (0 on the day itself, negative when past).</summary>
    public static int DaysLeft(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber;
}
