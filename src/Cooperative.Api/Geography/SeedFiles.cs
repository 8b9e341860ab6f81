using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Geography;

/// <summary>
/// The county's reference data files (UTF-8 CSV with a header row, no quoted commas): those of
/// <c>County:SeedFolder</c>, or else the sample county's under <c>db/seed/</c>, embedded in the assembly at build time.
/// Each is read once.
/// </summary>
public sealed class SeedFiles(IOptions<CountyOptions> county)
{
    /// <summary>The files a seed folder holds, with the columns each must have (others are ignored).</summary>
    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["townships.csv"] = ["code", "name", "rural_population"],
        ["villages.csv"] = ["code", "township_code", "name"],
        ["facilities.csv"] = ["code", "name", "level", "ownership", "township_code", "village_code", "licence_number",
            "bank_name", "bank_account", "head_name", "phone", "status"],
        ["duties.csv"] = ["number", "title", "description"],
        ["catalogue.csv"] = ["code", "name", "category", "status", "self_pay_share"],
        ["diagnoses.csv"] = ["code", "name"],
    };

    private readonly ConcurrentDictionary<string, IReadOnlyList<Dictionary<string, string>>> _read = new();

    /// <summary>The rows of one of the county's files.</summary>
    public IReadOnlyList<Dictionary<string, string>> Read(string fileName) =>
        _read.GetOrAdd(fileName, f => ReadCsv(f, county.Value.SeedFolder));

    /// <summary>The rows of a file of <paramref name="folder"/>, or of the embedded <c>db/seed</c> if it is empty.</summary>
    public static IReadOnlyList<Dictionary<string, string>> ReadCsv(string fileName, string folder = "")
    {
        using var stream = folder.Length > 0 ? File.OpenRead(Path.Combine(folder, fileName))
            : typeof(SeedFiles).Assembly.GetManifestResourceStream($"seed.{fileName}")
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

    /// <summary>What keeps <paramref name="folder"/> from being a seed folder: a missing file or column.</summary>
    public static IEnumerable<string> Problems(string folder)
    {
        if (folder.Length == 0) yield break;
        if (!Directory.Exists(folder))
        {
            yield return $"County:SeedFolder {folder} does not exist.";
            yield break;
        }
        foreach (var (file, columns) in Columns)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                yield return $"County:SeedFolder {folder} has no {file} (columns: {string.Join(',', columns)}).";
                continue;
            }
            var header = File.ReadLines(path).FirstOrDefault()?.Split(',') ?? [];
            if (columns.Except(header).ToList() is { Count: > 0 } missing)
                yield return $"{path} lacks the columns {string.Join(',', missing)}.";
        }
    }
}
