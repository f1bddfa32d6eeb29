# Builds claims-corpus.json from the hand-written sentences in heldout_sentences.py and dev_sentences.py.
# Each sentence becomes one outreach text (email or SMS) wrapped in a greeting and sign-off of its language; some
# claims are disguised (look-alike letters, spacing, digits for letters, HTML entities); some Spanish and Portuguese
# texts are sent with language "en" (a coordinator's mistake the gate must still catch). The development part also
# holds two-sentence messages (an honest sentence followed by a claim, or two honest ones). Deterministic.
import json, os, re, sys
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout5"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout6"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout7"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout8"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout9"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout10"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout11"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout13"))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout14"))
import heldout_sentences as H
import dev_sentences as D
import heldout2_sentences as H2
import heldout3_sentences as H3
import dev3_sentences as D3
import heldout4_sentences as H4
import dev4_sentences as D4
import dev5_sentences as D5
import dev5_model_sentences as D5M
import heldout5_sentences as H5
import dev6_sentences as D6
import train6_sentences as T6
import heldout6_sentences as H6
import train7_sentences as T7
import heldout7_sentences as H7
import train8a_sentences as T8A
import train8b_sentences as T8B
import heldout8_sentences as H8
import heldout9_sentences as H9
import heldout10_sentences as H10
import heldout11_sentences as H11
import heldout13_sentences as H13
import train14a_sentences as T14A
import train14b_sentences as T14B
import heldout14_sentences as H14
import train15a_sentences as T15A
import train15b_sentences as T15B
import train10a_sentences as T10A
import train10b_sentences as T10B

WRAP = {
 "en": (["Hi Jordan,\n\n", "Hello Ms Rivera,\n\n", "Dear Sam,\n\n", "Hi Alex, thanks for your message. "],
        ["\n\nKind regards,\nMaria, patient coordinator", "\n\nBest wishes,\nThe patient team", "\n\nThanks,\nDaniel"],
        ["Reply STOP to opt out.", "Text STOP to stop messages."]),
 "es": (["Hola Jordi:\n\n", "Estimada Sra. Rivera:\n\n", "Buenos días, Samuel:\n\n", "Hola Álex, gracias por su mensaje. "],
        ["\n\nUn saludo,\nMaría, coordinadora de pacientes", "\n\nAtentamente,\nEl equipo de pacientes", "\n\nGracias,\nDaniel"],
        ["Responda BAJA para no recibir más mensajes.", "Envíe STOP para darse de baja."]),
 "pt": (["Olá Joana,\n\n", "Cara Sra. Ribeiro,\n\n", "Bom dia, Samuel,\n\n", "Olá Alexandre, obrigado pela sua mensagem. "],
        ["\n\nCom os melhores cumprimentos,\nMaria, coordenadora de pacientes", "\n\nAtenciosamente,\nA equipa de pacientes", "\n\nObrigado,\nDaniel"],
        ["Responda STOP para deixar de receber mensagens.", "Envie SAIR para cancelar."]),
}
CYR = {'a':'\u0430','e':'\u0435','o':'\u043e','c':'\u0441','p':'\u0440','x':'\u0445','y':'\u0443','i':'\u0456'}
KEY = re.compile(r"(cur\w*|heal\w*|approv\w*|aprobad\w*|aprovad\w*|safe|segur\w*|regenera\w*|repair\w*|repara\w*|fda|success\w*|éxito|sucesso|surgery|cirug\w*|cirurg\w*|pain|dolor|dor)", re.I)
def leet(w): return w.translate(str.maketrans({'e':'3','o':'0','a':'@','s':'$','i':'1'}))[:len(w)] if len(w) > 2 else w
def entity(w): return "".join("&#%d;" % ord(ch) if (j == 0 or ch in "uaeo") else ch for j, ch in enumerate(w))
def spaced(w): return ' '.join(w)
def cyr(w): return ''.join(CYR.get(ch, ch) for ch in w)
def nbsp(w): return w
DISGUISES = [("leet", leet), ("entity", entity), ("spaced", spaced), ("cyrillic", cyr)]

