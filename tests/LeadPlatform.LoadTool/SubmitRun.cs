namespace LeadPlatform.LoadTool;

/// <summary>The requests of one run and how long sending them took.</summary>
internal sealed record SubmitRun(IReadOnlyList<Submission> Submissions, TimeSpan Elapsed)
{
    public int Accepted => Submissions.Count(s => s.Accepted);
    public int Errors => Submissions.Count - Accepted;
    public double RequestsPerSecond => Submissions.Count / Elapsed.TotalSeconds;
    public LatencySummary HttpLatency => LatencySummary.Of(Submissions.Where(s => s.Accepted).Select(s => s.HttpMs));
    public IEnumerable<string> ErrorKinds => Submissions.Where(s => !s.Accepted).GroupBy(s => s.Error ?? "?").Select(g => $"{g.Count()} x {g.Key}");
}
