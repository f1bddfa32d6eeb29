namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// A consultation booked for a lead: when (UTC; shown in the clinic's time zone), how long, where (the clinic's address
/// or a video link), who booked it. Its <see cref="Id"/> is the calendar invite's UID, the same across reschedules;
/// <see cref="Sequence"/> counts the changes (RFC 5545 SEQUENCE). Location and notes are sealed at rest.
/// </summary>
public sealed class Consultation
{
    internal const string SealedPurpose = "consultation";
    internal static readonly string[] SealedFields = [nameof(Location), nameof(Notes)];

    public Guid Id { get; set; }
    /// <summary>See <see cref="ConsultationStatus"/>.</summary>
    public string Status { get; set; } = ConsultationStatus.Booked;
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string Location { get; set; } = string.Empty;
    public string? Notes { get; set; }
    public string BookedBy { get; set; } = string.Empty;
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Sequence { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The email or text of each confirmation, update or cancellation (the OutreachId it carries, or its scheduled item).</summary>
    public List<ConsultationMessage> Messages { get; set; } = [];
    /// <summary>The reminder waiting in the scheduled outreach for the day before, or null.</summary>
    public Guid? ReminderId { get; set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}
