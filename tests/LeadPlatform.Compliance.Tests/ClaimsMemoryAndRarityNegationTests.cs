namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 8 (rules 2026.12.9): double negations built on memory or rarity, a category of the left-out folds' misses
/// ("I can't think of anyone who didn't heal"): "struggle to find", "hard to think of", "rare / unusual / unheard of for",
/// "raro que", "seria raro a" negate like "not", so a negated outcome after them asserts it; and "whose" opens a relative clause
/// as "who" does. Rarity said of a risk stays honest. The sentences are written for the tests.
/// </summary>
public sealed class The_claims_screen_reading_double_negations_of_memory_and_rarity
{
    private static readonly ClaimsScreen RulesAlone = new(ClaimsScreen.DefaultRuleSets);

    [Theory]
    [InlineData("en", "You'd struggle to find anyone here who didn't get back to running.")]
    [InlineData("en", "It would be rare for the injection not to fix a defect like yours.")]
    [InlineData("es", "Sería raro que la inyección no le arreglara la vértebra.")]
    [InlineData("pt", "Seria raro a injeção não resolver a sua fratura.")]
    public void Holds_an_outcome_asserted_by_denying_that_it_ever_fails(string language, string sentence)
    {
        Assert.NotEmpty(RulesAlone.Screen(sentence, "body", language));
    }

    [Theory]
    [InlineData("en", "It is rare for patients to get an infection after the injection, but it can happen.")]
    [InlineData("en", "You'd struggle to find good evidence that the injection regrows bone.")]
    [InlineData("es", "Es raro que duela más de dos días después de la inyección.")]
    [InlineData("pt", "É raro que haja complicações, mas pode acontecer uma infeção.")]
    public void Clears_rarity_said_of_a_risk_and_a_search_for_evidence(string language, string sentence)
    {
        Assert.Empty(RulesAlone.Screen(sentence, "body", language));
    }
}
