namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Numbers in a coordinator's message: a street number, a suite, a time or a price is not efficacy. The learned layer had read
/// "Spine Care Clinic, 100 Market Street" (the place a coordinator typed into a consultation booking) as a numeric claim from the
/// word beside the number ("Clinic, 100"), so the booking's confirmation was held for review (CI, 2026-12-03). Numbers and the
/// words beside them still weigh in what the model reads, but a sentence needs words of its own to be a claim. The sentences
/// here are not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_numbers
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Spine Care Clinic, 100 Market Street, San Francisco", "en")]
    [InlineData("Place: Spine Care Clinic, 22 Elm Road, Denver", "en")]
    [InlineData("Place: Back & Spine Centre, Suite 4B, 2200 Ocean Avenue, Miami", "en")]
    [InlineData("Lugar: Clínica Columna, Calle Mayor 100, 2.º piso, Madrid", "es")]
    [InlineData("Local: Clínica Coluna, Rua Augusta 100, 3.º andar, Lisboa", "pt")]
    public void Clears_a_place_written_as_an_address(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("9 out of 10 of our patients are pain-free within weeks.", "en")]
    [InlineData("Our clinic has 100 successful treatments of spondylolysis behind it.", "en")]
    [InlineData("9 de cada 10 pacientes nuestros quedan sin dolor en semanas.", "es")]
    [InlineData("9 em cada 10 dos nossos pacientes ficam sem dor em semanas.", "pt")]
    public void Still_holds_a_number_that_states_an_outcome(string text, string language)
        => Assert.NotEmpty(Check(text, language));
}
