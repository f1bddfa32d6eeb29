using PhoneNumbers;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>A phone number as people read it ("+1 305-555-0142"), from the E.164 form intake stores; the stored text when it does not parse.</summary>
public static class PhoneDisplay
{
    public static string Format(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "—";
        try
        {
            var util = PhoneNumberUtil.GetInstance();
            return util.Format(util.Parse(phone, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return phone;
        }
    }
}
