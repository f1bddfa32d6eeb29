# Builds heldout33-corpus.json from heldout33_sentences.py: see ../make_heldout_part.py. Usage: make_heldout33.py [claims dir]
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(here))
__import__("make_heldout_part").main(here)
