namespace LeadPlatform.LoadTool;

/// <summary>One posted quote request: when it was sent, how long the answer took, and the ids intake gave it.</summary>
internal sealed class Submission
{
    public int Index { get; init; }
    public DateTimeOffset SentAt { get; set; }
    public double HttpMs { get; set; }
    public int Status { get; set; }
    public Guid QuoteRequestId { get; set; }
    public Guid LeadId { get; set; }
    public string? Error { get; set; }
    public bool Accepted => Status == 202 && QuoteRequestId != Guid.Empty;
}
