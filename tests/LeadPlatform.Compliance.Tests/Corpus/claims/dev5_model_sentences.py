# Round-5 DEVELOPMENT sentences for the learned layer (ClaimsModel, written 2026-12-01 about 19:45 UTC by the helper
# who built it, after the leave-one-part-out runs had been read). They fill gaps the model's training data had in
# general terms: claims asserted through two negations ("no one ... without", "you'd struggle to find"), claims said as
# an image or a wish ("say goodbye to", "leave it behind"), and honest sentences with links and money matters with numbers. Written fresh, not copied from the issue or
# from any held-out part. Appended to the dev part. (category, text).
EN_CLAIMS = [
 ("efficacy", "Hardly anyone who tries it walks away without a stronger, steadier spine."),
 ("efficacy", "You would struggle to name a patient of ours whose back did not improve."),
 ("efficacy", "Think of it as hitting reset on a disc that has worn thin."),
 ("testimonial", "A retired teacher we saw in March has swapped her walking stick for a bicycle."),
 ("surgery", "Why accept stitches and a hospital bed when a short injection does the same job?"),
 ("safety", "It carries about as much risk as a flu jab, which is to say practically none."),
 ("urgency", "The longer you leave it, the fewer good years your spine has left."),
 ("marketing", "Our protocol wakes up the dormant repair cells already sitting in your tissue."),
]
EN_HONEST = [
 ("honest-logistics", "If the 9:30 slot on Thursday suits you better, just reply and we will move it."),
 ("honest-fda", "You can read the agency's own advice at www.fda.gov before you decide."),
 ("honest-price", "The consultation fee is 150 dollars, and 40 of that is refunded if you go ahead."),
 ("honest-cure", "Whether it will help your back is something nobody can tell you in advance."),
 ("honest-risk", "Infection, nerve irritation and a flare of pain are all possible after an injection."),
 ("honest-logistics", "The car park behind the building is free for the first two hours."),
 ("honest-warning", "Be wary of any clinic that tells you a single shot will fix everything."),
 ("honest-conservative", "Most people with this diagnosis start with physiotherapy, and many never need more."),
]
ES_CLAIMS = [
 ("efficacy", "Casi nadie que lo prueba se va sin una columna más fuerte y estable."),
 ("efficacy", "Le costaría nombrar a un paciente nuestro cuya espalda no haya mejorado."),
 ("efficacy", "Es como pulsar el botón de reinicio en un disco desgastado."),
 ("testimonial", "Una maestra jubilada a la que vimos en marzo ha cambiado el bastón por la bicicleta."),
 ("surgery", "¿Para qué aceptar puntos y una cama de hospital si una infiltración corta hace lo mismo?"),
 ("safety", "Tiene más o menos el riesgo de una vacuna de la gripe, es decir, prácticamente ninguno."),
 ("urgency", "Cuanto más lo deje, menos años buenos le quedan a su columna."),
 ("marketing", "Nuestro protocolo despierta las células reparadoras dormidas que ya tiene en sus tejidos."),
]
ES_HONEST = [
 ("honest-logistics", "Si le viene mejor la cita del jueves a las 9:30, responda y la cambiamos."),
 ("honest-fda", "Puede leer los consejos de la propia agencia en www.fda.gov antes de decidir."),
 ("honest-price", "La consulta cuesta 150 euros y le devolvemos 40 si decide seguir adelante."),
 ("honest-cure", "Si le va a ayudar con la espalda es algo que nadie puede decirle de antemano."),
 ("honest-risk", "Después de una infiltración pueden aparecer infección, irritación de un nervio o más dolor."),
 ("honest-logistics", "El aparcamiento detrás del edificio es gratuito las dos primeras horas."),
 ("honest-warning", "Desconfíe de cualquier clínica que le diga que una sola inyección lo arregla todo."),
 ("honest-conservative", "La mayoría de las personas con este diagnóstico empiezan con fisioterapia, y muchas no necesitan nada más."),
]
PT_CLAIMS = [
 ("efficacy", "Quase ninguém que experimenta sai sem uma coluna mais forte e estável."),
 ("efficacy", "Teria dificuldade em nomear um paciente nosso cujas costas não tenham melhorado."),
 ("efficacy", "É como carregar no botão de reiniciar num disco desgastado."),
 ("testimonial", "Uma professora reformada que vimos em março trocou a bengala pela bicicleta."),
 ("surgery", "Para quê aceitar pontos e uma cama de hospital se uma injeção rápida faz o mesmo?"),
 ("safety", "Tem mais ou menos o risco de uma vacina da gripe, ou seja, praticamente nenhum."),
 ("urgency", "Quanto mais adiar, menos anos bons restam à sua coluna."),
 ("marketing", "O nosso protocolo desperta as células reparadoras adormecidas que já tem nos seus tecidos."),
]
PT_HONEST = [
 ("honest-logistics", "Se a marcação de quinta-feira às 9:30 lhe der mais jeito, responda e mudamos."),
 ("honest-fda", "Pode ler os conselhos da própria agência em www.fda.gov antes de decidir."),
 ("honest-price", "A consulta custa 150 euros e devolvemos 40 se decidir avançar."),
 ("honest-cure", "Se vai ajudar as suas costas é algo que ninguém lhe pode dizer de antemão."),
 ("honest-risk", "Depois de uma injeção podem surgir infeção, irritação de um nervo ou mais dor."),
 ("honest-logistics", "O parque de estacionamento atrás do edifício é gratuito nas duas primeiras horas."),
 ("honest-warning", "Desconfie de qualquer clínica que lhe diga que uma única injeção resolve tudo."),
 ("honest-conservative", "A maioria das pessoas com este diagnóstico começa pela fisioterapia, e muitas nunca precisam de mais."),
]
