namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where a lead stands in the coordinators' funnel.</summary>
public static class LeadStatus
{
    public const string New = "new";
    public const string NotEligible = "not_eligible";
    public const string Contacted = "contacted";
    public const string QuoteSent = "quote_sent";
    public const string ConsultationBooked = "consultation_booked";
    public const string Won = "won";
    public const string Lost = "lost";
    public const string NotACandidate = "not_a_candidate";
}
