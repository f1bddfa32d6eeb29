namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 8: where the learned layer may overrule a block, and when it reads a question. Round 7 measured that most honest
/// texts still held were held by block phrase rules read out of their frame (a denied miracle, a quoted patient question, a warning
/// that quotes an ad), and refused to let the model dismiss any block because it then cleared a bare quoted testimonial and a
/// "works or your money back" guarantee. So the rules now report the sentences they see in an honest frame (a denial, a hedge, a
/// warning: the topics' honest frames; and the sentence just before such a sentence, which it may judge or answer), and with
/// <c>dismissScope: framed</c> the model may dismiss a block only there. These tests use hand-made models (one that reads every
/// sentence as honest, one that reads every sentence as a claim) so that they pin what the frames allow, not what a trained
/// model happens to score; the sentences are written for the tests.
/// </summary>
public sealed class The_learned_layer_weighing_blocks_in_an_honest_frame_and_questions_the_rules_see_answered
{
    private static readonly ClaimRuleSet[] RuleSets = [.. ClaimsScreen.DefaultRuleSets];

    private static ClaimsScreen WithModel(int honestBias, string scope, bool readQuestions)
        => new(RuleSets, null, ClaimsModel.FromJson($$"""
            {
              "version": "claims-model-test", "classes": ["honest", "efficacy"], "bias": [{{honestBias}}, {{-honestBias}}],
              "threshold": 0.5, "dismissBelow": 0.05, "dismissScope": "{{scope}}", "respectRules": true, "readQuestions": {{(readQuestions ? "true" : "false")}},
              "minEvidence": 0, "features": ["bigrams", "concepts", "negation-count", "forms"], "weights": {}
            }
            """));

    private static readonly ClaimsScreen RulesAlone = new(RuleSets);

    [Theory]
    [InlineData("en", "A miracle is not what we offer: the injection is investigational.")]
    [InlineData("en", "The ad promised you'd be pain-free in a week. Please be careful: nobody can promise that.")]
    [InlineData("es", "Milagros no hacemos: es un tratamiento experimental.")]
    [InlineData("pt", "Milagre a gente não faz, e o tratamento ainda é experimental.")]
    public void Lets_a_confidently_honest_reading_dismiss_a_block_only_in_a_sentence_the_rules_saw_in_an_honest_frame(string language, string text)
    {
        Assert.Contains(RulesAlone.Screen(text, "body", language), v => v.Severity == FindingSeverity.Block);

        Assert.Empty(WithModel(8, "framed", readQuestions: false).Screen(text, "body", language));
        // Round 7's scope leaves blocks to the rules whatever the model reads.
        Assert.Contains(WithModel(8, "review", readQuestions: false).Screen(text, "body", language), v => v.Severity == FindingSeverity.Block);
    }

    [Theory]
    [InlineData("es", "Si no funciona, le devolvemos el dinero.")]
    [InlineData("en", "If it doesn't work, we give you your money back.")]
    [InlineData("pt", "«Curou as minhas costas numa semana», diz a Ana, uma das nossas pacientes.")]
    [InlineData("en", "\"It healed my back in a week,\" says Anna, one of our patients.")]
    public void Never_dismisses_a_money_back_guarantee_or_a_bare_quoted_testimonial_however_honest_the_model_reads_it(string language, string text)
    {
        Assert.Contains(WithModel(8, "framed", readQuestions: false).Screen(text, "body", language), v => v.Severity == FindingSeverity.Block);
    }

    [Theory]
    [InlineData("en", "Why put your teenager through spinal fusion when a single injection does the same job?")]
    [InlineData("pt", "Pra que fazer cirurgia se uma injeção resolve?")]
    public void Reads_a_rhetorical_question_no_rule_decides_when_allowed_to_read_questions(string language, string question)
    {
        Assert.Empty(RulesAlone.Screen(question, "body", language));
        Assert.Empty(WithModel(-8, "framed", readQuestions: false).Screen(question, "body", language));

        var finding = Assert.Single(WithModel(-8, "framed", readQuestions: true).Screen(question, "body", language));
        Assert.StartsWith(ClaimsModel.RulePrefix, finding.Rule, StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Review, finding.Severity);
    }

    [Theory]
    [InlineData("en", "Will the injection fix my disc? Honestly, we can't promise that.")]
    [InlineData("es", "¿La inyección me va a arreglar el disco? Sinceramente, no se lo podemos prometer.")]
    public void Leaves_to_the_rules_a_question_they_see_answered_with_a_denial(string language, string text)
    {
        var question = text[..(text.IndexOf('?', StringComparison.Ordinal) + 1)];
        var found = WithModel(-8, "framed", readQuestions: true).Screen(text, "body", language);

        Assert.DoesNotContain(found, v => v.Start < question.Length);
    }
}
