namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// The number and address consent was given for, kept when a coordinator corrected the lead's phone or email: the gate
/// compares the recipient with these, so consent for the old number or address does not carry over to the new one until
/// the lead confirms through it. Null fields: the person's own (nothing was corrected). Sealed at rest.
/// </summary>
public sealed class ConsentedContact
{
    internal const string SealedPurpose = "consented_contact";
    internal static readonly string[] SealedFields = [nameof(Phone), nameof(Email)];

    public string? Phone { get; set; }
    public string? Email { get; set; }
}
