namespace LeadPlatform.FollowUp.Auth;

/// <summary>One change to an account: when, by whom (display name and account id), and what.</summary>
public sealed class AccountChange
{
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = string.Empty;
    public string What { get; set; } = string.Empty;
}
