# Builds heldout13-corpus.json from heldout13_sentences.py with the main generator's wrapping (make_claims_corpus.add:
# greeting and sign-off, SMS STOP line, one es/pt text in five sent with language "en"). The author disguised the
# "obfuscation" claims by hand, so the generator adds no disguise. Kept out of claims-corpus.json. Deterministic.
import json, os, sys
from collections import Counter
here = os.path.dirname(os.path.abspath(__file__))
corpus_dir = sys.argv[1]
sys.path[:0] = [here, corpus_dir]
import make_claims_corpus as corpus
import heldout13_sentences as H13

for lang in ("en", "es", "pt"):
    n = 0
    for cat, s in getattr(H13, lang.upper() + "_CLAIMS"):
        corpus.add("heldout13", lang, "claim", cat, s, n, "hand" if cat == "obfuscation" else None); n += 1
    for cat, s in getattr(H13, lang.upper() + "_HONEST"):
        corpus.add("heldout13", lang, "honest", cat, s, n); n += 1
with open(os.path.join(here, "heldout13-corpus.json"), "w", encoding="utf-8") as f:
    json.dump({"version": "claims-corpus-heldout13", "items": corpus.items}, f, ensure_ascii=True, indent=1)
print(len(corpus.items), Counter((i['language'], i['label']) for i in corpus.items))
