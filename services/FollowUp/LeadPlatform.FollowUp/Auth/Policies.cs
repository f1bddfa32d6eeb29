namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Who may do what. <see cref="Read"/>: see leads, the queue, the evidence and the funnel (every role).
/// <see cref="Work"/>: act on a lead — send, note, change status, override (coordinators and admins; API tokens act as coordinators).
/// <see cref="Admin"/>: accounts and writing templates.
/// <see cref="Audit"/>: who read a lead's personal data (compliance officers and admins).
/// <see cref="Review"/>: decide on messages held for review, approve template versions, see the disclaimer matrix
/// (compliance officers and admins). A compliance officer can do exactly this and the audit besides reading.
/// <see cref="Reports"/>: the clinic's figures and charts (admins and managers; a manager sees nothing else).
/// </summary>
public static class Policies
{
    public const string Read = "followup.read";
    public const string Work = "followup.work";
    public const string Admin = "followup.admin";
    public const string Review = "followup.review";
    public const string Audit = "followup.audit";
    public const string Reports = "followup.reports";
}
