namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>One page of the queue and how many leads match in all.</summary>
public sealed record QueueResult(IReadOnlyList<QueueRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int First => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int Last => Math.Min(Total, Page * PageSize);
}
