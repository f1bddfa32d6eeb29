namespace LeadPlatform.LoadTool;

/// <summary>One process during a phase: peak RSS (sampled, and the kernel's high-water mark since it started) and CPU seconds used.</summary>
internal sealed record ProcessResources(string Name, int Pid, double PeakRssMb, double HighWaterMarkMb, double CpuSeconds);

/// <summary>The processes of a phase and the machine around them: how much CPU the machine spent, and how much of it on others' processes.</summary>
internal sealed record ResourceReport(
    IReadOnlyList<ProcessResources> Processes,
    double ElapsedSeconds,
    int Cores,
    double MachineBusyCpuSeconds,
    double MachineTotalCpuSeconds,
    double OthersCpuSeconds,
    double LoadAverageAtStart,
    double LoadAverageAtEnd)
{
    public double MachineBusyShare => MachineTotalCpuSeconds > 0 ? MachineBusyCpuSeconds / MachineTotalCpuSeconds : 0;
    public double OthersShare => MachineTotalCpuSeconds > 0 ? OthersCpuSeconds / MachineTotalCpuSeconds : 0;
}
