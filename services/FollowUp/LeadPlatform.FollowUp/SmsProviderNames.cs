using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp;

/// <summary>The names <c>FollowUp:Sms:Provider</c> accepts: <c>file</c> (the default, also when unset), <c>http</c>.</summary>
public static class SmsProviderNames
{
    public static NameMap<SmsProvider> Map { get; } = NameMap<SmsProvider>.Setting("FollowUp:Sms:Provider",
        new Dictionary<SmsProvider, string> { [SmsProvider.File] = "file", [SmsProvider.Http] = "http" });
}
