namespace LeadPlatform.Compliance.Tests;

public sealed class Holding_a_message_for_review
{
    private const string Urgent = "Hi Alex, please book your consultation before it is too late for your spine.";

    [Fact]
    public void A_finding_that_only_asks_for_review_holds_the_message_and_clears_nothing()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent), GateKit.Facts());

        Assert.Equal(ComplianceDecision.ReviewValue, decision.Decision);
        Assert.True(decision.HeldForReview);
        Assert.Null(decision.Outreach);
        Assert.Equal("review", decision.Evidence!.Decision);
        var finding = Assert.Single(decision.Violations);
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.Equal("before it is too late", finding.Match);
        Assert.NotNull(finding.Source);
    }

    [Fact]
    public void A_blocking_finding_beside_a_review_finding_blocks()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent + " It cures spondylolysis."), GateKit.Facts());

        Assert.Equal(ComplianceDecision.BlockedValue, decision.Decision);
        Assert.False(decision.HeldForReview);
    }

    [Fact]
    public void An_approved_review_is_cleared_and_the_evidence_names_the_reviewer()
    {
        var approval = new ReviewApproval { ReviewId = Guid.NewGuid(), Reviewer = "officer@clinic.example", ApprovedAt = GateKit.NoonInNewYork };
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent) with { Approval = approval }, GateKit.Facts());

        Assert.True(decision.Cleared);
        Assert.NotNull(decision.Outreach);
        Assert.Equal("officer@clinic.example", decision.Evidence!.Reviewer);
        Assert.Equal(approval.ReviewId, decision.Evidence.ReviewId);
        Assert.Contains(decision.Evidence.RuleResults, r => r.Outcome == "approved" && r.Detail!.Contains("officer@clinic.example", StringComparison.Ordinal));
        var linked = EvidenceChain.Link(decision.Evidence, null);
        Assert.True(EvidenceChain.Verify([linked]).IsIntact);
        Assert.False(EvidenceChain.Verify([linked with { Reviewer = "someone else" }]).IsIntact);
    }

    [Fact]
    public void An_approval_does_not_lift_a_blocking_claim_or_an_opt_out()
    {
        var approval = new ReviewApproval { ReviewId = Guid.NewGuid(), Reviewer = "officer@clinic.example", ApprovedAt = GateKit.NoonInNewYork };
        var claim = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent + " It cures spondylolysis.") with { Approval = approval }, GateKit.Facts());
        var optedOut = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent) with { Approval = approval }, GateKit.Facts() with { OptOuts = [OptOutScope.Email] });

        Assert.Equal("blocked", claim.Decision);
        Assert.Equal("blocked", optedOut.Decision);
    }

    [Fact]
    public void Pre_approved_content_is_not_screened_again_but_what_a_coordinator_adds_is()
    {
        var approved = new ApprovedContent { Id = "template:urgent@2", Text = Urgent };
        var asApproved = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent) with { ApprovedContent = [approved] }, GateKit.Facts());
        var withAddition = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, Urgent + "\n\nP.S. It cures spondylolysis.") with { ApprovedContent = [approved] }, GateKit.Facts());

        Assert.True(asApproved.Cleared);
        Assert.Equal(["template:urgent@2"], asApproved.Evidence!.ApprovedContent);
        Assert.Equal("blocked", withAddition.Decision);
        var finding = Assert.Single(withAddition.Violations);
        Assert.Equal("cures", finding.Match);
        Assert.Equal(Urgent.Length + "\n\nP.S. It ".Length, finding.Start);
    }
}
