namespace LeadPlatform.LoadTool;

/// <summary>
/// One posted quote request: when it was sent, how long the answer took, and the id intake gave it (intake names no
/// lead: the poller finds it through follow-up's <c>GET /api/v1/leads?quoteRequestId=</c>).
/// </summary>
internal sealed class Submission
{
    public int Index { get; init; }
    public DateTimeOffset SentAt { get; set; }
    public double HttpMs { get; set; }
    public int Status { get; set; }
    public Guid QuoteRequestId { get; set; }
    public string? Error { get; set; }
    public bool Accepted => Status == 202 && QuoteRequestId != Guid.Empty;
}
