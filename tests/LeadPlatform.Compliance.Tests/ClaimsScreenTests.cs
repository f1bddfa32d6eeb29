namespace LeadPlatform.Compliance.Tests;

public sealed class The_claims_screen
{
    private static readonly ClaimRuleSet Rules = ClaimRuleSet.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Screen(string text) => Rules.Screen(text);

    [Theory]
    [InlineData("Our treatment cures spondylolysis.", "claims.cure", "cures")]
    [InlineData("It is a real CURE for back pain.", "claims.cure", "CURE")]
    [InlineData("Stem cells can heal your spine.", "claims.heal-repair", "heal your spine")]
    [InlineData("The injection will regenerate the damaged disc.", "claims.heal-repair", "regenerate the damaged disc")]
    [InlineData("It can reverse bone damage in weeks.", "claims.heal-repair", "reverse bone damage")]
    [InlineData("Cells repair your pars fracture.", "claims.heal-repair", "repair your pars fracture")]
    [InlineData("Our protocol promotes healing naturally.", "claims.marketing-efficacy", "promotes healing")]
    [InlineData("The procedure is FDA approved.", "claims.fda", "FDA approved")]
    [InlineData("Our lab is FDA-registered.", "claims.fda-implication", "FDA-registered")]
    [InlineData("Good news: the FDA has approved the injection.", "claims.fda", "FDA has approved")]
    [InlineData("The device was cleared by the FDA.", "claims.fda", "cleared by the FDA")]
    [InlineData("Clinically proven results.", "claims.proven", "Clinically proven")]
    [InlineData("A proven option for athletes.", "claims.proven", "proven")]
    [InlineData("Results are guaranteed.", "claims.guarantee", "Results are guaranteed")]
    [InlineData("The treatment is safe and effective.", "claims.safe-effective", "safe and effective")]
    [InlineData("A risk-free procedure.", "claims.risk-free", "risk-free")]
    [InlineData("There are no side effects at all.", "claims.no-side-effects", "no side effects")]
    [InlineData("It works better than surgery.", "claims.surgery-comparison", "better than surgery")]
    [InlineData("A natural alternative to steroid injections.", "claims.surgery-comparison", "alternative to steroid injections")]
    [InlineData("We see 92% of patients improve.", "claims.success-rate", "92% of patients improve")]
    [InlineData("Our success rate is high.", "claims.success-rate", "success rate")]
    [InlineData("Nine out of ten patients improve.", "claims.success-rate", "Nine out of ten")]
    [InlineData("A revolutionary therapy.", "claims.hype", "revolutionary")]
    [InlineData("This breakthrough changes everything.", "claims.hype", "breakthrough")]
    [InlineData("Patients call it a miracle.", "claims.hype", "miracle")]
    public void Flags_each_kind_of_unsubstantiated_claim_and_says_where_it_is(string text, string rule, string match)
    {
        var violation = Assert.Single(Screen(text), v => v.Rule == rule);
        Assert.Equal(match, violation.Match);
        Assert.Equal(text.IndexOf(match, StringComparison.Ordinal), violation.Start);
        Assert.Equal(match.Length, violation.Length);
        Assert.False(string.IsNullOrWhiteSpace(violation.Advice));
    }

