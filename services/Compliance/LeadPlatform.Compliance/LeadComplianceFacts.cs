using LeadPlatform.Contracts;

namespace LeadPlatform.Compliance;

/// <summary>
/// What the caller knows about the lead when it asks the gate. Anything missing that a rule needs
/// blocks the outreach (fail closed): no consent snapshot, no consented address or number, no time zone
/// for SMS or calls, no postal address or unsubscribe link for email, no full-disclaimer link for SMS.
/// </summary>
public sealed record LeadComplianceFacts
{
    /// <summary>The consent intake recorded. Null means unknown, which blocks every channel.</summary>
    public ConsentSnapshot? Consent { get; init; }
    /// <summary>The email address the email consent was given for.</summary>
    public string? ConsentedEmail { get; init; }
    /// <summary>The phone number (E.164) the SMS and call consent was given for; also a time-zone source.</summary>
    public string? ConsentedPhone { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country of the lead's address.</summary>
    public string? Country { get; init; }
    public string? PostalCode { get; init; }
    /// <summary>
    /// True when the lead is known to be under 18 (see <see cref="LeadAge.IsMinor"/>): every outreach is blocked except the
    /// automatic acknowledgement. Null or false: not known to be a minor.
    /// </summary>
    public bool? IsMinor { get; init; }
    /// <summary>Opt-outs on record (from links, STOP replies, coordinators). Any one covering the channel blocks.</summary>
    public IReadOnlyCollection<OptOutScope> OptOuts { get; init; } = [];
    /// <summary>Outreach attempts already made, any channel; the cap counts those on the draft's channel.</summary>
    public IReadOnlyList<PriorOutreach> RecentOutreach { get; init; } = [];
    /// <summary>Email: the clinic's postal address, printed under the disclaimer.</summary>
    public string? ClinicPostalAddress { get; init; }
    /// <summary>Email: the one-click unsubscribe link (see <see cref="UnsubscribeTokens"/>).</summary>
    public string? UnsubscribeUrl { get; init; }
    /// <summary>SMS: a link to the full evidence disclaimer.</summary>
    public string? FullDisclaimerUrl { get; init; }
    /// <summary>The clinic's name as an opt-out confirmation names it (<see cref="OptOutConfirmation"/>); null: "the clinic".</summary>
    public string? ClinicName { get; init; }
}
