namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 5 (rules 2026.12.6): principles, not phrases, for what a coordinator's message mentions without
/// asserting (someone else's claim reported or quoted inside a warning, a patient's question answered with a denial,
/// a later clause cancelling an implication, a refund for a cancelled appointment) and for claims made without claim
/// words (double negations across clauses, stories told over two sentences, delay + irreversible loss, images) — in
/// English, Spanish and Portuguese. The sentences here are not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_what_is_mentioned_not_asserted
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Some websites promise that stem cells cure arthritis; we don't, because the trials aren't there.", "en")]
    [InlineData("Algunas webs prometen que las células madre curan la artrosis; nosotros no, porque faltan ensayos.", "es")]
    [InlineData("Alguns sites prometem que as células-tronco curam a artrose; nós não, porque faltam ensaios.", "pt")]
    [InlineData("Your neighbour may have told you the injection cured her; that is one story, not evidence.", "en")]
    [InlineData("Puede que su vecina le haya dicho que la inyección la curó; es una historia, no una prueba.", "es")]
    [InlineData("Talvez a sua vizinha lhe tenha dito que a injeção a curou; é uma história, não uma prova.", "pt")]
    public void Clears_a_claim_reported_as_someone_elses(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Phrases like \"miracle cure\" in an advert should make you suspicious.", "en")]
    [InlineData("Frases como «cura milagrosa» en un anuncio deberían hacerle desconfiar.", "es")]
    [InlineData("Frases como «cura milagrosa» num anúncio deviam fazê-lo desconfiar.", "pt")]
    public void Clears_claim_words_quoted_inside_a_warning(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("\"It healed my back in a week,\" says Ana, one of our patients.", "en")]
    [InlineData("«Me curó la espalda en una semana», dice Ana, una de nuestras pacientes.", "es")]
    [InlineData("«Curou as minhas costas numa semana», diz a Ana, uma das nossas pacientes.", "pt")]
    public void Still_blocks_a_quoted_testimonial_with_nothing_around_it_that_distances_it(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Severity == FindingSeverity.Block);

    [Theory]
    [InlineData("Will the injection fix my disc? Honestly, we can't promise that.", "en")]
    [InlineData("¿La inyección me arreglará el disco? Sinceramente, no podemos prometérselo.", "es")]
    [InlineData("A injeção vai resolver o meu disco? Sinceramente, não podemos prometer isso.", "pt")]
    public void Clears_a_patients_question_answered_with_a_denial(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Tired of back pain? Our injection cures it for good.", "en")]
    [InlineData("¿Cansado del dolor de espalda? Nuestra inyección lo cura para siempre.", "es")]
    [InlineData("Cansado da dor nas costas? A nossa injeção cura de vez.", "pt")]
    public void Still_blocks_a_claim_that_answers_a_rhetorical_question(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Severity == FindingSeverity.Block);

    [Theory]
    [InlineData("The FDA inspects labs like ours, but that doesn't mean it has approved this treatment.", "en")]
    [InlineData("La FDA inspecciona laboratorios como el nuestro, pero eso no significa que haya aprobado este tratamiento.", "es")]
    [InlineData("A FDA inspeciona laboratórios como o nosso, mas isso não significa que tenha aprovado este tratamento.", "pt")]
    public void Clears_oversight_whose_implication_of_approval_a_later_clause_cancels(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Your deposit is refunded in full if we have to cancel.", "en")]
    [InlineData("Si tenemos que cancelar, le devolvemos el dinero de la señal íntegro.", "es")]
    [InlineData("Se tivermos de cancelar, devolvemos o valor do sinal na totalidade.", "pt")]
    public void Clears_a_refund_for_a_cancelled_appointment(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("If it does not work, we give you your money back.", "en")]
    [InlineData("Si no funciona, le devolvemos el dinero.", "es")]
    [InlineData("Se não funcionar, devolvemos o seu dinheiro.", "pt")]
    public void Blocks_money_back_when_the_treatment_does_not_work(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "guarantee" || v.Rule.EndsWith("guarantee", StringComparison.Ordinal));

    [Theory]
    [InlineData("Nobody who finishes our programme goes home without feeling better.", "en")]
    [InlineData("Nadie que termina nuestro programa se va a casa sin sentirse mejor.", "es")]
    [InlineData("Ninguém que termina o nosso programa vai para casa sem se sentir melhor.", "pt")]
    public void Sends_a_double_negation_across_clauses_to_review_at_least(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Nobody can tell you whether it will work without seeing your scan.", "en")]
    [InlineData("Nadie puede decirle si funcionará sin ver su resonancia.", "es")]
    [InlineData("Ninguém pode dizer se vai funcionar sem ver a sua ressonância.", "pt")]
    public void Clears_a_negation_over_an_honest_question(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("A plumber we saw couldn't kneel in April. Last week he tiled a whole bathroom floor.", "en")]
    [InlineData("Un fontanero que vimos no podía arrodillarse en abril. La semana pasada alicató un baño entero.", "es")]
    [InlineData("Um canalizador que atendemos não conseguia ajoelhar-se em abril. Na semana passada azulejou uma casa de banho inteira.", "pt")]
    public void Sends_a_patients_story_told_over_two_sentences_to_review(string text, string language)
    {
        var finding = Assert.Single(Check(text, language));
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.Equal("testimonial", finding.Category);
        Assert.Contains("16 CFR Part 255", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Your husband couldn't make the appointment in April, so we moved it to May.", "en")]
    [InlineData("Su marido no pudo venir a la cita en abril, así que la pasamos a mayo.", "es")]
    [InlineData("O seu marido não pôde vir à consulta em abril, por isso passámos para maio.", "pt")]
    public void Clears_an_appointment_someone_could_not_make(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("The longer you put this off, the more of the disc you lose for good.", "en")]
    [InlineData("Cuanto más lo retrase, más disco perderá para siempre.", "es")]
    [InlineData("Quanto mais adiar, mais disco vai perder para sempre.", "pt")]
    public void Holds_delay_with_an_irreversible_loss_as_urgency(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "urgency");

    [Theory]
    [InlineData("It's like turning back the clock on your spine.", "en")]
    [InlineData("Es como darle marcha atrás al reloj de su columna.", "es")]
    [InlineData("É como voltar o relógio da sua coluna atrás.", "pt")]
    public void Holds_efficacy_said_as_an_image_for_review(string text, string language)
    {
        var finding = Assert.Single(Check(text, language));
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.Equal("efficacy", finding.Category);
        Assert.False(string.IsNullOrWhiteSpace(finding.Source));
    }

    [Fact]
    public void Records_the_round_twelve_rule_sets_and_model_in_evidence()
    {
        Assert.Contains("claims-en-2026.12.23", Screen.Version, StringComparison.Ordinal);
        Assert.Contains("claims-es-2026.12.23", Screen.Version, StringComparison.Ordinal);
        Assert.Contains("claims-pt-2026.12.23", Screen.Version, StringComparison.Ordinal);
        Assert.Contains("claims-model-2026.12.20", Screen.Version, StringComparison.Ordinal);
    }
}
