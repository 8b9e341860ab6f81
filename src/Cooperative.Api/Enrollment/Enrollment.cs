using Cooperative.Domain.Enrollment;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// A person's enrolment in one fund year (参合登记), at most one per person and year. It is also the cap
/// ledger of claims: they lock this row (SELECT ... FOR UPDATE) and add what the fund paid to
/// <see cref="InpatientPaid"/> and <see cref="OutpatientPaid"/>, so no one exceeds his annual caps.
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
    /// <summary>住院累计补偿: what the fund paid for his inpatient care this year.</summary>
    public decimal InpatientPaid { get; private set; }
    /// <summary>门诊累计补偿: what the fund paid for his outpatient care this year.</summary>
    public decimal OutpatientPaid { get; private set; }

    /// <summary>Adds a settled claim's payment (negative for a reversal); the caller holds the row lock.</summary>
    public void AddInpatientPaid(decimal amount) => InpatientPaid += amount;

    public void AddOutpatientPaid(decimal amount) => OutpatientPaid += amount;
}
