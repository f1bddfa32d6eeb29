using System.Globalization;

namespace LeadPlatform.LoadTool;

/// <summary>
/// Samples, from /proc, the resident memory and CPU time of the watched processes, and the whole machine's CPU time,
/// so that a run can say how much of the (shared) machine its processes got and how much went to others.
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly IReadOnlyDictionary<string, int> _processes;
    private readonly Dictionary<string, long> _maxRssKb = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _cpuAtStart = new(StringComparer.Ordinal);
    private readonly (double Busy, double Total) _machineAtStart;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly DateTime _startedAt = DateTime.UtcNow;
    private readonly double _loadAtStart;

    public ProcessSampler(IReadOnlyDictionary<string, int> processes)
    {
        _processes = processes;
        foreach (var (name, pid) in processes) _cpuAtStart[name] = CpuSeconds(pid);
        _cpuAtStart["load tool"] = CpuSeconds(Environment.ProcessId);
        _machineAtStart = MachineCpuSeconds();
        _loadAtStart = LoadAverage();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            lock (_maxRssKb)
            {
                foreach (var (name, pid) in _processes.Append(new("load tool", Environment.ProcessId)))
                    _maxRssKb[name] = Math.Max(_maxRssKb.GetValueOrDefault(name), Status(pid, "VmRSS:"));
            }
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops sampling; memory (sampled peak and the kernel's high-water mark) and CPU per process, and the machine's share.</summary>
    public async Task<ResourceReport> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var elapsed = (DateTime.UtcNow - _startedAt).TotalSeconds;
        var machine = MachineCpuSeconds();
        var machineBusy = machine.Busy - _machineAtStart.Busy;
        var machineTotal = machine.Total - _machineAtStart.Total;
        var processes = new List<ProcessResources>();
        var ours = 0.0;
        foreach (var (name, pid) in _processes.Append(new("load tool", Environment.ProcessId)).DistinctBy(p => p.Value))
        {
            var cpu = CpuSeconds(pid) - _cpuAtStart.GetValueOrDefault(name);
            ours += cpu;
            processes.Add(new ProcessResources(name, pid, _maxRssKb.GetValueOrDefault(name) / 1024.0, Status(pid, "VmHWM:") / 1024.0, cpu));
        }
        return new ResourceReport(processes, elapsed, Environment.ProcessorCount, machineBusy, machineTotal, Math.Max(0, machineBusy - ours),
            _loadAtStart, LoadAverage());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }

    private static long Status(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The process is gone.
        }
        return 0;
    }

    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field, stime the 15th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static (double Busy, double Total) MachineCpuSeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal ...
            var idle = cpu[3] + cpu[4];
            var total = cpu.Take(8).Sum();
            return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
