namespace LeadPlatform.FollowUp.Reviews;

/// <summary>A held message's subject and body as written (sealed at rest: it greets the lead by name).</summary>
public sealed class ReviewText
{
    internal const string SealedPurpose = "review-text";
    internal static readonly string[] SealedFields = [nameof(Subject), nameof(Body)];

    public string? Subject { get; set; }
    public string Body { get; set; } = string.Empty;
}
