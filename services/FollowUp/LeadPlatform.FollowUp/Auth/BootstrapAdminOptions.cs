namespace LeadPlatform.FollowUp.Auth;

public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
