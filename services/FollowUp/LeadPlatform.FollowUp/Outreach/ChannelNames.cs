using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>The channel names of the API, the store and the contracts (<c>email</c>, <c>sms</c>, <c>phone</c>): each channel's <see cref="ChannelPolicy.Name"/>.</summary>
internal static class ChannelNames
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Phone = "phone";

    public static bool TryParse(string? name, out OutreachChannel channel)
    {
        var known = ChannelPolicy.TryParse(name, out var policy);
        channel = known ? policy!.Channel : default;
        return known;
    }

    /// <summary>The channel's name; <c>unknown</c> for a value that is not a channel (it is only ever logged).</summary>
    public static string Of(OutreachChannel channel) => ChannelPolicy.TryFor(channel, out var policy) ? policy.Name : "unknown";
}
