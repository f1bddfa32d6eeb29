namespace LeadPlatform.Compliance.Tests;

/// <summary>Issue 19: embeddings propose (review, naming the nearest prohibited claim); the rules decide negation.</summary>
public sealed class The_semantic_second_opinion
{
    private const string Paraphrase = "The injection puts the slipped vertebra back into place.";

    [Fact]
    public void Is_not_part_of_a_gate_that_does_not_ask_for_it()
    {
        Assert.False(GateKit.Gate().Claims.HasSemanticSecondOpinion);
        // The learned layer (ClaimsModel) may hold this paraphrase for review; the semantic second opinion does not run.
        Assert.DoesNotContain(ClaimsScreen.LoadDefault().Screen(Paraphrase, "body", "en"), v => v.Rule == SemanticSecondOpinion.RuleId);
        Assert.DoesNotContain(SemanticSecondOpinion.RuleId, GateKit.Gate().Claims.RuleIds);
    }

    [Fact]
    public void Holds_for_review_a_paraphrase_the_rules_do_not_know_naming_the_nearest_prohibited_claim()
    {
        var gate = ComplianceGate.CreateDefault(GateKit.Clock(), new ComplianceOptions { SemanticSecondOpinion = true });

        var decision = gate.Check(GateKit.Draft(OutreachChannel.Email, "Hi Jordan,\n\n" + Paraphrase + "\n\nMaria"), GateKit.Facts());

        Assert.Equal("review", decision.Decision);
        var finding = Assert.Single(decision.Violations);
        Assert.Equal(SemanticSecondOpinion.RuleId, finding.Rule);
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.Equal(Paraphrase, finding.Match);
        Assert.Equal("The slipped vertebra moves back into place after the injection.", finding.Exemplar);
        Assert.Contains("exemplars-en-", gate.RuleSetVersion);
        Assert.True(SemanticSecondOpinion.LoadDefault().IsLoaded);
    }

    [Fact]
    public void Leaves_to_the_rules_a_sentence_they_decided_even_when_it_is_close_to_an_exemplar()
    {
        var semantic = SemanticSecondOpinion.LoadDefault();
        const string negated = "The cells do not turn into new bone.";
        Assert.True(semantic.Nearest(negated).Similarity >= semantic.Threshold, "the test needs a negated sentence the model finds close");

        // The rules and the semantic layer only: the learned layer (ClaimsModel) is a separate reader with its own
        // tests, and it does hold this sentence for review (a known false alarm, in the corpus README).
        var screen = new ClaimsScreen([ClaimRuleSet.LoadDefault()], semantic);

        Assert.Empty(screen.Screen(negated, "body", "en"));
        Assert.Empty(screen.Screen("Please bring your MRI and a photo ID to the consultation on Monday.", "body", "en"));
    }
}
