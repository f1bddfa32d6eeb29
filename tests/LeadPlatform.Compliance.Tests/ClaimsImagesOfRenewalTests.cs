namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: marketing images of renewal as efficacy claims in Spanish and Portuguese, as English already reads
/// them: the body or the spine that knows how to heal itself ("sabe repararse", "sabe se regenerar"), healing sped up
/// ("aceleran la consolidación", "aceleram a consolidação"), youth given back ("rejuvenece", "rejuvenesce", "le devuelve
/// los años", "volta no tempo"). Saying that recovery takes time and varies, or denying the speed-up, stays honest.
/// Sentences not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_images_of_renewal_as_efficacy
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Your spine knows how to heal itself; our cells just wake it up.", "en")]
    [InlineData("Su columna sabe repararse; nosotros solo la ayudamos un poco.", "es")]
    [InlineData("Un tratamiento que rejuvenece la espalda.", "es")]
    [InlineData("Las células aceleran la consolidación de la vértebra.", "es")]
    [InlineData("A sua coluna sabe se regenerar; nós só damos uma ajuda.", "pt")]
    [InlineData("Um tratamento que rejuvenesce as costas.", "pt")]
    [InlineData("As células aceleram a consolidação da vértebra.", "pt")]
    public void Holds_an_image_of_renewal(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Healing takes time, and how much your disc recovers varies from person to person.", "en")]
    [InlineData("La recuperación lleva tiempo y varía de una persona a otra.", "es")]
    [InlineData("El reposo no acelera la consolidación en todos los casos; lo decide su médico.", "es")]
    [InlineData("A recuperação leva tempo e varia de pessoa para pessoa.", "pt")]
    [InlineData("Não podemos prometer que acelere a consolidação da vértebra.", "pt")]
    public void Still_clears_recovery_said_with_its_limits(string text, string language)
        => Assert.Empty(Check(text, language));
}
