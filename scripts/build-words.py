#!/usr/bin/env python3
"""Build Sources/Extract/Entities/Resources/words.txt: lower-case English words, one a line.

The person recogniser uses it to tell an unknown capitalised word that is an ordinary word
("Factor", "Series", "Thrones") from one that is probably a surname ("Zurbarán", "Padalecki").

Source: the PyPI package `english-words` (MIT licence, https://github.com/mwiens91/english-words-py),
list `web2`: Webster's Second International Dictionary (1934), public domain.
    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install english-words
    /tmp/gaz/bin/python scripts/build-words.py

Words that are also names ("Hall", "Green") stay in: the recogniser weighs both lists.
"""
import os
import sys

from english_words import get_english_words_set

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Extract", "Entities", "Resources", "words.txt")


def main():
    words = get_english_words_set(["web2"], lower=False, alpha=True)
    # Only entries the dictionary writes in lower case: capitalised ones are proper names.
    common = {w for w in words if w.islower() and 3 <= len(w) <= 14}
    with open(OUT, "w", encoding="utf-8") as out:
        for word in sorted(common):
            out.write(word + "\n")
    print(f"{len(common)} words -> {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
