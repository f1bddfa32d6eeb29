namespace LeadPlatform.LoadTool;

/// <summary>Everything one run found, as printed and as written to JSON.</summary>
internal sealed record RunReport(
    LoadOptions Options,
    string Deployment,
    string CompletionMethod,
    IReadOnlyList<int> MessageSizes,
    PipelineResult Pipeline,
    IReadOnlyList<CeilingResult> Baselines,
    DateTimeOffset FinishedAt)
{
    private double? MeanPerSecond(string prefix)
    {
        var runs = Baselines.Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return runs.Count == 0 ? null : runs.Average(b => b.PerSecond);
    }

    public double? BrokerCeilingPerSecond => MeanPerSecond("broker");
    public double? HttpCeilingPerSecond => MeanPerSecond("HTTP");
    /// <summary>Tasks created per second over the broker's ceiling (mean of the runs before and after).</summary>
    public double? PipelineOverBroker => BrokerCeilingPerSecond is { } b ? Pipeline.TasksPerSecond / b : null;
    /// <summary>Requests accepted per second by intake over the bare Kestrel endpoint's.</summary>
    public double? IntakeOverHttp => HttpCeilingPerSecond is { } h ? Pipeline.SubmitPerSecond / h : null;
    public double? PipelineOverHttp => HttpCeilingPerSecond is { } h ? Pipeline.TasksPerSecond / h : null;
}
