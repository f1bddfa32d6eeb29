using System.Diagnostics;
using LeadPlatform.Contracts;

namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// One policy per channel, and the gate reads it: a channel's opt-out scope, consent, subject, contact rules and layout
/// are what its policy says, and a value that is not a channel gets no other channel's rules.
/// </summary>
public sealed class Every_outreach_channel
{
    public static TheoryData<OutreachChannel> Channels() => [.. Enum.GetValues<OutreachChannel>()];

    [Theory]
    [MemberData(nameof(Channels))]
    public void Has_a_policy_whose_name_round_trips(OutreachChannel channel)
    {
        var policy = ChannelPolicy.For(channel);

        Assert.Equal(channel, policy.Channel);
        Assert.True(ChannelPolicy.TryParse(policy.Name, out var parsed));
        Assert.Same(policy, parsed);
        Assert.True(ChannelPolicy.TryParse(" " + policy.Name.ToUpperInvariant() + " ", out var loud));
        Assert.Same(policy, loud);
        Assert.Equal(policy.OptOutScope, OptOutScopeNames.Parse(policy.Name));
        Assert.Equal(policy.Name, OptOutScopeNames.ToContractName(policy.OptOutScope));
        Assert.False(string.IsNullOrWhiteSpace(policy.Label));
        Assert.False(string.IsNullOrWhiteSpace(policy.Message));
        Assert.True(policy.BodyMaxCharacters > 0);
        Assert.Equal(policy.HasSubject, policy.SubjectMaxCharacters > 0);
        Assert.True(Enum.IsDefined(policy.Layout));
        Assert.True(Enum.IsDefined(policy.Address));
    }

    [Fact]
    public void Has_its_own_name_and_its_own_opt_out_scope()
    {
        var policies = Enum.GetValues<OutreachChannel>().Select(ChannelPolicy.For).ToList();

        Assert.Equal(policies.Count, policies.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(policies.Count, policies.Select(p => p.OptOutScope).Distinct().Count());
        Assert.DoesNotContain(policies, p => p.OptOutScope == OptOutScope.All);
        Assert.Equal(policies, ChannelPolicy.All);
        Assert.Equal("email, sms, phone", ChannelPolicy.AllowedNames);
        Assert.Equal("email, sms or phone", ChannelPolicy.AllowedNamesOr);
    }

    [Fact]
    public void Is_the_only_thing_a_value_outside_the_enum_is_refused_by()
    {
        var undefined = (OutreachChannel)99;

        Assert.Throws<UnreachableException>(() => ChannelPolicy.For(undefined));
        Assert.False(ChannelPolicy.TryFor(undefined, out _));
        Assert.False(ChannelPolicy.TryParse("whatsapp", out _));
        Assert.Equal(OptOutScope.All, OptOutScopeNames.Parse("whatsapp"));
        Assert.Equal("all", OptOutScopeNames.ToContractName(OptOutScope.All));

        // The gate refuses it as an incomplete draft: it gets neither the phone's opt-out scope nor the call-script layout.
        var decision = GateKit.Gate().Check(GateKit.Draft(undefined) with { Recipient = GateKit.Phone }, GateKit.Facts());
        Assert.False(decision.Cleared);
        Assert.Contains(ComplianceRules.DraftIncomplete, decision.Rules());
        Assert.Null(decision.Outreach);
        Assert.False(decision.Message?.StartsWith("READ ALOUD", StringComparison.Ordinal) == true);
        Assert.Equal("unknown", decision.Evidence?.Channel);
    }
}
