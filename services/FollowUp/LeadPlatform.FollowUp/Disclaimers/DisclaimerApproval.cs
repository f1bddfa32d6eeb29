using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>
/// The clinic's approval of one disclaimer version (<c>id@version</c>): who approved it, when, and the SHA-256 of the
/// text they approved. The id comes from <c>id@version</c>, so a version is approved once; a new version is a new text.
/// </summary>
public sealed class DisclaimerApproval : StoredDocument
{
    public string Disclaimer { get; set; } = string.Empty;
    public string TextHash { get; set; } = string.Empty;
    public string ApprovedBy { get; set; } = string.Empty;
    public DateTimeOffset ApprovedAt { get; set; }
}
