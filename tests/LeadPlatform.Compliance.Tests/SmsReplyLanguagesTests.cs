namespace LeadPlatform.Compliance.Tests;

/// <summary>Revocation by any reasonable means: English, Spanish and Portuguese, accents optional; ambiguous replies flagged.</summary>
public sealed class An_sms_reply
{
    private static SmsReplyClassification Classify(string text) => SmsOptOutClassifier.Default.Classify(text);

    [Theory]
    // Spanish keywords and requests
    [InlineData("BAJA")]
    [InlineData("baja por favor")]
    [InlineData("Alto")]
    [InlineData("CANCELAR")]
    [InlineData("Parar, gracias")]
    [InlineData("Darme de baja")]
    [InlineData("ya no me escriban")]
    [InlineData("Por favor, ya no me escriban más.")]
    [InlineData("no me contacten más")]
    [InlineData("No me contacten mas por favor")]
    [InlineData("NO ME MANDEN MÁS MENSAJES")]
    [InlineData("Dejen de escribirme")]
    [InlineData("deja de llamarme!!")]
    [InlineData("No quiero recibir más mensajes")]
    [InlineData("ya no quiero mensajes")]
    [InlineData("Denme de baja de esta lista")]
    [InlineData("Quítenme de su lista")]
    [InlineData("borren mi número de su base")]
    [InlineData("No más mensajes")]
    [InlineData("Número equivocado")]
    // Portuguese keywords and requests
    [InlineData("SAIR")]
    [InlineData("sair por favor")]
    [InlineData("Parar")]
    [InlineData("não quero mais mensagens")]
    [InlineData("Nao quero mais mensagens, obrigado")]
    [InlineData("Não quero receber mensagens")]
    [InlineData("parem de me mandar mensagens")]
    [InlineData("Parem de mandar mensagem!")]
    [InlineData("pare de me ligar")]
    [InlineData("Não me mandem mais nada")]
    [InlineData("nao enviem mais")]
    [InlineData("Me tirem da lista")]
    [InlineData("Tire meu número da lista por favor")]
    [InlineData("Chega de mensagens")]
    [InlineData("número errado")]
    // English, as before
    [InlineData("STOP")]
    [InlineData("stop texting me")]
    public void Asking_to_stop_in_any_of_the_three_languages_is_an_opt_out(string reply)
    {
        var result = Classify(reply);

        Assert.True(result.IsOptOut, reply);
        Assert.False(result.IsAmbiguous);
        Assert.Equal(OptOutScope.Sms, result.Scope);
    }

    [Theory]
    [InlineData("stop, I'm driving, call later")]
    [InlineData("Stop. Call me tomorrow at 5")]
    [InlineData("STOP - is this the clinic?")]
    [InlineData("Alto, ¿cuánto cuesta la consulta?")]
    [InlineData("Baja. Bueno, mejor llámenme el lunes")]
    [InlineData("Parar, estou no trabalho, me liga depois")]
    public void A_keyword_alone_in_a_longer_reply_is_ambiguous_not_an_opt_out(string reply)
    {
        var result = Classify(reply);

        Assert.False(result.IsOptOut, reply);
        Assert.True(result.IsAmbiguous, reply);
        Assert.False(string.IsNullOrEmpty(result.Matched));
    }

    [Theory]
    [InlineData("Quiero cancelar mi cita del viernes")]
    [InlineData("Sí, el martes a las 10 me va bien")]
    [InlineData("¿Me pueden llamar mañana?")]
    [InlineData("No me llames antes de las 9, gracias")]
    [InlineData("Quítame la duda: ¿cuánto cuesta?")]
    [InlineData("Pode me ligar amanhã de manhã?")]
    [InlineData("Qual é o preço do tratamento?")]
    [InlineData("Quero marcar para de manhã")]
    [InlineData("I need to cancel my appointment on Friday, can we move it?")]
    [InlineData("When should I stop taking ibuprofen before the visit?")]
    public void An_ordinary_reply_in_any_language_is_neither_an_opt_out_nor_ambiguous(string reply)
    {
        var result = Classify(reply);

        Assert.False(result.IsOptOut, reply);
        Assert.False(result.IsAmbiguous, reply);
    }
}
