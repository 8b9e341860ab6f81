namespace Cooperative.Api.Infrastructure;

/// <summary>
/// The years and dates a client may send. Fund years run from 2000 to 2100, dates from 1900-01-01 (birth dates
/// included) to 2100-12-31: outside them no record can exist, and date arithmetic near 0001-01-01 or 9999-12-31
/// (the day before, the year after) would overflow. Refused as <c>validation_failed</c> with the field named.
/// </summary>
public static class Bounds
{
    public const int FirstFundYear = 2000;
    public const int LastFundYear = 2100;
    public static readonly DateOnly FirstDate = new(1900, 1, 1);
    public static readonly DateOnly LastDate = new(2100, 12, 31);

    public static bool IsFundYear(int year) => year is >= FirstFundYear and <= LastFundYear;

    public static bool IsDate(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>Adds the error of a fund year out of bounds (an absent one passes).</summary>
    public static Validation FundYear(this Validation v, int? year, string field, string label = "年度") =>
        v.Check(year is null || IsFundYear(year.Value), field, $"{label}必须在{FirstFundYear}至{LastFundYear}之间");

    /// <summary>Adds the error of a date out of bounds (an absent one passes).</summary>
    public static Validation Date(this Validation v, DateOnly? date, string field, string label = "日期") =>
        v.Check(date is null || IsDate(date.Value), field, $"{label}必须在{FirstDate:yyyy-MM-dd}至{LastDate:yyyy-MM-dd}之间");
}
