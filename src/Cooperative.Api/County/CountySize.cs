using Cooperative.Api.Geography;

namespace Cooperative.Api.County;

/// <summary>
/// How much county to make. <c>county</c>: the 22 townships at their rural population (about 600,000) and a
/// year's claims at the county's rates (about 60,000 admissions and 1,500,000 outpatient visits).
/// <c>township</c>: 红岩乡 (27,460 residents, the township nearest the county's average) with every admission but
/// a fifth of the outpatient visits, so that it loads in a few minutes. <c>small</c>: 600 households of that township
/// with every admission and a twentieth of the visits, for tests of what a year holds only a few of (deliveries,
/// referrals, catastrophic costs). <c>tiny</c>: 120 households of that township, for tests.
/// </summary>
public sealed record CountySize(string Name, IReadOnlyList<string> Townships, int? HouseholdsPerTownship, double OutpatientScale)
{
    public const string SampleTownship = "330199119";

    public static readonly CountySize Tiny = new("tiny", [SampleTownship], 120, 1.0);
    public static readonly CountySize Small = new("small", [SampleTownship], 600, 0.05);
    public static readonly CountySize Township = new("township", [SampleTownship], null, 0.2);
    public static readonly CountySize County = new("county",
        SeedFiles.ReadCsv("townships.csv").Select(t => t["code"]).Order(StringComparer.Ordinal).ToList(), null, 1.0);

    public static CountySize? Named(string? name) => name?.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "township" => Township,
        "county" => County,
        _ => null,
    };
}

/// <summary>One run of the generator: the size, the seed, the fund year and how many of its months get claims.</summary>
public sealed record CountyRequest(CountySize Size, int Seed, int FundYear, int Months, double OutpatientScale, int Workers)
{
    /// <summary>What identifies a run, so that asking for the same one again finds it complete.</summary>
    public string Key => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Size.Name}/seed {Seed}/{FundYear}/{Months} months/outpatient ×{OutpatientScale:0.###}");

    /// <summary>The correlation id of every audit record the run writes.</summary>
    public string RunId => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"seed-county:{Size.Name}:{Seed}");
}

/// <summary>Facts of the county the generator reproduces (the health bureau's report), not policy figures.</summary>
internal static class CountyFacts
{
    /// <summary>参合率: 88.63 % of the rural population is enrolled.</summary>
    public const double EnrolledShare = 0.8863;

    /// <summary>A year's admissions and outpatient visits of the whole county, per enrolled person (60,000 and 1,500,000 of about 531,800).</summary>
    public const double AdmissionsPerEnrolledYear = 60_000.0 / (600_000 * EnrolledShare);

    public const double VisitsPerEnrolledYear = 1_500_000.0 / (600_000 * EnrolledShare);

    /// <summary>
    /// Births a year per person: about 10 per 1,000 (China's crude birth rate was 10.5 ‰ in 2019 and 8.5 ‰ in 2020, NBS),
    /// nearly all in hospital (住院分娩率 over 99 %). They are admissions too: the other admissions are the rest of the 60,000.
    /// </summary>
    public const double BirthsPerPersonYear = 0.010;
}
