namespace Cooperative.Api.Infrastructure;

/// <summary>
/// The county keeps China Standard Time (UTC+8, no daylight saving): "today" for deadlines, fund years and
/// policy versions is the county's date, whatever the server's time zone.
/// </summary>
public static class CountyTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);

    /// <summary>The county's date of an instant stored in UTC.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>The first instant of a county day, in UTC.</summary>
    public static DateTime StartUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue) - Offset;
}
