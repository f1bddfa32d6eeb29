namespace LeadPlatform.Intake;

/// <summary>The <c>Intake</c> configuration section.</summary>
public sealed class IntakeOptions
{
    /// <summary>The secret of the keyed hashes of emails and phones. Set your own in production.</summary>
    public string PersonKeySecret { get; set; } = "development-only-person-key-secret";

    /// <summary>Bodies larger than this are refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = 32 * 1024;
}
