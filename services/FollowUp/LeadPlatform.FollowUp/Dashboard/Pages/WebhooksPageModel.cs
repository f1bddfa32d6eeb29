using LeadPlatform.FollowUp.Webhooks;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="WebhooksPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record WebhooksPageModel : SignedInPageModel, Dashboard.IPageModel<WebhooksPage>
{
    public IReadOnlyList<WebhookView> Subscriptions { get; init; } = [];
    public WebhookCreated? Created { get; init; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public WebhookBody? Form { get; init; }
    public string? Notice { get; init; }
}
