using System.Runtime.InteropServices;
using System.Text;

namespace Cooperative.Bench;

/// <summary>The dated report: the machine, the versions, each figure with its ceiling and ratio, and whether the target is met.</summary>
public sealed class Report
{
    private readonly List<string> _ceilings = [];
    private readonly List<string> _figures = [];
    private readonly List<string> _notes = [];

    public void Ceiling(string what, string figure) => _ceilings.Add($"| {what} | {figure} |");

    public void Figure(string what, string figure, string ceiling, double? ratio, string target, bool? met) =>
        _figures.Add($"| {what} | {figure} | {ceiling} | {(ratio is { } r ? r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—")} | {target} | {(met switch { true => "met", false => "**missed**", null => "—" })} |");

    public void Note(string text) => _notes.Add(text);

    public string Render(int runs, TimeSpan seconds)
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : "?";
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim() : "?";
        var sb = new StringBuilder();
        sb.AppendLine($"# Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        sb.AppendLine($"- machine: {Environment.ProcessorCount} cores ({cpu}), {memory} memory, {RuntimeInformation.OSDescription}");
        sb.AppendLine($"- runtime: {RuntimeInformation.FrameworkDescription}; MariaDB from db/mariadb-start.sh (durable commits); API in Development on MySql, its own process");
        sb.AppendLine($"- each figure is the median of {runs} runs; load scenarios run {seconds.TotalSeconds:0} s with 32 closed-loop clients over HTTP").AppendLine();
        sb.AppendLine("## Ceilings measured in the same run").AppendLine().AppendLine("| what | figure |").AppendLine("| --- | --- |");
        _ceilings.ForEach(c => sb.AppendLine(c));
        sb.AppendLine().AppendLine("## Figures").AppendLine().AppendLine("| scenario | figure | ceiling | ratio | target | |").AppendLine("| --- | --- | --- | --- | --- | --- |");
        _figures.ForEach(f => sb.AppendLine(f));
        if (_notes.Count > 0) sb.AppendLine().AppendLine("## Notes").AppendLine();
        _notes.ForEach(n => sb.AppendLine($"- {n}"));
        return sb.ToString();
    }
}
