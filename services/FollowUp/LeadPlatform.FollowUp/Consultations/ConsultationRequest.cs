namespace LeadPlatform.FollowUp.Consultations;

/// <summary>A booking or a reschedule, checked (UTC start, minutes, place), with who does it.</summary>
internal sealed record ConsultationRequest(DateTimeOffset StartsAt, int DurationMinutes, string Location, string? Notes, bool SendConfirmation, string By);
