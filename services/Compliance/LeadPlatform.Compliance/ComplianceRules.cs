namespace LeadPlatform.Compliance;

/// <summary>Ids of the gate's non-claim rules (claim rule ids come from the rule set data, all <c>claims.*</c>).</summary>
public static class ComplianceRules
{
    public const string DraftIncomplete = "draft.incomplete";
    public const string ConsentMissing = "consent.missing";
    public const string ConsentRecipientMismatch = "consent.recipient-mismatch";
    public const string OptedOut = "suppression.opted-out";
    /// <summary>The lead is known to be under 18: no outreach but the automatic acknowledgement.</summary>
    public const string Minor = "eligibility.minor";
    public const string QuietHours = "quiet-hours";
    public const string TimeZoneUnknown = "quiet-hours.time-zone-unknown";
    public const string FrequencyCap = "frequency-cap";
    /// <summary>Evidence of the contact rule table's decision: the deciding rule (<c>id@version</c>) and the table version.</summary>
    public const string ContactRules = "contact-rules";
    public const string DisclaimerMissing = "disclaimer.missing";
    public const string DisclaimerIncomplete = "disclaimer.incomplete";
    /// <summary>Umbrella id recorded in evidence for the whole claims screen.</summary>
    public const string ClaimsScreen = "claims";
    /// <summary>The one-time confirmation of an SMS opt-out: only its fixed text, by SMS, to the number that opted out.</summary>
    public const string OptOutConfirmation = "opt-out-confirmation";
}