def disguise(text, k):
    m = KEY.search(text)
    if not m: return text, None
    name, f = DISGUISES[k % len(DISGUISES)]
    w = m.group(0)
    if name == "leet":  # one or two letters only, as people do
        w2 = w
        for a, b in (('e','3'),('o','0'),('a','@'),('s','$'),('i','1')):
            if a in w2: w2 = w2.replace(a, b, 1); break
    else:
        w2 = f(w)
    out = text[:m.start()] + w2 + text[m.end():]
    if name == "entity":
        out = out.replace(' ', '&nbsp;', 1)
    return out, name

items = []
def add(part, lang, label, cat, text, n, disguised=None, combo=False):
    greet, sign, stop = WRAP[lang]
    channel = "sms" if n % 4 == 3 else "email"
    body = (greet[n % len(greet)] + text + sign[n % len(sign)]) if channel == "email" else (text + " " + stop[n % len(stop)])
    sent = "en" if (lang != "en" and n % 5 == 2) else lang
    items.append({"id": f"{part}-{lang}-{len([i for i in items if i['part']==part and i['language']==lang])+1:03}",
                  "part": part, "language": lang, "draftLanguage": sent, "channel": channel, "label": label, "category": cat,
                  "disguise": disguised, "text": body})

def build(part, mod, lang):
    claims = getattr(mod, lang.upper() + "_CLAIMS"); honest = getattr(mod, lang.upper() + "_HONEST")
    n = 0
    for i, (cat, s) in enumerate(claims):
        d = "hand" if cat == "obfuscation" else None
        if i % 5 == 4 and part not in ("heldout3", "heldout4", "heldout5", "train6", "heldout6", "train7", "heldout7", "train8a", "train8b", "heldout8", "heldout9", "train10a", "train10b", "heldout10", "heldout11", "heldout13", "train14a", "train14b", "heldout14", "train15a", "train15b"):  # heldout3-14, train6, train7, train8a/b, train10a/b, train14a/b and train15a/b disguise by hand (their "obfuscation" category)
            s, d = disguise(s, i // 5)
        add(part, lang, "claim", cat, s, n, d); n += 1
    for cat, s in honest:
        add(part, lang, "honest", cat, s, n); n += 1
    if part == "dev":
        for k in range(10):
            hc, hs = honest[(k * 7) % len(honest)]; cc, cs = claims[(k * 5 + 3) % len(claims)]
            add(part, lang, "claim", cc, hs + " " + cs, n); n += 1
        for k in range(20):
            a = honest[(k * 3) % len(honest)]; b = honest[(k * 11 + 5) % len(honest)]
            if a == b: b = honest[(k * 11 + 6) % len(honest)]
            add(part, lang, "honest", a[0], a[1] + " " + b[1], n); n += 1

def main():
    for lang in ("en", "es", "pt"):
        build("heldout", H, lang)
    for lang in ("en", "es", "pt"):
        build("dev", D, lang)
    for lang in ("en", "es", "pt"):  # second held-out part (written after the first was spent), appended so earlier ids stay
        build("heldout2", H2, lang)
    for lang in ("en", "es", "pt"):  # third held-out part (written after heldout2 was spent), appended so earlier ids stay
        build("heldout3", H3, lang)
    for lang in ("en", "es", "pt"):  # round-3 development sentences (written after heldout3), appended to the dev part
        build("dev", D3, lang)
    for lang in ("en", "es", "pt"):  # fourth held-out part (round 4, written before its design change), appended so earlier ids stay
        build("heldout4", H4, lang)
    for lang in ("en", "es", "pt"):  # round-4 development sentences (written after heldout4), appended to the dev part
        build("dev", D4, lang)
    for lang in ("en", "es", "pt"):  # round-5 development sentences (rules helper, written after heldout4 was spent), appended to the dev part
        build("dev", D5, lang)
    for lang in ("en", "es", "pt"):  # round-5 development sentences for the learned layer (ClaimsModel), appended to the dev part
        build("dev", D5M, lang)
    for lang in ("en", "es", "pt"):  # round 6: heldout5 (the independent part, spent after round 5) becomes training and validation data, appended so earlier ids stay
        build("heldout5", H5, lang)
    for lang in ("en", "es", "pt"):  # round-6 development sentences (its own part: always trained on, not a fold)
        build("dev6", D6, lang)
    for lang in ("en", "es", "pt"):  # round 6: train6, a training part by a second independent author (its own leave-one-part-out fold)
        build("train6", T6, lang)
    for lang in ("en", "es", "pt"):  # round 7: heldout6 (the second independent evaluation part, spent after round 6) becomes training and validation data
        build("heldout6", H6, lang)
    for lang in ("en", "es", "pt"):  # round 7: train7, a training part by a fourth independent author (its own leave-one-part-out fold)
        build("train7", T7, lang)
    for lang in ("en", "es", "pt"):  # round 8: heldout7 (the third independent evaluation part, spent after round 7) becomes training and validation data
        build("heldout7", H7, lang)
    for lang in ("en", "es", "pt"):  # round 8: train8a, long coordinator messages and hard honest texts by an independent author (its own leave-one-part-out fold)
        build("train8a", T8A, lang)
    for lang in ("en", "es", "pt"):  # round 8: train8b, SMS/WhatsApp short lines by another independent author (its own leave-one-part-out fold)
        build("train8b", T8B, lang)
    for lang in ("en", "es", "pt"):  # round 9: heldout8 (the fourth independent evaluation part, spent after round 8) becomes training and validation data
        build("heldout8", H8, lang)
    for lang in ("en", "es", "pt"):  # round 9: heldout9 (the fifth independent evaluation part, spent: its per-text outputs were read) becomes training and validation data
        build("heldout9", H9, lang)
    for lang in ("en", "es", "pt"):  # round 9: train10a, a training part by an independent author (its own leave-one-part-out fold)
        build("train10a", T10A, lang)
    for lang in ("en", "es", "pt"):  # round 9: train10b, a training part by another independent author (its own leave-one-part-out fold)
        build("train10b", T10B, lang)
    for lang in ("en", "es", "pt"):  # round 10: heldout10 (the sixth independent evaluation part, spent as proof after round 9) becomes training and validation data
        build("heldout10", H10, lang)
    for lang in ("en", "es", "pt"):  # round 11: heldout11 (the seventh independent evaluation part, spent as proof after round 10) becomes training and validation data
        build("heldout11", H11, lang)
    for lang in ("en", "es", "pt"):  # round 13: heldout13 (the eighth independent evaluation part, spent as proof after round 12) becomes training and validation data
        build("heldout13", H13, lang)
    for lang in ("en", "es", "pt"):  # round 13: train14a, a training part by an independent author (marketing copy, regulator texts, varied Portuguese)
        build("train14a", T14A, lang)
    for lang in ("en", "es", "pt"):  # round 13: train14b, a training part by another independent author (long e-mails and threads, honest hard cases)
        build("train14b", T14B, lang)
    for lang in ("en", "es", "pt"):  # round 14: heldout14 (the ninth independent evaluation part, spent as proof after round 13) becomes training and validation data
        build("heldout14", H14, lang)
    for lang in ("en", "es", "pt"):  # round 14: train15a, a training part by an independent author (SMS, chat and voicemail, colloquial)
        build("train15a", T15A, lang)
    for lang in ("en", "es", "pt"):  # round 14: train15b, a training part by another independent author (long e-mails and threads, warnings that quote)
        build("train15b", T15B, lang)
    for part in ("heldout15", "heldout16"):  # round 15: heldout15 and heldout16 (independent evaluation parts, spent as proof in round 14) become training data, text for text as measured
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), part, part + "-corpus.json"), encoding="utf-8") as measured:
            items.extend(json.load(measured)["items"])
    for part in ("heldout17", "heldout18", "heldout19", "heldout20", "heldout21"):  # round 16: heldout17-21 (independent evaluation parts, spent as proof in round 15) become training data, text for text as measured
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), part, part + "-corpus.json"), encoding="utf-8") as measured:
            items.extend(json.load(measured)["items"])

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "claims-corpus.json"), "w", encoding="utf-8") as f:
        json.dump({"version": "claims-corpus-2026.12.1", "items": items}, f, ensure_ascii=True, indent=1)
    from collections import Counter
    print(len(items), Counter((i['part'], i['language'], i['label']) for i in items))


if __name__ == "__main__":  # imported by heldout5/make_heldout5.py for its wrapping only
    main()
