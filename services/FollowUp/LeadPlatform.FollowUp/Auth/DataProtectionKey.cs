using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// One key of the dashboard's ASP.NET Core Data Protection key ring (what session cookies and antiforgery tokens are
/// protected with), kept in follow-up's own database so every replica, and every restart, reads the same ring.
/// <see cref="Xml"/> is sealed with the Privacy keys: the key material is never stored in clear.
/// </summary>
public sealed class DataProtectionKey : StoredDocument
{
    public string FriendlyName { get; set; } = string.Empty;
    public string Xml { get; set; } = string.Empty;
    public DateTimeOffset StoredAt { get; set; }
}
