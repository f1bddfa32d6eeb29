namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 17: principles found in the spent independent parts heldout27 and heldout28 (and checked on heldout22-26);
/// the sentences here are written for these tests and are not in the corpus.
/// <list type="bullet">
/// <item>A claim quoted from an enforcement document (a warning letter's excerpt, a consent judgment, "la demandada", "o
/// réu") goes to review under its own rule, <c>claims.reported.official</c>, even with the regulator's verdict beside it
/// ("misleading", "afirmación falsa", "publicidade enganosa"): sent to a patient, the excerpt still tells the claim word for
/// word. The learned layer may not dismiss it. Advice to the reader ("be wary of any clinic that...") still clears it, and
/// a general warning that names an agency ("The FTC has warned consumers about clinics that claim...") is no excerpt.</item>
/// <item>A text that corrects itself ("Correction:", "I was wrong", "me equivoqué", "preciso corrigir") quotes the words
/// it takes back: its quotations are distanced, and so is what follows the sender's own report of their earlier words ("I
/// told you that 9 out of 10 ..."). A quoted testimonial in a text without a correction is still a claim, and "correct"
/// as an adjective is no correction.</item>
/// <item>Scarcity said with "only N ... and M already booked", and with "muy pocas", "poquitas", "pouquíssimas"; a therapy
/// that "goes straight to the cause", set against standard care.</item>
/// <item>Second step (from the spent heldout32): a transcript's speaker label ("DR. WHITCOMBE:", "A:") is not the opening of
/// the answer, so "Q: Will it cure...? A: No." denies the question; "no one has shown" says what is wrong with a reported
/// claim; "we have yet to meet a patient who didn't benefit" is a double negation; a price held only if the deposit is paid
/// today is pressure ("hold this price for 30 days; no need to decide today" is not); "From an FDA warning letter:" opens an
/// enforcement excerpt.</item>
/// <item>Third step (from the spent heldout29-heldout31): a list introduced by "words we no longer use:", "palabras que ya no
/// usamos:", "palavras que não usamos mais:" is mentioned, not asserted, over its commas to the end of the sentence; after
/// the comma that follows a cue, "and" with a new subject opens a new clause ("We no longer use a brace, and the injection
/// heals the fracture" was cleared: the conservative-care cue reached over the comma).</item>
/// </list>
/// </summary>
public sealed class The_claims_screen_in_round_17
{
    private static readonly ClaimsScreen Rules = new(ClaimsScreen.DefaultRuleSets);

    [Theory]
    [InlineData("Warning letter excerpt: your clinic's brochure states that the injection \"regrows the damaged disc in six weeks\". This claim is unsupported and misleading.", "en")]
    [InlineData("Excerpt from the consent judgment: Defendants told callers the procedure had \"a 92% success rate\", a figure they could not substantiate.", "en")]
    [InlineData("Trecho da decisão do Procon: a clínica anunciava que a injeção «acaba com a dor para sempre», publicidade considerada enganosa.", "pt")]
    [InlineData("Resumen de la sanción: los asesores de la demandada decían que el procedimiento «no tiene ningún riesgo», afirmación que la autoridad consideró engañosa.", "es")]
    public void Holds_a_claim_quoted_from_an_enforcement_document_for_review_with_the_regulator_s_verdict_beside_it(string text, string language)
    {
        // With the learned layer too: it may not dismiss these.
        var findings = ClaimsScreen.LoadDefault().Screen(text, "body", language);
        Assert.Contains(findings, f => f.Rule.EndsWith("reported.official", StringComparison.Ordinal) && f.Severity == FindingSeverity.Review);
        var rule = Assert.Single(ClaimsScreen.LoadDefault().Rules, r => r.Id == findings.First(f => f.Rule.EndsWith("reported.official", StringComparison.Ordinal)).Rule);
        Assert.False(string.IsNullOrWhiteSpace(rule.Source));
    }

