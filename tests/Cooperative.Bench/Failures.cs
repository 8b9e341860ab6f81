using System.Collections.Concurrent;
using System.Text.Json;

namespace Cooperative.Bench;

/// <summary>Refused requests of a load: how many by status and problem code, and the first bodies to read.</summary>
internal sealed class Failures
{
    private readonly ConcurrentDictionary<string, int> _byCode = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _first = new();

    public int Count => _byCode.Values.Sum();

    public void Add(int status, string body)
    {
        var code = "?";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("code", out var c)) code = c.GetString() ?? "?";
        }
        catch (JsonException) { }
        _byCode.AddOrUpdate($"{status} {code}", 1, (_, n) => n + 1);
        if (_first.Count < 3) _first.Enqueue($"{status} {(body.Length > 600 ? body[..600] : body)}");
    }

    public void Merge(Failures other)
    {
        foreach (var (key, n) in other._byCode) _byCode.AddOrUpdate(key, n, (_, m) => m + n);
    }

    public void Print(string what)
    {
        if (_byCode.IsEmpty) return;
        Console.WriteLine($"  {what} refused: {this}");
        foreach (var body in _first) Console.WriteLine($"    {body}");
    }

    public override string ToString() => string.Join(", ", _byCode.OrderByDescending(p => p.Value).Select(p => $"{p.Key} × {p.Value:N0}"));
}

/// <summary>Reads the API's console log.</summary>
internal static class ApiLog
{
    /// <summary>The conflict retry's entries ("A write lost a conflict in the database ..."): each one a write tried again.</summary>
    public static int ConflictRetries(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
            if (line.Contains("A write lost a conflict in the database", StringComparison.Ordinal)) count++;
        return count;
    }
}
