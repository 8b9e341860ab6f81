using System.Diagnostics;
using System.Globalization;

namespace Cooperative.Bench;

/// <summary>
/// CPU time spent during a counted window, read from /proc at its start and its end: the API process's and
/// mariadbd's (utime + stime of /proc/PID/stat, in clock ticks), the load generator's own
/// (<see cref="Process.TotalProcessorTime"/>) and the whole machine's (/proc/stat: every process, this bench's or not).
/// </summary>
public sealed class CpuWatch
{
    private readonly int _apiPid;
    private readonly int _dbPid;
    private Sample _start;

    public CpuWatch(int apiPid, int dbPid)
    {
        _apiPid = apiPid;
        _dbPid = dbPid;
    }

    /// <summary>Clock ticks a second (sysconf CLK_TCK, read once from <c>getconf</c>; 100 when it cannot be read).</summary>
    public static double TicksPerSecond { get; } = ReadTicksPerSecond();

    public void Start() => _start = Take();

    public CpuUse Stop()
    {
        var end = Take();
        return new CpuUse(Ms(end.Api - _start.Api), Ms(end.Db - _start.Db), (end.Self - _start.Self).TotalMilliseconds,
            Ms(end.MachineBusy - _start.MachineBusy), Ms(end.MachineAll - _start.MachineAll), Environment.ProcessorCount,
            _apiPid > 0 && end.Api >= 0, _dbPid > 0 && end.Db >= 0);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / TicksPerSecond;

    private Sample Take()
    {
        var (busy, all) = Machine();
        using var self = Process.GetCurrentProcess();
        return new Sample(ProcessTicks(_apiPid), ProcessTicks(_dbPid), self.TotalProcessorTime, busy, all);
    }

    /// <summary>utime + stime of a process in clock ticks; -1 when it cannot be read.</summary>
    public static long ProcessTicks(int pid)
    {
        if (pid <= 0) return -1;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>The machine's busy ticks (user, nice, system, irq, softirq, steal) and all its ticks (with idle and iowait).</summary>
    private static (long Busy, long All) Machine()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long F(int i) => i < cpu.Length ? long.Parse(cpu[i], CultureInfo.InvariantCulture) : 0;
            long busy = F(1) + F(2) + F(3) + F(6) + F(7) + F(8), idle = F(4) + F(5);
            return (busy, busy + idle);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>mariadbd's pid: from its pid file when given, else the mariadbd process listening on <paramref name="port"/>.</summary>
    public static int FindDatabasePid(string? pidFile, int port)
    {
        if (pidFile is { Length: > 0 } && File.Exists(pidFile)
            && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromFile))
            return fromFile;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                if (File.ReadAllText($"{dir}/comm").Trim() != "mariadbd") continue;
                var args = File.ReadAllText($"{dir}/cmdline").Split('\0');
                if (args.Contains($"--port={port}")) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return 0;
    }

    private static double ReadTicksPerSecond()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }

    private readonly record struct Sample(long Api, long Db, TimeSpan Self, long MachineBusy, long MachineAll);
}

/// <summary>CPU milliseconds spent in a window by the API, mariadbd, the load generator and the machine as a whole.</summary>
public sealed record CpuUse(double ApiMs, double DbMs, double SelfMs, double MachineBusyMs, double MachineAllMs, int Cores, bool HasApi, bool HasDb)
{
    /// <summary>How busy the machine was over the window, as a share of all its cores.</summary>
    public double MachineBusyShare => MachineAllMs > 0 ? MachineBusyMs / MachineAllMs : 0;
}
