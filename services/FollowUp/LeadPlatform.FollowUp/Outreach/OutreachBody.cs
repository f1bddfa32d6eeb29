namespace LeadPlatform.FollowUp.Outreach;

/// <summary>A coordinator's outreach to a lead: <c>email</c> (with a subject), <c>sms</c>, or <c>phone</c> (talking points for a call).</summary>
public sealed class OutreachBody
{
    public string? Channel { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    /// <summary>The coordinator writing it (recorded in the evidence).</summary>
    public string? Author { get; set; }
    /// <summary>Language of the message (BCP 47); default the lead's.</summary>
    public string? Language { get; set; }
    /// <summary>The approved template the message was started from: its text, placeholders filled in, is not screened again.</summary>
    public Guid? TemplateId { get; set; }
    /// <summary>
    /// <c>block</c> (default): a message blocked only by timing answers 422 with the next allowed moment. <c>schedule</c>
    /// (email and SMS): it is stored and sent then, re-checked at that moment (202, <c>status: scheduled</c>, <c>scheduledFor</c>).
    /// </summary>
    public string? WhenNotAllowedNow { get; set; }
}
