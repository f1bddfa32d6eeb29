namespace LeadPlatform.FollowUp.Consultations;

/// <summary>A consultation as the API shows it: times in UTC and in the clinic's time zone, the messages sent about it.</summary>
public sealed record ConsultationView(
    Guid Id,
    Guid LeadId,
    string Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int DurationMinutes,
    string ClinicTimeZone,
    string StartsAtClinicTime,
    string Location,
    string? Notes,
    string BookedBy,
    DateTimeOffset BookedAt,
    int Sequence,
    string CalendarUid,
    string? CancelReason,
    Guid? ReminderId,
    IReadOnlyList<ConsultationMessageView> Messages)
{
    internal static ConsultationView From(Guid leadId, Consultation c, TimeZoneInfo zone) => new(
        c.Id, leadId, c.Status, c.StartsAt, c.EndsAt, c.DurationMinutes, zone.Id,
        TimeZoneInfo.ConvertTime(c.StartsAt, zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        c.Location, c.Notes, c.BookedBy, c.BookedAt, c.Sequence, CalendarInvite.Uid(c), c.CancelReason, c.ReminderId,
        [.. c.Messages.Select(m => new ConsultationMessageView(m.OutreachId, m.Method, m.Sequence, m.Channel, m.At, m.Outcome))]);
}
