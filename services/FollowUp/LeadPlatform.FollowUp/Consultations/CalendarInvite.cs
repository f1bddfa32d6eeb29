using System.Globalization;
using System.Text;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// The RFC 5545 calendar invite of a consultation (iTIP METHOD REQUEST or CANCEL, RFC 5546): UID from the consultation's
/// id, the same across reschedules, SEQUENCE counting the changes, times in UTC, CRLF lines folded at 75 octets, text escaped.
/// </summary>
internal static class CalendarInvite
{
    public static string Uid(Consultation c) => $"{c.Id:D}@consultations.leadplatform";

    public static string Build(Consultation c, string method, int sequence, DateTimeOffset stamp, string organizer, string attendee, string summary, string description)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//LeadPlatform//FollowUp consultations//EN",
            "CALSCALE:GREGORIAN",
            $"METHOD:{method}",
            "BEGIN:VEVENT",
            $"UID:{Uid(c)}",
            $"DTSTAMP:{Utc(stamp)}",
            $"DTSTART:{Utc(c.StartsAt)}",
            $"DTEND:{Utc(c.EndsAt)}",
            $"SEQUENCE:{sequence.ToString(CultureInfo.InvariantCulture)}",
            $"STATUS:{(method == "CANCEL" ? "CANCELLED" : "CONFIRMED")}",
            $"SUMMARY:{Text(summary)}",
            $"LOCATION:{Text(c.Location)}",
            $"DESCRIPTION:{Text(description)}",
            $"ORGANIZER:mailto:{organizer}",
            $"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{attendee}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var ics = new StringBuilder();
        foreach (var line in lines) Fold(ics, line);
        return ics.ToString();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon, comma escaped; new lines as \n.</summary>
    internal static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and a space, never splitting a UTF-8 character.</summary>
    private static void Fold(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
