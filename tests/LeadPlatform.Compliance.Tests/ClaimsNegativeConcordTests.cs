namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Negative concord in Spanish and Portuguese. "Não corre risco nenhum" and "no corre ningún riesgo" say "there is no risk":
/// the n-word (nenhum, ningún, nada) needs the "não" / "no" before the verb, so that negation is the claim's own, not a
/// denial of it. The screen had counted it as one, so the commonest way to say a treatment is risk-free in either language
/// cleared (34 Portuguese safety claims cleared in the thirteen-fold run, most of them this shape). A real denial still
/// clears the sentence: one that governs a clause of its own ("não posso dizer que …"), or a second negation. And a negation
/// repeated after "e" / "y" / "and" ("sem dor e sem riscos") is a sibling of the first, not a negation inside it, while a
/// "sem" / "sin" / "without" inside a claim that opens with its own negation reverses it ("não existe tratamento sem riscos"). The
/// sentences here are not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_negative_concord
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("A sua filha não corre risco nenhum com as próprias células.", "pt")]
    [InlineData("Fique tranquilo: não há absolutamente nada que possa correr mal.", "pt")]
    [InlineData("Seu filho não vai ter complicação nenhuma, pode confiar.", "pt")]
    [InlineData("Um procedimento sem contraindicações, feito no próprio dia.", "pt")]
    [InlineData("Tu hijo no va a tener complicación ninguna, puedes confiar.", "es")]
    [InlineData("Su hija no corre ningún riesgo con sus propias células.", "es")]
    [InlineData("Tranquila, no existe absolutamente nada que pueda salir mal.", "es")]
    public void Holds_an_absolute_said_with_its_own_negation(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "safety");

    [Theory]
    [InlineData("Um tratamento sem dor e sem riscos para a sua filha.", "pt")]
    [InlineData("O procedimento não dói e não tem riscos.", "pt")]
    [InlineData("Un tratamiento sin dolor y sin riesgos para su hija.", "es")]
    public void Holds_the_second_of_two_coordinated_negations(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "safety");

    [Theory]
    [InlineData("Não lhe posso dizer que não há risco nenhum: há sempre algum.", "pt")]
    [InlineData("Ninguém pode prometer que nada vai correr mal.", "pt")]
    [InlineData("Não prometemos nenhum resultado nem cura.", "pt")]
    [InlineData("No le puedo decir que no hay ningún riesgo: siempre hay alguno.", "es")]
    [InlineData("No podemos prometerle ningún resultado.", "es")]
    public void Clears_a_denial_of_the_absolute(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Não existe tratamento sem riscos; o seu médico explica-os na consulta.", "pt")]
    [InlineData("No hay tratamiento sin riesgos ni complicaciones posibles.", "es")]
    [InlineData("There is no treatment without risks, and this one is no exception.", "en")]
    public void Clears_no_treatment_without_risk(string text, string language)
        => Assert.Empty(Check(text, language));
}
