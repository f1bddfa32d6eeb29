namespace LeadPlatform.Intake.Sites;

/// <summary>The <c>Intake:RateLimits</c> section: fixed windows per client IP and per site, both applied.</summary>
public sealed class RateLimitOptions
{
    public RateLimitRule PerClientIp { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
    public RateLimitRule PerSite { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };
}
