using Cooperative.Domain.Enrollment;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// A person's enrolment in one fund year (参合登记), at most one per person and year. It is also the cap
/// ledger of claims: they lock this row (SELECT ... FOR UPDATE) and add what each payer paid, under each cap, to
/// <see cref="UsageJson"/>, so no one exceeds an annual cap of any payer.
/// </summary>
public sealed class Enrollment
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required Guid PersonId { get; init; }
    public required int FundYear { get; init; }
    /// <summary>The household he was enrolled with (the household keeps its own history).</summary>
    public required Guid HouseholdId { get; init; }
    /// <summary>Cover starts on this day.</summary>
    public required DateOnly EnrolledOn { get; init; }
    public required Guid ReceiptId { get; init; }
    public required ContributionPayer PaidBy { get; init; }
    /// <summary>The individual contribution charged for him, whoever paid it.</summary>
    public required decimal Contribution { get; init; }
    public required int PolicyVersion { get; init; }
    /// <summary>
    /// 年度累计: what was used this year by usage pot (Cooperative.Domain.Reimbursement.UsagePots: inpatient, outpatient,
    /// a chronic group's, catastrophic insurance's and its accumulated out-of-pocket base, assistance), as a JSON object.
    /// Changed only by settlements and reversals, under the row lock.
    /// </summary>
    public string UsageJson { get; private set; } = "{}";
}
