namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: fear-based urgency said as an irreversible loss tied to not acting in time. The loss is said with
/// a negated future ("may never play again", "no vuelva a jugar nunca", "nunca mais"), a "too late" idiom ("now or never",
/// "the clock is ticking", "el tiempo juega en su contra", "o tempo joga contra") or regret; the delay as not being treated
/// before a date. A condition of not acting ("if he isn't treated", "si no actúa", "se não tratar") is the clinic's own
/// pressure, not a distanced hypothetical, and its negation is spent inside it ("if you don't treat it now you'll regret
/// it"); "the rest of your life" is not rest as conservative care. Reassurance that waiting loses nothing stays honest.
/// Sentences not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_urgency_as_an_irreversible_loss
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("If your daughter isn't treated before the summer, she may never do ballet again.", "en")]
    [InlineData("Book soon: the clock is ticking for a disc like yours.", "en")]
    [InlineData("If you don't treat it this month you'll regret it for the rest of your life.", "en")]
    [InlineData("Si no lo tratamos antes del verano, puede que no vuelva a correr nunca.", "es")]
    [InlineData("El reloj corre en contra de su disco, no lo deje.", "es")]
    [InlineData("Se não tratar já, daqui a um ano pode nunca mais jogar futebol.", "pt")]
    [InlineData("É agora ou nunca para a coluna do seu filho.", "pt")]
    [InlineData("O tempo joga contra o seu disco, marque esta semana.", "pt")]
    public void Holds_delay_tied_to_a_loss_that_cannot_be_undone(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("There's no rush: if you wait a few weeks, nothing is lost.", "en")]
    [InlineData("Most of these fractures heal with rest, and the rest of the plan is up to your doctor.", "en")]
    [InlineData("If you don't want the injection, physiotherapy is a reasonable first step.", "en")]
    [InlineData("No hay prisa: si espera unas semanas no pierde nada.", "es")]
    [InlineData("Si no quiere la infiltración, la fisioterapia es un primer paso razonable.", "es")]
    [InlineData("Não há pressa: se esperar umas semanas, não perde nada.", "pt")]
    [InlineData("Se não quiser a injeção, a fisioterapia é um primeiro passo razoável.", "pt")]
    public void Still_clears_reassurance_that_waiting_loses_nothing(string text, string language)
        => Assert.Empty(Check(text, language));
}
