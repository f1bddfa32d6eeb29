using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Api;

/// <summary>Field checks of a draft before the gate sees it: a 400 names each field that is wrong.</summary>
internal static class DraftValidation
{
    public const int BodyMax = 5000;
    public const int SmsBodyMax = 1000;
    public const int SubjectMax = 200;
    public const int NameMax = 100;

    public static Dictionary<string, string[]> Check(string? channelName, string? subject, string? body, out OutreachChannel channel)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ChannelNames.TryParse(channelName, out channel))
        {
            errors["channel"] = [string.IsNullOrWhiteSpace(channelName) ? "The channel is required: email, sms or phone." : "Unknown channel: use email, sms or phone."];
        }

        var max = channel == OutreachChannel.Sms ? SmsBodyMax : BodyMax;
        if (string.IsNullOrWhiteSpace(body)) errors["body"] = ["The message body is required."];
        else if (body.Length > max) errors["body"] = [$"The message body is {body.Length} characters; at most {max} are allowed for {ChannelNames.Of(channel)}."];

        if (subject is { Length: > SubjectMax }) errors["subject"] = [$"The subject is {subject.Length} characters; at most {SubjectMax} are allowed."];
        return errors;
    }

    public static void Name(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors[field] = [$"The {field} is required."];
        else if (value is { Length: > NameMax }) errors[field] = [$"The {field} is longer than {NameMax} characters."];
    }
}
