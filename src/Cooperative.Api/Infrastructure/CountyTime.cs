namespace Cooperative.Api.Infrastructure;

/// <summary>The county keeps China Standard Time (UTC+8, no daylight saving): "today" is its calendar day.</summary>
public static class CountyTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
