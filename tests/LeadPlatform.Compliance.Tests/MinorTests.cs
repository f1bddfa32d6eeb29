namespace LeadPlatform.Compliance.Tests;

public sealed class A_lead_known_to_be_under_18
{
    [Theory]
    [InlineData(OutreachChannel.Email)]
    [InlineData(OutreachChannel.Sms)]
    [InlineData(OutreachChannel.Phone)]
    public void Is_not_contacted_by_a_coordinator_and_the_reason_says_why(OutreachChannel channel)
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(channel), GateKit.Facts() with { IsMinor = true });

        Assert.Equal([ComplianceRules.Minor], decision.Rules());
        Assert.Null(decision.Outreach);
        Assert.Null(decision.NextAllowedAt);
        Assert.Contains("under 18", decision.Violations.Single().Advice, StringComparison.Ordinal);
        Assert.Contains(decision.Evidence!.RuleResults, r => r.Rule == ComplianceRules.Minor && r.Outcome == "failed");
    }

    [Fact]
    public void Still_gets_the_automatic_acknowledgement()
    {
        var acknowledgement = GateKit.Draft(OutreachChannel.Email) with { Author = OutreachDraft.AcknowledgementAuthor };

        var decision = GateKit.Gate().Check(acknowledgement, GateKit.Facts() with { IsMinor = true });

        Assert.True(decision.Cleared);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Is_not_assumed_when_the_age_is_unknown_or_adult(bool? isMinor)
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), GateKit.Facts() with { IsMinor = isMinor });

        Assert.True(decision.Cleared);
        Assert.Contains(decision.Evidence!.RuleResults, r => r.Rule == ComplianceRules.Minor && r.Outcome == "passed");
    }
}
