namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 16: principles found in the spent independent parts heldout17-heldout21 (measured as proof in round 15,
/// training data from this round on); the sentences here are written for these tests and are not in the corpus.
/// <list type="bullet">
/// <item>A negation after a coordinator governs its own clause, whatever its word: "no duele nada y no hay ningún riesgo",
/// "não dói nada e não há nenhum risco", "it doesn't hurt and there is no risk" each still claim "no risk"; an n-word closing
/// its clause as an object ("no molesta nada, no hay…") opens no parenthetical over the comma.</item>
/// <item>One negation word in two cues counts once: "not one patient has been unable to return to sport" is a double
/// negation that asserts the return.</item>
/// <item>A price, an estimate or a total "guaranteed" for a time is not an outcome guarantee; "this treatment is guaranteed"
/// still is.</item>
/// <item>A safety absolute is disowned by "isn't something any clinic can promise"; an FDA-cleared device beside "but the
/// treatment is not approved" implies no approval; "we often get asked if…" reports a question; "too early" is a caution.</item>
/// <item>Safety absolutes, standard care made unnecessary, lost places and chances, approval "in the United States" and the
/// FDA's "visto bueno", cases "without improvement" denied, bone formation stimulated, a slip stopped, a fracture closed, in
/// Spanish and Portuguese as their coordinators and marketing write them.</item>
/// <item>Second step (from the spent heldout22-heldout24): a letter's closing before a signature ("Warmly,", "Un cordial
/// saludo,", "Com os melhores cumprimentos,") is no statement, so a signature of names and titles (a clinic called "...
/// Regenerative Healing Center") is not read by the learned layer as a claim; a newsletter's or a colleague's words are
/// reported words (held for review unless the text says what is wrong with them: "that isn't something we can promise").
/// The four English signatures below were each held by the twenty-six-part model (claims-model-2026.12.20) as an efficacy or
/// safety claim from the clinic's name.</item>
/// <item>Third step (from the spent heldout25 and heldout26): "With respect," and "With apologies," close a letter too; in
/// Portuguese "curativos" are dressings, not a cure ("terapia curativa", "tratamento curativo" still are).</item>
/// </list>
/// </summary>
public sealed class The_claims_screen_in_round_16
{
    private static readonly ClaimsScreen Rules = new(ClaimsScreen.DefaultRuleSets);

    [Theory]
    [InlineData("It's quick and there is no risk whatsoever.", "en")]
    [InlineData("The FDA has already approved it for athletes.", "en")]
    [InlineData("Without treatment now, the damage to his spine will become permanent.", "en")]
    [InlineData("I'm holding your spot until Friday noon.", "en")]
    [InlineData("Not one of our patients has been unable to resume normal training.", "en")]
    [InlineData("500 backs healed this year.", "en")]
    [InlineData("It's a smarter first step than physio.", "en")]
    [InlineData("More and more parents are choosing the cells instead.", "en")]
    [InlineData("This treatment is guaranteed to work.", "en")]
    [InlineData("Same price, guaranteed results.", "en")]
    [InlineData("No molesta nada y no hay ningún riesgo.", "es")]
    [InlineData("No molesta nada, no hay ningún riesgo.", "es")]
    [InlineData("Con nuestro protocolo el riesgo real es cero.", "es")]
    [InlineData("La infección no es posible con nuestra técnica.", "es")]
    [InlineData("No ha habido una sola complicación en diez años.", "es")]
    [InlineData("Nosotros le ayudamos a evitar la cirugía.", "es")]
    [InlineData("Con la infiltración es suficiente, olvídese del corsé.", "es")]
    [InlineData("Con las células te ahorras la kine.", "es")]
    [InlineData("El lugar se pierde si no deposita hoy.", "es")]
    [InlineData("¿Vas a dejar que la lesión te deje fuera del campeonato?", "es")]
    [InlineData("Si no se trata ya, el disco se seca por completo.", "es")]
    [InlineData("Es una técnica aprobada en Estados Unidos.", "es")]
    [InlineData("Cuenta con el visto bueno de la FDA.", "es")]
    [InlineData("No tenemos ni un solo caso sin mejoría.", "es")]
    [InlineData("Estimula la formación de hueso nuevo.", "es")]
    [InlineData("Le das a tu cuerpo lo que necesita para repararse.", "es")]
    [InlineData("La terapia detiene el deslizamiento de la vértebra.", "es")]
    [InlineData("Con dos sesiones queda soldado.", "es")]
    [InlineData("Deja la columna como si nunca se hubiera lesionado.", "es")]
    [InlineData("Com a guia por imagem não existe possibilidade de lesão.", "pt")]
    [InlineData("Não tem como dar nada errado.", "pt")]
    [InlineData("O procedimento é isento de qualquer risco.", "pt")]
    [InlineData("O risco real é zero.", "pt")]
    [InlineData("Com as células não precisa mais de colete.", "pt")]
    [InlineData("A vaga vai para outra família se não confirmar hoje.", "pt")]
    [InlineData("Uma chance dessas não volta.", "pt")]
    [InlineData("Lise que não se trata antes dos 16 fica para a vida.", "pt")]
    [InlineData("Não cometa o mesmo erro que ela.", "pt")]
    [InlineData("A peneira não espera.", "pt")]
    [InlineData("Não tivemos um único caso sem melhora.", "pt")]
    [InlineData("Aqui não tem essa de não funcionou.", "pt")]
    [InlineData("Nunca aconteceu de um atleta não voltar.", "pt")]
    [InlineData("Não vai achar ninguém que não tenha sido ajudado.", "pt")]
    [InlineData("Reprograma o tecido lesionado para a regeneração.", "pt")]
    [InlineData("A aplicação fecha a fratura.", "pt")]
    [InlineData("Índice de cura de 97% em atletas.", "pt")]
    [InlineData("Menos de 1 em cada 30 pacientes não tem resultado.", "pt")]
    public void Holds_what_the_spent_parts_taught(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("This price is guaranteed for 45 days.", "en")]
    [InlineData("The estimate is guaranteed until March.", "en")]
    [InlineData("Zero complications isn't something any clinic can promise.", "en")]
    [InlineData("'Safe' isn't a word I would use without caveats.", "en")]
    [InlineData("The centrifuge is an FDA-cleared device, but the injection itself is not FDA approved.", "en")]
    [InlineData("We often get asked if the cells cure the fracture.", "en")]
    [InlineData("Going back to sport too early can cause a new fracture.", "en")]
    [InlineData("It does not cure the fracture and it does not repair the bone.", "en")]
    [InlineData("No tuvimos ningún problema con el estacionamiento.", "es")]
    [InlineData("El precio en euros queda cerrado el día de la reserva.", "es")]
    [InlineData("No cura la fractura y no repara el hueso.", "es")]
    [InlineData("Não tivemos nenhum problema com o estacionamento.", "pt")]
    [InlineData("Não cura a fratura e não regenera o osso.", "pt")]
    public void Clears_prices_disowned_absolutes_and_sibling_negations(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Dr. Varga is glad to talk the evidence through with you, with no obligation.\n\nWarmly,\nDana Whitfield\nPatient Coordinator, Cedar Hollow Spine & Regenerative Clinic\n(208) 555-0147", "en")]
    [InlineData("Dr. Varga is glad to talk the evidence through with you, with no obligation.\n\nWarmly,\nDana Whitfield\nPatient Coordinator, Cedar Hollow Spine & Regenerative Clinic\n(208) 555-0147\n\nKind regards,\nMaria, patient coordinator", "en")]
    [InlineData("Please bring your MRI on a disc.\n\nSincerely,\nPriya Natarajan\nCedar Hollow Spine & Regenerative Clinic", "en")]
    [InlineData("Please bring your MRI on a disc.\n\nRespectfully,\nLuis Arevalo\nInternational Desk, Bayline Regenerative Spine Clinic", "en")]
    [InlineData("Le recomiendo leer la página de la FDA antes de decidir.\n\nCon respeto,\nLucía Barrera\n\nAtentamente,\nEl equipo de pacientes", "es")]
    [InlineData("Recomendo ler a página da FDA antes de decidir.\n\nCom os melhores cumprimentos,\nJoana Reis\nCoordenadora, Clínica Regenerativa Cedar Hollow", "pt")]
    public void Reads_a_closing_and_signature_as_no_statement(string text, string language)
        => Assert.Empty(ClaimsScreen.LoadDefault().Screen(text, "body", language));

    [Fact]
    public void Holds_a_newsletter_s_claim_for_review_and_clears_it_when_the_text_says_what_is_wrong_with_it()
    {
        var reported = Rules.Screen("Our last newsletter said the treatment has no side effects.", "body", "en");
        Assert.Contains(reported, v => v.Rule == "claims.reported");
        Assert.Empty(Rules.Screen("My colleague told you the cells heal the fracture. That isn't something we can promise.", "body", "en"));
        Assert.Empty(Rules.Screen("Our last newsletter said the treatment has no side effects. That was wrong and we've corrected it online.", "body", "en"));
    }

    [Theory]
    [InlineData("Please bring your MRI on a disc.\n\nWith respect,\nDaniel Ostrowski\nPatient Liaison, Cedar Ridge Spine & Regenerative Institute", "en")]
    [InlineData("I am sorry for the confusion my last e-mail caused.\n\nWith apologies,\nMegan Holt\nCedar Ridge Spine & Regenerative Institute", "en")]
    [InlineData("Troque os curativos uma vez por dia e mantenha o local seco.", "pt")]
    public void Clears_more_closings_and_dressings(string text, string language)
        => Assert.Empty(ClaimsScreen.LoadDefault().Screen(text, "body", language));

    [Theory]
    [InlineData("O tratamento curativo da sua coluna começa com uma aplicação.", "pt")]
    [InlineData("É uma terapia curativa para a espondilólise.", "pt")]
    public void Still_holds_a_curative_treatment(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));
}
