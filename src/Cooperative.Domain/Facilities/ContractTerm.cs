namespace Cooperative.Domain.Facilities;

/// <summary>The term of a medical service responsibility letter (医疗服务责任书), both days included.</summary>
public readonly record struct ContractTerm(DateOnly Start, DateOnly End)
{
    public const int MaxYears = 3;

    public bool Covers(DateOnly date) => Start <= date && date <= End;

    /// <summary>Whether some day lies in both terms (an empty term, ended before it began, overlaps nothing).</summary>
    public bool Overlaps(ContractTerm other) =>
        Start <= End && other.Start <= other.End && Start <= other.End && other.Start <= End;

    /// <summary>Why the term is not acceptable, in Chinese, or null.</summary>
    public string? Problem()
    {
        if (End < Start) return "责任书终止日期不能早于起始日期";
        if (End >= Start.AddYears(MaxYears)) return $"责任书期限不能超过{MaxYears}年";
        return null;
    }
}
