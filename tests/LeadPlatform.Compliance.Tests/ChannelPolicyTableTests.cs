using LeadPlatform.Contracts;

namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// The table of what differs between channels, and the gate doing what the table says: the opt-out that blocks a
/// channel, whether a missing subject or unwritten consent blocks it, whether quiet hours govern it and how its
/// message is laid out all come from the channel's <see cref="ChannelPolicy"/>.
/// </summary>
public sealed class The_channel_policy_table
{
    public static TheoryData<OutreachChannel, string, OptOutScope, bool, bool, bool, int, ChannelLayout> Table() => new()
    {
        // channel, name, opt-out scope, written consent, contact rules, subject, body max, layout
        { OutreachChannel.Email, "email", OptOutScope.Email, false, false, true, 5000, ChannelLayout.Email },
        { OutreachChannel.Sms, "sms", OptOutScope.Sms, true, true, false, 1000, ChannelLayout.Text },
        { OutreachChannel.Phone, "phone", OptOutScope.Phone, true, true, false, 5000, ChannelLayout.CallScript },
    };

    [Fact]
    public void Names_every_channel()
        => Assert.Equal(Enum.GetValues<OutreachChannel>().Order(), Table().Select(row => row.Data.Item1).Order());

    [Theory]
    [MemberData(nameof(Table))]
    public void Says_what_each_channel_needs(OutreachChannel channel, string name, OptOutScope scope, bool written, bool contactRules, bool subject, int bodyMax, ChannelLayout layout)
    {
        var policy = ChannelPolicy.For(channel);

        Assert.Equal(name, policy.Name);
        Assert.Equal(scope, policy.OptOutScope);
        Assert.Equal(written, policy.WrittenConsentRequired);
        Assert.Equal(contactRules, policy.ContactRulesApply);
        Assert.Equal(subject, policy.HasSubject);
        Assert.Equal(bodyMax, policy.BodyMaxCharacters);
        Assert.Equal(layout, policy.Layout);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Decides_the_gates_opt_out_block(OutreachChannel channel)
    {
        var policy = ChannelPolicy.For(channel);
        var gate = GateKit.Gate();

        foreach (var scope in Enum.GetValues<OptOutScope>())
        {
            var decision = gate.Check(GateKit.Draft(channel), GateKit.Facts() with { OptOuts = [scope] });
            var blocks = scope == policy.OptOutScope || scope == OptOutScope.All;
            Assert.Equal(blocks, decision.Rules().Contains(ComplianceRules.OptedOut));
        }
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Decides_the_layout_of_the_cleared_message(OutreachChannel channel)
    {
        var policy = ChannelPolicy.For(channel);

        var decision = GateKit.Gate().Check(GateKit.Draft(channel), GateKit.Facts());

        Assert.True(decision.Cleared, string.Join("; ", decision.Violations.Select(v => v.Advice)));
        var message = decision.Outreach!.Message;
        Assert.Equal(policy.Layout == ChannelLayout.CallScript, message.StartsWith("READ ALOUD FIRST", StringComparison.Ordinal));
        Assert.Equal(policy.Layout == ChannelLayout.Email, message.Contains("\n\n--\n", StringComparison.Ordinal));
        Assert.Equal(policy.Layout != ChannelLayout.CallScript, message.StartsWith(GateKit.HonestBody, StringComparison.Ordinal));
        Assert.Equal(policy.HasSubject, decision.Outreach.Subject is not null);
        Assert.Equal(policy.Layout == ChannelLayout.Email, decision.Outreach.UnsubscribeUrl is not null);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Decides_whether_a_subject_is_required(OutreachChannel channel)
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(channel) with { Subject = null }, GateKit.Facts());

        Assert.Equal(ChannelPolicy.For(channel).HasSubject, decision.Rules().Contains(ComplianceRules.DraftIncomplete));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Decides_whether_consent_must_be_written(OutreachChannel channel)
    {
        var unwritten = new ChannelConsent { Granted = true, GrantedAt = new DateTimeOffset(2024, 11, 1, 9, 30, 0, TimeSpan.Zero) };
        var consent = new ConsentSnapshot { Email = unwritten, Sms = unwritten, Phone = unwritten };

        var decision = GateKit.Gate().Check(GateKit.Draft(channel), GateKit.Facts() with { Consent = consent });

        Assert.Equal(ChannelPolicy.For(channel).WrittenConsentRequired, decision.Rules().Contains(ComplianceRules.ConsentMissing));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Decides_the_consent_the_channel_reads(OutreachChannel channel)
    {
        var policy = ChannelPolicy.For(channel);
        var refused = new ChannelConsent { Granted = false };
        var all = GateKit.AllConsent();
        // Refuse every consent but this channel's own.
        var consent = new ConsentSnapshot
        {
            Email = policy.ConsentOf(all) == all.Email ? all.Email : refused,
            Sms = policy.ConsentOf(all) == all.Sms ? all.Sms : refused,
            Phone = policy.ConsentOf(all) == all.Phone ? all.Phone : refused,
        };

        Assert.True(GateKit.Gate().Check(GateKit.Draft(channel), GateKit.Facts() with { Consent = consent }).Cleared);
        Assert.Contains(ComplianceRules.ConsentMissing,
            GateKit.Gate().Check(GateKit.Draft(channel), GateKit.Facts() with { Consent = all with { Email = refused, Sms = refused, Phone = refused } }).Rules());
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Decides_whether_quiet_hours_govern_the_channel(OutreachChannel channel)
    {
        // 03:00 in New York.
        var decision = GateKit.Gate(new DateTimeOffset(2025, 6, 10, 7, 0, 0, TimeSpan.Zero)).Check(GateKit.Draft(channel), GateKit.Facts());

        Assert.Equal(ChannelPolicy.For(channel).ContactRulesApply, decision.Rules().Contains(ComplianceRules.QuietHours));
        Assert.Equal(!ChannelPolicy.For(channel).ContactRulesApply, decision.Cleared);
    }

    public static TheoryData<OutreachChannel> Channels() => [.. Enum.GetValues<OutreachChannel>()];
}
