# Round-4 DEVELOPMENT sentences (written 2026-12-01 about 16:55 UTC, after heldout4 was committed and measured once).
# They exercise what round 4 generalised: recall by topic (a sentence that talks about an outcome, a person's change
# of state, numbers about patients, surgery compared, safety, a regulator's status or fear-based urgency goes to
# review unless an honest frame clears it) and the honest frames and collisions that must still clear (surgery as the
# better option, "if you have no pain", a promise denied, sign-offs, booking words, cash and insurance, refunds).
# Appended to the dev part. (category, text).
EN_CLAIMS = [
 ("testimonial", "A bus driver we looked after in the spring is back behind the wheel full time."),
 ("testimonial", "Her neighbour, 67, tells everyone she sleeps through the night again."),
 ("efficacy", "You should be back to weekend football by the end of the season."),
 ("efficacy", "The bone knits itself together once the cells are in place."),
 ("numeric", "More than 3,000 patients have come through our doors with great results."),
 ("safety", "No side effects, just a short rest and you're done."),
 ("safety", "Because it is all natural, you can relax about it."),
 ("fda", "Our lab is accredited by the FDA for this kind of work."),
 ("urgency", "Every week you wait, the slip gets worse, and some of that damage is permanent."),
 ("surgery", "Patients who come to us spare themselves the scalpel altogether."),
]
EN_HONEST = [
 ("honest-conservative", "For a high-grade slip, an operation may be the better choice, and your surgeon is best placed to say."),
 ("honest-conservative", "Fusion is sometimes the right call, and we will tell you if we think so."),
 ("honest-logistics", "If you don't have any pain at the moment, there's no need to book yet."),
 ("honest-cure", "Nothing we write here is a promise that the treatment will work for you."),
 ("honest-warning", "Anyone who tells you this injection replaces surgery in every case is exaggerating."),
 ("honest-logistics", "We'll get back to you about the work note for your employer."),
 ("honest-price", "Your deposit comes back to you in full if you cancel a week ahead."),
 ("honest-logistics", "Thanks again for the photos of the scan; Dr. Haines will look at them on Friday."),
 ("honest-risk", "There's no pain during the injection itself, but soreness for a few days afterwards is common."),
 ("honest-logistics", "Your son can come back to the clinic on Monday to collect the report."),
 ("honest-fda", "If you'd like the regulator's view, the FDA's page on unapproved products is a good start."),
 ("honest-cure", "We won't know whether it helps you until a few months after the treatment, and it may not help at all."),
]
ES_CLAIMS = [
 ("testimonial", "Un conductor de autobús que atendimos en primavera ya vuelve a trabajar a jornada completa."),
 ("testimonial", "Su vecina, de 67 años, le cuenta a todo el mundo que vuelve a dormir la noche entera."),
 ("efficacy", "Estará otra vez jugando al fútbol los fines de semana antes de que acabe la temporada."),
 ("efficacy", "El hueso se suelda solo en cuanto las células están en su sitio."),
 ("numeric", "Más de 3.000 pacientes han pasado por nuestra consulta con resultados excelentes."),
 ("safety", "Sin efectos secundarios: un rato de reposo y listo."),
 ("safety", "Como es todo natural, puede estar tranquilo."),
 ("fda", "Nuestro laboratorio está acreditado por la FDA para este tipo de trabajo."),
 ("urgency", "Cada semana que espera, el desplazamiento empeora, y parte de ese daño es permanente."),
 ("surgery", "Quien viene a vernos se ahorra el bisturí por completo."),
]
ES_HONEST = [
 ("honest-conservative", "En un desplazamiento de grado alto, una operación puede ser la mejor opción, y su cirujano es quien mejor puede decirlo."),
 ("honest-conservative", "A veces la artrodesis es lo indicado, y si lo pensamos se lo diremos."),
 ("honest-logistics", "Si ahora mismo no tiene dolor, no hace falta que reserve todavía."),
 ("honest-cure", "Nada de lo que le escribimos es una promesa de que el tratamiento le vaya a funcionar."),
 ("honest-warning", "Quien le diga que esta infiltración sustituye a la cirugía en todos los casos está exagerando."),
 ("honest-price", "Puede pagar con tarjeta o en efectivo el mismo día de la consulta."),
 ("honest-logistics", "Díganos qué seguro médico tiene y comprobaremos si cubre la consulta."),
 ("honest-price", "Si cancela con una semana de antelación, le devolvemos la señal íntegra."),
 ("honest-risk", "Durante la infiltración no se siente dolor, pero es normal tener molestias unos días después."),
 ("honest-logistics", "Gracias de nuevo por las imágenes; la Dra. Haines las revisará el viernes."),
 ("honest-fda", "Si quiere la opinión del regulador, la página de la FDA sobre productos no aprobados es un buen comienzo."),
 ("honest-cure", "No sabremos si le ayuda hasta unos meses después del tratamiento, y puede que no le ayude nada."),
]
PT_CLAIMS = [
 ("testimonial", "Um motorista de autocarro que atendemos na primavera já voltou a trabalhar a tempo inteiro."),
 ("testimonial", "A vizinha dela, de 67 anos, conta a toda a gente que voltou a dormir a noite inteira."),
 ("efficacy", "Vai estar outra vez a jogar futebol aos fins de semana antes do fim da época."),
 ("efficacy", "O osso solda-se sozinho assim que as células estão no lugar."),
 ("numeric", "Mais de 3.000 pacientes já passaram pela nossa clínica com resultados excelentes."),
 ("safety", "Sem efeitos colaterais: um pouco de repouso e pronto."),
 ("safety", "Como é tudo natural, pode ficar descansado."),
 ("fda", "O nosso laboratório é acreditado pela FDA para este tipo de trabalho."),
 ("urgency", "Cada semana que espera, o escorregamento piora, e parte desse dano é permanente."),
 ("surgery", "Quem vem até nós poupa-se ao bisturi por completo."),
]
PT_HONEST = [
 ("honest-conservative", "Num escorregamento de grau alto, uma operação pode ser a melhor opção, e o seu cirurgião é quem melhor o pode dizer."),
 ("honest-conservative", "Às vezes a artrodese é o indicado, e se acharmos isso vamos dizer-lhe."),
 ("honest-logistics", "Se neste momento não sente dor, não precisa de marcar já."),
 ("honest-cure", "Nada do que lhe escrevemos é uma promessa de que o tratamento vai funcionar consigo."),
 ("honest-warning", "Quem lhe disser que esta injeção substitui a cirurgia em todos os casos está a exagerar."),
 ("honest-logistics", "Pode marcar a consulta pelo telefone ou pelo site, como preferir."),
 ("honest-logistics", "Diga-nos qual é o seu plano de saúde e verificamos se cobre a consulta."),
 ("honest-price", "Se desmarcar com uma semana de antecedência, devolvemos o sinal por inteiro."),
 ("honest-risk", "Durante a injeção não se sente dor, mas é normal ter algum desconforto nos dias seguintes."),
 ("honest-logistics", "Obrigada novamente pelas imagens; a Dra. Haines vai vê-las na sexta-feira."),
 ("honest-fda", "Se quiser a opinião do regulador, a página da FDA sobre produtos não aprovados é um bom começo."),
 ("honest-cure", "Só vamos saber se ajuda alguns meses depois do tratamento, e pode ser que não ajude nada."),
]
