using System.Globalization;

namespace Cooperative.Domain.Disclosures;

/// <summary>A month of the monthly public disclosure (公示月份), written yyyy-MM.</summary>
public readonly record struct DisclosureMonth(int Year, int Month) : IComparable<DisclosureMonth>
{
    public static bool TryParse(string? text, out DisclosureMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (year is < 2000 or > 2100 || m is < 1 or > 12) return false;
        month = new DisclosureMonth(year, m);
        return true;
    }

    public static DisclosureMonth Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public DisclosureMonth Next => Of(FirstDay.AddMonths(1));

    /// <summary>The ledger's period number of the month (yyyyMM).</summary>
    public int Period => (Year * 100) + Month;

    /// <summary>A month is disclosed once it is over: every settlement and reversal dated in it is then known.</summary>
    public bool HasEnded(DateOnly today) => today > LastDay;

    public int CompareTo(DisclosureMonth other) => Period.CompareTo(other.Period);

    public static bool operator <(DisclosureMonth left, DisclosureMonth right) => left.CompareTo(right) < 0;

    public static bool operator <=(DisclosureMonth left, DisclosureMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >(DisclosureMonth left, DisclosureMonth right) => left.CompareTo(right) > 0;

    public static bool operator >=(DisclosureMonth left, DisclosureMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:0000}-{Month:00}";
}
