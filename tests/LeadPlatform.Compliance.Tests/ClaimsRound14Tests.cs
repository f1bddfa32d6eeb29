namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 14: principles found in the spent independent part heldout14 and in the leave-one-part-out misses; the
/// sentences here are not in the corpus.
/// <list type="bullet">
/// <item>The SMS opt-out line is not a patient's story: "darse de baja" (unsubscribe) is not "estar de baja" (off work), and
/// the adjective "completo" is not the verb "completó" (completed a race), so "Cuente con pagarlo usted completo. Envíe STOP
/// para darse de baja." tells no story of a limitation and an activity.</item>
/// <item>An outcome put first and then said not to be guaranteed is not promised: "Healing of a pars fracture is never
/// guaranteed", "La consolidación de la fractura no está garantizada", "A cura não pode ser garantida".</item>
/// <item>An FDA-status implication (a registered lab, rules followed) is withdrawn when the next words deny the approval it
/// implies: "Our lab is FDA-registered. That does not mean the FDA has approved the injection"; without that denial it is
/// still held ("Not every clinic can say that!"). English "FDA-registered" and "FDA compliant" are implications (review), as
/// in Spanish and Portuguese, and "the FDA has approved" is an approval claim.</item>
/// <item>A question that asks about a claim of its own and is answered by a bare "No." is denied: "Is it a cure? No." (a
/// longer answer opening with a denial already was; "Any side effects? No surgery needed!" is not a bare answer).</item>
/// <item>An e-mail reply's quoted lines ("> Can you guarantee she will play again?") are the message replied to, judged like
/// any quotation by the sentence after them.</item>
/// <item>A title before a name does not end a sentence ("Hi Mrs. Alvarez, ...", "Olá Sr. Tiago, ..."), so the sentence after a
/// quotation is the one the coordinator wrote.</item>
/// <item>A question of a few words answered in a few is one statement: "Side effects? None.", "¿Efectos secundarios?
/// Ninguno.", "Efeitos secundários? Nenhum." are safety absolutes.</item>
/// </list>
/// </summary>
public sealed class The_claims_screen_in_round_14
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("¿Lo cubre el seguro? Casi nunca. Cuente con pagarlo usted completo. Envíe STOP para darse de baja.", "es")]
    [InlineData("Le mandamos el presupuesto completo por correo. Envíe STOP para darse de baja.", "es")]
    [InlineData("Necesitamos su nombre completo para la factura. Si prefiere no recibir más mensajes, puede darse de baja aquí.", "es")]
    public void Clears_an_opt_out_line_and_a_complete_price_as_no_story(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Una paciente que llevaba tres años de baja completó la maratón de Valencia en octubre.", "es")]
    [InlineData("Un camionero que estaba de baja por la espalda completó su primera media maratón.", "es")]
    public void Still_holds_a_story_of_someone_off_work_who_completed_a_race(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "testimonial");

    [Theory]
    [InlineData("Healing of the pars fracture is never guaranteed, and some teenagers need surgery later.", "en")]
    [InlineData("Complete pain relief can't be promised to anyone.", "en")]
    [InlineData("La consolidación de la fractura no está garantizada; algunos pacientes no mejoran.", "es")]
    [InlineData("El alivio total del dolor no se puede prometer a nadie.", "es")]
    [InlineData("A consolidação da fratura nunca é garantida; alguns doentes não melhoram.", "pt")]
    [InlineData("O alívio total da dor não pode ser prometido a ninguém.", "pt")]
    public void Clears_an_outcome_said_first_and_then_not_guaranteed(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our injection heals the fracture; the appointment time is not guaranteed.", "en")]
    [InlineData("La infiltración cura la fractura. La fecha no está garantizada.", "es")]
    [InlineData("A injeção cura a fratura. A data não é garantida.", "pt")]
    public void Still_holds_an_outcome_in_its_own_clause_before_a_guarantee_denied(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Our lab is FDA-registered. That does not mean the FDA has approved the injection.", "en")]
    [InlineData("Our lab is registered with the FDA, but registration is a listing; it does not mean the FDA has reviewed or approved the treatment.", "en")]
    [InlineData("Nuestro laboratorio está registrado ante la FDA. Eso no significa que la FDA haya aprobado la infiltración.", "es")]
    [InlineData("Cumplimos las normas de la FDA sobre tejidos. Cumplirlas no significa que el tratamiento esté aprobado por la FDA.", "es")]
    [InlineData("O nosso laboratório é registrado na FDA. Isso não quer dizer que a terapia seja aprovada pela FDA.", "pt")]
    [InlineData("Seguimos as regras da FDA para tecidos; isso não torna o tratamento aprovado pela FDA.", "pt")]
    public void Clears_an_fda_implication_whose_approval_is_denied_next(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our lab is FDA-registered. Not every clinic can say that!", "en")]
    [InlineData("Nuestro laboratorio está registrado ante la FDA. Muchas clínicas no pueden decir lo mismo.", "es")]
    [InlineData("O nosso laboratório é registrado na FDA, e poucas clínicas podem dizer isso.", "pt")]
    public void Still_holds_an_fda_implication_no_denial_follows(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "fda-status");

    [Fact]
    public void Holds_the_fda_having_approved_as_an_approval_claim_and_fda_registered_for_review()
    {
        Assert.Contains(Check("Good news: the FDA has approved our injection for spondylolysis.", "en"), v => v.Rule == "claims.fda" && v.Severity == FindingSeverity.Block);
        Assert.Empty(Check("The FDA has not approved our injection.", "en"));
        var registered = Check("We use an FDA-registered lab.", "en");
        Assert.NotEmpty(registered);
        Assert.All(registered, v => Assert.Equal(FindingSeverity.Review, v.Severity));
    }

    [Theory]
    [InlineData("Is this a cure for spondylolysis? No. It is an experimental treatment whose benefit has not been established.", "en")]
    [InlineData("Will it heal the fracture? No. Nobody can promise that.", "en")]
    [InlineData("¿Esto cura la espondilólisis? No. Es un tratamiento experimental.", "es")]
    [InlineData("Isso é uma cura? Não. É um tratamento experimental.", "pt")]
    public void Clears_a_question_about_a_claim_answered_with_a_bare_no(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Will it heal the fracture? Yes.", "en")]
    [InlineData("Did you know our injection heals the fracture in six weeks? No surgery needed!", "en")]
    public void Still_holds_a_claim_asked_and_not_denied(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("> Can you guarantee my daughter will be able to compete again?\n\nHi Mrs. Alvarez, I wish I could, but no one can honestly guarantee that.", "en")]
    [InlineData("> ¿Me pueden garantizar que mi hijo vuelve a jugar al fútbol?\n\nHola Alfonso, ojalá pudiera, pero nadie puede garantizarlo con honestidad.", "es")]
    [InlineData("> Podem garantir que o meu filho volta a jogar futsal?\n\nOlá Sr. Tiago, gostava de poder, mas ninguém pode garantir isso com honestidade.", "pt")]
    public void Clears_a_quoted_reply_line_judged_by_the_answer(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("> Our injection heals the fracture in six weeks.\n\nSee you on Tuesday at 10.", "en")]
    [InlineData("> Will it help the slipped vertebra?\n\nYes, the cells heal the slip in a few weeks.", "en")]
    public void Still_holds_a_quoted_line_nothing_judges_or_a_claim_in_the_answer(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Any side effects? None.", "en")]
    [InlineData("Risks? Practically none. Book today.", "en")]
    [InlineData("¿Efectos secundarios? Ninguno.", "es")]
    [InlineData("Efeitos secundários? Nenhum.", "pt")]
    public void Holds_a_safety_absolute_said_as_a_short_question_and_answer(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Category == "safety");

    [Theory]
    [InlineData("Risks? Some, and we will go through them at the consultation.", "en")]
    [InlineData("Parking? Free, behind the building.", "en")]
    [InlineData("¿Riesgos? Algunos: infección, dolor e inflamación.", "es")]
    public void Clears_a_short_question_and_answer_that_promises_nothing(string text, string language)
        => Assert.Empty(Check(text, language));
}
