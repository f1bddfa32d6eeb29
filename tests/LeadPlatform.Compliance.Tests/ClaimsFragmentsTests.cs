namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Verbless fragments in a coordinator's message: a place, a signature, a line's label and its value, a run of names. The learned
/// layer judged them as confidently as sentences, so a retrain could hold an address for review from the words it names (the
/// fourteen-part model read "Place: Back &amp; Spine Centre, Suite 4B, 2200 Ocean Avenue, Miami" as efficacy, 0.90, from "4B",
/// "Place", "Back", "Spine"; benchmark-model-leave-one-part-out-heldout13-folded-in-not-shipped.txt). Booking confirmations are
/// screened on what the coordinator typed, often just a place. A name, a number or a label asserts nothing: the model's evidence
/// must come from words that are not names. A fragment can still claim ("Pain-free in 6 weeks!", "Cure guaranteed", "FDA
/// approved"): those are held by the rules, and still are. The sentences here are not in the corpus; run against the shipped
/// model and against one retrained on fourteen parts.
/// </summary>
public sealed class The_claims_screen_reading_fragments
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    private static IReadOnlyList<ComplianceViolation> Check(string text, string language) => Screen.Screen(text, "body", language);

    [Theory]
    [InlineData("Venue: Harbor Spine & Joint Institute, Building C, 415 Lakeshore Drive, Chicago", "en")]
    [InlineData("Location: Regenerative Back Care Center, Second Floor, 88 Riverside Boulevard, Austin", "en")]
    [InlineData("Dirección: Centro de Columna y Articulaciones, Avenida Reforma 250, Consultorio 12, Ciudad de México", "es")]
    [InlineData("Sede: Instituto de Medicina Regenerativa del Sur, Calle Sierpes 14, 1.º B, Sevilla", "es")]
    [InlineData("Endereço: Centro de Coluna e Articulações, Avenida Paulista 1500, Sala 42, São Paulo", "pt")]
    [InlineData("Unidade: Instituto Renova de Ortopedia, Rua da Bahia 900, Belo Horizonte", "pt")]
    public void Clears_a_place_with_its_label(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Maria Lopez, Patient Coordinator, Northside Regenerative Spine Center, Tampa", "en")]
    [InlineData("Dr. Helen Carter, Medical Director, Bayview Orthopedic and Spine Group", "en")]
    [InlineData("Lucía Fernández Ruiz, Coordinadora de Pacientes, Clínica Levante Columna Valencia", "es")]
    [InlineData("Beatriz Almeida Costa, Coordenadora de Pacientes, Clínica Renova Coluna Porto Alegre", "pt")]
    public void Clears_a_signature(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Attendees: Dr. Samuel Reed, Nurse Kelly Park, Coordinator Tom Briggs", "en")]
    [InlineData("Subject: Spine Consultation, Thursday, Dr. Okafor and Dr. Lindgren", "en")]
    [InlineData("Asistentes: Dra. Marta Salinas, Enfermera Rocío Beltrán, Coordinador Pablo Ortega", "es")]
    [InlineData("Participantes: Dr. Henrique Lobo, Enfermeira Paula Siqueira, Coordenador Vítor Meireles", "pt")]
    public void Clears_a_line_of_names(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Please bring: photo ID, insurance card, MRI disc, medication list", "en")]
    [InlineData("Traiga: documento de identidad, tarjeta del seguro, resonancia magnética, lista de medicamentos", "es")]
    [InlineData("Traga: documento de identidade, carteirinha do convênio, ressonância magnética, lista de remédios", "pt")]
    public void Clears_a_list_of_things_to_bring(string text, string language)
        => Assert.Empty(Check(text, language));

    [Theory]
    [InlineData("Pain-free in 6 weeks!", "en")]
    [InlineData("Cure guaranteed.", "en")]
    [InlineData("FDA approved.", "en")]
    [InlineData("100% safe, zero side effects.", "en")]
    [InlineData("¡Sin dolor en 6 semanas!", "es")]
    [InlineData("Cura garantizada.", "es")]
    [InlineData("Aprobado por la FDA.", "es")]
    [InlineData("Sem dor em 6 semanas!", "pt")]
    [InlineData("Cura garantida.", "pt")]
    [InlineData("Aprovado pela FDA.", "pt")]
    public void Still_holds_a_verbless_claim(string text, string language)
        => Assert.NotEmpty(Check(text, language));

    [Theory]
    [InlineData("Our Regenerative Spine Center patients heal their fractures without surgery.", "en")]
    [InlineData("En la Clínica Levante Columna, la inyección cura la hernia discal para siempre.", "es")]
    [InlineData("Na Clínica Renova Coluna, a injeção cura a hérnia de disco para sempre.", "pt")]
    public void Still_holds_a_claim_beside_names(string text, string language)
        => Assert.NotEmpty(Check(text, language));
}
