namespace LeadPlatform.FollowUp;

/// <summary>
/// The <c>FollowUp:Sms</c> section: the SMS provider outreach texts go through. <see cref="Provider"/> unset (or
/// <c>file</c>): texts are written as JSON files into the outbox folder.
/// </summary>
public sealed class SmsProviderOptions
{
    /// <summary>
    /// <c>http</c>: a JSON <c>POST {BaseUrl}/{Path}</c> with <c>{ to, from, body, reference }</c>, the key as a bearer
    /// token and the OutreachId as <c>Idempotency-Key</c>. Unset or <c>file</c>: the file channel.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>The provider's API address, e.g. <c>https://sms.example.com/v1/</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Relative to <see cref="BaseUrl"/>.</summary>
    public string Path { get; set; } = "messages";

    /// <summary>Sent as <c>Authorization: Bearer {ApiKey}</c>. A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The sender: number or sender id, as the provider wants it.</summary>
    public string? From { get; set; }

    /// <summary>How long one call to the provider may take; a timed-out call is retried with the same idempotency key.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><see cref="Provider"/> read (any case; unset is <see cref="SmsProvider.File"/>); any other name throws, naming the setting and the allowed names.</summary>
    public SmsProvider ProviderKind => SmsProviderNames.Map.Parse(Provider, whenUnset: SmsProvider.File);

    public bool UsesHttp => ProviderKind == SmsProvider.Http;
}
