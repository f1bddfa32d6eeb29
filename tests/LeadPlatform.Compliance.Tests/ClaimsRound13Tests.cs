namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 13, three principles found while retraining on sixteen parts; the sentences here are not in the corpus.
/// <list type="bullet">
/// <item>A zero risk said with a copula is a safety absolute: "the risk is zero", "el riesgo es nulo", "os riscos são
/// inexistentes".</item>
/// <item>A double negation over a relative clause ("no hay paciente que no mejore") does not reach past a comma into
/// another clause: in "Si no lo tratamos antes del verano, puede que no vuelva a correr nunca" the "que" is the modal's
/// ("puede que"), not a relative, and the sentence is urgency, not a claim that it works for everyone.</item>
/// <item>The learned layer overrules a rule's finding only on the evidence of the words: a sentence it reads as honest
/// from its prior alone, its words leaning to a claim, keeps what the rules found.</item>
/// </list>
/// </summary>
public sealed class The_claims_screen_in_round_13
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();
    private static readonly ClaimRuleSet[] RuleSets = [.. ClaimsScreen.DefaultRuleSets];

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("With our method the risk is zero.", "en")]
    [InlineData("Con su propia médula el riesgo es nulo.", "es")]
    [InlineData("Com células próprias os riscos são inexistentes.", "pt")]
    public void Holds_a_zero_risk_said_with_a_copula(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "safety");

    [Theory]
    [InlineData("The risk is small but not zero; your doctor will explain it.", "en")]
    [InlineData("El riesgo no es cero: el médico se lo explicará.", "es")]
    public void Clears_a_risk_said_not_to_be_zero(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Si no lo tratamos antes del verano, puede que no vuelva a correr nunca.", "es")]
    [InlineData("Se não tratarmos antes do verão, pode ser que não volte a correr nunca mais.", "pt")]
    public void Reads_a_modal_que_past_a_comma_as_urgency_not_as_works_for_everyone(string text, string language)
    {
        var found = new ClaimsScreen(RuleSets).Screen(text, "body", language);
        Assert.Contains(found, v => v.Category == "urgency");
        Assert.DoesNotContain(found, v => v.Rule.EndsWith("works-for-everyone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("No conozco a ningún paciente que no haya mejorado.", "es")]
    [InlineData("Não conheço nenhum paciente que não tenha melhorado.", "pt")]
    [InlineData("I can't think of one patient who didn't improve.", "en")]
    public void Still_holds_a_double_negation_over_a_relative_clause(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    private static ClaimsScreen WithModel(string weights)
        => new(RuleSets, null, ClaimsModel.FromJson($$"""
            {
              "version": "claims-model-test", "classes": ["honest", "urgency"], "bias": [8, -8],
              "threshold": 0.5, "dismissBelow": 0.2, "dismissScope": "framed", "respectRules": true, "readQuestions": false,
              "minEvidence": 1, "features": ["bigrams", "concepts", "negation-count", "forms"], "weights": {{{weights}}}
            }
            """));

    private const string Urgent = "Si espera al verano, puede que no vuelva a correr nunca.";

    [Fact]
    public void Lets_the_model_dismiss_a_finding_only_when_the_words_lean_honest()
    {
        Assert.Contains(new ClaimsScreen(RuleSets).Screen(Urgent, "body", "es"), v => v.Category == "urgency");

        // The prior alone reads it honest (p < 0.01), the words lean to urgency: the rules' finding stands.
        Assert.Contains(WithModel("\"u:si\": [-2, 2], \"u:esper\": [-2, 2]").Screen(Urgent, "body", "es"), v => v.Category == "urgency");

        // The words lean honest too: the model may dismiss it.
        Assert.DoesNotContain(WithModel("\"u:si\": [2, -2], \"u:esper\": [2, -2]").Screen(Urgent, "body", "es"), v => v.Category == "urgency");
    }
}
