using System.Globalization;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// The patient's messages about a consultation, in the lead's language (English, Spanish, Portuguese; else English),
/// with the date and time in the clinic's time zone, named. Plain facts only: no claim the claims screen would hold.
/// </summary>
internal static class ConsultationTexts
{
    public static (string Subject, string Body) For(string kind, Consultation c, string? language, TimeZoneInfo zone)
    {
        var lang = Language(language);
        var when = When(c, lang, zone);
        return (lang, kind) switch
        {
            ("es", "REQUEST") when c.Sequence == 0 => ("Su consulta está reservada", $"Su consulta está reservada: {when}, {c.DurationMinutes} minutos. Lugar: {c.Location}. Si necesita cambiarla, contáctenos."),
            ("es", "REQUEST") => ("Su consulta ha cambiado", $"Su consulta ha cambiado. Nueva fecha: {when}, {c.DurationMinutes} minutos. Lugar: {c.Location}. Si necesita cambiarla, contáctenos."),
            ("es", "CANCEL") => ("Su consulta está cancelada", $"Su consulta del {when} está cancelada. Si desea otra fecha, contáctenos."),
            ("es", _) => ("Recordatorio: su consulta es mañana", $"Su consulta es mañana, {when}. Lugar: {c.Location}."),
            ("pt", "REQUEST") when c.Sequence == 0 => ("Sua consulta está marcada", $"Sua consulta está marcada: {when}, {c.DurationMinutes} minutos. Local: {c.Location}. Se precisar mudar, entre em contato."),
            ("pt", "REQUEST") => ("Sua consulta mudou", $"Sua consulta mudou. Nova data: {when}, {c.DurationMinutes} minutos. Local: {c.Location}. Se precisar mudar, entre em contato."),
            ("pt", "CANCEL") => ("Sua consulta foi cancelada", $"Sua consulta de {when} foi cancelada. Se quiser outra data, entre em contato."),
            ("pt", _) => ("Lembrete: sua consulta é amanhã", $"Sua consulta é amanhã, {when}. Local: {c.Location}."),
            (_, "REQUEST") when c.Sequence == 0 => ("Your consultation is booked", $"Your consultation is booked: {when}, {c.DurationMinutes} minutes. Place: {c.Location}. If you need to change it, contact us."),
            (_, "REQUEST") => ("Your consultation has moved", $"Your consultation has moved. New time: {when}, {c.DurationMinutes} minutes. Place: {c.Location}. If you need to change it, contact us."),
            (_, "CANCEL") => ("Your consultation is cancelled", $"Your consultation on {when} is cancelled. If you would like another date, contact us."),
            _ => ("Reminder: your consultation is tomorrow", $"Your consultation is tomorrow, {when}. Place: {c.Location}."),
        };
    }

    /// <summary>
    /// The message's own wording (<see cref="For"/>) as approved content: the clinic's product text, which no retrained claims
    /// model may hold for review (it is not read again for every booking), with what the product itself fills in (the date and
    /// time it formats, the duration). The place a coordinator typed stays outside every approved piece, so the claims screen
    /// still reads it. (Leaving the date and duration out too made the unmasked remainder — "Saturday 5 December 2026, 09:00
    /// (America/Los_Angeles), 45 … Spine Care Clinic, 100 Market Street" with its full stops blanked — one run-on fragment of
    /// numbers the model read as a numeric claim.) The evidence lists the pieces' ids (<c>consultation:request:en:subject</c>,
    /// <c>…:body#1</c>, …).
    /// </summary>
    public static IReadOnlyList<LeadPlatform.Compliance.ApprovedContent> FixedWording(string kind, Consultation c, string? language, string? subject, string body)
        => LeadPlatform.FollowUp.Outreach.AcknowledgementTemplate.FixedWording($"consultation:{kind.ToLowerInvariant()}:{Language(language)}", subject, body, c.Location);

    private static string Language(string? language) => (language ?? "en").Split('-')[0].ToLowerInvariant();

    private static string When(Consultation c, string lang, TimeZoneInfo zone)
    {
        var culture = CultureInfo.GetCultureInfo(lang switch { "es" => "es-ES", "pt" => "pt-BR", _ => "en-US" });
        var local = TimeZoneInfo.ConvertTime(c.StartsAt, zone);
        return $"{local.ToString("dddd d MMMM yyyy", culture)}, {local.ToString("HH:mm", culture)} ({zone.Id})";
    }

    /// <summary>For the clinic's people: "Tue 2 Dec 2026, 10:00 (America/Los_Angeles)".</summary>
    public static string ForStaff(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) + $" ({zone.Id})";
}
