namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19, round 4: recall by topic, clearance by honest frame. A sentence that talks about an outcome topic goes to
/// review unless it is demonstrably honest; the phrase rules still block clear claims.
/// </summary>
public sealed class A_sentence_about_an_outcome_topic
{
    private static readonly ClaimsScreen Screen = ClaimsScreen.LoadDefault();

    [Theory]
    [InlineData("en", "My cousin had the injection last year and she now hikes every weekend.", "claims.topic.testimonial")]
    [InlineData("en", "The pain in your leg fades away after the second session.", "claims.topic.outcome")]
    [InlineData("pt", "Depois da segunda sessão, os nossos pacientes melhoram imenso.", "claims.pt.topic.outcome")]
    [InlineData("es", "Con esto la columna queda estable de forma definitiva.", "claims.es.topic.outcome")]
    [InlineData("pt", "Com isto a coluna fica estável definitivamente.", "claims.pt.topic.outcome")]
    public void Goes_to_review_naming_its_topic_and_source_when_no_phrase_rule_knows_its_wording(string language, string sentence, string topic)
    {
        var finding = Assert.Single(Screen.Screen(sentence, "body", language));

        Assert.Equal(topic, finding.Rule);
        Assert.Equal(FindingSeverity.Review, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Source));
        Assert.NotNull(finding.Match);
        Assert.Contains(finding.Match!, sentence, StringComparison.Ordinal);
        Assert.Contains(Screen.Rules, r => r.Id == topic && r.Severity == FindingSeverity.Review && r.Source == finding.Source);
    }

    [Theory]
    [InlineData("en", "Some patients feel less pain afterwards, and results vary from person to person.")]
    [InlineData("en", "Our treatment will not fix your disc.")]
    [InlineData("en", "For a high-grade slip, an operation may be the better choice, and your surgeon is best placed to say.")]
    [InlineData("es", "En algunos pacientes la columna mejora muchísimo, pero no podemos prometerlo.")]
    [InlineData("pt", "Em alguns pacientes a coluna melhora imenso, mas não podemos prometer.")]
    [InlineData("pt", "Se neste momento não sente dor, não precisa de marcar já.")]
    public void Clears_when_an_honest_frame_or_a_negation_limits_the_claim(string language, string sentence)
        => Assert.Empty(Screen.Screen(sentence, "body", language));

    [Theory]
    [InlineData("en", "Your appointment is on Tuesday at 10:30; parking is free. Thanks again for the scan.")]
    [InlineData("es", "Puede pagar con tarjeta o en efectivo; díganos qué seguro médico tiene.")]
    [InlineData("pt", "Pode marcar a consulta pelo telefone. Com os melhores cumprimentos, Maria")]
    public void Leaves_logistics_with_no_outcome_topic_cleared(string language, string text)
        => Assert.Empty(Screen.Screen(text, "body", language));

    [Fact]
    public void Is_left_to_the_phrase_rules_when_they_already_block_it()
    {
        var found = Screen.Screen("Our stem cells cure back pain.", "body", "en");

        Assert.Contains(found, v => v.Rule == "claims.cure" && v.Severity == FindingSeverity.Block);
        Assert.DoesNotContain(found, v => v.Rule.StartsWith("claims.topic.", StringComparison.Ordinal));
    }

    [Fact]
    public void Is_not_read_for_the_topics_of_a_language_it_is_not_written_in()
    {
        // A Portuguese sentence sent with language "en": Portuguese topics read it, English stems do not.
        var found = Screen.Screen("Depois da segunda sessão, os nossos pacientes melhoram imenso.", "body", "en");

        Assert.Contains(found, v => v.Rule == "claims.pt.topic.outcome");
        Assert.DoesNotContain(found, v => v.Rule.StartsWith("claims.topic.", StringComparison.Ordinal));
    }

    [Fact]
    public void Makes_the_gate_hold_the_message_for_review_not_block_it()
    {
        var decision = GateKit.Gate().Check(
            GateKit.Draft(OutreachChannel.Email, "Hi Jordan,\n\nMy cousin had the injection last year and she now hikes every weekend.\n\nMaria"),
            GateKit.Facts());

        Assert.Equal("review", decision.Decision);
        Assert.Contains(decision.Violations, v => v.Rule == "claims.topic.testimonial");
    }
}
