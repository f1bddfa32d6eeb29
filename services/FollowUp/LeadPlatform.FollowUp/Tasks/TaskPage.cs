namespace LeadPlatform.FollowUp.Tasks;

/// <summary><c>GET /api/v1/tasks?page=&amp;pageSize=</c>: one page of the queue (one item per lead) and how many there are in all.</summary>
public sealed record TaskPage(IReadOnlyList<TaskQueueItem> Items, int Total, int Page, int PageSize);
