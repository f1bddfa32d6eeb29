namespace LeadPlatform.Compliance.Tests;

public sealed class The_gate
{
    [Fact]
    public void Screens_the_subject_as_well_and_locates_the_claim_within_it()
    {
        var draft = GateKit.Draft(OutreachChannel.Email, subject: "Your quote: a proven therapy");

        var violation = Assert.Single(GateKit.Gate().Check(draft, GateKit.Facts()).Violations);

        Assert.Equal("claims.proven", violation.Rule);
        Assert.Equal("subject", violation.Field);
        Assert.Equal(14, violation.Start);
        Assert.Equal("proven", violation.Match);
    }

    [Fact]
    public void Reports_every_reason_at_once_so_the_coordinator_can_fix_them_together()
    {
        var draft = GateKit.Draft(OutreachChannel.Sms, "A revolutionary, risk-free cure.");
        var facts = GateKit.Facts() with { OptOuts = [OptOutScope.Sms] };

        var rules = GateKit.Gate().Check(draft, facts).Rules().ToList();

        Assert.Equal([ComplianceRules.OptedOut, "claims.hype", "claims.risk-free", "claims.cure"], rules);
    }

    [Fact]
    public void Fails_closed_on_an_incomplete_draft()
    {
        var draft = GateKit.Draft(OutreachChannel.Email) with { Author = "", Subject = null };

        var violation = Assert.Single(GateKit.Gate().Check(draft, GateKit.Facts()).Violations);

        Assert.Equal(ComplianceRules.DraftIncomplete, violation.Rule);
        Assert.Contains("author", violation.Advice);
        Assert.Contains("subject", violation.Advice);
    }

    [Fact]
    public void Fails_closed_on_an_unknown_channel()
    {
        var draft = GateKit.Draft(OutreachChannel.Email) with { Channel = (OutreachChannel)7 };

        var decision = GateKit.Gate().Check(draft, GateKit.Facts());

        Assert.Equal("blocked", decision.Decision);
        Assert.Contains(ComplianceRules.DraftIncomplete, decision.Rules());
        Assert.Contains(ComplianceRules.DisclaimerMissing, decision.Rules());
    }

    [Fact]
    public void Previews_a_draft_with_claims_flagged_and_disclaimers_attached_without_lead_data()
    {
        var preview = GateKit.Gate().Preview("spondylolysis", OutreachChannel.Sms, null, "Great news: it is FDA approved!");

        var violation = Assert.Single(preview.Violations);
        Assert.Equal("claims.fda", violation.Rule);
        Assert.Equal("FDA approved", violation.Match);
        Assert.Contains("[link to the full disclaimer]", preview.Message);
        Assert.Equal("blocked", preview.Decision);
        Assert.Null(preview.Evidence);
        Assert.Null(preview.NextAllowedAt);
    }

    [Fact]
    public void Preview_blocks_a_condition_without_disclaimers()
    {
        var preview = GateKit.Gate().Preview("knee arthritis", OutreachChannel.Email, "Quote", GateKit.HonestBody);

        Assert.Equal([ComplianceRules.DisclaimerMissing], preview.Rules());
    }

    [Fact]
    public void Stamps_the_decision_with_the_time_from_its_time_provider()
    {
        var clock = GateKit.Clock();
        var gate = ComplianceGate.CreateDefault(clock);
        clock.Advance(TimeSpan.FromMinutes(90));

        var decision = gate.Check(GateKit.Draft(OutreachChannel.Email), GateKit.Facts());

        Assert.Equal(GateKit.NoonInNewYork.AddMinutes(90), decision.Evidence!.DecidedAt);
        Assert.Equal(GateKit.NoonInNewYork.AddMinutes(90), decision.Outreach!.ClearedAt);
    }
}
