using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// The stored names of <see cref="TimelineKind"/>, as documents, the API's JSON (each is the snake_case of its value's
/// name), the pages' CSS classes and the inbox's keys have always had them.
/// </summary>
public static class TimelineKinds
{
    public static NameMap<TimelineKind> Map { get; } = NameMap<TimelineKind>.Stored("timeline kind", new Dictionary<TimelineKind, string>
    {
        [TimelineKind.Submitted] = "submitted",
        [TimelineKind.Qualified] = "qualified",
        [TimelineKind.Disqualified] = "disqualified",
        [TimelineKind.EligibilityOverridden] = "eligibility_overridden",
        [TimelineKind.TaskCreated] = "task_created",
        [TimelineKind.TaskAssigned] = "task_assigned",
        [TimelineKind.TaskReoffered] = "task_reoffered",
        [TimelineKind.TaskOverdue] = "task_overdue",
        [TimelineKind.StatusChanged] = "status_changed",
        [TimelineKind.Note] = "note",
        [TimelineKind.OutreachSent] = "outreach_sent",
        [TimelineKind.OutreachFailed] = "outreach_failed",
        [TimelineKind.OutreachBlocked] = "outreach_blocked",
        [TimelineKind.OutreachHeld] = "outreach_held",
        [TimelineKind.OutreachSkipped] = "outreach_skipped",
        [TimelineKind.OutreachScheduled] = "outreach_scheduled",
        [TimelineKind.OutreachRescheduled] = "outreach_rescheduled",
        [TimelineKind.ScheduledOutreachNotSent] = "scheduled_outreach_not_sent",
        [TimelineKind.ScheduledOutreachCancelled] = "scheduled_outreach_cancelled",
        [TimelineKind.ReviewApproved] = "review_approved",
        [TimelineKind.ReviewRejected] = "review_rejected",
        [TimelineKind.ReviewBlocked] = "review_blocked",
        [TimelineKind.CallScriptIssued] = "call_script_issued",
        [TimelineKind.CallLogged] = "call_logged",
        [TimelineKind.CallFlagged] = "call_flagged",
        [TimelineKind.SmsReceived] = "sms_received",
        [TimelineKind.EmailReceived] = "email_received",
        [TimelineKind.OptedOut] = "opted_out",
        [TimelineKind.OptedIn] = "opted_in",
        [TimelineKind.OptOutConfirmationSkipped] = "opt_out_confirmation_skipped",
        [TimelineKind.ContactCorrected] = "contact_corrected",
        [TimelineKind.ConsultationBooked] = "consultation_booked",
        [TimelineKind.ConsultationRescheduled] = "consultation_rescheduled",
        [TimelineKind.ConsultationCancelled] = "consultation_cancelled",
        [TimelineKind.ConsultationNoShow] = "consultation_no_show",
        [TimelineKind.ConsultationReminderSkipped] = "consultation_reminder_skipped",
        [TimelineKind.Merged] = "merged",
        [TimelineKind.MergedInto] = "merged_into",
        [TimelineKind.Unmerged] = "unmerged",
        [TimelineKind.KeptApart] = "kept_apart",
        [TimelineKind.PrivacyExport] = "privacy_export",
        [TimelineKind.ErasureRequested] = "erasure_requested",
        [TimelineKind.Erased] = "erased",
    });

    /// <summary>The stored name, for the API's JSON, the pages and the inbox's keys.</summary>
    public static string Name(this TimelineKind kind) => Map.NameOf(kind);

    /// <summary>A call's entry (its script issued, logged, flagged): the reports' first human contact counts a reached one.</summary>
    public static bool IsCall(this TimelineKind kind) => kind is TimelineKind.CallScriptIssued or TimelineKind.CallLogged or TimelineKind.CallFlagged;
}
