namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>The body a delivery posts, as JSON, sealed at rest (it may carry health details when the admin turned them on).</summary>
public sealed class WebhookPayload
{
    internal const string SealedPurpose = "webhook-payload";
    internal static readonly string[] SealedFields = [nameof(Json)];

    public string Json { get; set; } = string.Empty;
}
