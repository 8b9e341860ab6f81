namespace Cooperative.Api.Complaints;

/// <summary>The <c>Complaints</c> configuration section: time limits and abuse limits.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>Calendar days from filing to the promised answer (承诺时限).</summary>
    public int DeadlineDays { get; set; } = 15;

    /// <summary>An open filing is flagged yellow when at most this many days are left.</summary>
    public int YellowDays { get; set; } = 3;

    /// <summary>Filings accepted from one client address per window (fixed window).</summary>
    public int FilingsPerWindow { get; set; } = 5;

    /// <summary>Status look-ups accepted from one client address per window: codes are not to be guessed.</summary>
    public int LookupsPerWindow { get; set; } = 60;

    public int RateWindowMinutes { get; set; } = 10;

    /// <summary>The largest filing body accepted; larger ones are refused with 413 before they are read.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024;
}

/// <summary>Field lengths, shared by validation and the schema.</summary>
public static class ComplaintLimits
{
    public const int Subject = 64;
    public const int Content = 2000;
    public const int ContactName = 32;
    public const int ContactPhone = 20;
    public const int Answer = 2000;
    public const int Note = 200;
}