    [Theory]
    [InlineData("It c.u.r.e.s spondylolysis", "c.u.r.e.s")]
    [InlineData("It c-u-r-e-s spondylolysis", "c-u-r-e-s")]
    [InlineData("It c u r e s spondylolysis", "c u r e s")]
    [InlineData("It CuReS spondylolysis", "CuReS")]
    [InlineData("It cu\u200Bres spondylolysis", "cu\u200Bres")]
    [InlineData("It cu\u00ADres spondylolysis", "cu\u00ADres")]
    [InlineData("It \u0441ures spondylolysis", "\u0441ures")]
    [InlineData("It cur\u0435s spondylolysis", "cur\u0435s")]
    [InlineData("It \uFF43\uFF55\uFF52\uFF45\uFF53 spondylolysis", "\uFF43\uFF55\uFF52\uFF45\uFF53")]
    [InlineData("It c\u00F9r\u00E9s spondylolysis", "c\u00F9r\u00E9s")]
    [InlineData("It cu\u0300res spondylolysis", "cu\u0300res")]
    [InlineData("It cu-\nres spondylolysis", "cu-\nres")]
    [InlineData("It \U0001D41C\U0001D42E\U0001D42B\U0001D41E\U0001D42C spondylolysis", "\U0001D41C\U0001D42E\U0001D42B\U0001D41E\U0001D42C")]
    public void Is_not_fooled_by_disguised_words_and_reports_the_text_as_written(string text, string written)
    {
        var violation = Assert.Single(Screen(text));
        Assert.Equal("claims.cure", violation.Rule);
        Assert.Equal(written, violation.Match);
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), violation.Start);
        Assert.Equal(written.Length, violation.Length);
        Assert.Equal(written, text.Substring(violation.Start!.Value, violation.Length!.Value));
    }

    [Theory]
    [InlineData("It is F.D.A. approved.", "F.D.A. approved")]
    [InlineData("It is \u0391\u0399\u0391 approved.", null)]
    [InlineData("It is \u0395DA approved.", null)]
    [InlineData("It is \uFF26\uFF24\uFF21 approved.", "\uFF26\uFF24\uFF21 approved")]
    [InlineData("It is FDA\napproved.", "FDA\napproved")]
    [InlineData("It is F D A   a p p r o v e d.", "F D A   a p p r o v e d")]
    public void Catches_fda_claims_split_across_lines_letters_and_look_alikes(string text, string? written)
    {
        var hits = Screen(text).Where(v => v.Rule == "claims.fda").ToList();
        if (written is null)
        {
            // Greek capital alpha/iota and Epsilon look like A, I and E, not like F and D: this is not "FDA".
            Assert.Empty(hits);
            return;
        }

        Assert.Equal(written, Assert.Single(hits).Match);
    }

    [Theory]
    [InlineData("This treatment is not FDA approved.")]
    [InlineData("There is no guarantee of results.")]
    [InlineData("It has not been proven.")]
    [InlineData("We cannot promise it will cure anything.")]
    [InlineData("It hasn't been shown to be safe and effective.")]
    [InlineData("It isn\u2019t FDA-approved for spondylolysis or any orthopaedic condition.")]
    [InlineData("No randomised controlled trial has shown that it is safe and effective.")]
    [InlineData("No stem-cell product is FDA approved for spondylolysis.")]
    [InlineData("There is no known cure for this, and results vary.")]
    [InlineData("No treatment is risk-free, including this one.")]
    [InlineData("It is not an alternative to surgery.")]
    [InlineData("It is not without side effects.")]
    [InlineData("We don't quote success rates because there are none we could stand behind.")]
    [InlineData("Whether it is proven to help is exactly what the studies are trying to find out.")]
    [InlineData("It is never a miracle, and it is not a breakthrough.")]
    [InlineData("Its benefit has yet to be proven in randomised trials.")]
    public void Lets_honest_sentences_through_when_a_negation_precedes_the_claim(string text)
    {
        Assert.Empty(Screen(text));
    }

    [Theory]
    [InlineData("Not only is it safe and effective, it is revolutionary.", "claims.safe-effective")]
    [InlineData("No more pain with our proven therapy.", "claims.proven")]
    [InlineData("It isn't painful and it is clinically proven.", "claims.proven")]
    [InlineData("It is not painful, but it is proven.", "claims.proven")]
    [InlineData("No surgery. Guaranteed results.", "claims.guarantee")]
    [InlineData("There is no doubt it cures spondylolysis.", "claims.cure")]
    [InlineData("We can't wait to help you heal your spine.", "claims.heal-repair")]
    public void Does_not_let_a_negation_excuse_a_claim_outside_its_reach(string text, string rule)
    {
        Assert.Contains(Screen(text), v => v.Rule == rule);
    }

    [Theory]
    [InlineData("Preliminary results are promising: it cures pars defects.", "claims.cure")]
    [InlineData("Promising early studies show it is safe and effective.", "claims.safe-effective")]
    [InlineData("Preliminary data suggest a 90 percent improvement.", "claims.success-rate")]
    public void Treats_promising_and_preliminary_as_no_excuse(string text, string rule)
    {
        Assert.Contains(Screen(text), v => v.Rule == rule);
    }

    [Theory]
    [InlineData("Please secure your appointment by Friday.")]
    [InlineData("We can procure the records from your physician.")]
    [InlineData("Your quote has been approved by our finance team.")]
    [InlineData("Let us take a short break through the holidays and talk in January.")]
    [InlineData("Healthy habits matter; rest and bracing come first.")]
    [InlineData("The curriculum of our coordinators covers consent and privacy.")]
    public void Does_not_flag_ordinary_words_that_contain_or_resemble_claim_words(string text)
    {
        Assert.Empty(Screen(text));
    }

    [Fact]
    public void Finds_every_claim_in_a_long_message_each_at_its_own_position()
    {
        var text = "Dear Sam,\n\nOur therapy is a breakthrough. It heals your spine,\nand it is FDA approved.\n\nBest,\nMaria";
        var found = Screen(text);
        Assert.Equal(["claims.hype", "claims.heal-repair", "claims.fda"], found.Select(v => v.Rule));
        foreach (var v in found)
        {
            Assert.Equal(v.Match, text.Substring(v.Start!.Value, v.Length!.Value));
        }
    }

    [Fact]
    public void Does_not_flag_the_evidence_disclaimers_it_attaches()
    {
        // Every condition × channel × language (issue 19), each screened in its own language.
        var all = DisclaimerRegistry.LoadDefault().All.ToList();
        Assert.Equal(4 * 3 * 3, all.Count);
        var screen = ClaimsScreen.LoadDefault();
        foreach (var template in all)
        {
            var found = screen.Screen(template.Text, "body", template.Language);
            Assert.True(found.Count == 0, $"{template.Id}: {string.Join(", ", found.Select(v => v.Rule + " " + v.Match))}");
        }
    }

    [Fact]
    public void Is_driven_by_versioned_rule_data_that_can_be_replaced()
    {
        Assert.Matches(@"^claims-en-\d{4}\.\d{2}\.\d+$", Rules.Version);
        var custom = ClaimRuleSet.FromJson("""
            {
              "version": "test-1",
              "rules": [ { "id": "claims.test", "advice": "Say something else.", "patterns": [ "(wonder|wonders) drug" ] } ]
            }
            """);
        Assert.Equal("test-1", custom.Version);
        Assert.Equal("claims.test", Assert.Single(custom.Screen("A w-o-n-d-e-r drug.")).Rule);
        Assert.Empty(custom.Screen("It cures everything."));
    }
}
