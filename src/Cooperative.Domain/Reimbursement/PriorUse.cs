namespace Cooperative.Domain.Reimbursement;

/// <summary>What the person already used this fund year (本年度已补偿), by usage pot (<see cref="UsagePots"/>).</summary>
public sealed record PriorUse
{
    private readonly Dictionary<string, decimal> _amounts;

    public PriorUse(IReadOnlyDictionary<string, decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        _amounts = new Dictionary<string, decimal>(amounts, StringComparer.Ordinal);
    }

    /// <summary>Inpatient and general outpatient use only.</summary>
    public PriorUse(decimal inpatientPaidThisYear, decimal outpatientPaidThisYear)
        : this(new Dictionary<string, decimal> { [UsagePots.Inpatient] = inpatientPaidThisYear, [UsagePots.Outpatient] = outpatientPaidThisYear })
    {
    }

    /// <summary>No earlier use this year.</summary>
    public static PriorUse None { get; } = new(new Dictionary<string, decimal>());

    /// <summary>Every pot with an amount.</summary>
    public IReadOnlyDictionary<string, decimal> Amounts => _amounts;

    /// <summary>The amount of a pot; 0 when nothing was used.</summary>
    public decimal this[string pot] => _amounts.GetValueOrDefault(pot);

    public decimal InpatientPaidThisYear => this[UsagePots.Inpatient];

    public decimal OutpatientPaidThisYear => this[UsagePots.Outpatient];

    /// <summary>This use with the deltas of a settlement added (a reversal adds their negation).</summary>
    public PriorUse Plus(IReadOnlyDictionary<string, decimal> deltas, int sign = 1)
    {
        var sum = new Dictionary<string, decimal>(_amounts, StringComparer.Ordinal);
        foreach (var (pot, amount) in deltas) sum[pot] = sum.GetValueOrDefault(pot) + sign * amount;
        return new PriorUse(sum);
    }
}
