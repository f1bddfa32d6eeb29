namespace LeadPlatform.Compliance.Tests;

public sealed class Disclaimers
{
    [Fact]
    public void An_email_carries_the_full_evidence_disclaimer_the_clinic_address_and_an_unsubscribe_link()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), GateKit.Facts());
        var message = decision.Message!;

        Assert.StartsWith(GateKit.HonestBody, message);
        foreach (var required in new[]
        {
            "investigational",
            "not approved by the U.S. Food and Drug Administration (FDA) for spondylolysis or for any orthopaedic condition",
            "small or preliminary studies", "no randomised controlled trials",
            "Results vary", "not guaranteed",
            "infection", "tumour formation",
            "rest, physical therapy and bracing", "first-line treatment",
            "your own physician",
            "https://www.fda.gov/consumers/consumer-updates/fda-warns-about-stem-cell-therapies",
            "Example Spine Clinic, 100 Main Street, Springfield, IL 62701, USA",
            "https://clinic.example/unsubscribe?t=abc",
        })
        {
            Assert.Contains(required, message);
        }

        Assert.Equal("Your quote", decision.Subject);
        var disclaimer = Assert.Single(decision.Disclaimers);
        Assert.Equal("evidence.spondylolysis.email", disclaimer.Id);
        Assert.False(string.IsNullOrWhiteSpace(disclaimer.Version));
    }

    [Fact]
    public void A_text_carries_the_short_form_a_link_to_the_full_text_and_reply_stop()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Sms), GateKit.Facts());

        Assert.Contains("not FDA approved", decision.Message);
        Assert.Contains("https://clinic.example/evidence/spondylolysis", decision.Message);
        Assert.EndsWith("Reply STOP to opt out.", decision.Message);
        Assert.Null(decision.Subject);
        Assert.Equal("evidence.spondylolysis.sms", Assert.Single(decision.Disclaimers).Id);
    }

    [Fact]
    public void A_call_gets_a_script_the_coordinator_must_read_aloud_and_confirm()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Phone), GateKit.Facts());

        Assert.True(decision.Outreach!.RequiresReadAloudConfirmation);
        Assert.True(Assert.Single(decision.Disclaimers).RequiresReadAloudConfirmation);
        Assert.StartsWith("READ ALOUD FIRST", decision.Message);
        Assert.Contains("not approved by the FDA for spondylolysis", decision.Message);
    }

    [Theory]
    [InlineData("scoliosis", "en")]
    [InlineData("", "en")]
    [InlineData("spondylolysis", "fr")]
    public void Nothing_goes_out_without_a_disclaimer_for_the_condition_and_language(string condition, string language)
    {
        var draft = GateKit.Draft(OutreachChannel.Email) with { Condition = condition, Language = language };

        var decision = GateKit.Gate().Check(draft, GateKit.Facts());

        Assert.Contains(ComplianceRules.DisclaimerMissing, decision.Rules());
        Assert.Null(decision.Outreach);
        Assert.Null(decision.Message);
    }

    [Fact]
    public void A_regional_language_tag_uses_its_base_language_disclaimer()
    {
        var draft = GateKit.Draft(OutreachChannel.Email) with { Language = "en-US", Condition = "Spondylolysis" };

        Assert.True(GateKit.Gate().Check(draft, GateKit.Facts()).Cleared);
    }

    [Fact]
    public void An_email_without_an_unsubscribe_link_or_postal_address_is_blocked()
    {
        var noLink = GateKit.Facts() with { UnsubscribeUrl = null };
        var relative = GateKit.Facts() with { UnsubscribeUrl = "/unsubscribe?t=abc" };
        var noAddress = GateKit.Facts() with { ClinicPostalAddress = " " };

        foreach (var facts in new[] { noLink, relative, noAddress })
        {
            Assert.Equal([ComplianceRules.DisclaimerIncomplete], GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), facts).Rules());
        }
    }

    [Fact]
    public void A_text_without_a_link_to_the_full_disclaimer_is_blocked()
    {
        var facts = GateKit.Facts() with { FullDisclaimerUrl = null };

        Assert.Equal([ComplianceRules.DisclaimerIncomplete], GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Sms), facts).Rules());
    }

    [Fact]
    public void The_registry_is_versioned_data()
    {
        var versions = DisclaimerRegistry.LoadDefault().Versions;

        Assert.Equal(4 * 3 * 3, versions.Count);
        Assert.All(versions, v => Assert.Matches(@"^evidence\.[a-z-]+\.(email|sms|call-script)(\.(es|pt))?@\d{4}-\d{2}\.\d+$", v));
        Assert.True(DisclaimerRegistry.LoadDefault().Covers("spondylolysis", OutreachChannel.Sms, "en"));
    }

    /// <summary>The conditions the intake form offers (services/Intake QuoteRequestValidator.Conditions).</summary>
    private static readonly string[] IntakeConditions = ["spondylolysis", "spondylolisthesis", "degenerative_disc_disease", "other"];

    [Fact]
    public void The_matrix_has_a_disclaimer_for_every_condition_the_form_offers_on_every_channel_in_every_language()
    {
        var matrix = DisclaimerRegistry.LoadDefault().Matrix(IntakeConditions);

        Assert.Equal(IntakeConditions.Length * 3 * 3, matrix.Count);
        Assert.All(matrix, cell => Assert.False(cell.Missing, $"{cell.Condition}/{cell.Channel}/{cell.Language} has no disclaimer"));
        Assert.All(matrix, cell => Assert.Matches(@"@\d{4}-\d{2}\.\d+$", cell.IdAtVersion!));
        Assert.Equal(IntakeConditions.Order(StringComparer.Ordinal), DisclaimerRegistry.LoadDefault().Conditions);
        var unknown = DisclaimerRegistry.LoadDefault().Matrix(["scoliosis"], ["en", "fr"]);
        Assert.All(unknown, cell => Assert.True(cell.Missing));
        Assert.Equal(3 * 2, unknown.Count);
    }

    [Theory]
    [InlineData("spondylolisthesis", "es", "espondilolistesis")]
    [InlineData("degenerative_disc_disease", "pt", "doença degenerativa do disco")]
    [InlineData("other", "es", "columna")]
    public void A_lead_writing_in_spanish_or_portuguese_gets_the_disclaimer_of_their_language_marked_as_a_draft(string condition, string language, string words)
    {
        foreach (var channel in new[] { OutreachChannel.Email, OutreachChannel.Sms, OutreachChannel.Phone })
        {
            var draft = GateKit.Draft(channel, language == "es" ? "Gracias por su mensaje; le llamamos mañana." : "Obrigado pela sua mensagem; ligamos amanhã.")
                with { Condition = condition, Language = language };

            var decision = GateKit.Gate().Check(draft, GateKit.Facts());

            Assert.True(decision.Cleared, string.Join("; ", decision.Violations.Select(v => v.Rule + " " + v.Advice)));
            var disclaimer = Assert.Single(decision.Disclaimers);
            Assert.EndsWith("." + language, disclaimer.Id);
            Assert.Equal(DisclaimerStatus.Draft, disclaimer.Status);
            Assert.Contains(words, decision.Message);
            Assert.Contains("FDA", decision.Message);
        }
    }

    [Fact]
    public void A_draft_becomes_approved_when_the_clinic_approves_that_version_and_only_that_version()
    {
        var registry = DisclaimerRegistry.LoadDefault();
        var cell = registry.Matrix(["spondylolysis"], ["es"]).Single(c => c.Channel == OutreachChannel.Email);
        Assert.Equal(DisclaimerStatus.Draft, cell.Status);
        Assert.Equal(DisclaimerStatus.Approved, registry.Matrix(["spondylolysis"], ["en"]).First().Status);

        var approved = registry.WithApproved([cell.IdAtVersion!, cell.Id + "@1999-01.1"]);

        Assert.Equal(DisclaimerStatus.Approved, approved.Matrix(["spondylolysis"], ["es"]).Single(c => c.Channel == OutreachChannel.Email).Status);
        Assert.Equal(DisclaimerStatus.Draft, approved.Matrix(["spondylolysis"], ["es"]).Single(c => c.Channel == OutreachChannel.Sms).Status);
        Assert.Equal(DisclaimerStatus.Draft, registry.Matrix(["spondylolysis"], ["es"]).Single(c => c.Channel == OutreachChannel.Email).Status);
    }
}
