using System.Diagnostics;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>What the gate needs to know about a lead, read from the lead document and the configuration.</summary>
internal sealed class LeadFacts(PublicLinks links, IOptions<FollowUpOptions> options, TimeProvider time)
{
    public LeadComplianceFacts For(LeadDocument lead) => new()
    {
        Consent = lead.Consent,
        // A corrected phone or email is not what consent was given for: the gate compares the recipient with the old one.
        ConsentedEmail = lead.ConsentedContact?.Email ?? lead.Person?.Email,
        ConsentedPhone = lead.ConsentedContact?.Phone ?? lead.Person?.Phone,
        Country = lead.Person?.Country,
        PostalCode = lead.Person?.PostalCode,
        // The age the lead gave counts from when the lead reached follow-up (the submission, give or take seconds).
        IsMinor = lead.Person is { } person ? LeadAge.IsMinor(person.DateOfBirth, person.Age, lead.CreatedAt, time.GetUtcNow()) : null,
        // Policy "one opt-out revokes every channel": any opt-out on record (however it arrived) stops all contact.
        OptOuts = options.Value.OptOutRevokesAllChannels && lead.OptOuts.Count > 0
            ? [OptOutScope.All]
            : [.. lead.OptOuts.Select(OptOutScopeNames.Parse).Distinct()],
        RecentOutreach = [.. lead.Outreach
            .Where(o => o.Status != OutreachStatus.Failed && ChannelNames.TryParse(o.Channel, out _))
            .Select(o => new PriorOutreach(Parse(o.Channel), o.CreatedAt))],
        ClinicPostalAddress = string.IsNullOrWhiteSpace(options.Value.ClinicPostalAddress) ? null : options.Value.ClinicPostalAddress.Trim(),
        UnsubscribeUrl = links.UnsubscribeUrl(lead.Id),
        FullDisclaimerUrl = links.FullDisclaimerUrl(lead.Inquiry?.Condition, lead.Person?.Language),
        ClinicName = options.Value.ClinicDisplayName(),
    };

    /// <summary>The consented address or number for the channel, or null (the gate then blocks: no recipient).</summary>
    public static string? RecipientFor(LeadDocument lead, OutreachChannel channel) => ChannelPolicy.For(channel).Address switch
    {
        ChannelAddress.EmailAddress => lead.Person?.Email,
        ChannelAddress.PhoneNumber => lead.Person?.Phone,
        _ => throw new UnreachableException($"{channel} has no address kind."),
    };

    private static OutreachChannel Parse(string name)
    {
        ChannelNames.TryParse(name, out var channel);
        return channel;
    }
}
