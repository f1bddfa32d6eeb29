using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>The channel names of the API, the store and the contracts (<c>email</c>, <c>sms</c>, <c>phone</c>).</summary>
internal static class ChannelNames
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Phone = "phone";

    public static bool TryParse(string? name, out OutreachChannel channel)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Email: channel = OutreachChannel.Email; return true;
            case Sms: channel = OutreachChannel.Sms; return true;
            case Phone: channel = OutreachChannel.Phone; return true;
            default: channel = default; return false;
        }
    }

    public static string Of(OutreachChannel channel) => channel switch
    {
        OutreachChannel.Email => Email,
        OutreachChannel.Sms => Sms,
        OutreachChannel.Phone => Phone,
        _ => "unknown",
    };
}
