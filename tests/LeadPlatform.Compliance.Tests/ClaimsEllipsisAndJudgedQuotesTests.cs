namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 7 (rules 2026.12.8), two principles generalised from the categories of heldout6's false alarms (honest
/// "we cannot promise a cure" answers, warnings that quote a claim); the sentences here are written for the tests:
/// a bare negation word that ends its clause before a conjunction ("others don't, and ...") is elliptical and does not
/// cancel the negation after it; a quotation is judged by the sentence after it when that sentence ends by pointing back
/// at it ("... any clinic that promises that", "nadie puede garantizar eso").
/// </summary>
public sealed class The_claims_screen_reading_elliptical_negations_and_quotes_judged_after
{
    private static readonly ClaimsScreen RulesAlone = new(ClaimsScreen.DefaultRuleSets);

    [Theory]
    [InlineData("en", "A few people feel a little better, others don't, and there is no good evidence that the injection rebuilds a worn disc.")]
    [InlineData("en", "Some see a change, some do not, and nothing shows that it repairs the fracture.")]
    [InlineData("es", "Algunos pacientes notan algo de alivio y otros que no, y no hay pruebas de que la infiltración regenere el disco.")]
    public void An_elliptical_negation_before_a_conjunction_leaves_the_next_negation_whole(string language, string sentence)
    {
        Assert.Empty(RulesAlone.Screen(sentence, "body", language));
    }

    [Theory]
    [InlineData("en", "Some clinics don't, and our injection repairs the fracture for good.")]
    [InlineData("es", "Otras clínicas no, y nuestra infiltración repara la fractura para siempre.")]
    public void A_claim_after_an_elliptical_negation_is_still_asserted(string language, string sentence)
    {
        Assert.NotEmpty(RulesAlone.Screen(sentence, "body", language));
    }

    [Theory]
    [InlineData("en", "Your cousin sent me the flyer: 'guaranteed cure, no side effects'. I would be very wary of any clinic, ours included, that promises that.")]
    [InlineData("es", "Me reenvió el anuncio: 'curación garantizada, cero efectos secundarios'. Le pido que desconfíe de cualquier clínica que le prometa eso.")]
    public void Treats_a_quoted_claim_as_distanced_when_the_next_sentence_ends_by_judging_it(string language, string text)
    {
        Assert.Empty(RulesAlone.Screen(text, "body", language));
    }

    [Fact]
    public void Keeps_a_quoted_claim_asserted_when_the_next_sentence_only_points_back_at_it()
    {
        Assert.NotEmpty(RulesAlone.Screen("A mother wrote to us: 'the injection cured my son's fracture'. We love hearing that.", "body", "en"));
    }
}
