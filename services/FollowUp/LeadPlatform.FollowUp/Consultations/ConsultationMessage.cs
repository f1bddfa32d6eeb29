namespace LeadPlatform.FollowUp.Consultations;

/// <summary>One message about a consultation: its OutreachId, the invite's METHOD (REQUEST or CANCEL) and SEQUENCE, its channel.</summary>
public sealed class ConsultationMessage
{
    public Guid OutreachId { get; set; }
    /// <summary><c>REQUEST</c> (booked, rescheduled), <c>CANCEL</c>, or <c>REMINDER</c> (no invite attached).</summary>
    public string Method { get; set; } = "REQUEST";
    public int Sequence { get; set; }
    public string Channel { get; set; } = "email";
    public DateTimeOffset At { get; set; }
    /// <summary>sent, held_for_review, scheduled, blocked, failed.</summary>
    public string Outcome { get; set; } = string.Empty;
}
