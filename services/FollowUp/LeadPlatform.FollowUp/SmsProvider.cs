namespace LeadPlatform.FollowUp;

/// <summary>Where outreach texts go (<c>FollowUp:Sms:Provider</c>).</summary>
public enum SmsProvider
{
    /// <summary>JSON files in the outbox folder (the default).</summary>
    File = 0,

    /// <summary>A provider's HTTP API (<see cref="Channels.HttpSmsChannel"/>).</summary>
    Http = 1,
}
