using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Disclosures;

/// <summary>
/// A settled claim as the disclosure needs it. It carries the full name and the person's key only so that the
/// builder can mask the one and count persons with the other; neither leaves the builder.
/// </summary>
public sealed record SettledVisit(
    Guid ClaimId,
    Guid PersonId,
    VisitType VisitType,
    FacilityLevel FacilityLevel,
    string Facility,
    string Village,
    string FullName,
    Gender Gender,
    DateOnly BirthDate,
    DateOnly AdmissionDate,
    DateOnly DischargeDate,
    decimal Total,
    decimal Eligible,
    decimal Reimbursement);

/// <summary>
/// A claim settled in an earlier month and reversed in this one: it appears here as a correction, since what
/// was published for its own month never changes. <see cref="OriginalRow"/> is its row in that month's
/// published inpatient list, when there is one.
/// </summary>
public sealed record ReversedVisit(SettledVisit Visit, DisclosureMonth OriginalMonth, int? OriginalRow, DateOnly ReversedOn);

/// <summary>The fund's income and expenditure for the month, and what it holds at the month's end.</summary>
public sealed record FundFigures(decimal Income, decimal Expenditure, decimal Balance);
