# Builds an independent evaluation part's <part>-corpus.json from its <part>_sentences.py (both in the part's folder,
# which is named for the part) with the main generator's wrapping (make_claims_corpus.add: greeting and sign-off, SMS STOP
# line, one es/pt text in five sent with language "en"). The authors disguised the "obfuscation" claims by hand, so the
# generator adds no disguise. Kept out of claims-corpus.json. Deterministic. Called by each folder's make_<part>.py.
import importlib, json, os, sys
from collections import Counter

def main(folder):
    part = os.path.basename(folder)
    sys.path[:0] = [folder, os.path.dirname(os.path.abspath(__file__))]
    import make_claims_corpus as corpus
    sentences = importlib.import_module(part + "_sentences")
    for lang in ("en", "es", "pt"):
        n = 0
        for cat, s in getattr(sentences, lang.upper() + "_CLAIMS"):
            corpus.add(part, lang, "claim", cat, s, n, "hand" if cat == "obfuscation" else None); n += 1
        for cat, s in getattr(sentences, lang.upper() + "_HONEST"):
            corpus.add(part, lang, "honest", cat, s, n); n += 1
    with open(os.path.join(folder, part + "-corpus.json"), "w", encoding="utf-8") as f:
        json.dump({"version": "claims-corpus-" + part, "items": corpus.items}, f, ensure_ascii=True, indent=1)
    print(len(corpus.items), Counter((i['language'], i['label']) for i in corpus.items))
