using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>Field checks of a draft before the gate sees it: a 400 names each field that is wrong.</summary>
internal static class DraftValidation
{
    /// <summary>The longest subject accepted on a channel without one (where it is ignored); a channel's own is its policy's.</summary>
    public const int SubjectMax = 200;
    public const int NameMax = 100;

    public static Dictionary<string, string[]> Check(string? channelName, string? subject, string? body, out OutreachChannel channel)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ChannelNames.TryParse(channelName, out channel))
        {
            errors["channel"] = [string.IsNullOrWhiteSpace(channelName) ? $"The channel is required: {ChannelPolicy.AllowedNamesOr}." : $"Unknown channel: use {ChannelPolicy.AllowedNamesOr}."];
        }

        var policy = ChannelPolicy.For(channel);
        var max = policy.BodyMaxCharacters;
        var subjectMax = policy.HasSubject ? policy.SubjectMaxCharacters : SubjectMax;
        if (string.IsNullOrWhiteSpace(body)) errors["body"] = ["The message body is required."];
        else if (body.Length > max) errors["body"] = [$"The message body is {body.Length} characters; at most {max} are allowed for {ChannelNames.Of(channel)}."];

        if (subject?.Length > subjectMax) errors["subject"] = [$"The subject is {subject.Length} characters; at most {subjectMax} are allowed."];
        return errors;
    }

    public static void Name(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors[field] = [$"The {field} is required."];
        else if (value is { Length: > NameMax }) errors[field] = [$"The {field} is longer than {NameMax} characters."];
    }
}
