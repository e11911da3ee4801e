#!/usr/bin/env python3
"""Writes src/lexicon/given_names.txt and src/lexicon/family_names_first.txt.

The mention stage takes a capitalised pair for a person when its first word
is a known given name ("Ingrid Solberg") or a family name that East Asian
names put first ("Tsai Ing-wen"). These two lists are built here from
openly licensed name data that package registries ship, then filtered so
that a name which is also an English word, a place, or the first word of a
well-known firm does not turn such names into people. Not run in CI; the
lists are committed. To rebuild them (versions as used for the committed
files; others may add or drop a few names):

    apt-get install wamerican            # /usr/share/dict/words
    python3 -m venv /tmp/names-venv
    /tmp/names-venv/bin/pip install faker==40.63.0 names==0.3.0 \\
        japanese-personal-name-dataset==0.4.0
    mkdir -p /tmp/names-npm && (cd /tmp/names-npm && npm install @faker-js/faker@10.6.0)
    /tmp/names-venv/bin/python scripts/gen_name_lists.py --fakerjs /tmp/names-npm

Sources (each package's own licence file was read):
  - names 0.3.0 (PyPI, MIT): the US Census Bureau's 1990 first-name and
    surname frequency files (a US government work, public domain).
  - Faker (PyPI, MIT): the person providers of its locales.
  - @faker-js/faker 10.6.0 (npm, MIT): the person definitions of its locales.
  - japanese-personal-name-dataset 0.4.0 (PyPI, MIT): popular Japanese
    given-name readings in Hepburn romaji.
  - /usr/share/dict/words from Debian's wamerican (SCOWL; free licence,
    see /usr/share/doc/wamerican/copyright): used only to filter.
Only lists of names (facts) are taken; no code or prose.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "src", "lexicon")

# Names kept out by hand, beyond what the automatic filters catch: first
# words of well-known firms and brands ("Morgan Stanley", "Wells Fargo",
# "Mercedes-Benz" is one token but "Mercedes Benz" is not), large cities
# and regions, and
# name elements that are no given name alone ("Abu Dhabi", "Mac").
HAND_EXCLUDED = """
Morgan Stanley Wells Ford Dell Chase Grant Lincoln Jordan Georgia Paris
Victoria Sydney Bank Price Young King Lloyd Lloyds Barclay Hilton Marriott
Mercedes Kia Tata Zara Lotte Chanel Hermes Egon Piper Merrill Goldman
Abu Umm Bint Ibn Santa San Sao Saint Hong Long Lao Kuala Tel Las Los
Austin Dallas Houston Denver Orlando Cleveland Phoenix Florence Chelsea
Madison Brooklyn Charlotte Savannah Dakota Montana Nevada Carolina
Virginia Indiana Kent Devon Lorraine Israel India China Asia Africa
America Kenya Milan Santiago Sofia Adelaide Alexandria Regina Geneva
Vienna Valencia Cairo Beverly Sierra Salem Camden Hudson Troy Augusta
Helena Columbia Aurora Jackson Kingston Wellington Darwin Perth Hamilton
Essex Sussex Surrey Lima Delhi Mumbai Jakarta Doha Dubai Riyadh Amman
Caesar Tesla Boeing Disney Kellogg Nestle Siemens Philips Bosch Porsche
Ferrari Toyota Honda Suzuki Nissan Mazda Lexus Audi Fiat Renault Peugeot
Walt Sterling Royal General Standard National Federal Union Liberty
Justice Unity Trinity Christmas Easter Islam Muslim Jewish
Apollo Edison Janus Sallie Fannie Freddie Ginnie Mizuho Otis Seiko Eden Mac
"""

# Names whose lower-case twin is in the word list, kept because their
# word sense (or place: "Solomon Islands") is rare in news and the name is
# common.
HAND_KEPT = """
Ken Don Ray Jay Pat Sue Gene Dawn Solomon
"""

# The census: a given name whose share of people as a surname is larger
# than its share as a given name ("Morgan", "Spencer", "Carter", "Taylor")
# heads many firm names ("Spencer Stuart", "Carter Holt"); such names are
# kept out. Given names below this share (percent) are rare and left out.
CENSUS_MIN_SHARE = 0.004

GROUPS = [
    "english",
    "spanish_portuguese",
    "european",
    "arabic",
    "indian",
    "african",
    "japanese",
    "chinese",
    "korean",
    "other",
]

FAKER_LOCALES = {
    "english": ["en_US", "en_GB", "en_IE", "en_NZ"],
    "spanish_portuguese": [
        "es_ES", "es_MX", "es_CO", "es_CL", "es_AR", "es_CA", "pt_BR", "pt_PT",
    ],
    "european": [
        "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE", "fr_CH", "fr_CA", "it_IT",
        "nl_NL", "nl_BE", "sv_SE", "da_DK", "no_NO", "fi_FI", "pl_PL", "cs_CZ",
        "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "lt_LT", "lv_LV", "et_EE",
        "ga_IE",
    ],
    "arabic": ["en_PK", "fr_DZ"],
    "indian": ["en_IN"],
    "african": [
        "yo_NG", "ig_NG", "ha_NG", "sw", "zu_ZA", "tw_GH", "en_KE", "en_NG",
    ],
    "other": ["tr_TR", "az_AZ", "uz_UZ", "id_ID", "en_TH"],
}

FAKERJS_LOCALES = {
    "english": ["en_AU"],
    "spanish_portuguese": ["es", "es_MX", "pt_BR", "pt_PT"],
    "european": [
        "de", "de_AT", "de_CH", "fr", "fr_BE", "fr_CH", "it", "nl", "nl_BE",
        "sv", "da", "nb_NO", "fi", "pl", "cs_CZ", "sk", "hu", "ro", "hr",
        "sl_SI", "sr_RS_latin", "lv",
    ],
    "indian": ["en_IN", "en_NP"],
    "african": ["en_GH", "en_NG", "yo_NG", "zu_ZA", "en_ZA", "fr_SN"],
    "other": ["tr", "id_ID", "uz_UZ_latin", "ku_kmr_latin"],
}


def words_of(text):
    return set(text.split())


def strip_marks(name):
    """'José' -> 'Jose', 'Đặng' -> 'Dang'."""
    name = name.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def title_case(name):
    """'CHIA-HAO' -> 'Chia-hao', 'mary' -> 'Mary'; mixed case is kept."""
    if name.isupper() or name.islower():
        return name[:1].upper() + name[1:].lower()
    return name


def is_latin_name(name, min_len):
    """One word of Latin letters, capitalised, an inner hyphen or
    apostrophe allowed."""
    if len(name) < min_len or " " in name:
        return False
    if not name[0].isupper() or not name[-1].isalpha():
        return False
    for c in name:
        if c in "-'":
            continue
        if not c.isalpha() or "LATIN" not in unicodedata.name(c, ""):
            return False
    return "--" not in name


# --- romanisation -------------------------------------------------------

def hepburn_news(romaji):
    """Dataset romaji ('yuuichirou') as English news writes it ('Yuichiro'):
    long vowels unmarked."""
    s = romaji.lower().replace("ou", "o").replace("uu", "u")
    return s[:1].upper() + s[1:]


HANGUL_INITIAL = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
    "ch", "k", "t", "p", "h",
]
HANGUL_VOWEL = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
    "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
]
HANGUL_FINAL = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
    "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
]


def hangul_parts(ch):
    """(initial, vowel, final) romanised, or None for a non-syllable."""
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        return None
    initial, rest = divmod(code, 588)
    vowel, final = divmod(rest, 28)
    return HANGUL_INITIAL[initial], HANGUL_VOWEL[vowel], HANGUL_FINAL[final]


def popular_vowel(initial, vowel, final):
    """The spelling Korean names often take in English instead of Revised
    Romanization: 'hoon', 'sung', 'hyun', 'young' for 'hun', 'seong',
    'hyeon', 'yeong'."""
    if vowel == "u":
        return "oo" if initial else "woo"
    if vowel == "eo" and final:
        return "u"
    if vowel == "yeo" and final:
        return "you" if not initial and final == "ng" else "yu"
    return vowel


def korean_given(hangul):
    """A two-syllable Korean given name with the hyphen Korean names often
    carry in English, in Revised Romanization ('민준' -> 'Min-jun') and in
    the common English spelling ('Min-joon')."""
    if len(hangul) != 2:
        return []
    parts = [hangul_parts(c) for c in hangul]
    if None in parts:
        return []
    out = []
    for spell in (lambda i, v, f: v, popular_vowel):
        a, b = ("".join((i, spell(i, v, f), f)) for i, v, f in parts)
        name = a.capitalize() + "-" + b
        if name not in out:
            out.append(name)
    return out


# --- sources ------------------------------------------------------------

def census(path):
    """{Name: percent} from a census file ('JAMES 3.318 3.318 1')."""
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[title_case(parts[0])] = float(parts[1])
    return out


def faker_first_names(locale):
    import importlib

    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names = []
    for attr in ("first_names", "first_names_male", "first_names_female"):
        value = getattr(provider, attr, None)
        # A few locales define these as properties or tuples of pairs.
        if isinstance(value, (tuple, list, dict)):
            names.extend(v for v in value if isinstance(v, str))
    return names


def fakerjs_dump(directory):
    script = (
        "import { allLocales } from '@faker-js/faker';"
        "const out = {};"
        "for (const [loc, def] of Object.entries(allLocales)) {"
        "  if (def.person) out[loc] = {"
        "    first: def.person.first_name ?? null, last: def.person.last_name ?? null };"
        "}"
        "console.log(JSON.stringify(out));"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=directory,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def fakerjs_names(dump, locale, key, sexes=("generic", "female", "male")):
    entry = (dump.get(locale) or {}).get(key) or {}
    if isinstance(entry, list):
        return entry
    names = []
    for sex in sexes:
        names.extend(entry.get(sex) or [])
    return names


def japanese_readings(file):
    """{romaji reading: how many ways of writing it} of a file of
    japanese-personal-name-dataset ('akio' of 'あきお,akio,亜喜央,...'), in
    the file's order."""
    import japanese_personal_name_dataset as jp

    folder = os.path.join(os.path.dirname(jp.__file__), "dataset")
    readings = {}
    with open(os.path.join(folder, file), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(",")
            if len(parts) >= 2 and parts[1].isascii() and parts[1].isalpha():
                readings[parts[1]] = readings.get(parts[1], 0) + len(parts) - 2
    return readings


def japanese_given():
    names = []
    for file in ("first_name_man_opti.csv", "first_name_woman_opti.csv"):
        names.extend(hepburn_news(r) for r in japanese_readings(file))
    from faker.providers.person.ja_JP import Provider

    names.extend(Provider.first_romanized_names)
    return names


# --- filters ------------------------------------------------------------

def lexicon_words():
    """Every word of the crate's other word lists, lower-cased: a title,
    an organisation cue, a place, a month, a sentence starter is never
    taken for a given name."""
    words = set()
    for file in sorted(os.listdir(LEXICON)):
        if not file.endswith(".txt") or file in NAME_LISTS:
            continue
        with open(os.path.join(LEXICON, file), encoding="utf-8") as f:
            section = ""
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                if line.startswith("[") and line.endswith("]"):
                    section = line[1:-1]
                    continue
                if file == "people.txt" and section in ("given", "surname"):
                    continue
                # Of a place, only the first word starts a name ("San",
                # not "Diego" of "San Diego").
                ws = line.split()[:1] if file == "places.txt" else line.split()
                for w in ws:
                    words.add(w.lower().strip("."))
    return words


def hand_lists():
    """The hand-kept [given] and [surname] sections of people.txt: the
    generated lists leave these out, as people.txt already has them."""
    out = {"given": set(), "surname": set()}
    with open(os.path.join(LEXICON, "people.txt"), encoding="utf-8") as f:
        section = ""
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
            elif line and section in out:
                out[section].add(line)
    return out


def place_names():
    """Countries, and US, Australian and Canadian states, as Faker lists
    them: each name of one word, and the first word of each longer one
    ("New" of "New Mexico"; not "Mexico"), which is where a name that reads
    as a person's would start. Cities are in HAND_EXCLUDED: Faker's list
    of world cities has many small towns named after people ("Davis",
    "Gilbert"), whose names are more often people's."""
    from faker.providers.address.en import Provider as World
    from faker.providers.address.en_AU import Provider as Australia
    from faker.providers.address.en_CA import Provider as Canada
    from faker.providers.address.en_US import Provider as Usa

    names = list(World.countries) + list(Usa.states) + list(Australia.states)
    names += list(Canada.provinces)
    words = set()
    for n in names:
        first = n.replace("-", " ").split()
        if first:
            words.add(strip_marks(first[0]).lower())
    return words


def dictionary(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip() for w in f if w.strip() and w[0].islower()}


OUTPUTS = ("given_names.txt", "family_names_first.txt")
# Lists of names, which are no other list's words: these outputs, and
# given_name_gender.txt (scripts/gen_name_gender.py).
NAME_LISTS = OUTPUTS + ("given_name_gender.txt",)


class Filter:
    """Decides, for each candidate, whether it is kept, and counts why not."""

    def __init__(self, dict_words, lexicon, places, min_len):
        self.dict_words = dict_words
        self.lexicon = lexicon
        self.places = places
        self.excluded = words_of(HAND_EXCLUDED)
        self.kept = words_of(HAND_KEPT)
        self.min_len = min_len
        self.examples = {}
        self.dropped = OrderedDict(
            (k, 0) for k in ("shape", "hand", "word", "lexicon", "place", "surname-like")
        )

    def why_not(self, name, surname_like=False):
        if not is_latin_name(name, self.min_len):
            return "shape"
        if name in self.excluded or strip_marks(name) in self.excluded:
            return "hand"
        lower = name.lower()
        plain = strip_marks(lower)
        if name in self.kept:
            return None
        if lower in self.dict_words or plain in self.dict_words:
            return "word"
        if lower in self.lexicon or plain in self.lexicon:
            self.examples.setdefault("lexicon", []).append(name)
            return "lexicon"
        if plain in self.places:
            self.examples.setdefault("place", []).append(name)
            return "place"
        if surname_like:
            return "surname-like"
        return None

    def keep(self, name, surname_like=False):
        reason = self.why_not(name, surname_like)
        if reason:
            self.dropped[reason] += 1
            return False
        return True


def variants(name):
    """A name, and its form without accents when it has any ('José' and
    'Jose'): English news often drops them."""
    out = [name]
    plain = strip_marks(name)
    if plain != name:
        out.append(plain)
    return out


def given_candidates(names_dir, dump):
    """Candidates by group, in the order of GROUPS, with the census share
    of each English name as a surname and a given name."""
    cand = OrderedDict((g, []) for g in GROUPS)
    male = census(os.path.join(names_dir, "dist.male.first"))
    female = census(os.path.join(names_dir, "dist.female.first"))
    last = census(os.path.join(names_dir, "dist.all.last"))
    surname_like = set()
    for name in sorted(set(male) | set(female)):
        share = (male.get(name, 0.0) + female.get(name, 0.0)) / 2
        if max(male.get(name, 0.0), female.get(name, 0.0)) < CENSUS_MIN_SHARE:
            continue
        if last.get(name, 0.0) > share:
            surname_like.add(name)
        cand["english"].append(name)
    for group, locales in FAKER_LOCALES.items():
        for loc in locales:
            cand[group].extend(title_case(n) for n in faker_first_names(loc))
    for group, locales in FAKERJS_LOCALES.items():
        for loc in locales:
            cand[group].extend(title_case(n) for n in fakerjs_names(dump, loc, "first"))
    cand["japanese"].extend(japanese_given())
    from faker.providers.person.ko_KR import Provider as Korea
    from faker.providers.person.zh_CN import Provider as China
    from faker.providers.person.zh_TW import Provider as Taiwan

    cand["chinese"].extend(China.first_romanized_names)
    cand["chinese"].extend(title_case(n) for n in Taiwan.first_romanized_names)
    hangul = list(Korea.first_names) + fakerjs_names(dump, "ko", "first")
    for h in hangul:
        cand["korean"].extend(korean_given(h))
    # Every census name that looks like a surname is kept out, whatever
    # other list also has it.
    return cand, surname_like


def family_candidates(dump):
    from faker.providers.person.vi_VN import Provider as Vietnam
    from faker.providers.person.zh_CN import Provider as China
    from faker.providers.person.zh_TW import Provider as Taiwan

    cand = OrderedDict()
    cand["chinese"] = list(China.last_romanized_names)
    cand["taiwanese"] = [title_case(n) for n in Taiwan.last_romanized_names]
    cand["hong_kong"] = fakerjs_names(dump, "en_HK", "last")
    cand["vietnamese"] = list(Vietnam.last_names) + fakerjs_names(dump, "vi", "last")
    return cand


def select(cand, filt, hand, surname_like=frozenset()):
    seen = set(hand)
    out = OrderedDict()
    for group, names in cand.items():
        kept = []
        for raw in names:
            for name in variants(raw.strip()):
                if name in seen:
                    continue
                seen.add(name)
                if filt.keep(name, name in surname_like or strip_marks(name) in surname_like):
                    kept.append(name)
        out[group] = sorted(kept)
    return out


def render(header, groups):
    lines = [f"# {line}".rstrip() for line in header.strip("\n").split("\n")]
    for group, names in groups.items():
        if names:
            lines += ["", f"[{group}]"] + names
    return "\n".join(lines) + "\n"


def faker_version():
    from importlib.metadata import version

    return version("faker")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fakerjs", required=True, help="folder with node_modules/@faker-js/faker")
    ap.add_argument("--dict", default="/usr/share/dict/words")
    args = ap.parse_args()
    import names

    names_dir = os.path.dirname(names.__file__)
    dump = fakerjs_dump(args.fakerjs)
    hand = hand_lists()
    lexicon = lexicon_words()
    places = place_names()
    dict_words = dictionary(args.dict)

    given_filter = Filter(dict_words, lexicon, places, min_len=3)
    cand, surname_like = given_candidates(names_dir, dump)
    given = select(cand, given_filter, hand["given"], surname_like)
    family_filter = Filter(dict_words, lexicon, places, min_len=2)
    family = select(family_candidates(dump), family_filter, hand["surname"])

    fv = faker_version()
    common = f"""
Sources (lists of names, which are facts; each package's licence was read
in the package itself):
  - names 0.3.0 (PyPI, MIT licence), which ships the US Census Bureau's 1990
    name frequency files (a US government work: public domain);
  - Faker {fv} (PyPI, MIT licence), person providers of its locales;
  - @faker-js/faker 10.6.0 (npm, MIT licence), person data of its locales;
  - japanese-personal-name-dataset 0.4.0 (PyPI, MIT licence).
Made by scripts/gen_name_lists.py (its header gives the command); do not
edit by hand: hand-kept names belong in people.txt, which this list leaves
out.
Licence of this file: as the crate (MIT OR Apache-2.0).
"""
    given_header = f"""
Given names, from openly licensed public data: a capitalised pair whose
first word is one of these is a person ("Ingrid Solberg", "Haruto Aoki",
"Kwame Mensah-Bonsu"). A hint only: most names in the news are in no list, and
the words around a name decide the rest (src/mentions/context.rs).
One name per line, case as written; a section names the group a name was
first found in (a name is listed once); the loader takes every section.
{common}
Filtering, which matters more than size:
  - English names are the census's given names held by at least
    {CENSUS_MIN_SHARE}% of men or of women; a census name more common as a
    surname than as a given name ("Morgan", "Spencer", "Taylor") heads many
    firm names and is left out ({given_filter.dropped['surname-like']} names);
  - Japanese readings are written as English news writes them, long vowels
    unmarked ("shouhei" -> "Shohei"); Korean names (Hangul in Faker)
    in Revised Romanization with a hyphen ("Min-jun") and in the common
    English spelling ("Min-joon", "Ji-hoon");
  - a name with accents is also listed without them ("Jose");
  - left out: a name that is not one Latin-script word of 3 letters or more
    ({given_filter.dropped['shape']}); a name whose lower-case form is an
    English word in /usr/share/dict/words (Debian's wamerican)
    ({given_filter.dropped['word']}: "Will", "Mark", "Rose", "Page", "Grace"),
    except {', '.join(sorted(words_of(HAND_KEPT)))}; any word of the crate's other
    lists, titles, organisation cues, months, sentence starters
    ({given_filter.dropped['lexicon']}); a word of a country, US, Australian or
    Canadian state, the first word of a longer one
    ({given_filter.dropped['place']}: "Georgia", "Florida"); and these by hand
    ({given_filter.dropped['hand']}), firms' first words, places, name
    elements:
{chr(10).join('    ' + line for line in HAND_EXCLUDED.strip().split(chr(10)))}
"""
    family_header = f"""
Family names that Chinese, Taiwanese, Hong Kong and Vietnamese names put
first: a capitalised pair starting with one is a person ("Tsai Ing-wen",
"Nguyen Xuan Phuc"). Korean family names have no romanised source here
(Faker's are in Hangul, and news writes "Lee", "Park", "Choi", not their
Revised Romanization), so the conventional spellings are kept by hand in
people.txt [surname], with the most common Chinese ones. Japanese family
names are not listed: English news writes Japanese names given name first
("Haruto Aoki"), so the given names (given_names.txt) are what tells.
Indian family names mostly come last too.
One name per line, case as written; sections name the source group.
{common}
Filtering: a name with accents is also listed without them ("Nguyen");
left out, as for given names: not one Latin-script word of 2 letters or
more ({family_filter.dropped['shape']}), an English word ({family_filter.dropped['word']}:
"Law", "Man", "Chow"), a word of another list ({family_filter.dropped['lexicon']}), a place
({family_filter.dropped['place']}), by hand ({family_filter.dropped['hand']}: "Hong", as in Hong Kong).
"""
    for file, header, groups in (
        ("given_names.txt", given_header, given),
        ("family_names_first.txt", family_header, family),
    ):
        with open(os.path.join(LEXICON, file), "w", encoding="utf-8") as f:
            f.write(render(header, groups))
        total = sum(len(v) for v in groups.values())
        print(f"{file}: {total} names", {g: len(v) for g, v in groups.items()}, file=sys.stderr)
    print("given dropped:", dict(given_filter.dropped), file=sys.stderr)
    print("family dropped:", dict(family_filter.dropped), file=sys.stderr)
    for why, names in given_filter.examples.items():
        print(f"given {why}:", " ".join(names), file=sys.stderr)


if __name__ == "__main__":
    main()
