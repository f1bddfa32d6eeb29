namespace LeadPlatform.FollowUp.Views;

/// <summary><c>POST /api/v1/views</c>: a name and the filter and sort to keep (the queue's query keys).</summary>
public sealed record SavedViewBody(string? Name, string? Scope, string? Tier, string? Status, string? Assignee, string? Condition, string? Search, string? Sort);
