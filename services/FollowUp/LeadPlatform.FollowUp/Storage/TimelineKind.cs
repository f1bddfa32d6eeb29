namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// What one timeline entry records (stored, and in the API's JSON, as <see cref="TimelineKinds"/> names it: the word
/// documents have always held, which is also the snake_case of the value's name).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(TimelineKindJson))]
public enum TimelineKind
{
    /// <summary><c>submitted</c>: a quote request arrived (or an imported row).</summary>
    Submitted = 0,
    /// <summary><c>qualified</c>: qualification scored it; a task follows.</summary>
    Qualified,
    /// <summary><c>disqualified</c>: qualification found it not eligible.</summary>
    Disqualified,
    /// <summary><c>eligibility_overridden</c>: a coordinator overrode "not eligible".</summary>
    EligibilityOverridden,
    /// <summary><c>task_created</c>.</summary>
    TaskCreated,
    /// <summary><c>task_assigned</c>: by hand or from the backlog.</summary>
    TaskAssigned,
    /// <summary><c>task_reoffered</c>: a tier-A lead not opened in time went to the next coordinator.</summary>
    TaskReoffered,
    /// <summary><c>task_overdue</c>.</summary>
    TaskOverdue,
    /// <summary><c>status_changed</c>: details <c>from</c> and <c>to</c> are lead status words.</summary>
    StatusChanged,
    /// <summary><c>note</c>: a coordinator's note.</summary>
    Note,
    /// <summary><c>outreach_sent</c>.</summary>
    OutreachSent,
    /// <summary><c>outreach_failed</c>: the channel refused it or kept failing.</summary>
    OutreachFailed,
    /// <summary><c>outreach_blocked</c>: the compliance check refused it.</summary>
    OutreachBlocked,
    /// <summary><c>outreach_held</c>: held for a compliance officer's review.</summary>
    OutreachHeld,
    /// <summary><c>outreach_skipped</c>: automatic outreach not sent (for example an imported lead's acknowledgement).</summary>
    OutreachSkipped,
    /// <summary><c>outreach_scheduled</c>: waits for the lead's next allowed moment.</summary>
    OutreachScheduled,
    /// <summary><c>outreach_rescheduled</c>: a scheduled outreach waits again.</summary>
    OutreachRescheduled,
    /// <summary><c>scheduled_outreach_not_sent</c>.</summary>
    ScheduledOutreachNotSent,
    /// <summary><c>scheduled_outreach_cancelled</c>.</summary>
    ScheduledOutreachCancelled,
    /// <summary><c>review_approved</c>.</summary>
    ReviewApproved,
    /// <summary><c>review_rejected</c>.</summary>
    ReviewRejected,
    /// <summary><c>review_blocked</c>: approved, then blocked by the gate when sent.</summary>
    ReviewBlocked,
    /// <summary><c>call_script_issued</c>.</summary>
    CallScriptIssued,
    /// <summary><c>call_logged</c>: a call's outcome (detail <c>outcome</c>).</summary>
    CallLogged,
    /// <summary><c>call_flagged</c>: a call without a cleared script read aloud, for the compliance officer.</summary>
    CallFlagged,
    /// <summary><c>sms_received</c>: an inbound text (maybe flagged as a possible opt-out).</summary>
    SmsReceived,
    /// <summary><c>email_received</c>: an inbound email reply.</summary>
    EmailReceived,
    /// <summary><c>opted_out</c>.</summary>
    OptedOut,
    /// <summary><c>opted_in</c>: a START reply.</summary>
    OptedIn,
    /// <summary><c>opt_out_confirmation_skipped</c>: a repeat STOP within the confirmation's window.</summary>
    OptOutConfirmationSkipped,
    /// <summary><c>contact_corrected</c>: the phone or email changed by a coordinator.</summary>
    ContactCorrected,
    /// <summary><c>consultation_booked</c>.</summary>
    ConsultationBooked,
    /// <summary><c>consultation_rescheduled</c>.</summary>
    ConsultationRescheduled,
    /// <summary><c>consultation_cancelled</c>.</summary>
    ConsultationCancelled,
    /// <summary><c>consultation_no_show</c>.</summary>
    ConsultationNoShow,
    /// <summary><c>consultation_reminder_skipped</c>: less than a day away.</summary>
    ConsultationReminderSkipped,
    /// <summary><c>merged</c>: another lead of the same person was merged into this one.</summary>
    Merged,
    /// <summary><c>merged_into</c>: this lead was merged into another.</summary>
    MergedInto,
    /// <summary><c>unmerged</c>.</summary>
    Unmerged,
    /// <summary><c>kept_apart</c>: marked as different people.</summary>
    KeptApart,
    /// <summary><c>privacy_export</c>: the person's data exported at their request.</summary>
    PrivacyExport,
    /// <summary><c>erasure_requested</c>.</summary>
    ErasureRequested,
    /// <summary><c>erased</c>: the person's data erased.</summary>
    Erased,
}
