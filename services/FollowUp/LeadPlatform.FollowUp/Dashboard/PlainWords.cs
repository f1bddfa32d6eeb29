using System.Text.RegularExpressions;
using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// Words instead of codes for people reading the dashboard: timeline kinds ("Task overdue"), conditions and flags
/// ("Degenerative disc disease"), the gate's rule ids ("quiet hours") — and summaries without ids or hashes.
/// </summary>
public static partial class PlainWords
{
    /// <summary>Timeline kinds grouped for the timeline's filter.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Filters =
    [
        ("all", "Everything"), ("contact", "Messages and calls"), ("calls", "Calls"), ("notes", "Notes"), ("status", "Status and tasks"),
        ("compliance", "Compliance"),
    ];

    public static bool InFilter(string kind, string? filter) => filter switch
    {
        null or "" or "all" => true,
        "contact" => kind.StartsWith("outreach_", StringComparison.Ordinal) || kind.StartsWith("call_", StringComparison.Ordinal) || kind is "sms_received" or "email_received",
        "calls" => kind.StartsWith("call_", StringComparison.Ordinal) || kind == "call_script_issued",
        "notes" => kind == "note",
        "status" => kind is "submitted" or "qualified" or "disqualified" or "task_created" or "task_overdue" or "status_changed" or "eligibility_overridden"
            or "merged" or "merged_into" or "unmerged" or "kept_apart",
        "compliance" => kind is "outreach_blocked" or "outreach_held" or "review_approved" or "review_rejected" or "review_blocked" or "opted_out" or "opted_in"
            or "call_flagged" or "erased",
        _ => true,
    };

    public static string Kind(string kind) => kind switch
    {
        "submitted" => "Submitted",
        "qualified" => "Qualified",
        "disqualified" => "Not eligible",
        "task_created" => "Task created",
        "task_overdue" => "Task overdue",
        "outreach_sent" => "Outreach sent",
        "outreach_blocked" => "Outreach blocked",
        "outreach_failed" => "Outreach failed",
        "outreach_skipped" => "Outreach skipped",
        "outreach_held" => "Sent for review",
        "call_script_issued" => "Call script issued",
        "call_logged" => "Call",
        "call_flagged" => "Call flagged for compliance",
        "opted_out" => "Opted out",
        "opted_in" => "Opted in",
        "note" => "Note",
        "status_changed" => "Status changed",
        "eligibility_overridden" => "Eligibility overridden",
        "merged" => "Merged",
        "merged_into" => "Merged into another lead",
        "unmerged" => "Unmerged",
        "kept_apart" => "Kept apart",
        "review_approved" => "Review approved",
        "review_rejected" => "Review rejected",
        "review_blocked" => "Approved but blocked",
        "sms_received" => "SMS received",
        "email_received" => "Email received",
        "erased" => "Personal data erased",
        _ => Code(kind),
    };

    /// <summary>A snake_case or kebab-case code as words, first letter capital: degenerative_disc_disease → Degenerative disc disease.</summary>
    public static string Code(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "—";
        var words = code.Replace('_', ' ').Replace('-', ' ').Trim();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Rule(string rule) => rule switch
    {
        ComplianceRules.DraftIncomplete => "incomplete message",
        ComplianceRules.ConsentMissing => "no consent",
        ComplianceRules.ConsentRecipientMismatch => "not the address or number consent was given for",
        ComplianceRules.OptedOut => "opted out",
        ComplianceRules.Minor => "under 18",
        ComplianceRules.QuietHours => "quiet hours",
        ComplianceRules.TimeZoneUnknown => "time zone unknown",
        ComplianceRules.FrequencyCap => "contact limit",
        ComplianceRules.DisclaimerMissing => "no disclaimer for this language",
        ComplianceRules.DisclaimerIncomplete => "disclaimer incomplete",
        _ when rule.StartsWith("claims.", StringComparison.Ordinal) => "claim: " + Code(rule["claims.".Length..]).ToLowerInvariant(),
        _ => Code(rule).ToLowerInvariant(),
    };

    /// <summary>A summary without ids, hashes or rule ids: "blocked by the compliance check: quiet-hours" reads "…: quiet hours".</summary>
    public static string Summary(string summary, Func<DateTimeOffset, string>? time = null)
    {
        var text = summary;
        if (time is not null)
        {
            text = Timestamps().Replace(text, m => DateTimeOffset.TryParse(m.Value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? time(at) : m.Value);
        }
        text = Guids().Replace(text, "");
        text = Hashes().Replace(text, "");
        text = RuleIds().Replace(text, m => Rule(m.Value));
        text = Versions().Replace(text, m => "the " + Code(m.Groups[1].Value.Split('.').Last()).ToLowerInvariant() + " disclaimer");
        text = SnakeCodes().Replace(text, m => m.Value.Replace('_', ' '));
        return Spaces().Replace(text, " ").Replace(" ()", "").Replace("( ", "(").Trim();
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Timestamps();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guids();

    [GeneratedRegex(@"\b[0-9a-f]{32,}\b")]
    private static partial Regex Hashes();

    [GeneratedRegex(@"\b(?:quiet-hours(?:\.time-zone-unknown)?|frequency-cap|consent\.(?:missing|recipient-mismatch)|suppression\.opted-out|eligibility\.minor|disclaimer\.(?:missing|incomplete)|draft\.incomplete|claims\.[a-z-]+)\b")]
    private static partial Regex RuleIds();

    [GeneratedRegex(@"\bevidence\.([a-z0-9.-]+)@[0-9][0-9.a-z-]*")]
    private static partial Regex Versions();

    [GeneratedRegex(@"\b[a-z]+(?:_[a-z]+)+\b")]
    private static partial Regex SnakeCodes();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
