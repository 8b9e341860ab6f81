using System.Globalization;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Geography;
using Cooperative.Domain.Enrollment;

namespace Cooperative.Api.County;

/// <summary>
/// The residents of a township: a register file written by the <see cref="RegisterGenerator"/> (whole households
/// until the township's rural population is reached), imported by the window through the register import.
/// </summary>
internal sealed class CountyRegister(IServiceProvider services, CountyClock clock, CountyRequest request, CountyTally tally)
{
    private static readonly Dictionary<string, int> Populations = SeedFiles.ReadCsv("townships.csv")
        .ToDictionary(t => t["code"], t => int.Parse(t["rural_population"], CultureInfo.InvariantCulture));

    public async Task ImportAsync(string township, CancellationToken ct)
    {
        var registeredOn = new DateOnly(request.FundYear - 1, 9, 1);
        var rows = Rows(township, registeredOn);
        clock.Set(CountyClock.At(registeredOn, 9 * 60));
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CountyActor>().Current = CountyActor.Window(request.RunId);
        var outcome = await scope.ServiceProvider.GetRequiredService<RegisterImport>()
            .ImportAsync($"{township}-参合花名册.csv", ".csv", RegisterGenerator.Csv(rows), ct);
        if (outcome.Problem is { } problem)
            throw new InvalidOperationException($"The register of {township} was refused: {problem.Code} {problem.Title} {problem.Detail}");
        var category = RegisterColumns.All.ToList().IndexOf(RegisterColumns.Category);
        tally.Imported(outcome.Response!.HouseholdsCreated, outcome.Response.PersonsCreated,
            rows.Skip(1).Select(row => PersonCategories.TryParse(row[category], out var c) ? c : PersonCategory.None)
                .Where(c => c != PersonCategory.None));
    }

    private List<string[]> Rows(string township, DateOnly asOf)
    {
        var seed = StableRandom.Seed(request.Seed, "register:" + township);
        if (request.Size.HouseholdsPerTownship is { } households) return RegisterGenerator.Rows(township, households, seed, asOf);
        var population = Populations[township];
        var rows = RegisterGenerator.Rows(township, (int)Math.Ceiling(population / 2.5), seed, asOf);
        var kept = new List<string[]> { rows[0] };
        string? card = null;
        foreach (var row in rows.Skip(1))
        {
            if (row[0] != card && kept.Count - 1 >= population) break;
            card = row[0];
            kept.Add(row);
        }
        return kept;
    }
}
