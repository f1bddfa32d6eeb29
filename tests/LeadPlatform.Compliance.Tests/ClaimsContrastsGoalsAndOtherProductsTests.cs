namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: honest constructions the rules read as claims, each a class of sentence in English, Spanish and
/// Portuguese. A '≠' between two phrases says the first is not the second ("FDA-registered ≠ FDA-approved"); the set of
/// products the FDA has approved, named as something else ("the only ... approved ... are for blood disorders"), says ours is
/// not among them; a return to sport named as the patient's goal or wish ("is the goal", "las ganas de que vuelva a jugar",
/// "a vontade de ver ... de volta à quadra") or as what the patient has read about is not promised; FDA approval under a
/// conditional ("would require large trials") is hypothetical; "casi siempre" / "quase sempre" alone is a frequency, not a
/// claim that the treatment works for everyone; "le ayudo" is the coordinator's help. Then: a claim reported as what a
/// regulator acted against ("took action against clinics that ...", "ha actuado contra", "puniu clínicas") or what a
/// celebrity posted; what the evidence does not show, said before a colon ("What the trials do not show: that ...", "Lo que no
/// muestran: que ...", "O que não mostram: que ..."); a negative subject whose verb comes after a long noun phrase ("No bone
/// marrow injection for lower back pain has ..."); an outcome the patient hopes to hear ("you're hoping this will",
/// "quiera oír que", "queira ouvir que"); a claim put first and denied by the verb after it ("Riesgo cero no existe", "Garantia
/// de resultado não há"); a quoted term talked about ("'FDA certified' is a label", "es una etiqueta", "é um selo"); a yes/no
/// question about the FDA status ("is the injection FDA approved?"); a bare "no" / "não" answered before a comma ("I told him
/// no, it is not ..."); a claim called a lie ("would be a lie", "sería mentirle", "seria mentir"), an outcome "with or without our
/// therapy" ("con o sin", "com ou sem"), and "no hay rechazo, pero ... siguen siendo riesgos". Each has its other side: the same
/// words asserting a claim are still held. The sentences are written for these tests, not taken from any corpus part.
/// </summary>
public sealed class The_claims_screen_reading_contrasts_goals_and_other_products
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Short version: FDA-registered facility ≠ FDA-approved therapy.", "en")]
    [InlineData("En resumen: centro registrado ante la FDA ≠ terapia aprobada por la FDA.", "es")]
    [InlineData("Resumindo: centro registrado na FDA ≠ terapia aprovada pela FDA.", "pt")]
    public void Clears_a_not_equal_sign_between_registration_and_approval(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Short version: our therapy is FDA-approved.", "en")]
    [InlineData("En resumen: nuestra terapia está aprobada por la FDA.", "es")]
    [InlineData("Resumindo: a nossa terapia é aprovada pela FDA.", "pt")]
    public void Still_holds_the_approval_stated_without_the_sign(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("The only cell products approved by the FDA are for disorders of the blood and immune system.", "en")]
    [InlineData("Las únicas terapias celulares aprobadas por la FDA son para trastornos de la sangre y del sistema inmune.", "es")]
    [InlineData("Os únicos produtos celulares aprovados pela FDA são para doenças do sangue e do sistema imune.", "pt")]
    public void Clears_the_approved_products_named_as_something_else(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("We are the only clinic in the state with an FDA-approved stem cell therapy for the spine.", "en")]
    [InlineData("Somos la única clínica de la región con una terapia aprobada por la FDA para la columna.", "es")]
    [InlineData("Somos a única clínica da região com uma terapia aprovada pela FDA para a coluna.", "pt")]
    public void Still_holds_an_approval_claimed_as_the_only_one(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Getting back on the field is the goal for most of the teenagers who write to us.", "en")]
    [InlineData("I can tell how much he is hoping to get back on the field this autumn.", "en")]
    [InlineData("Comprendo las ganas de que su hijo vuelva a jugar este otoño.", "es")]
    [InlineData("Volver a jugar es el objetivo de casi todos los chicos que nos escriben.", "es")]
    [InlineData("Entendo a vontade de ver o seu filho de volta ao campo neste outono.", "pt")]
    [InlineData("Sei que ele quer voltar a jogar neste outono.", "pt")]
    public void Clears_a_return_to_sport_named_as_a_goal_or_a_wish(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("After the injection he will be back on the field this autumn.", "en")]
    [InlineData("Con la inyección su hijo vuelve a jugar este otoño.", "es")]
    [InlineData("Com a injeção o seu filho volta a jogar neste outono.", "pt")]
    public void Still_holds_a_return_to_sport_promised(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("FDA approval would take several large controlled trials over many years.", "en")]
    [InlineData("La aprobación de la FDA exigiría varios ensayos controlados grandes durante años.", "es")]
    [InlineData("A aprovação da FDA exigiria vários ensaios controlados grandes durante anos.", "pt")]
    public void Clears_fda_approval_under_a_conditional(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("FDA approval came through for our therapy last spring.", "en")]
    [InlineData("La aprobación de la FDA llegó para nuestra terapia la primavera pasada.", "es")]
    [InlineData("A aprovação da FDA saiu para a nossa terapia na primavera passada.", "pt")]
    public void Still_holds_fda_approval_stated_as_a_fact(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Casi siempre hay sitio para aparcar delante de la clínica.", "es")]
    [InlineData("Si quiere, le ayudo a rellenar el formulario del seguro.", "es")]
    [InlineData("Quase sempre há lugar para estacionar em frente à clínica.", "pt")]
    public void Clears_a_frequency_or_the_coordinator_s_help(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("El tratamiento funciona casi siempre, incluso en los casos graves.", "es")]
    [InlineData("Esta terapia le va a ayudar, ya lo verá.", "es")]
    [InlineData("O tratamento funciona quase sempre, mesmo nos casos graves.", "pt")]
    public void Still_holds_almost_always_working_or_the_treatment_s_help(string text, string language)
        => Assert.NotEmpty(Check(text, language));
    [Theory]
    [InlineData("The FTC took action against clinics that sold stem cells as a cure for arthritis.", "en")]
    [InlineData("La FTC ha actuado contra clínicas que vendían células madre como cura para la artrosis.", "es")]
    [InlineData("A FTC puniu clínicas que vendiam células-tronco como cura para a artrose.", "pt")]
    [InlineData("A celebrity saying online that stem cells cured his knee is not evidence.", "en")]
    [InlineData("Que un famoso diga en televisión que se curó con células madre no es una prueba.", "es")]
    [InlineData("Um famoso dizer na televisão que se curou com células-tronco não é prova.", "pt")]
    public void Clears_a_claim_reported_as_a_regulator_s_case_or_a_celebrity_s_post(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our stem cells are a cure for arthritis.", "en")]
    [InlineData("Nuestras células madre son la cura para la artrosis.", "es")]
    [InlineData("As nossas células-tronco são a cura para a artrose.", "pt")]
    public void Still_holds_the_cure_claimed_by_the_clinic(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("What the trials do not show: that the cells regenerate the disc.", "en")]
    [InlineData("Lo que los ensayos no muestran: que las células regeneren el disco.", "es")]
    [InlineData("O que os ensaios não mostram: que as células regenerem o disco.", "pt")]
    public void Clears_what_the_evidence_does_not_show_after_a_colon(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("What the trials show: the cells regenerate the disc.", "en")]
    [InlineData("Lo que muestran los ensayos: las células regeneran el disco.", "es")]
    [InlineData("O que os ensaios mostram: as células regeneram o disco.", "pt")]
    public void Still_holds_what_the_evidence_is_said_to_show(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("No bone marrow injection for lower back pain has FDA approval today.", "en")]
    [InlineData("Ninguna infiltración de médula ósea para el dolor lumbar tiene aprobación de la FDA.", "es")]
    [InlineData("Nenhuma infiltração de medula óssea para dor lombar tem aprovação da FDA.", "pt")]
    public void Clears_a_negative_subject_whose_verb_comes_after_a_long_noun_phrase(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our bone marrow injection for lower back pain has FDA approval today.", "en")]
    [InlineData("Nuestra infiltración de médula ósea para el dolor lumbar tiene aprobación de la FDA.", "es")]
    [InlineData("A nossa infiltração de medula óssea para dor lombar tem aprovação da FDA.", "pt")]
    public void Still_holds_the_same_subject_without_the_negation(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("I know you're hoping this will heal the fracture.", "en")]
    [InlineData("Entiendo que quiera oír que esto le va a curar.", "es")]
    [InlineData("Entendo que queira ouvir que isso vai curar você.", "pt")]
    public void Clears_an_outcome_the_patient_hopes_to_hear(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("This will heal the fracture.", "en")]
    [InlineData("Esto le va a curar.", "es")]
    [InlineData("Isso vai curar você.", "pt")]
    public void Still_holds_the_outcome_said_outright(string text, string language)
        => Assert.NotEmpty(Check(text, language));
    [Theory]
    [InlineData("Zero risk does not exist in medicine.", "en")]
    [InlineData("Riesgo cero no existe en medicina.", "es")]
    [InlineData("Risco zero não existe na medicina.", "pt")]
    [InlineData("Garantia de cura não há em medicina.", "pt")]
    public void Clears_a_claim_fronted_and_denied_by_the_verb_after_it(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("With us the risk is zero.", "en")]
    [InlineData("Con nosotros el riesgo es cero.", "es")]
    [InlineData("Le cura la hernia y no existe ningún riesgo.", "es")]
    [InlineData("Com a gente o risco é zero.", "pt")]
    [InlineData("Damos garantia de cura.", "pt")]
    public void Still_holds_the_claim_stated_or_followed_by_a_clause_of_its_own(string text, string language)
        => Assert.NotEmpty(Check(text, language));
    [Theory]
    [InlineData("'FDA certified' is a label you will find on plenty of websites.", "en")]
    [InlineData("«Certificado por la FDA» es una etiqueta que verá en muchas webs.", "es")]
    [InlineData("«Certificado pela FDA» é um selo que você vai ver em muitos sites.", "pt")]
    public void Clears_a_quoted_term_that_is_talked_about(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our lab is FDA certified.", "en")]
    [InlineData("Nuestro laboratorio está certificado por la FDA.", "es")]
    [InlineData("O nosso laboratório é certificado pela FDA.", "pt")]
    public void Still_holds_the_term_used_of_the_clinic(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Families often ask: is the injection FDA approved for discs?", "en")]
    [InlineData("I told him no, it is not FDA approved.", "en")]
    [InlineData("Le dije que no, que no está aprobado por la FDA.", "es")]
    [InlineData("Eu disse que não, que não é aprovado pela FDA.", "pt")]
    [InlineData("Nadie puede decirle cuándo, ni si, su hija podrá volver a competir.", "es")]
    public void Clears_a_status_question_or_a_no_answered_before_a_denial(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("The injection is FDA approved for discs.", "en")]
    [InlineData("I told him it is FDA approved.", "en")]
    [InlineData("Le dije que sí, que está aprobado por la FDA.", "es")]
    [InlineData("Eu disse que sim, que é aprovado pela FDA.", "pt")]
    public void Still_holds_the_status_stated_or_answered_yes(string text, string language)
        => Assert.NotEmpty(Check(text, language));
    [Theory]
    [InlineData("Telling you there are zero side effects would be a lie.", "en")]
    [InlineData("Decirle que no tiene ningún riesgo sería mentirle.", "es")]
    [InlineData("Dizer que não tem risco nenhum seria mentir.", "pt")]
    [InlineData("Most teenagers with a pars defect never need surgery, with or without our therapy.", "en")]
    [InlineData("La mayoría de los adolescentes con lisis nunca necesita operarse, con o sin nuestra terapia.", "es")]
    [InlineData("A maioria dos adolescentes com lise nunca precisa de cirurgia, com ou sem a nossa terapia.", "pt")]
    [InlineData("Con sus propias células no hay rechazo, pero la infección y el sangrado siguen siendo riesgos.", "es")]
    [InlineData("Com as suas próprias células não há rejeição, mas a infecção e o sangramento continuam sendo riscos.", "pt")]
    public void Clears_a_claim_called_a_lie_credited_to_nothing_or_weighed_against_real_risks(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("There are zero side effects.", "en")]
    [InlineData("No tiene ningún riesgo.", "es")]
    [InlineData("Não tem risco nenhum.", "pt")]
    [InlineData("With our therapy you will never need surgery.", "en")]
    [InlineData("Con nuestra terapia nunca necesitará operarse.", "es")]
    [InlineData("Com a nossa terapia você nunca vai precisar de cirurgia.", "pt")]
    public void Still_holds_the_absolute_or_the_outcome_credited_to_the_therapy(string text, string language)
        => Assert.NotEmpty(Check(text, language));
}
