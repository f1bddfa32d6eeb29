namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 14, second step: principles found in the spent independent part heldout15; the sentences here are not in
/// the corpus.
/// <list type="bullet">
/// <item>A negation right after a claim's last word, closing its clause, is the claim's own elliptical predicate: "the price is
/// guaranteed, the result isn't", "el precio está garantizado, el resultado no", "o preço é garantido, o resultado não".</item>
/// <item>A question that asks about a claim of its own is denied by an answer ending on the question's verb ("Is it completely
/// safe? No procedure is.", "¿Es totalmente seguro? Ningún procedimiento lo es.") or by regret ("Nothing can go wrong? I
/// wish.", "Ojalá", "Quem me dera"); a question ends at its mark even where a short answer joins it ("¿Esto cura? No lo
/// sabemos.").</item>
/// <item>A claim quoted and then called wrong is not asserted: "That wording was wrong", "Esa frase era incorrecta", "Essa
/// frase estava errada".</item>
/// <item>What nobody will promise is not promised: "Aquí nadie le va a prometer que su esposo quede sin dolor", "Ninguém vai
/// prometer que o seu marido fica sem dor".</item>
/// </list>
/// </summary>
public sealed class The_claims_screen_in_round_14_second_step
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();
    private static readonly ClaimsScreen Rules = new(ClaimsScreen.DefaultRuleSets);

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Just to be clear: the quote is guaranteed, the result isn't.", "en")]
    [InlineData("Para que quede claro: el precio está garantizado, el resultado no.", "es")]
    [InlineData("Só para ficar claro: o preço é garantido, o resultado não.", "pt")]
    public void Clears_a_guarantee_whose_result_is_denied_by_an_elliptical_negation(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Guaranteed results, no surgery.", "en")]
    [InlineData("Our injection cures it, no?", "en")]
    [InlineData("La infiltración lo cura, ¿no?", "es")]
    public void Still_holds_a_claim_followed_by_no_in_another_clause(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Is it completely safe? No procedure is. Here is what can go wrong.", "en")]
    [InlineData("¿Es totalmente seguro? Ningún procedimiento lo es.", "es")]
    [InlineData("É totalmente seguro? Nenhum procedimento é.", "pt")]
    [InlineData("¿Esto cura la fractura? No lo sabemos. Es un tratamiento en investigación.", "es")]
    [InlineData("Isto cura a fratura? Não sabemos. É um tratamento experimental.", "pt")]
    public void Clears_a_question_about_a_claim_denied_by_a_short_answer(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Nothing can go wrong? I wish. Please read page 3 of the consent form.", "en")]
    [InlineData("¿Que no puede salir nada mal? Ojalá. Lea la página 3 del consentimiento.", "es")]
    [InlineData("Não pode dar nada errado? Quem me dera. Leia a página 3 do termo.", "pt")]
    public void The_rules_clear_a_claim_echoed_as_a_question_and_answered_with_regret(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Correction: an earlier version of this page said our therapy 'heals the fracture'. That wording was wrong and has been removed.", "en")]
    [InlineData("Corrección: una versión anterior de esta página decía que nuestra terapia «suelda la fractura». Esa frase era incorrecta y se ha eliminado.", "es")]
    [InlineData("Correção: uma versão anterior desta página dizia que a nossa terapia «consolida a fratura». Essa frase estava errada e foi retirada.", "pt")]
    public void Clears_a_quoted_claim_the_next_sentence_calls_wrong(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our page says the therapy 'heals the fracture'. Book your consultation today.", "en")]
    [InlineData("Waiting would be a mistake: the injection heals the fracture in weeks.", "en")]
    public void Still_holds_a_quoted_claim_nothing_judges_and_a_claim_after_a_mistake(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Here nobody will promise you that your husband ends up pain-free, before or after the procedure.", "en")]
    [InlineData("Aquí nadie le va a prometer que su esposo quede sin dolor, ni antes ni después del procedimiento.", "es")]
    [InlineData("Ninguém aqui vai prometer que o seu marido fica sem dor, nem antes nem depois do procedimento.", "pt")]
    public void Clears_an_outcome_nobody_will_promise(string text, string language)
        => Assert.Empty(Check(text, language));
}
