namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 3 (rules 2026.12.3): how far a negation reaches. A negation over a noun phrase with a relative clause
/// covers the clause ("no patient who didn't ..." asserts); in Spanish and Portuguese an n-word inside another
/// negation repeats it (negative concord); a change of state said with a negation ("no stiffness", "sin analgésicos")
/// is still a patient's outcome; "..., not the treatment" takes back what the sentence said of the treatment.
/// </summary>
public sealed class The_claims_screen_reading_negation_scope
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("There's not one patient on our books who hasn't felt better.", "en")]
    [InlineData("No client of ours who finished the programme has failed to improve.", "en")]
    [InlineData("No hay ni un paciente en nuestra consulta que no se haya sentido mejor.", "es")]
    [InlineData("Ningún cliente que terminó el programa ha dejado de mejorar.", "es")]
    [InlineData("Não há um paciente na nossa clínica que não se tenha sentido melhor.", "pt")]
    [InlineData("Nenhum cliente que terminou o programa deixou de melhorar.", "pt")]
    public void Reads_a_double_negation_across_a_relative_clause_as_a_claim(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Patients who didn't improve with the first injection are not usually offered a second one.", "en")]
    [InlineData("There is nobody on our team who will pressure you to book.", "en")]
    [InlineData("No hay nadie en nuestro equipo que le vaya a presionar para reservar.", "es")]
    [InlineData("No hay ni un solo estudio que demuestre que la infiltración regenere el hueso.", "es")]
    [InlineData("Não há ninguém na nossa equipa que o vá pressionar para marcar.", "pt")]
    [InlineData("Não há um único estudo que mostre que a injeção regenera o osso.", "pt")]
    public void Clears_a_single_negation_over_a_relative_clause(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Our patient Gail, a hairdresser, stands through twelve-hour shifts now with no stiffness at all.", "en")]
    [InlineData("Priya told us she hasn't needed her brace since the procedure.", "en")]
    [InlineData("A carpenter I spoke to yesterday says he has had zero pain since his second injection.", "en")]
    [InlineData("Una mujer de setenta y tantos pasea a su perro cada mañana sin ninguna molestia.", "es")]
    [InlineData("Tras tres sesiones, un conductor de autobús lleva cinco meses sin analgésicos.", "es")]
    [InlineData("Uma senhora de setenta e poucos anos passeia o cão todas as manhãs sem qualquer incómodo.", "pt")]
    [InlineData("Depois de três sessões, um motorista de ônibus está há cinco meses sem analgésicos.", "pt")]
    public void Sends_a_testimonial_whose_change_is_said_with_a_negation_to_review(string text, string language)
    {
        var finding = Assert.Single(Check(text, language), v => v.Rule.Contains("testimonial", StringComparison.Ordinal));
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.Contains("16 CFR 255", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("There is no pain during the injection itself because we numb the area, but soreness afterwards is common.", "en")]
    [InlineData("We can't say whether you'll be free of pain after the injection.", "en")]
    [InlineData("Si ahora mismo no tiene dolor, no hace falta que reserve todavía.", "es")]
    [InlineData("Não conseguimos dizer se vai ficar sem dor depois da injeção.", "pt")]
    public void Clears_pain_said_with_a_negation_when_no_patient_reports_it(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("The FDA registration number on our lab's page is for the facility, not the treatment.", "en")]
    [InlineData("El número de registro de la FDA que aparece en la web del laboratorio es del centro, no del tratamiento.", "es")]
    [InlineData("O número de registo da FDA na página do laboratório é da instalação, não do tratamento.", "pt")]
    public void Clears_a_status_taken_back_from_the_treatment_after_a_comma(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("No hay ninguna posibilidad de rechazo ni de infección.", "es")]
    [InlineData("No tiene absolutamente nada de qué preocuparse con este procedimiento.", "es")]
    [InlineData("Não há qualquer possibilidade de rejeição nem de infeção.", "pt")]
    [InlineData("There's no chance of rejection or infection.", "en")]
    [InlineData("It has never caused a single complication in our clinic.", "en")]
    public void Blocks_a_safety_absolute_said_with_negative_concord_or_never(string text, string language)
        => Assert.Contains(Check(text, language), v => v.Severity == FindingSeverity.Block);

    [Theory]
    [InlineData("The FDA has not looked at this therapy.")]
    [InlineData("The FDA hasn't reviewed our protocol or allowed it for back pain.")]
    public void Clears_an_fda_review_that_the_sentence_itself_denies(string text)
        => Assert.Empty(Check(text, "en"));

    [Fact]
    public void Sends_an_fda_review_the_clinic_asserts_to_a_reviewer()
        => Assert.Contains(Check("The FDA has looked at this therapy and allows it.", "en"), v => v.Rule == "claims.fda-implication" && v.Severity == FindingSeverity.Review);
}
