# Builds heldout5-corpus.json from heldout5_sentences.py with the main generator's wrapping (make_claims_corpus.build:
# greeting and sign-off, SMS STOP line, one es/pt text in five sent with language "en"). Kept out of claims-corpus.json,
# so the learned layer is never trained on it. Deterministic.
import json, os, sys
from collections import Counter
here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [here, os.path.dirname(here)]
import make_claims_corpus as corpus
import heldout5_sentences as H5

for lang in ("en", "es", "pt"):
    corpus.build("heldout5", H5, lang)
with open(os.path.join(here, "heldout5-corpus.json"), "w", encoding="utf-8") as f:
    json.dump({"version": "claims-corpus-heldout5", "items": corpus.items}, f, ensure_ascii=True, indent=1)
print(len(corpus.items), Counter((i['part'], i['language'], i['label']) for i in corpus.items))
