namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: a patient's story told as a before and after with no word for "better", as coordinators tell it in
/// chat: "from crutches to a 10 km race", "de la silla de ruedas a correr 5 km", "came in limping ... back skating",
/// "entró cojeando y salió corriendo", "saiu da cadeira de rodas e hoje anda sozinha" (a mobility aid or a limitation,
/// then an activity, a distance or the aid left behind). The same aids in logistics (a lift for crutches, parking for a
/// wheelchair) stay honest. Sentences not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_a_story_of_an_aid_left_behind
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Watch Marco's video: from crutches to a 10 km race in four months.", "en")]
    [InlineData("She came in limping and last week she was back skating with her club.", "en")]
    [InlineData("Mire el video de Rocío: de la silla de ruedas a correr 5 km en cuatro meses.", "es")]
    [InlineData("Entró cojeando y salió corriendo, se lo digo yo.", "es")]
    [InlineData("Veja o vídeo da Rita: saiu da cadeira de rodas e hoje anda sozinha até à praia.", "pt")]
    [InlineData("Chegou mancando e saiu correndo, foi incrível.", "pt")]
    public void Holds_a_before_and_after_told_with_an_aid_or_a_limitation(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("If you use crutches, our lift goes to the second floor.", "en")]
    [InlineData("Bring your brace to the consult; a 5 km walk is not needed before the scan.", "en")]
    [InlineData("Si usa muletas, tenemos ascensor hasta la segunda planta.", "es")]
    [InlineData("Si viene en silla de ruedas, avísenos y le reservamos el aparcamiento de la entrada.", "es")]
    [InlineData("Se usa muletas, temos elevador até ao segundo andar.", "pt")]
    [InlineData("Se vier de cadeira de rodas, avise-nos e reservamos a vaga da entrada.", "pt")]
    public void Still_clears_the_same_aids_in_logistics(string text, string language)
        => Assert.Empty(Check(text, language));
}
