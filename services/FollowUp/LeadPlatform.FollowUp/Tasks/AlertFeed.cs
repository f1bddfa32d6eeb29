namespace LeadPlatform.FollowUp.Tasks;

/// <summary><c>GET /api/v1/alerts?since=</c>: what was assigned to me after <c>since</c>, and the server's time to ask from next.</summary>
public sealed record AlertFeed(DateTimeOffset Now, IReadOnlyList<AlertItem> Items);
