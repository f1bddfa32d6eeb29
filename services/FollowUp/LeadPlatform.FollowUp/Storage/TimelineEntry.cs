namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// One thing that happened to a lead, with who and when. Its summary and details are free text about the person (a
/// coordinator's note, an SMS reply, a reason that quotes the inquiry): sealed at rest like the rest of the person;
/// when, what kind and who acted stay in clear.
/// </summary>
public sealed class TimelineEntry
{
    internal const string SealedPurpose = "timeline";
    internal static readonly string[] SealedFields = [nameof(Summary), nameof(Details)];

    public DateTimeOffset At { get; set; }
    /// <summary>What happened (stored as its word: <see cref="TimelineKinds"/>).</summary>
    public TimelineKind Kind { get; set; }
    public string Summary { get; set; } = string.Empty;
    /// <summary>system, or the coordinator who acted.</summary>
    public string Actor { get; set; } = "system";
    public Guid? QuoteRequestId { get; set; }
    public Dictionary<string, string> Details { get; set; } = [];
}
