namespace LeadPlatform.FollowUp.Consultations;

/// <summary>Where a booked consultation stands.</summary>
public static class ConsultationStatus
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
    public const string NoShow = "no_show";
}
