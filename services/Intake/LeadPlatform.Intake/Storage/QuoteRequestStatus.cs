namespace LeadPlatform.Intake.Storage;

/// <summary>A quote request's status as far as intake knows it.</summary>
public static class QuoteRequestStatus
{
    public const string Received = "received";
    public const string Qualified = "qualified";
    public const string Disqualified = "disqualified";
    /// <summary>Stored but not published. The API shows it as <see cref="Received"/>, so a bot learns nothing.</summary>
    public const string Spam = "spam";
}
