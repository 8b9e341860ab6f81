using System.Globalization;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// <c>generate-register --township 330199101 --households 25000 [--seed 1] [--as-of 2026-01-01] --out FILE.csv|.xlsx</c>:
/// writes a sample register of a township for tests and benchmarks (the same seed, the same file).
/// </summary>
public static class GenerateRegisterCommand
{
    public const string Name = "generate-register";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string flag) => args.SkipWhile(a => a != flag).Skip(1).FirstOrDefault();
        var township = Arg("--township") ?? "330199101";
        var output = Arg("--out");
        if (output is null || !int.TryParse(Arg("--households") ?? "500", CultureInfo.InvariantCulture, out var households) ||
            !int.TryParse(Arg("--seed") ?? "1", CultureInfo.InvariantCulture, out var seed) ||
            !DateOnly.TryParse(Arg("--as-of") ?? "2026-01-01", CultureInfo.InvariantCulture, out var asOf))
        {
            await Console.Error.WriteLineAsync(
                "usage: generate-register --out FILE.csv|FILE.xlsx [--township CODE] [--households N] [--seed N] [--as-of yyyy-MM-dd]");
            return 2;
        }
        var rows = RegisterGenerator.Rows(township, households, seed, asOf);
        var bytes = output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? RegisterGenerator.Xlsx(rows) : RegisterGenerator.Csv(rows);
        await File.WriteAllBytesAsync(output, bytes);
        Console.WriteLine($"{output}: {households} households, {rows.Count - 1} persons");
        return 0;
    }
}
