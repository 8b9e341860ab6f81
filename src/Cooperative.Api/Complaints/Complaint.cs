using Cooperative.Api.Audit;
using Cooperative.Domain.Complaints;

namespace Cooperative.Api.Complaints;

/// <summary>
/// A complaint or a suggestion filed by anyone (投诉、意见建议), with its promised time limit (承诺时限). The
/// content is plain text as typed: it is never interpreted as HTML anywhere (the page sets it as text).
/// </summary>
public sealed class Complaint
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>TS-year-000001 (投诉编号).</summary>
    public required string Number { get; init; }
    public required ComplaintCategory Category { get; init; }
    /// <summary>What it is about, as the complainant names it: a facility, a claim number... (optional).</summary>
    public string? Subject { get; init; }
    public required string Content { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    /// <summary>SHA-256 of the lookup code (查询码); the code itself is shown once, at filing.</summary>
    public required string LookupCodeHash { get; init; }
    public required DateTime FiledUtc { get; init; }
    /// <summary>The county date of filing, from which the time limit runs.</summary>
    public required DateOnly FiledOn { get; init; }
    public required DateOnly Deadline { get; init; }
    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Filed;
    /// <summary>The staff user name of who handles it (处理人).</summary>
    public string? Assignee { get; private set; }
    /// <summary>答复意见, plain text like the content.</summary>
    public string? Answer { get; private set; }
    public DateTime? AnsweredUtc { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    /// <summary>Bumped by every change (a concurrency token): two staff answering at once cannot both win.</summary>
    public int Version { get; private set; }

    public ComplaintStatusChange Filed(string by) => Change(null, ComplaintStatus.Filed, null, FiledUtc, by);

    public ComplaintStatusChange? Assign(string assignee, DateTime atUtc, string by) =>
        Apply(ComplaintAction.Assign, $"处理人：{assignee}", atUtc, by, () => Assignee = assignee);

    public ComplaintStatusChange? AnswerWith(string answer, DateOnly on, DateTime atUtc, string by) =>
        Apply(ComplaintAction.Answer, null, atUtc, by, () =>
        {
            Answer = answer;
            AnsweredUtc = atUtc;
            AnsweredOn = on;
            AnsweredBy = by;
        });

    public ComplaintStatusChange? Close(string? note, DateTime atUtc, string by) =>
        Apply(ComplaintAction.Close, note, atUtc, by, () => ClosedUtc = atUtc);

    /// <summary>Applies the action when the rules allow it; null when they do not (nothing changes then).</summary>
    private ComplaintStatusChange? Apply(ComplaintAction action, string? note, DateTime atUtc, string by, Action change)
    {
        if (ComplaintTransitions.Target(Status, action) is not { } to) return null;
        var row = Change(Status, to, note, atUtc, by);
        change();
        Status = to;
        Version++;
        return row;
    }

    private ComplaintStatusChange Change(ComplaintStatus? from, ComplaintStatus to, string? note, DateTime atUtc, string by) =>
        new() { ComplaintId = Id, From = from, To = to, Note = note, AtUtc = atUtc, By = by };
}

/// <summary>One step of a filing's handling (办理记录): from, to, a note, when, by whom. Never edited.</summary>
public sealed class ComplaintStatusChange : IImmutable
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required Guid ComplaintId { get; init; }
    public ComplaintStatus? From { get; init; }
    public required ComplaintStatus To { get; init; }
    public string? Note { get; init; }
    public required DateTime AtUtc { get; init; }
    public required string By { get; init; }
}
