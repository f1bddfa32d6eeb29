using System.Text.RegularExpressions;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;

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

    /// <summary>Whether a timeline entry's kind is shown under a filter of <see cref="Filters"/> (an unknown filter shows everything).</summary>
    public static bool InFilter(TimelineKind kind, string? filter) => filter switch
    {
        null or "" or "all" => true,
        "contact" => GroupsOf(kind).HasFlag(TimelineGroups.Contact),
        "calls" => GroupsOf(kind).HasFlag(TimelineGroups.Calls),
        "notes" => GroupsOf(kind).HasFlag(TimelineGroups.Notes),
        "status" => GroupsOf(kind).HasFlag(TimelineGroups.Status),
        "compliance" => GroupsOf(kind).HasFlag(TimelineGroups.Compliance),
        _ => true,
    };

    [Flags]
    private enum TimelineGroups
    {
        None = 0,
        Contact = 1,
        Calls = 2,
        Notes = 4,
        Status = 8,
        Compliance = 16,
    }

#pragma warning disable CS8524 // Every named kind is listed: a new kind without its place here fails the build (CS8509).
    /// <summary>The filters a kind belongs to (besides "Everything"); every kind is placed, a new one must be too.</summary>
    private static TimelineGroups GroupsOf(TimelineKind kind) => kind switch
    {
        TimelineKind.OutreachSent or TimelineKind.OutreachFailed or TimelineKind.OutreachSkipped or TimelineKind.OutreachScheduled
            or TimelineKind.OutreachRescheduled or TimelineKind.SmsReceived or TimelineKind.EmailReceived => TimelineGroups.Contact,
        TimelineKind.OutreachBlocked or TimelineKind.OutreachHeld => TimelineGroups.Contact | TimelineGroups.Compliance,
        TimelineKind.CallScriptIssued or TimelineKind.CallLogged => TimelineGroups.Contact | TimelineGroups.Calls,
        TimelineKind.CallFlagged => TimelineGroups.Contact | TimelineGroups.Calls | TimelineGroups.Compliance,
        TimelineKind.Note => TimelineGroups.Notes,
        TimelineKind.Submitted or TimelineKind.Qualified or TimelineKind.Disqualified or TimelineKind.TaskCreated or TimelineKind.TaskOverdue
            or TimelineKind.StatusChanged or TimelineKind.EligibilityOverridden or TimelineKind.Merged or TimelineKind.MergedInto
            or TimelineKind.Unmerged or TimelineKind.KeptApart => TimelineGroups.Status,
        TimelineKind.ReviewApproved or TimelineKind.ReviewRejected or TimelineKind.ReviewBlocked or TimelineKind.OptedOut
            or TimelineKind.OptedIn or TimelineKind.Erased => TimelineGroups.Compliance,
        TimelineKind.TaskAssigned or TimelineKind.TaskReoffered or TimelineKind.ScheduledOutreachNotSent or TimelineKind.ScheduledOutreachCancelled
            or TimelineKind.OptOutConfirmationSkipped or TimelineKind.ContactCorrected or TimelineKind.ConsultationBooked
            or TimelineKind.ConsultationRescheduled or TimelineKind.ConsultationCancelled or TimelineKind.ConsultationNoShow
            or TimelineKind.ConsultationReminderSkipped or TimelineKind.PrivacyExport or TimelineKind.ErasureRequested => TimelineGroups.None,
    };

    /// <summary>A timeline entry's kind in words ("Task overdue"); every kind has its words, a new one must too.</summary>
    public static string Kind(TimelineKind kind) => kind switch
    {
        TimelineKind.Submitted => "Submitted",
        TimelineKind.Qualified => "Qualified",
        TimelineKind.Disqualified => "Not eligible",
        TimelineKind.EligibilityOverridden => "Eligibility overridden",
        TimelineKind.TaskCreated => "Task created",
        TimelineKind.TaskAssigned => "Task assigned",
        TimelineKind.TaskReoffered => "Task reoffered",
        TimelineKind.TaskOverdue => "Task overdue",
        TimelineKind.StatusChanged => "Status changed",
        TimelineKind.Note => "Note",
        TimelineKind.OutreachSent => "Outreach sent",
        TimelineKind.OutreachFailed => "Outreach failed",
        TimelineKind.OutreachBlocked => "Outreach blocked",
        TimelineKind.OutreachHeld => "Sent for review",
        TimelineKind.OutreachSkipped => "Outreach skipped",
        TimelineKind.OutreachScheduled => "Outreach scheduled",
        TimelineKind.OutreachRescheduled => "Outreach rescheduled",
        TimelineKind.ScheduledOutreachNotSent => "Scheduled outreach not sent",
        TimelineKind.ScheduledOutreachCancelled => "Scheduled outreach cancelled",
        TimelineKind.ReviewApproved => "Review approved",
        TimelineKind.ReviewRejected => "Review rejected",
        TimelineKind.ReviewBlocked => "Approved but blocked",
        TimelineKind.CallScriptIssued => "Call script issued",
        TimelineKind.CallLogged => "Call",
        TimelineKind.CallFlagged => "Call flagged for compliance",
        TimelineKind.SmsReceived => "SMS received",
        TimelineKind.EmailReceived => "Email received",
        TimelineKind.OptedOut => "Opted out",
        TimelineKind.OptedIn => "Opted in",
        TimelineKind.OptOutConfirmationSkipped => "Opt out confirmation skipped",
        TimelineKind.ContactCorrected => "Contact corrected",
        TimelineKind.ConsultationBooked => "Consultation booked",
        TimelineKind.ConsultationRescheduled => "Consultation rescheduled",
        TimelineKind.ConsultationCancelled => "Consultation cancelled",
        TimelineKind.ConsultationNoShow => "Consultation no show",
        TimelineKind.ConsultationReminderSkipped => "Consultation reminder skipped",
        TimelineKind.Merged => "Merged",
        TimelineKind.MergedInto => "Merged into another lead",
        TimelineKind.Unmerged => "Unmerged",
        TimelineKind.KeptApart => "Kept apart",
        TimelineKind.PrivacyExport => "Privacy export",
        TimelineKind.ErasureRequested => "Erasure requested",
        TimelineKind.Erased => "Personal data erased",
    };
#pragma warning restore CS8524

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
