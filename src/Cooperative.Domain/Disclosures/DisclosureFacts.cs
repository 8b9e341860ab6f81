using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Disclosures;

/// <summary>
/// A settled claim as the disclosure needs it. It carries the full name and the person's key only so that the
/// builder can mask the one and count persons with the other; neither leaves the builder. <see cref="Reimbursement"/>
/// is the basic fund's part; <see cref="CatastrophicPaid"/> (大病保险) and <see cref="AssistancePaid"/> (医疗救助) are what
/// the other payers of the one-stop settlement paid; the patient paid the rest (<see cref="PatientPaid"/>).
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
    decimal Reimbursement,
    BenefitKind Benefit,
    decimal CatastrophicPaid = 0m,
    decimal AssistancePaid = 0m)
{
    /// <summary>What every payer together paid.</summary>
    public decimal Payout => Reimbursement + CatastrophicPaid + AssistancePaid;

    /// <summary>个人自付: what remained for the patient after every payer.</summary>
    public decimal PatientPaid => Total - Payout;
}

/// <summary>
/// A claim settled in an earlier month and reversed in this one: it appears here as a correction, since what
/// was published for its own month never changes. <see cref="OriginalRow"/> is its row in that month's
/// published inpatient list, when there is one.
/// </summary>
public sealed record ReversedVisit(SettledVisit Visit, DisclosureMonth OriginalMonth, int? OriginalRow, DateOnly ReversedOn);

/// <summary>The fund's income and expenditure for the month, and what it holds at the month's end.</summary>
public sealed record FundFigures(decimal Income, decimal Expenditure, decimal Balance);
