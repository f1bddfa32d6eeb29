using LeadPlatform.Contracts;

namespace LeadPlatform.Compliance.Tests;

public sealed class Consent
{
    [Theory]
    [InlineData(OutreachChannel.Email)]
    [InlineData(OutreachChannel.Sms)]
    [InlineData(OutreachChannel.Phone)]
    public void Clears_an_honest_outreach_to_a_lead_who_consented_to_the_channel(OutreachChannel channel)
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(channel), GateKit.Facts());

        Assert.True(decision.Cleared, string.Join("; ", decision.Violations.Select(v => v.Advice)));
        Assert.Equal("cleared", decision.Decision);
        Assert.NotNull(decision.Outreach);
    }

    [Fact]
    public void Blocks_every_channel_when_no_consent_was_recorded()
    {
        var facts = GateKit.Facts() with { Consent = null };
        foreach (var channel in Enum.GetValues<OutreachChannel>())
        {
            var decision = GateKit.Gate().Check(GateKit.Draft(channel), facts);
            Assert.Equal("blocked", decision.Decision);
            Assert.Contains(ComplianceRules.ConsentMissing, decision.Rules());
        }
    }

    [Fact]
    public void Blocks_sms_when_the_lead_consented_to_email_only()
    {
        var facts = GateKit.Facts() with { Consent = GateKit.AllConsent() with { Sms = new ChannelConsent { Granted = false } } };

        Assert.True(GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), facts).Cleared);
        Assert.Contains(ComplianceRules.ConsentMissing, GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Sms), facts).Rules());
    }

    [Theory]
    [InlineData(OutreachChannel.Sms)]
    [InlineData(OutreachChannel.Phone)]
    public void Blocks_texts_and_calls_without_a_record_of_the_written_consent_text(OutreachChannel channel)
    {
        var oral = new ChannelConsent { Granted = true, GrantedAt = GateKit.NoonInNewYork.AddDays(-3) };
        var facts = GateKit.Facts() with { Consent = GateKit.AllConsent() with { Sms = oral, Phone = oral } };

        var decision = GateKit.Gate().Check(GateKit.Draft(channel), facts);

        Assert.Contains(ComplianceRules.ConsentMissing, decision.Rules());
        Assert.Contains("written consent", decision.Violations.Single(v => v.Rule == ComplianceRules.ConsentMissing).Advice);
    }

    [Fact]
    public void Blocks_a_text_to_a_number_other_than_the_one_consent_was_given_for()
    {
        var draft = GateKit.Draft(OutreachChannel.Sms) with { Recipient = "+12015550199" };

        var decision = GateKit.Gate().Check(draft, GateKit.Facts());

        Assert.Equal([ComplianceRules.ConsentRecipientMismatch], decision.Rules());
    }

    [Fact]
    public void Treats_the_same_number_written_differently_as_the_consented_number()
    {
        var draft = GateKit.Draft(OutreachChannel.Sms) with { Recipient = "+1 (201) 555-0123" };

        Assert.True(GateKit.Gate().Check(draft, GateKit.Facts()).Cleared);
    }

    [Fact]
    public void Blocks_an_email_to_an_address_other_than_the_consented_one()
    {
        var draft = GateKit.Draft(OutreachChannel.Email) with { Recipient = "someone.else@example.com" };

        Assert.Contains(ComplianceRules.ConsentRecipientMismatch, GateKit.Gate().Check(draft, GateKit.Facts()).Rules());
    }

    [Fact]
    public void Blocks_consent_dated_in_the_future()
    {
        var future = GateKit.Granted("emails") with { GrantedAt = GateKit.NoonInNewYork.AddDays(1) };
        var facts = GateKit.Facts() with { Consent = GateKit.AllConsent() with { Email = future } };

        Assert.Contains(ComplianceRules.ConsentMissing, GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), facts).Rules());
    }
}
