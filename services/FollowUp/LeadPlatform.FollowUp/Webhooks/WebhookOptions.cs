namespace LeadPlatform.FollowUp.Webhooks;

/// <summary><c>FollowUp:Webhooks</c>: how deliveries are sent and retried.</summary>
public sealed class WebhookOptions
{
    /// <summary>How often the sender looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Attempts before a delivery is given up (about a day with the defaults).</summary>
    public int MaxAttempts { get; set; } = 30;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// TESTS ONLY: allow http and loopback targets (a receiver on this machine). Never set in production: it lets an
    /// admin point webhooks at internal services.
    /// </summary>
    public bool AllowLocalTargetsForTests { get; set; }
}
