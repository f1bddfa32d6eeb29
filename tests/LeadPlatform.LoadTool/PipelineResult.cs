namespace LeadPlatform.LoadTool;

/// <summary>
/// The pipeline phase: what was sent and accepted, how many tasks appeared, speed to lead by the services' clocks,
/// throughput (accepted by intake; tasks created, from the first receipt to the last task), resources and queue depth.
/// </summary>
internal sealed record PipelineResult(
    int Sent,
    int Accepted,
    int Errors,
    IReadOnlyList<string> ErrorKinds,
    int Completed,
    int Missing,
    double SubmitSeconds,
    double SubmitPerSecond,
    double PipelineSeconds,
    double TasksPerSecond,
    LatencySummary HttpLatency,
    LatencySummary SpeedToLead,
    ResourceReport Resources,
    IReadOnlyList<string> Queues,
    IReadOnlyList<QueueSample> QueueSamples)
{
    public static PipelineResult From(SubmitRun run, IReadOnlyList<Completion> completions, ResourceReport resources,
        IReadOnlyList<QueueSample> samples, IReadOnlyList<string> queues)
    {
        var done = completions.Where(c => c.Done).ToList();
        var span = done.Count == 0 ? 0 : (done.Max(c => c.TaskCreatedAt!.Value) - done.Min(c => c.ReceivedAt!.Value)).TotalSeconds;
        return new PipelineResult(run.Submissions.Count, run.Accepted, run.Errors, run.ErrorKinds.ToList(), done.Count, run.Accepted - done.Count,
            run.Elapsed.TotalSeconds, run.RequestsPerSecond, span, span > 0 ? done.Count / span : 0,
            run.HttpLatency, LatencySummary.Of(done.Select(c => c.SpeedToLeadMs!.Value)), resources, queues, samples);
    }

    public long MaxQueued => QueueSamples.Count == 0 ? 0 : QueueSamples.Max(s => s.Total);

    /// <summary>
    /// The trend of the total queue depth over the middle of the phase (its second quarter to its last sample before
    /// the drain), in messages per second: near zero at a sustainable rate, clearly positive when the pipeline falls behind.
    /// </summary>
    public double QueueGrowthPerSecond
    {
        get
        {
            var window = QueueSamples.Where(s => s.AtSeconds >= SubmitSeconds / 4 && s.AtSeconds <= SubmitSeconds).ToList();
            if (window.Count < 3) return 0;
            var meanX = window.Average(s => s.AtSeconds);
            var meanY = window.Average(s => (double)s.Total);
            var cov = window.Sum(s => (s.AtSeconds - meanX) * (s.Total - meanY));
            var variance = window.Sum(s => (s.AtSeconds - meanX) * (s.AtSeconds - meanX));
            return variance == 0 ? 0 : cov / variance;
        }
    }
}
