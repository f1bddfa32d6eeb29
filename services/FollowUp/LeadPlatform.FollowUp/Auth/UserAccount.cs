using LeadPlatform.Storage;

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
    /// <summary>Working days (empty: every day) and hours ("HH:mm", the clinic's time zone; both null: any time) for the round-robin.</summary>
    public List<DayOfWeek> WorkDays { get; set; } = [];
    public string? WorkStart { get; set; }
    public string? WorkEnd { get; set; }
    /// <summary>A planned leave, from and until (instants; either may be null), beside <see cref="OnLeave"/> (until marked back).</summary>
    public DateTimeOffset? LeaveFrom { get; set; }
    public DateTimeOffset? LeaveUntil { get; set; }
    /// <summary>At most this many open tasks are given to them automatically (null: no limit).</summary>
    public int? MaxOpenTasks { get; set; }
    /// <summary>Their own work address and number for new-lead alerts (null: no alert by email or text).</summary>
    public string? AlertEmail { get; set; }
    public string? AlertPhone { get; set; }
    public bool Disabled { get; set; }
    /// <summary>The queue views this person saved (a filter and sort under a name), shown as tabs on their queue.</summary>
    public List<Views.SavedView> SavedViews { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Changes whenever the account's sessions must end (sign-out, password, role, disabling, second factor): every session carries the stamp it was issued with.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>The TOTP secret (RFC 6238), protected with the service's Data Protection key ring; null until enrolled.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>A secret shown on the enrolment page and not yet confirmed with a code (protected like <see cref="TotpSecret"/>).</summary>
    public string? TotpPendingSecret { get; set; }

    /// <summary>The last time step a code was accepted for: a code is good once (RFC 6238 §5.2).</summary>
    public long TotpLastStep { get; set; }

    /// <summary>The OpenID Connect issuer and subject (<c>iss|sub</c>) this account was matched to, once it signed in by a verified email.</summary>
    public string? OidcSubject { get; set; }

    /// <summary>Who changed the account and how (roles, disabling, password resets, second factor).</summary>
    public List<AccountChange> History { get; set; } = [];

    public bool HasSecondFactor() => TotpSecret is not null;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
