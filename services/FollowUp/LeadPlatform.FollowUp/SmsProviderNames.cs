using LeadPlatform.ServiceDefaults.Configuration;

namespace LeadPlatform.FollowUp;

/// <summary>The names <c>FollowUp:Sms:Provider</c> accepts: <c>file</c> (the default, also when unset), <c>http</c>.</summary>
public static class SmsProviderNames
{
    public static SettingNames<SmsProvider> Map { get; } = new("FollowUp:Sms:Provider",
        new Dictionary<SmsProvider, string> { [SmsProvider.File] = "file", [SmsProvider.Http] = "http" });
}
