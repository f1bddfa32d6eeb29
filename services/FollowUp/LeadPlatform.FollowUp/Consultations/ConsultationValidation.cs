using System.Net.Mail;
using PhoneNumbers;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>Field checks shared by the API and the lead page's forms: each problem in plain words, keyed by the field's name.</summary>
internal static class ConsultationValidation
{
    public const int LocationMax = 500;
    public const int NotesMax = 4000;
    public const int ReasonMax = 1000;
    public static readonly TimeSpan FurthestAhead = TimeSpan.FromDays(366);

    public static Dictionary<string, string[]> Booking(DateTimeOffset? startsAt, int? minutes, string? location, string? notes, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (startsAt is not { } at) errors["startsAt"] = ["Give the date and time of the consultation."];
        else if (at <= now) errors["startsAt"] = ["The consultation must be in the future."];
        else if (at > now + FurthestAhead) errors["startsAt"] = ["The consultation must be within a year."];
        if (minutes is not { } m) errors["durationMinutes"] = ["Give the length of the consultation in minutes."];
        else if (m is < 5 or > 480) errors["durationMinutes"] = ["The length must be from 5 to 480 minutes."];
        if (string.IsNullOrWhiteSpace(location)) errors["location"] = ["Give the place: the clinic's address or a video link."];
        else if (location.Length > LocationMax) errors["location"] = [$"The place is {location.Length} characters; at most {LocationMax} are allowed."];
        if (notes is { Length: > NotesMax }) errors["notes"] = [$"The notes are {notes.Length} characters; at most {NotesMax} are allowed."];
        return errors;
    }

    public static void Reason(Dictionary<string, string[]> errors, string? reason, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["Give the reason."];
        else if (reason is { Length: > ReasonMax }) errors["reason"] = [$"The reason is {reason.Length} characters; at most {ReasonMax} are allowed."];
    }

    public static Dictionary<string, string[]> Lost(string? reason, string? text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!LostReasons.IsKnown(reason)) errors["reason"] = [$"Choose why the lead was lost: {string.Join(", ", LostReasons.All.Select(r => r.Code))}."];
        else if (reason == LostReasons.Other && string.IsNullOrWhiteSpace(text)) errors["text"] = ["Say what the other reason is."];
        if (text is { Length: > ReasonMax }) errors["text"] = [$"The text is {text.Length} characters; at most {ReasonMax} are allowed."];
        return errors;
    }

    /// <summary>The phone as E.164 and the email as typed (trimmed); errors name <c>phone</c>, <c>email</c>, <c>reason</c>.</summary>
    public static Dictionary<string, string[]> Contact(string? phone, string? email, string? reason, out string? e164, out string? address)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        e164 = null;
        address = null;
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email)) errors["phone"] = ["Give the corrected phone number or email address."];
        if (!string.IsNullOrWhiteSpace(phone))
        {
            e164 = E164(phone.Trim());
            if (e164 is null || !phone.Trim().StartsWith('+'))
            {
                e164 = null;
                errors["phone"] = ["Give the phone number in international form, with + and the country code, for example +14155550134."];
            }
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            var trimmed = email.Trim();
            if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !parsed.Host.Contains('.'))
                errors["email"] = ["Give a valid email address, for example name@example.com."];
            else address = trimmed;
        }
        Reason(errors, reason, required: true);
        return errors;
    }

    private static string? E164(string phone)
    {
        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var number = util.Parse(phone, null);
            return util.IsValidNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