    [Theory]
    [InlineData("Warning letter excerpt: the site claimed the injection \"cures arthritis\". Be wary of any clinic that tells you this.", "en")]
    [InlineData("The FTC has warned consumers about clinics that claim stem cells cure back pain.", "en")]
    [InlineData("Extracto de una carta de advertencia: la web decía que la terapia «cura la artrosis». Desconfíe de cualquier clínica que le diga eso.", "es")]
    public void Clears_an_excerpt_with_advice_to_the_reader_and_a_general_warning(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Correction: my text yesterday said \"no risk at all\". I was wrong: infection and nerve injury can happen.", "en")]
    [InlineData("I need to correct something from our call: I told you that 9 out of 10 of our patients return to sport. That figure was an informal count, not a study.", "en")]
    [InlineData("Corrección: en el mensaje de ayer escribí «sin ningún riesgo». Me equivoqué; hay riesgos como la infección.", "es")]
    [InlineData("Tengo que corregir algo de nuestra llamada: te dije que 9 de cada 10 pacientes vuelven a jugar. Ese número salió de un recuento informal, no de un estudio.", "es")]
    [InlineData("Preciso corrigir a minha mensagem de ontem: escrevi «zero risco». Errei, há riscos como infeção.", "pt")]
    [InlineData("Preciso corrigir uma coisa da nossa conversa: eu disse que 9 em cada 10 pacientes voltam a jogar. Esse número veio de uma contagem informal, não de um estudo.", "pt")]
    public void Clears_a_text_that_takes_back_its_own_earlier_words(string text, string language)
        => Assert.Empty(ClaimsScreen.LoadDefault().Screen(text, "body", language));

    [Theory]
    [InlineData("\"It healed my fracture in six weeks,\" says Ana.", "en")]
    [InlineData("That's correct: the injection heals the fracture.", "en")]
    [InlineData("To correct your booking, call us. \"It healed my fracture in six weeks,\" says Ana.", "en")]
    [InlineData("Dr. Lee is only taking 4 new patients this month and 3 are already booked.", "en")]
    [InlineData("Our injection goes straight to the cause, unlike a brace.", "en")]
    [InlineData("Quedan poquitas citas antes de la temporada.", "es")]
    [InlineData("La doctora solo acepta 5 casos nuevos este mes y ya hay 4 reservados.", "es")]
    [InlineData("Esto va directo a la causa, no como la kine.", "es")]
    [InlineData("Restam pouquíssimas vagas este mês.", "pt")]
    [InlineData("A doutora só atende 5 casos novos por mês e 4 já estão fechados.", "pt")]
    [InlineData("A injeção vai direto na causa, ao contrário do colete.", "pt")]
    public void Still_holds_testimonials_outside_a_correction_scarcity_and_going_to_the_cause(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Q: Will it cure my spondylolysis? A: No. Nobody can promise that.", "en")]
    [InlineData("CALLER: My husband asks, can your shot regrow his discs? DR. LEE: No one has shown that these injections regrow discs.", "en")]
    [InlineData("APRESENTADOR: Doutora, essa injeção cura espondilólise? DRA. REZENDE (fisioterapeuta): Não existe milagre, e ninguém pode prometer isso.", "pt")]
    [InlineData("We can hold this price for 30 days; there is no need to decide today.", "en")]
    [InlineData("Podemos mantener este precio hasta el día 30; no tiene que decidir hoy.", "es")]
    public void Clears_an_answer_after_a_speaker_label_and_a_price_held_without_pressure(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Q: Will it cure my spondylolysis? A: Yes, in most cases it does.", "en")]
    [InlineData("APRESENTADOR: Doutora, essa injeção cura espondilólise? DRA. REZENDE: Cura sim, em quase todos os casos.", "pt")]
    [InlineData("We have yet to meet a patient with a disc problem who didn't benefit from treatment.", "en")]
    [InlineData("I can hold this price if you pay the deposit today.", "en")]
    [InlineData("Este precio se lo puedo sostener solo si deja hoy el anticipo.", "es")]
    [InlineData("From an FDA warning letter: \"Your website describes the product as 'FDA-cleared'.\" Your product has not been approved.", "en")]
    public void Still_holds_a_claim_after_a_speaker_label_a_double_negation_with_yet_and_a_price_held_for_today(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Memo to the team - words we no longer use: heals, repairs, regrows, cures, success rate, risk-free, completely safe, FDA approved.", "en")]
    [InlineData("Circular para el equipo - palabras que ya no usamos: cura, sana, regenera, repara, porcentaje de éxito, sin riesgo, cien por ciento seguro.", "es")]
    [InlineData("Circular para a equipe - palavras que não usamos mais: cura, regenera, reconstrói, taxa de sucesso, sem risco, 100% seguro.", "pt")]
    public void Clears_a_list_of_words_the_clinic_no_longer_uses(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Words can't describe it: the injection heals the fracture in weeks.", "en")]
    [InlineData("We no longer use a brace, and the injection heals the fracture in weeks.", "en")]
    [InlineData("Ya no usamos corsé: la inyección cura la fractura en semanas.", "es")]
    public void Still_holds_a_claim_after_words_about_words(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));
}
