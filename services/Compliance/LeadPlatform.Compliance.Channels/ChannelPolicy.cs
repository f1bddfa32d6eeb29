using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using LeadPlatform.Contracts;

namespace LeadPlatform.Compliance;

/// <summary>
/// Everything that differs between channels, in one place: the name on the wire and in the store, the words a person
/// reads, the opt-out that covers it, the consent it needs (and whether it must be written), whether the contact rules'
/// windows and calls-and-texts limits govern it (the rules themselves are the contact rule table's), its subject
/// and body limits, and how the gate lays a message out. The gate, intake's validation, follow-up and the pages read it;
/// adding a channel is one enum value, one entry here, and what only that channel needs (a sender, a consent field in
/// the contract, its disclaimers). <see cref="For"/> throws for a value that is not a channel, so nothing falls through
/// to another channel's rules.
/// </summary>
public sealed class ChannelPolicy
{
    private static readonly ChannelPolicy EmailPolicy = new()
    {
        Channel = OutreachChannel.Email,
        Name = "email",
        Label = "Email",
        Message = "email",
        Messages = "emails",
        ContactBy = "email",
        OptedOutOf = "email",
        AddressWords = "email address",
        OptOutScope = OptOutScope.Email,
        ConsentOf = c => c?.Email,
        WrittenConsentRequired = false,
        ContactRulesApply = false,
        HasSubject = true,
        SubjectMaxCharacters = 200,
        BodyMaxCharacters = 5000,
        Layout = ChannelLayout.Email,
        Address = ChannelAddress.EmailAddress,
        SentAutomatically = true,
    };

    private static readonly ChannelPolicy SmsPolicy = new()
    {
        Channel = OutreachChannel.Sms,
        Name = "sms",
        Label = "Text message",
        Message = "text message",
        Messages = "texts",
        ContactBy = "texts",
        OptedOutOf = "SMS",
        AddressWords = "phone number",
        OptOutScope = OptOutScope.Sms,
        ConsentOf = c => c?.Sms,
        WrittenConsentRequired = true,
        ContactRulesApply = true,
        HasSubject = false,
        SubjectMaxCharacters = 0,
        BodyMaxCharacters = 1000,
        Layout = ChannelLayout.Text,
        Address = ChannelAddress.PhoneNumber,
        SentAutomatically = true,
    };

    private static readonly ChannelPolicy PhonePolicy = new()
    {
        Channel = OutreachChannel.Phone,
        Name = "phone",
        Label = "Phone call",
        Message = "call",
        Messages = "calls",
        ContactBy = "calls",
        OptedOutOf = "calls",
        AddressWords = "phone number",
        OptOutScope = OptOutScope.Phone,
        ConsentOf = c => c?.Phone,
        WrittenConsentRequired = true,
        ContactRulesApply = true,
        HasSubject = false,
        SubjectMaxCharacters = 0,
        BodyMaxCharacters = 5000,
        Layout = ChannelLayout.CallScript,
        Address = ChannelAddress.PhoneNumber,
        SentAutomatically = false,
    };

    private ChannelPolicy()
    {
    }

    /// <summary>Every channel's policy, in the order of <see cref="OutreachChannel"/>.</summary>
    public static IReadOnlyList<ChannelPolicy> All { get; } = [.. Enum.GetValues<OutreachChannel>().Select(For)];

    /// <summary>The channel names (<c>email, sms, phone</c>), for an error message that lists what is allowed.</summary>
    public static string AllowedNames { get; } = string.Join(", ", Enum.GetValues<OutreachChannel>().Select(c => For(c).Name));

    /// <summary>The channel names as a sentence says them: <c>email, sms or phone</c>.</summary>
    public static string AllowedNamesOr { get; } = string.Join(", ", All.SkipLast(1).Select(p => p.Name)) + " or " + All[^1].Name;

    public required OutreachChannel Channel { get; init; }

    /// <summary>The name on the wire, in the store and in configuration: <c>email</c>, <c>sms</c>, <c>phone</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The channel as a heading or a choice reads: "Email", "Text message", "Phone call".</summary>
    public required string Label { get; init; }

    /// <summary>One message of the channel in a sentence: "email", "text message", "call".</summary>
    public required string Message { get; init; }

    /// <summary>Several of them: "emails", "texts", "calls".</summary>
    public required string Messages { get; init; }

    /// <summary>What consent is given to: "no consent to email", "… to texts", "… to calls".</summary>
    public required string ContactBy { get; init; }

    /// <summary>What an opt-out of the channel reads as: "opted out of email", "… of SMS", "… of calls".</summary>
    public required string OptedOutOf { get; init; }

    /// <summary>The recipient in words: "email address", "phone number".</summary>
    public required string AddressWords { get; init; }

    /// <summary>The opt-out that covers this channel (besides <see cref="OptOutScope.All"/>).</summary>
    public required OptOutScope OptOutScope { get; init; }

    /// <summary>The consent, of those intake recorded, that this channel needs; null when none is known.</summary>
    public required Func<ConsentSnapshot?, ChannelConsent?> ConsentOf { get; init; }

    /// <summary>Whether the consent must be prior express written consent (its exact text and version on record).</summary>
    public required bool WrittenConsentRequired { get; init; }

    /// <summary>Whether the contact rules' local-time windows and calls-and-texts limits govern this channel.</summary>
    public required bool ContactRulesApply { get; init; }

    /// <summary>Whether a message has a subject (and needs one).</summary>
    public required bool HasSubject { get; init; }

    /// <summary>The longest subject accepted; 0 when the channel has none.</summary>
    public required int SubjectMaxCharacters { get; init; }

    /// <summary>The longest body (what the coordinator writes, before the disclaimer) accepted, in characters.</summary>
    public required int BodyMaxCharacters { get; init; }

    public required ChannelLayout Layout { get; init; }

    public required ChannelAddress Address { get; init; }

    /// <summary>Whether the product itself delivers it (an email, a text), rather than a person reading a script.</summary>
    public required bool SentAutomatically { get; init; }

    /// <summary>The policy of a channel. A value that is not a defined channel is a programming error and throws.</summary>
    public static ChannelPolicy For(OutreachChannel channel) => channel switch
    {
        OutreachChannel.Email => EmailPolicy,
        OutreachChannel.Sms => SmsPolicy,
        OutreachChannel.Phone => PhonePolicy,
        _ => throw new UnreachableException($"{(int)channel} is not an outreach channel."),
    };

    /// <summary>The policy of a channel, or false for a value that is not a defined channel (an input the gate refuses).</summary>
    public static bool TryFor(OutreachChannel channel, [NotNullWhen(true)] out ChannelPolicy? policy)
    {
        policy = Enum.IsDefined(channel) ? For(channel) : null;
        return policy is not null;
    }

    /// <summary>The policy named <paramref name="name"/> (any case, surrounding spaces ignored), or false.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out ChannelPolicy? policy)
    {
        var trimmed = name?.Trim();
        policy = All.FirstOrDefault(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        return policy is not null;
    }

    public override string ToString() => Name;
}
