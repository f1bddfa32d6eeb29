namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: a negated verb of knowing, remembering, finding or seeing ("I can't recall", "you won't meet",
/// "no recuerdo", "nunca he visto", "não me lembro", "nunca vi") governs its whole object, however long the noun phrase,
/// and the relative clause that object heads: a second negation in that clause makes the sentence a claim that every
/// patient had the outcome. Under such a negation "anyone who" is the negated object, not someone else's claim.
/// With one negation only (a study or a promise nobody knows of) the sentence stays honest. Sentences not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_a_negated_verb_of_knowing_over_its_whole_object
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("I can't recall a single patient with a slipped disc like yours who didn't feel better afterwards.", "en")]
    [InlineData("You will not meet anybody who wasn't satisfied with how their back turned out.", "en")]
    [InlineData("No recuerdo a ningún paciente con una hernia como la suya que no haya mejorado después.", "es")]
    [InlineData("Nunca he visto a un corredor de los que tratamos que no volviera a correr.", "es")]
    [InlineData("Não me lembro de nenhum doente com uma hérnia como a sua que não tenha melhorado depois.", "pt")]
    public void Holds_a_remembered_or_found_nobody_who_did_not_get_the_outcome(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("I can't recall a single trial that shows the injection heals discs.", "en")]
    [InlineData("I don't know anyone who can promise that this will cure you.", "en")]
    [InlineData("Be careful with anyone who tells you the cells will repair your spine.", "en")]
    [InlineData("No conozco ningún estudio que demuestre que la inyección cure la hernia.", "es")]
    [InlineData("No recuerdo a nadie de la consulta que le haya prometido una curación.", "es")]
    [InlineData("Não conheço nenhum estudo que mostre que a injeção cura a hérnia.", "pt")]
    [InlineData("Não me lembro de ninguém da clínica que lhe tenha prometido uma cura.", "pt")]
    public void Still_clears_a_single_negation_over_evidence_or_a_promise(string text, string language)
        => Assert.Empty(Check(text, language));
}
