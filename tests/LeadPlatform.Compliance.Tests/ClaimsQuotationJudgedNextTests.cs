namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// A claim quoted in order to be judged: the quotation ("The flyer said 'guaranteed to heal your spine'.") is followed by a
/// sentence that judges it — a negation or an honest frame anywhere in it ("Nobody can honestly promise an outcome", "No hay
/// estudios publicados que lo respalden", "Nenhum médico sério promete prazos"). The screen had asked that sentence to point
/// back with "that" / "eso" / "isso" first, so coordinators' warnings that quoted an ad were held (the largest class of honest
/// texts held in Spanish and Portuguese in the thirteen-fold run). A quoted testimonial followed by an ordinary sentence, or by
/// pressure to book, is still the clinic's claim. The sentences here are not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_a_quotation_judged_in_the_next_sentence
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("The flyer said 'guaranteed to heal your spine'. Nobody can honestly promise an outcome.", "en")]
    [InlineData("A salesman told her it was 'completely safe'. No medical procedure is free of risk.", "en")]
    [InlineData("En la radio dicen que «regenera la columna en un mes». No hay estudios publicados que lo respalden.", "es")]
    [InlineData("Un vendedor le aseguró que era «totalmente seguro». Ningún procedimiento médico lo es.", "es")]
    [InlineData("Um site promete 'cura garantida em 30 dias'. Nenhum médico sério promete prazos.", "pt")]
    [InlineData("Disseram-lhe que o tratamento era 'cem por cento seguro'. Nenhum procedimento médico é.", "pt")]
    // Round 8 left this one to the learned layer (ClaimsFramedBlocksAndAnsweredQuestionsTests); the rules now read it.
    [InlineData("\"Will the injection heal his fracture?\" is the first thing parents ask, and honestly it might not.", "en")]
    public void Clears_a_quoted_claim_that_the_next_sentence_denies(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("'My back pain vanished after one injection,' says Tom. Call us to book.", "en")]
    [InlineData("«El dolor desapareció con una sola inyección», cuenta Ana. Reserve hoy su cita.", "es")]
    [InlineData("'A dor sumiu depois de uma injeção', conta a Ana. Marque já a sua consulta.", "pt")]
    [InlineData("Our patients say 'it cured my back'. Don't wait to book.", "en")]
    [InlineData("Nuestros pacientes dicen «me curó la espalda». No espere más para reservar.", "es")]
    [InlineData("Os nossos pacientes dizem 'curou as minhas costas'. Não espere mais para marcar.", "pt")]
    public void Still_holds_a_quoted_testimonial_followed_by_an_ordinary_sentence(string text, string language)
        => Assert.NotEmpty(Check(text, language));
}
