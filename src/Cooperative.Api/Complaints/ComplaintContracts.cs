using Cooperative.Api.Facilities;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Complaints;

namespace Cooperative.Api.Complaints;

/// <summary>
/// A filing from the public. Category: facility, claim, window_service, other (complaints) or suggestion.
/// Contact name and phone are required for complaints, optional for suggestions.
/// </summary>
public sealed record FileComplaintRequest([property: CodesOf(typeof(ComplaintCategory))] string? Category, string? Subject, string? Content, string? ContactName,
    string? ContactPhone);

/// <summary>The answer to a filing: its number and the lookup code, shown this once and never again.</summary>
public sealed record FiledComplaintResponse(string Number, string LookupCode, ComplaintCategory Category, string CategoryName, string Kind,
    DateOnly FiledOn, DateOnly Deadline, int DeadlineDays);

/// <summary>What the complainant sees by number and code: never the contact details, nor who handles it.</summary>
public sealed record PublicComplaintResponse(string Number, ComplaintCategory Category, string CategoryName, string Kind, string? Subject,
    string Content, DateOnly FiledOn, DateOnly Deadline, ComplaintStatus Status, string StatusName, DeadlineFlag Flag, string FlagName,
    string? Answer, DateOnly? AnsweredOn);

/// <summary>A line of the staff's list, with its deadline flag as of today.</summary>
public sealed record ComplaintSummaryResponse(string Number, ComplaintCategory Category, string CategoryName, string? Subject,
    DateOnly FiledOn, DateOnly Deadline, int DaysLeft, ComplaintStatus Status, string StatusName, DeadlineFlag Flag, string FlagName,
    string? Assignee);

/// <summary>A filing's whole record, for staff.</summary>
public sealed record ComplaintResponse(string Number, ComplaintCategory Category, string CategoryName, string Kind, string? Subject,
    string Content, string? ContactName, string? ContactPhone, DateTime FiledUtc, DateOnly FiledOn, DateOnly Deadline, int DaysLeft,
    ComplaintStatus Status, string StatusName, DeadlineFlag Flag, string FlagName, string? Assignee, string? Answer, DateTime? AnsweredUtc,
    string? AnsweredBy, DateTime? ClosedUtc, IReadOnlyList<ComplaintStepResponse> History);

public sealed record ComplaintStepResponse(ComplaintStatus? From, ComplaintStatus To, string ToName, string? Note, DateTime AtUtc, string By);

public sealed record AssignComplaintRequest(string? Assignee);

public sealed record AnswerComplaintRequest(string? Answer);

public sealed record CloseComplaintRequest(string? Note);

internal static class ComplaintMapping
{
    public static PublicComplaintResponse ToPublic(this Complaint c, DeadlineFlag flag) => new(c.Number, c.Category,
        ComplaintNames.Chinese(c.Category), ComplaintNames.Kind(c.Category), c.Subject, c.Content, c.FiledOn, c.Deadline,
        c.Status, ComplaintNames.Chinese(c.Status), flag, ComplaintNames.Chinese(flag), c.Answer,
        c.AnsweredOn);

    public static ComplaintSummaryResponse ToSummary(this Complaint c, DeadlineFlag flag, DateOnly today) => new(c.Number,
        c.Category, ComplaintNames.Chinese(c.Category), c.Subject, c.FiledOn, c.Deadline,
        ComplaintDeadlines.DaysLeft(c.Deadline, today), c.Status, ComplaintNames.Chinese(c.Status), flag,
        ComplaintNames.Chinese(flag), c.Assignee);

    public static ComplaintResponse ToResponse(this Complaint c, DeadlineFlag flag, DateOnly today,
        IEnumerable<ComplaintStatusChange> history) => new(c.Number, c.Category, ComplaintNames.Chinese(c.Category),
        ComplaintNames.Kind(c.Category), c.Subject, c.Content, c.ContactName, c.ContactPhone, c.FiledUtc, c.FiledOn, c.Deadline,
        ComplaintDeadlines.DaysLeft(c.Deadline, today), c.Status, ComplaintNames.Chinese(c.Status), flag,
        ComplaintNames.Chinese(flag), c.Assignee, c.Answer, c.AnsweredUtc, c.AnsweredBy, c.ClosedUtc,
        history.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new ComplaintStepResponse(h.From,
            h.To, ComplaintNames.Chinese(h.To), h.Note, h.AtUtc, h.By)).ToList());
}
