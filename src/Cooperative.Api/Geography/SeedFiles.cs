namespace Cooperative.Api.Geography;

/// <summary>
/// Reads the reference data files under <c>db/seed/</c>, embedded in the assembly at build time (UTF-8 CSV
/// with a header row, no quoted commas).
/// </summary>
public static class SeedFiles
{
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string fileName)
    {
        using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream($"seed.{fileName}")
            ?? throw new InvalidOperationException($"The seed file db/seed/{fileName} is not embedded.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Length ? cells[x.i] : ""));
        }
        return rows;
    }
}
