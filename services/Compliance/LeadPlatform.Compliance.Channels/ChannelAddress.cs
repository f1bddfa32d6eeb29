namespace LeadPlatform.Compliance;

/// <summary>What a channel's recipient is: an email address or a phone number.</summary>
public enum ChannelAddress
{
    /// <summary>An email address, compared without regard to case.</summary>
    EmailAddress = 0,

    /// <summary>A phone number, compared in international (E.164) form.</summary>
    PhoneNumber = 1,
}
