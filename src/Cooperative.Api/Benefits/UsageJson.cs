using System.Globalization;
using System.Text;
using System.Text.Json;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Benefits;

/// <summary>A person's yearly usage, or a settlement's additions to it, as stored: a JSON object of pot to amount.</summary>
public static class UsageJson
{
    public static Dictionary<string, decimal> Parse(string? json)
    {
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return usage;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject()) usage[property.Name] = property.Value.GetDecimal();
        return usage;
    }

    /// <summary>Keys in order, amounts with two decimals, pots at zero left out: the same usage is always the same text.</summary>
    public static string Write(IReadOnlyDictionary<string, decimal> usage)
    {
        var sb = new StringBuilder("{");
        foreach (var (pot, amount) in usage.Where(u => u.Value != 0).OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 1) sb.Append(',');
            sb.Append('"').Append(pot).Append("\":").Append(amount.ToString("0.00", CultureInfo.InvariantCulture));
        }
        return sb.Append('}').ToString();
    }

    public static PriorUse ToPriorUse(string? json) => new(Parse(json));

    /// <summary>Adds deltas (or takes them away, sign −1) to a usage.</summary>
    public static Dictionary<string, decimal> Add(IReadOnlyDictionary<string, decimal> usage, IReadOnlyDictionary<string, decimal> deltas, int sign = 1)
    {
        var sum = new Dictionary<string, decimal>(usage, StringComparer.Ordinal);
        foreach (var (pot, amount) in deltas) sum[pot] = sum.GetValueOrDefault(pot) + sign * amount;
        return sum;
    }
}
