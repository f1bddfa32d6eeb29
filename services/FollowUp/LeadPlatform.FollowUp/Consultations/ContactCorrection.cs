namespace LeadPlatform.FollowUp.Consultations;

/// <summary>A coordinator corrected the lead's phone or email: what changed, who did it, why. The old value is not kept here (it stays in the submissions).</summary>
public sealed class ContactCorrection
{
    internal const string SealedPurpose = "contact_correction";
    internal static readonly string[] SealedFields = [nameof(Reason)];

    public DateTimeOffset At { get; set; }
    /// <summary>phone or email.</summary>
    public string Field { get; set; } = string.Empty;
    public string By { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
}
