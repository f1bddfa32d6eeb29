namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 6 (rules 2026.12.7): principles for honest coordinator answers that the rules read as claims on
/// heldout5 — a "No," that answers a question before a denial, a negation inside the claim's own words, a quotation
/// judged by the sentence after it, what a registration is, deciding or asking "when", research in the lab, an outcome
/// credited to rest — in English, Spanish and Portuguese, read by the rules alone (the learned layer is tested in
/// <see cref="The_claims_model"/>). The sentences here are written for these tests, not taken from any corpus part.
/// </summary>
public sealed class The_claims_screen_reading_answers_and_explanations
{
    private static readonly ClaimsScreen Rules = new(ClaimsScreen.DefaultRuleSets);

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Rules.Screen(text, "body", language);

    [Theory]
    [InlineData("Short answer: no, it isn't FDA-approved.", "en")]
    [InlineData("No, this is not a proven cure for disc degeneration.", "en")]
    [InlineData("No, no está aprobado por la FDA para la columna.", "es")]
    [InlineData("Não, não tem aprovação da ANVISA.", "pt")]
    public void Clears_a_no_that_answers_the_question_before_a_denial(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("It is FDA-approved, so no, you have nothing to worry about.", "en")]
    [InlineData("Sí, está aprobado por la FDA.", "es")]
    [InlineData("Sim, tem aprovação da ANVISA.", "pt")]
    public void Still_stops_a_status_claim_after_an_answer(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Relief isn't guaranteed, and some patients feel no change at all.", "en")]
    public void Clears_a_claim_whose_own_words_deny_it(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("No hay ninguna posibilidad de rechazo ni de infección.", "es")]
    [InlineData("Relief is guaranteed.", "en")]
    public void Still_blocks_an_absolute_stated_negatively_or_plainly(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Severity == FindingSeverity.Block);

    [Theory]
    [InlineData("An ad I saw promised \"zero risk and a guaranteed cure\". Those are exactly the words to be wary of.", "en")]
    [InlineData("Un folleto decía «cero riesgos y curación garantizada». Esas palabras son una señal de alarma.", "es")]
    [InlineData("Um folheto dizia «zero riscos e cura garantida». Essas palavras são um sinal de alerta.", "pt")]
    public void Clears_a_quotation_the_next_sentence_judges(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("A patient wrote to us: \"It cured my back completely.\" We were delighted to hear it.", "en")]
    public void Still_reads_a_quoted_testimonial_the_next_sentence_does_not_judge(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Being on the FDA's facility list is an administrative requirement for any tissue lab.", "en")]
    [InlineData("Estar en la lista de la FDA es un trámite administrativo para cualquier laboratorio de tejidos.", "es")]
    [InlineData("Estar na lista da FDA é uma formalidade administrativa para qualquer laboratório de tecidos.", "pt")]
    public void Clears_what_a_registration_is_said_of_the_term(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Her coach and her doctor will decide when she can return to play.", "en")]
    [InlineData("El traumatólogo decidirá cuándo puede volver a jugar.", "es")]
    [InlineData("O ortopedista vai decidir quando ele pode voltar a jogar.", "pt")]
    public void Clears_return_to_sport_inside_a_question_of_when(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("She can return to play two weeks after the injection.", "en")]
    [InlineData("Podrá volver a jugar dos semanas después de la inyección.", "es")]
    public void Still_blocks_return_to_sport_promised(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Severity == FindingSeverity.Block);

    [Theory]
    [InlineData("In laboratory studies these cells send out signals linked to tissue repair; nobody knows yet what that means in a person.", "en")]
    [InlineData("En el laboratorio estas células emiten señales ligadas a la reparación de tejidos; aún no se sabe qué significa en una persona.", "es")]
    [InlineData("Em laboratório estas células emitem sinais ligados à reparação de tecidos; ainda não se sabe o que isso significa numa pessoa.", "pt")]
    public void Clears_repair_said_of_what_cells_do_in_the_lab(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Muchas fracturas de estrés se curan así, solo con reposo.", "es")]
    [InlineData("Muitas fraturas de stress consolidam assim, só com repouso.", "pt")]
    public void Clears_an_outcome_credited_to_rest(string text, string language)
        => Assert.Empty(Check(text, language));
}
