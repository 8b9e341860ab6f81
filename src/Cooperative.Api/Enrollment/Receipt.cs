namespace Cooperative.Api.Enrollment;

/// <summary>
/// The receipt of one enrolment payment at the window (参合缴费收据), numbered per fund year (2026-000001):
/// how many persons joined, what was paid in cash and what civil affairs owes.
/// </summary>
public sealed class Receipt
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public required int FundYear { get; init; }
    public required Guid HouseholdId { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required int PersonCount { get; init; }
    public required decimal IndividualAmount { get; init; }
    public required decimal CivilAffairsAmount { get; init; }
    public required int PolicyVersion { get; init; }
    /// <summary>The journal entry that booked the receipt and the subsidies it earned.</summary>
    public Guid? JournalEntryId { get; init; }
    public required string IssuedBy { get; init; }
    public required DateTime IssuedUtc { get; init; }
}
