namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>A subscription's signing secret, sealed at rest (shown once, when the subscription is made).</summary>
public sealed class WebhookSecret
{
    internal const string SealedPurpose = "webhook-secret";
    internal static readonly string[] SealedFields = [nameof(Value)];

    public string Value { get; set; } = string.Empty;
}
