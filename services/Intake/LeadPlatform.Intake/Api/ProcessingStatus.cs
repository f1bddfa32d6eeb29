using LeadPlatform.Intake.Storage;

namespace LeadPlatform.Intake.Api;

/// <summary>The public words for a request's progress: what intake knows of it, without saying what was decided.</summary>
public static class ProcessingStatus
{
    public const string Received = "received";
    public const string Processing = "processing";
    public const string Done = "done";

    /// <summary>Spam reads as a request that is still waiting, so a bot learns nothing from the answer.</summary>
    public static string Of(QuoteRequestDocument document) => document.Status switch
    {
        QuoteRequestStatus.Qualified or QuoteRequestStatus.Disqualified => Done,
        QuoteRequestStatus.Spam => Received,
        _ => document.Outbox.Count > 0 && document.Outbox.TrueForAll(e => e.SentAt is not null) ? Processing : Received,
    };
}
