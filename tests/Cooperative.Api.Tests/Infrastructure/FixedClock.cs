namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>A clock standing at a given county time (UTC+8), movable by a test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedClock At(int year, int month, int day, int hour = 10) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)));

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
