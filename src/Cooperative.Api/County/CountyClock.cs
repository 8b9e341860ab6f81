namespace Cooperative.Api.County;

/// <summary>
/// The generator's clock. Enrolments, claims and their ledger entries must carry the dates of the simulated
/// year (a claim is refused after its deadline, an entry is dated "today"), so each worker sets the county time
/// it acts at; the value flows with the worker's async calls only, so workers never move one another's time.
/// Unset, it is the app's own clock.
/// </summary>
internal sealed class CountyClock(TimeProvider real) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    /// <summary>Sets the time of the calling flow. Call it from the flow itself, not from an async helper (its change would not flow back).</summary>
    public void Set(DateTimeOffset countyTime) => _now.Value = countyTime;

    public DateOnly RealToday => Infrastructure.CountyTime.Today(real);

    public override DateTimeOffset GetUtcNow() => (_now.Value ?? real.GetUtcNow()).ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>A county time (UTC+8) on a date, at minutes after midnight.</summary>
    public static DateTimeOffset At(DateOnly date, int minutes) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Infrastructure.CountyTime.Offset).AddMinutes(minutes);
}
