namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: FDA status implied with the words a Spanish or Portuguese coordinator uses for a regulator's
/// go-ahead. Besides "approved" / "aprobado" / "aprovado": the past tense ("la FDA lo aprobó", "a FDA já aprovou",
/// "reconheceu", "autorizou"), a permission ("la COFEPRIS lo permite") and, in Portuguese, a release ("liberação da
/// ANVISA", "liberado pela FDA"), as English says "cleared" or "gave it the green light". Denied, they stay honest.
/// Sentences not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_a_regulators_go_ahead_in_each_language
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("The FDA cleared it last year, so you can relax.", "en")]
    [InlineData("La FDA lo aprobó el año pasado, así que puede estar tranquila.", "es")]
    [InlineData("La COFEPRIS permite este tratamiento en México.", "es")]
    [InlineData("A ANVISA liberou este tratamento no ano passado.", "pt")]
    [InlineData("Tem liberação da FDA, pode ficar descansada.", "pt")]
    public void Holds_a_regulators_go_ahead_said_in_the_coordinators_words(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("The FDA has not cleared this treatment for the spine.", "en")]
    [InlineData("La FDA no lo aprobó para la columna.", "es")]
    [InlineData("La COFEPRIS no permite anunciarlo como tratamiento aprobado.", "es")]
    [InlineData("A ANVISA não liberou este tratamento para a coluna.", "pt")]
    [InlineData("A FDA não aprovou esta terapia para problemas de coluna.", "pt")]
    public void Still_clears_a_go_ahead_that_is_denied(string text, string language)
        => Assert.Empty(Check(text, language));
}
