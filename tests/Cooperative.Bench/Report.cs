using System.Runtime.InteropServices;
using System.Text;

namespace Cooperative.Bench;

/// <summary>The dated report: the machine, the versions, each figure with its ceiling and ratio, and whether the target is met.</summary>
public sealed class Report
{
    private readonly List<string> _ceilings = [];
    private readonly List<string> _figures = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _cpu = [];

    public void Ceiling(string what, string figure) => _ceilings.Add($"| {what} | {figure} |");

    public void Figure(string what, string figure, string ceiling, double? ratio, string target, bool? met) =>
        _figures.Add($"| {what} | {figure} | {ceiling} | {(ratio is { } r ? r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—")} | {target} | {(met switch { true => "met", false => "**missed**", null => "—" })} |");

    public void Note(string text) => _notes.Add(text);

    /// <summary>A load scenario's CPU per successful operation over its counted window (the run its figure reports).</summary>
    public void Cpu(string scenario, LoadResult result)
    {
        if (result.Cpu is not { } cpu || result.Succeeded == 0) return;
        string PerOp(double ms, bool known = true) => known ? (ms / result.Succeeded).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "?";
        _cpu.Add($"| {scenario} | {result.Succeeded:N0} in {result.Seconds:N1} s | {PerOp(cpu.ApiMs, cpu.HasApi)} | {PerOp(cpu.DbMs, cpu.HasDb)} | " +
                 $"{PerOp(cpu.SelfMs)} | {PerOp(cpu.MachineBusyMs)} | {cpu.MachineBusyShare:P0} of {cpu.Cores} cores |");
    }

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
        if (_cpu.Count > 0)
        {
            sb.AppendLine().AppendLine("## CPU per operation (ms, from /proc over each counted window)").AppendLine()
                .AppendLine($"utime + stime of each process in clock ticks (CLK_TCK {CpuWatch.TicksPerSecond:0}); the machine's busy time from /proc/stat " +
                            "counts every process on it, this bench's or not.").AppendLine()
                .AppendLine("| scenario | operations | API | MariaDB | load generator | machine busy | machine busy share |")
                .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
            _cpu.ForEach(c => sb.AppendLine(c));
        }
        if (_notes.Count > 0) sb.AppendLine().AppendLine("## Notes").AppendLine();
        _notes.ForEach(n => sb.AppendLine($"- {n}"));
        return sb.ToString();
    }
}
