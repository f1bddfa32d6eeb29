namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 12: numeric efficacy without a claim word. "Only" or "just" over a small count and a negated outcome
/// ("only 3 didn't make it back", "solo tres no volvieron", "só três não voltaram") says that all the others had the
/// outcome: a success count, held for review like "N out of M". So is a failure rate ("failure rate", "índice de
/// fracaso", "taxa de insucesso"), the same number said from the other side. A small count of studies or reminders stays
/// honest. Sentences not in the corpus.
/// </summary>
public sealed class The_claims_screen_reading_only_a_few_failures_as_a_success_count
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Of the 60 athletes we treated last year, only 3 didn't make it back to their team.", "en")]
    [InlineData("Out of several hundred backs, just a handful of patients didn't improve.", "en")]
    [InlineData("De los 60 deportistas que tratamos el año pasado, solo tres no volvieron a su equipo.", "es")]
    [InlineData("Nuestra tasa de fracaso ronda el 2 %.", "es")]
    [InlineData("Dos 60 atletas que tratámos no ano passado, só três não voltaram à equipa.", "pt")]
    [InlineData("A nossa taxa de insucesso anda pelos 2 %.", "pt")]
    public void Holds_a_count_of_the_few_it_did_not_work_for(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Only 2 of the published studies were randomised, and they don't show a clear benefit.", "en")]
    [InlineData("Just 3 reminders: don't eat after midnight, bring your scans, and arrive early.", "en")]
    [InlineData("Solo dos de los estudios publicados eran aleatorizados y no muestran un beneficio claro.", "es")]
    [InlineData("Solo tres cosas: no coma después de medianoche, traiga sus estudios y llegue temprano.", "es")]
    [InlineData("Só dois dos estudos publicados eram randomizados e não mostram um benefício claro.", "pt")]
    [InlineData("Só três lembretes: não coma depois da meia-noite, traga os exames e chegue cedo.", "pt")]
    public void Still_clears_a_small_count_of_studies_or_reminders(string text, string language)
        => Assert.Empty(Check(text, language));
}
