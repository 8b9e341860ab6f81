namespace Cooperative.Api.Facilities;

/// <summary>A supervision inspection of one facility (监督检查), under the letter in force that day.</summary>
public sealed class Inspection
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string FacilityCode { get; init; }
    public required Guid ContractId { get; init; }
    public required DateOnly InspectedOn { get; init; }
    public required string Inspectors { get; init; }
    public string? Summary { get; init; }
    public required DateTime RecordedUtc { get; init; }
    public required string RecordedBy { get; init; }
    public List<Finding> Findings { get; init; } = [];
}

/// <summary>
/// A problem found against one duty of the letter (检查发现), with what it brings: a written warning (书面警告),
/// a penalty (罚款, owed to the fund and deducted from the next monthly settlement), a suspension (暂停定点).
/// </summary>
public sealed class Finding
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid InspectionId { get; init; }
    public required string FacilityCode { get; init; }
    public required Guid ContractId { get; init; }
    public required DateOnly InspectedOn { get; init; }
    public required int DutyNumber { get; init; }
    public required string Description { get; init; }
    public required bool Warning { get; init; }
    /// <summary>Zero when none.</summary>
    public required decimal Penalty { get; init; }
    public required bool Suspends { get; init; }
    /// <summary>The journal entry that posted the penalty.</summary>
    public Guid? PenaltyEntryId { get; set; }
    /// <summary>When the facility corrected what the warning was about (整改完成); null while uncorrected.</summary>
    public DateOnly? CorrectedOn { get; private set; }
    public string? CorrectionNote { get; private set; }

    public bool IsUncorrectedWarning => Warning && CorrectedOn is null;

    public void Correct(DateOnly on, string? note)
    {
        CorrectedOn = on;
        CorrectionNote = note;
    }
}
