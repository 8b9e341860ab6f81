using Cooperative.Domain.Complaints;
using static Cooperative.Domain.Complaints.ComplaintAction;
using static Cooperative.Domain.Complaints.ComplaintStatus;

namespace Cooperative.Domain.Tests.Complaints;

public class ComplaintRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 5);

    [Theory]
    [InlineData(Filed, Assign, Assigned)]
    [InlineData(Assigned, Assign, Assigned)]
    [InlineData(Assigned, Answer, Answered)]
    [InlineData(Answered, Close, Closed)]
    public void These_actions_are_allowed(ComplaintStatus from, ComplaintAction action, ComplaintStatus to)
    {
        ComplaintTransitions.Target(from, action).Should().Be(to);
        ComplaintTransitions.Problem(from, action).Should().BeNull();
    }

    [Theory]
    [InlineData(Filed, Answer, "请先指定处理人")]
    [InlineData(Filed, Close, "请先答复")]
    [InlineData(Assigned, Close, "请先答复")]
    [InlineData(Answered, Assign, "已答复")]
    [InlineData(Answered, Answer, "已答复")]
    [InlineData(Closed, Assign, "已办结")]
    [InlineData(Closed, Answer, "已办结")]
    [InlineData(Closed, Close, "已办结")]
    public void These_actions_are_refused_with_a_chinese_reason(ComplaintStatus from, ComplaintAction action, string reason)
    {
        ComplaintTransitions.Target(from, action).Should().BeNull();
        ComplaintTransitions.Problem(from, action).Should().Contain(reason);
    }

    [Fact]
    public void The_deadline_is_the_filing_date_plus_the_configured_calendar_days()
    {
        ComplaintDeadlines.Deadline(new DateOnly(2026, 11, 20), 15).Should().Be(Deadline);
        ComplaintDeadlines.Deadline(new DateOnly(2026, 12, 25), 15).Should().Be(new DateOnly(2027, 1, 9));
    }

    [Theory]
    [InlineData("2026-11-20", DeadlineFlag.None)]
    [InlineData("2026-12-01", DeadlineFlag.None)]
    [InlineData("2026-12-02", DeadlineFlag.Yellow)]
    [InlineData("2026-12-05", DeadlineFlag.Yellow)]
    [InlineData("2026-12-06", DeadlineFlag.Red)]
    [InlineData("2027-03-01", DeadlineFlag.Red)]
    public void An_open_filing_turns_yellow_three_days_before_the_deadline_and_red_after_it(string today, DeadlineFlag flag)
    {
        ComplaintDeadlines.Flag(Filed, Deadline, DateOnly.Parse(today), 3).Should().Be(flag);
        ComplaintDeadlines.Flag(Assigned, Deadline, DateOnly.Parse(today), 3).Should().Be(flag);
    }

    [Theory]
    [InlineData(Answered)]
    [InlineData(Closed)]
    public void An_answered_filing_carries_no_flag_even_after_the_deadline(ComplaintStatus status)
    {
        ComplaintDeadlines.Flag(status, Deadline, new DateOnly(2026, 12, 4), 3).Should().Be(DeadlineFlag.None);
        ComplaintDeadlines.Flag(status, Deadline, new DateOnly(2027, 1, 1), 3).Should().Be(DeadlineFlag.None);
    }

    [Fact]
    public void The_yellow_window_is_configurable()
    {
        ComplaintDeadlines.Flag(Filed, Deadline, new DateOnly(2026, 11, 28), 7).Should().Be(DeadlineFlag.Yellow);
        ComplaintDeadlines.Flag(Filed, Deadline, new DateOnly(2026, 12, 4), 0).Should().Be(DeadlineFlag.None);
        ComplaintDeadlines.Flag(Filed, Deadline, new DateOnly(2026, 12, 5), 0).Should().Be(DeadlineFlag.Yellow);
    }

    [Fact]
    public void Only_suggestions_are_not_complaints()
    {
        Enum.GetValues<ComplaintCategory>().Where(c => !c.IsComplaint()).Should().Equal(ComplaintCategory.Suggestion);
        ComplaintNames.Kind(ComplaintCategory.Claim).Should().Be("投诉");
        ComplaintNames.Kind(ComplaintCategory.Suggestion).Should().Be("意见建议");
    }
}
