using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>A local dashboard account. The password is kept only as an ASP.NET Core Identity hash (PBKDF2).</summary>
public sealed class UserAccount : StoredDocument
{
    /// <summary>Lower-cased, trimmed: the sign-in name and the unique key.</summary>
    public string Email { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;
    public string? PasswordHash { get; set; }
    public List<string> Roles { get; set; } = [];
    /// <summary>Takes part in the assignment of new tasks (coordinators).</summary>
    public bool OnDuty { get; set; } = true;
    public bool OnLeave { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
