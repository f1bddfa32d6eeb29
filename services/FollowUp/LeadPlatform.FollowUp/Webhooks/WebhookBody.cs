namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>A new subscription: the https URL, the events, and whether payloads carry health details (default no).</summary>
public sealed record WebhookBody(string? Url, IReadOnlyList<string>? Events, bool IncludeHealthDetails = false, string? Description = null);
