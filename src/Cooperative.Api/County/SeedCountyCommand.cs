using System.Globalization;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>
/// <c>seed-county --size tiny|small|township|county [--seed N] [--year Y] [--months N] [--outpatient-scale X] [--workers N]</c>:
/// fills an empty database with a synthetic county (see <see cref="CountyGenerator"/>), on the database the
/// app's configuration names. Exit 0 when done or when the same county is there already, 1 when refused.
/// </summary>
public static class SeedCountyCommand
{
    public const string Name = "seed-county";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Arg(string flag) => args.SkipWhile(a => a != flag).Skip(1).FirstOrDefault();
        var size = CountySize.Named(Arg("--size") ?? "township");
        var seed = Arg("--seed") ?? "42";
        if (size is null || !int.TryParse(seed, CultureInfo.InvariantCulture, out var seedValue)
            || !TryOptional(Arg("--year"), out var year) || !TryOptional(Arg("--months"), out var months)
            || !TryOptional(Arg("--workers"), out var workers) || months is < 1 or > 12
            || !double.TryParse(Arg("--outpatient-scale") ?? "-1", CultureInfo.InvariantCulture, out var scale))
        {
            await Console.Error.WriteLineAsync(
                "usage: seed-county [--size tiny|small|township|county] [--seed N] [--year YYYY] [--months 1-12] [--outpatient-scale X] [--workers N]");
            return 2;
        }
        await app.PrepareDatabaseAsync();
        var request = await DefaultsAsync(app.Services, size, seedValue, year, months, scale > 0 ? scale : null, workers);
        Console.WriteLine($"生成合成县 {request.Key}，{request.Workers} 个并发 …");
        var outcome = await app.Services.GetRequiredService<CountyGenerator>().RunAsync(request, Console.WriteLine, CancellationToken.None);
        if (outcome.ExitCode == 0) Console.WriteLine(outcome.Message);
        else await Console.Error.WriteLineAsync(outcome.Message);
        return outcome.ExitCode;
    }

    /// <summary>
    /// The year defaults to this year; its months to those begun so far (all twelve for a past year); workers to
    /// four on MariaDB/MySQL and one on SQLite, which has one writer at a time.
    /// </summary>
    public static async Task<CountyRequest> DefaultsAsync(IServiceProvider services, CountySize size, int seed, int? year, int? months,
        double? outpatientScale, int? workers)
    {
        var today = services.GetRequiredService<TimeProvider>().Today();
        var fundYear = year ?? today.Year;
        await using var scope = services.CreateAsyncScope();
        var mySql = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>().Database.IsMySql();
        return new CountyRequest(size, seed, fundYear, months ?? (fundYear < today.Year ? 12 : today.Month),
            outpatientScale ?? size.OutpatientScale, workers ?? (mySql ? 4 : 1));
    }

    private static bool TryOptional(string? text, out int? value)
    {
        value = null;
        if (text is null) return true;
        if (!int.TryParse(text, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
