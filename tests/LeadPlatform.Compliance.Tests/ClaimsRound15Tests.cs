namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 15: principles found in the spent independent part heldout16; the sentences here are not in the corpus.
/// <list type="bullet">
/// <item>Scarcity is pressure: one place left, another family waiting, a place released unless the patient confirms today,
/// "last notice" — in English, Spanish and Portuguese.</item>
/// <item>A price deadline is pressure: an offer that ends tonight, a price that goes up on Monday, "back to full price".
/// A price guaranteed for a stated time is not.</item>
/// <item>Irreversible loss is pressure: "every day counts", "while you think it over, the fracture keeps opening".</item>
/// <item>A double negation over a relative clause asserts its outcome however far the relative is from the first negation
/// in its clause: "there isn't a single case at the clinic of a boy who didn't get back on the pitch".</item>
/// <item>A health ministry that "validated" or "endorsed" the protocol implies an approval.</item>
/// <item>Conservative care or surgery made unnecessary by the therapy, and "why operate when you can regenerate?", compare the
/// therapy with standard care.</item>
/// <item>A fracture seen closing ("la fractura cerrándose", "a fratura fechando") is a healing claim, and a return to the
/// mat, the pool or the stage a return to sport; many fractures that mend "this way" with rest are natural history.</item>
/// <item>A claim quoted or reported as someone's words (a regulator's excerpt, a complaint, a script for coordinators) goes to
/// review when nothing in the text corrects it; a warning that says what is wrong with it clears.</item>
/// <item>Second step (principles found in the spent heldout17 and heldout18): "last 4 places", "now or never", a fracture
/// "for life" when untreated; zero patients without improvement, nobody left without playing, surprise at a failure; approval
/// "in the US"; standard care dismissed as a waste of time; letters in negative squares ("🅲🆄🆁🅴").</item>
/// <item>Third step (principles found in the spent heldout19 and heldout20): a season lost unless treated, a weekend offer, a
/// slot released after a deadline; risks called a formality; "a better way" than surgery, "months of physio or one session";
/// "with the cells, neither brace nor surgery"; challenges ("name one patient who didn't…"), "no spine is a lost cause"; "like
/// an approved drug"; percentages of improvement; a conservative-care word inside a negation ("no brace needed") no longer
/// distances the claim as conservative care.</item>
/// <item>A quoted claim is disowned by "that was a mistake", "fue un error", "foi um erro", and by "whoever said ... was
/// wrong".</item>
/// </list>
/// </summary>
public sealed class The_claims_screen_in_round_15
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();
    private static readonly ClaimsScreen Rules = new(ClaimsScreen.DefaultRuleSets);

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    private static void AssertUrgency(string text, string language)
    {
        var found = Rules.Screen(text, "body", language);
        Assert.Contains(found, v => v.Rule.EndsWith(".urgency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Only one slot left for Saturday and another family is asking about it. If you don't confirm today I'll have to give it to them.", "en")]
    [InlineData("Heads up: your spot will be released at 5pm unless you confirm.", "en")]
    [InlineData("Final notice!! Dr. Reyes has just two openings left this month.", "en")]
    [InlineData("Solo me quedan dos turnos para el viernes y hay otra familia esperando. Si no confirma hoy, se los doy.", "es")]
    [InlineData("Aviso: su plaza se libera mañana a las 10 si no la confirma.", "es")]
    [InlineData("¡Última oportunidad! Quedan apenas tres cupos con el Dr. Ibarra.", "es")]
    [InlineData("Só restam duas vagas na quinta e tem outra família interessada. Se não confirmar hoje, passo para eles.", "pt")]
    [InlineData("Oi, Rita: a sua vaga será liberada amanhã às 9h se não confirmar.", "pt")]
    [InlineData("Último aviso! Restam apenas três horários com a Dra. Couto.", "pt")]
    public void Holds_scarcity_pressure_for_review(string text, string language) => AssertUrgency(text, language);

    [Theory]
    [InlineData("The 20% discount ends tonight at midnight, then it's back to full price.", "en")]
    [InlineData("Last week at this year's price: from Monday it goes up 15%.", "en")]
    [InlineData("La oferta de 6 meses sin intereses termina hoy a medianoche; después vuelve al precio normal.", "es")]
    [InlineData("Última semana con la tarifa actual: a partir del lunes el precio sube un 20 %.", "es")]
    [InlineData("O desconto de 15% acaba hoje à meia-noite, depois volta para o preço cheio.", "pt")]
    [InlineData("Última semana com o valor atual: a partir de segunda o preço sobe 20%.", "pt")]
    public void Holds_a_price_deadline_for_review(string text, string language) => AssertUrgency(text, language);

    [Theory]
    [InlineData("Your quote of $4,200 is guaranteed for 60 days, so there is no rush to decide.", "en")]
    [InlineData("Prices are reviewed every January; the quote you have stays as it is.", "en")]
    [InlineData("Su presupuesto de 3.900 € se mantiene durante 60 días; no hay prisa para decidir.", "es")]
    [InlineData("O seu orçamento de R$ 18.000 vale por 60 dias; não tem pressa para decidir.", "pt")]
    [InlineData("We have openings on Tuesday and Thursday next week; tell me which suits you, or we can look at other dates.", "en")]
    [InlineData("Tenemos turnos el martes y el jueves de la semana que viene; dígame cuál le viene mejor o buscamos otra fecha.", "es")]
    [InlineData("Temos horários na terça e na quinta da próxima semana; diga qual prefere ou vemos outra data.", "pt")]
    public void Clears_a_price_guarantee_and_plain_scheduling(string text, string language) => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Every day counts with a fracture like this one.", "en")]
    [InlineData("While you think it over, the crack in the vertebra keeps opening.", "en")]
    [InlineData("Con una fractura así, cada día cuenta.", "es")]
    [InlineData("Mientras usted lo piensa, la fractura sigue abriéndose.", "es")]
    [InlineData("Com uma fratura assim, cada dia conta.", "pt")]
    [InlineData("Enquanto você pensa, a lesão continua avançando.", "pt")]
    public void Holds_pressure_of_irreversible_loss_for_review(string text, string language) => AssertUrgency(text, language);

    [Theory]
    [InlineData("There isn't a single case at the clinic of a boy who didn't get back on the pitch.", "en")]
    [InlineData("No hay en toda la clínica un solo caso de una gimnasta que no volviera a competir.", "es")]
    [InlineData("No conozco a ninguna familia que no haya visto a su hija volver a entrenar.", "es")]
    [InlineData("Não existe aqui nenhum caso de um atleta que não voltou a jogar.", "pt")]
    public void Holds_a_double_negation_over_a_relative_clause(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("The Department of Health has validated our cell protocol.", "en")]
    [InlineData("El Ministerio de Salud ya avaló nuestro protocolo de células.", "es")]
    [InlineData("O Ministério da Saúde já validou o nosso protocolo de células.", "pt")]
    public void Holds_a_ministry_validation_as_an_approval_claim(string text, string language)
        => Assert.Contains(Rules.Screen(text, "body", language), v => v.Rule.Contains("fda", StringComparison.Ordinal));

    [Theory]
    [InlineData("The Department of Health has not validated or approved this protocol.", "en")]
    [InlineData("El Ministerio de Salud no ha avalado este protocolo.", "es")]
    [InlineData("O Ministério da Saúde não validou este protocolo.", "pt")]
    public void Clears_a_ministry_that_has_not_validated_it(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("After the injection your son won't need the brace anymore.", "en")]
    [InlineData("Why wait six months for it to knit on its own when the cells can fix it in weeks?", "en")]
    [InlineData("Con la infiltración su hija ya no necesita el corsé.", "es")]
    [InlineData("¿Para qué operarse si puede regenerar el hueso?", "es")]
    [InlineData("Depois da aplicação ele não precisa mais da fisioterapia.", "pt")]
    [InlineData("Pra que operar se dá pra regenerar?", "pt")]
    public void Holds_standard_care_made_unnecessary_by_the_therapy(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("If the physiotherapy works, surgery is usually not needed at all.", "en")]
    [InlineData("Si la fisioterapia funciona, normalmente no hace falta operar.", "es")]
    [InlineData("Se a fisioterapia funcionar, normalmente não é preciso operar.", "pt")]
    public void Clears_conservative_care_that_makes_surgery_unnecessary(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("My colleague wrote that 'nothing can go wrong'. That was a mistake: there are risks, and I will go through them with you.", "en")]
    [InlineData("Mi compañera le dijo que «no tiene ningún riesgo». Fue un error: sí tiene riesgos y se los explico.", "es")]
    [InlineData("A minha colega disse que «não tem risco nenhum». Foi um erro: tem riscos, e eu explico.", "pt")]
    [InlineData("Whoever told you it 'always works' was wrong. It doesn't, and it may not help you.", "en")]
    [InlineData("Quien le dijo que «siempre funciona» estaba equivocado. No siempre funciona.", "es")]
    [InlineData("Quem disse que «sempre funciona» estava errado. Nem sempre funciona.", "pt")]
    public void Clears_a_quoted_claim_called_a_mistake(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("On the control scan you can see the fracture closing.", "en")]
    [InlineData("En la resonancia de control ya se ve la fractura cerrándose.", "es")]
    [InlineData("No exame de controle já dá para ver a fratura fechando.", "pt")]
    [InlineData("Lucía was back on the beam six weeks after her injection.", "en")]
    [InlineData("Tomás volvió al tatami seis semanas después de la infiltración.", "es")]
    [InlineData("A Bia voltou ao palco seis semanas depois da aplicação.", "pt")]
    public void Holds_a_fracture_seen_closing_and_a_return_to_the_mat_or_the_stage(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Muchas lisis en chicos de esa edad consolidan así, solo con reposo deportivo.", "es")]
    [InlineData("Muitas lises em adolescentes dessa idade consolidam assim, só com repouso.", "pt")]
    public void Clears_the_natural_history_of_fractures_that_mend_with_rest(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Extract from the warning letter: your website stated that the injections 'regenerate the damaged vertebra in weeks.'", "en")]
    [InlineData("According to the complaint, a staff member told the family the procedure was 'completely risk-free'.", "en")]
    [InlineData("Script for the follow-up call: tell them the cells 'rebuild the bone from inside'.", "en")]
    [InlineData("Según la denuncia, el folleto aseguraba que la terapia «regenera el disco en pocas semanas».", "es")]
    [InlineData("Extracto de la carta de advertencia: su web afirmaba que el tratamiento «cura la espondilólisis».", "es")]
    [InlineData("Segundo a reclamação, o site afirmava que a terapia «regenera o disco em poucas semanas».", "pt")]
    [InlineData("Roteiro para a ligação: dizer que as células «reconstroem o osso por dentro».", "pt")]
    public void Holds_a_claim_quoted_by_a_regulator_a_complaint_or_a_script(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Fact]
    public void Names_the_reported_claim_and_its_category_for_the_compliance_officer()
    {
        var found = Rules.Screen("Warning letter excerpt: the website stated the product was 'FDA approved for spondylolysis.'", "body", "en");
        var finding = Assert.Single(found);
        // Round 17: quoted from an enforcement document, it is held under that rule's own name.
        Assert.Equal("claims.reported.official", finding.Rule);
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.Equal("fda-status", finding.Category);
        Assert.Equal("FDA approved", finding.Match);
    }

    [Theory]
    [InlineData("Some websites stated that these injections 'regenerate the vertebra in weeks'. That is not true, and no study shows it.", "en")]
    [InlineData("A flyer you may have seen said the procedure was 'completely risk-free'. Please be wary: every injection carries risks.", "en")]
    [InlineData("Algunas webs afirmaban que la terapia «regenera el disco en pocas semanas». No es cierto.", "es")]
    [InlineData("Alguns sites afirmavam que a terapia «regenera o disco em poucas semanas». Isso é enganoso.", "pt")]
    public void Clears_a_quoted_claim_the_text_corrects(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Last 4 spots this month!", "en")]
    [InlineData("It's now or never: after 18 the bone stops responding.", "en")]
    [InlineData("Left untreated, a pars fracture like this stays with you for life.", "en")]
    [InlineData("¡Últimas 4 plazas este mes!", "es")]
    [InlineData("Es ahora o nunca: después de los 18 el hueso deja de responder.", "es")]
    [InlineData("Una lisis que no se trata a tiempo queda para toda la vida.", "es")]
    [InlineData("Últimas 4 vagas deste mês!", "pt")]
    [InlineData("É agora ou nunca: depois dos 18 o osso deixa de responder.", "pt")]
    [InlineData("Uma lise que não se trata a tempo fica para a vida toda.", "pt")]
    public void Holds_last_places_now_or_never_and_a_lifetime_untreated_for_review(string text, string language) => AssertUrgency(text, language);

    [Theory]
    [InlineData("Zero patients without improvement last year.", "en")]
    [InlineData("Not one of the kids we treated was left unable to play.", "en")]
    [InlineData("Me sorprendería que no funcionara con su hijo.", "es")]
    [InlineData("Cero pacientes sin mejoría el año pasado.", "es")]
    [InlineData("Ningún chico que tratamos se quedó sin jugar.", "es")]
    [InlineData("Zero pacientes sem melhora no ano passado.", "pt")]
    [InlineData("Nenhum menino que a gente tratou ficou sem jogar.", "pt")]
    [InlineData("Ficaria surpresa se não funcionasse com o seu filho.", "pt")]
    public void Holds_zero_failures_and_surprise_at_a_failure(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Technology approved in the US, now in Miami.", "en")]
    [InlineData("Tecnología aprobada en Estados Unidos, ahora en Monterrey.", "es")]
    [InlineData("Tecnologia aprovada nos EUA, agora em Lisboa.", "pt")]
    [InlineData("Physio in a case like this is a waste of time; the injection solves it.", "en")]
    [InlineData("La fisioterapia en un caso así es una pérdida de tiempo.", "es")]
    [InlineData("Fisioterapia nesse caso é perda de tempo, a aplicação resolve.", "pt")]
    [InlineData("🅲🆄🆁🅴 for your back in one session", "en")]
    public void Holds_approval_in_the_us_standard_care_dismissed_and_letters_in_squares(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Physiotherapy is not a waste of time: it is the treatment with the most evidence.", "en")]
    [InlineData("La fisioterapia no es una pérdida de tiempo: es el tratamiento con más pruebas.", "es")]
    [InlineData("A fisioterapia não é perda de tempo: é o tratamento com mais evidência.", "pt")]
    [InlineData("This treatment is not approved in the US.", "en")]
    [InlineData("Este tratamiento no está aprobado en Estados Unidos.", "es")]
    public void Clears_standard_care_defended_and_approval_denied(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("If he doesn't get it done before the trials, he'll miss the season.", "en")]
    [InlineData("Only this weekend: 30% off the injection.", "en")]
    [InlineData("I'm holding the slot until noon; after that I have to release it.", "en")]
    [InlineData("Si no se trata antes del torneo, se queda fuera de la selección.", "es")]
    [InlineData("Me queda un turno el viernes con descuento.", "es")]
    [InlineData("Cupo limitado a 5 pacientes.", "es")]
    [InlineData("Se ele não fizer antes da peneira, fica de fora do time.", "pt")]
    [InlineData("72 horas para garantir o valor de 2025.", "pt")]
    public void Holds_a_lost_season_a_weekend_offer_and_a_slot_released_for_review(string text, string language) => AssertUrgency(text, language);

    [Theory]
    [InlineData("The consent form lists risks, but that's just a formality.", "en")]
    [InlineData("Honestly it's completely harmless.", "en")]
    [InlineData("Los riesgos del consentimiento son puro trámite.", "es")]
    [InlineData("There's a better way than fusion.", "en")]
    [InlineData("Hay una forma mejor que la cirugía.", "es")]
    [InlineData("Tres meses de kine o una sola sesión.", "es")]
    [InlineData("Tem um jeito bem mais rápido de resolver isso.", "pt")]
    [InlineData("Con las células ya no hace falta ni corsé ni cirugía.", "es")]
    [InlineData("Com as células não precisa nem de colete.", "pt")]
    [InlineData("Name one patient who didn't walk out feeling better.", "en")]
    [InlineData("Encuéntreme un paciente que no haya mejorado.", "es")]
    [InlineData("Não vejo nenhuma razão para isso não dar certo.", "pt")]
    [InlineData("No spine is a lost cause for us.", "en")]
    [InlineData("Nenhuma coluna é caso perdido para nós.", "pt")]
    [InlineData("It's basically an approved drug.", "en")]
    [InlineData("É como se fosse um remédio aprovado.", "pt")]
    [InlineData("It improves back function by up to 80%.", "en")]
    [InlineData("Reducimos tu dolor lumbar un 75 % o más.", "es")]
    [InlineData("Apurou-se que as atendentes diziam que «a terapia regenera o disco».", "pt")]
    public void Holds_formalities_better_ways_challenges_and_like_approved(string text, string language)
        => Assert.NotEmpty(Rules.Screen(text, "body", language));

    [Theory]
    [InlineData("Resting for a few months may mean he misses part of the season; that is normal and the fracture usually heals.", "en")]
    [InlineData("Si no mejora con la fisioterapia, hablaremos de otras opciones.", "es")]
    [InlineData("Se não melhorar com o colete em três meses, o médico avalia outras opções.", "pt")]
    [InlineData("There is no better way to know than a second opinion from your own surgeon.", "en")]
    [InlineData("Reducimos el precio un 10 % si paga por adelantado.", "es")]
    public void Clears_a_season_missed_to_rest_and_a_price_reduced(string text, string language)
        => Assert.Empty(Rules.Screen(text, "body", language));
}
