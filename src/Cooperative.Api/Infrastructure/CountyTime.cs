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
}
