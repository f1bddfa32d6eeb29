namespace LeadPlatform.LoadTool;

/// <summary>Ready messages per queue at a moment of a phase (seconds since it started).</summary>
internal sealed record QueueSample(double AtSeconds, IReadOnlyDictionary<string, uint> Depths)
{
    public long Total => Depths.Values.Sum(v => (long)v);
}
