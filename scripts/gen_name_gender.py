#!/usr/bin/env python3
"""Writes src/lexicon/given_name_gender.txt.

Pronoun resolution checks "she" and "he" against a candidate antecedent:
"Matt Stringer" is not "she". This script lists the given names whose sex
openly licensed name data makes clear, from the same packages as
scripts/gen_name_lists.py. Not run in CI; the list is committed. To
rebuild it, install the packages into /tmp/names-venv and /tmp/names-npm
as the header of scripts/gen_name_lists.py says (the same versions, used
for the committed file; /usr/share/dict/words is not needed here), then:

    /tmp/names-venv/bin/python scripts/gen_name_gender.py --fakerjs /tmp/names-npm

Sources (each package's own licence file was read):
  - names 0.3.0 (PyPI, MIT): the US Census Bureau's 1990 first-name
    frequency files for men and for women (a US government work, public
    domain).
  - Faker (PyPI, MIT): the male and female first names of its locales.
  - @faker-js/faker 10.6.0 (npm, MIT): the same of its locales.
  - japanese-personal-name-dataset 0.4.0 (PyPI, MIT): popular Japanese
    given-name readings for men and for women, in Hepburn romaji.
Only lists of names (facts) are taken; no code or prose.
"""
import argparse
import importlib
import os
import pkgutil
import sys

from gen_name_lists import (
    LEXICON,
    census,
    faker_version,
    fakerjs_dump,
    fakerjs_names,
    hepburn_news,
    is_latin_name,
    japanese_readings,
    korean_given,
    render,
    title_case,
    variants,
)

OUTPUT = "given_name_gender.txt"
SEXES = ("female", "male")

# The census: a name listed for both sexes counts for one when its share
# of that sex is at least this many times its share of the other, that is
# when at least 95% of its holders are of that sex (the two files count
# about as many men as women). At 20, "James" (332 times), "Mary" (292)
# and "Andrea" (39, but male in Italian) pass, and "Jean" (9), "Kim" (6),
# "Chris" (8), "Leslie", "Kelly", "Jordan" (5) are left ambiguous: below
# about 20 are names both sexes really bear, above it mostly coding slips
# (the women's file lists "James" at 0.010%). A name missing from one
# file is rarer there than that file's last name (0.004% of men, 0.001%
# of women), and counts only when that bound proves the ratio ("Matt",
# 0.038% of men, is in no women's list; "Allyn", 0.001% of women, stays
# out).
CENSUS_RATIO = 20.0

# The Japanese dataset: a reading of its common names ("opti") for one sex
# counts for it unless the other sex's common names have it too or the
# full lists ("org") have at least a fifth as many ways of writing it for
# the other sex: "Akio" (183 writings for men, 9 for women) and "Haruka"
# (195 to 7) count, "Hikaru" (5 to 19), "Kaoru" and "Jun" (14 to 11) do
# not. Writings are no count of people; five was read off such names.
JAPANESE_RATIO = 5.0

# Sources that settle a name alone: the census (counts of people), and
# the Japanese dataset (readings sorted by sex). Other names need this many
# locale lists (of Faker and faker-js) that give them one sex and none
# that gives them the other.
ALONE_ENOUGH = {"census", "japanese"}
MIN_LISTS = 2
# The long English lists of Faker and faker-js (thousands of names drawn
# from US baby names, down to names a few children got) tell that a name
# is given to both sexes, but not that it is common: they count against a
# name, never towards MIN_LISTS.
LONG_LISTS = {"faker:en", "fakerjs:en"}
# A single list that gives a name the other sex (or both), against at
# least this many that give it one, is taken for a slip: Faker's Spanish
# men's list has "María" (of "José María"), the long English lists have
# "Emma" and "Christina" for men (a few boys get any name). A dissent of
# the census or of the hand list below is never a slip.
SLIP_AGAINST = 8
STRONG = {"census", "hand"}

# Names that the data gives one sex, which news uses for both: short forms
# of names of either sex ("Alex" for Alexander and Alexandra; the 1990
# census counts few women so called), Russian diminutives that English
# lists take for female ("Sasha", "Mischa"), names of one sex in one
# country and of the other, or of both, in another ("Lilian" and "Laurie"
# for men in France and Britain, "Jyoti", "Nur", "Chika"), and names that
# well-known people of the other sex bear ("Blake", "Hayden", "Ronnie").
HAND_AMBIGUOUS = """
Alex Sasha Mischa Lilian Laurie Jyoti Nur Chika Blake Hayden Ronnie
"""

# Names that the data gives both sexes, which news uses for one: "José"
# is a man's name in Spanish and Portuguese; Faker's Spanish women's list
# has it (of "María José"), and its Belgian lists count women so called
# (Flemish, as "Josée").
HAND_CLEAR = {
    "male": "José Jose",
    "female": "",
}


class Votes:
    """For each name (keyed in lower case, as the crate looks it up), the
    sources that give it as female, as male, and as either ("both")."""

    def __init__(self):
        self.forms = {}
        self.by = {}

    def add(self, raw, vote, source):
        # Two letters are a name here ("Ed", "Ai"): the list is looked up
        # only for a person's given name.
        for name in variants(title_case(raw.strip())):
            if not is_latin_name(name, 2):
                continue
            key = name.lower()
            self.forms.setdefault(key, name)
            self.by.setdefault(key, {"female": set(), "male": set(), "both": set()})
            self.by[key][vote].add(source)

    def sex(self, key):
        """The sex the sources give `key` clearly, or None."""
        votes = self.by[key]
        for sex in SEXES:
            if self.forms[key] in HAND_CLEAR[sex].split():
                return sex
        for sex, other in (("female", "male"), ("male", "female")):
            mine = votes[sex]
            dissent = votes[other] | votes["both"]
            if not mine or (dissent and not self.slip(mine, dissent)):
                continue
            if len(mine - LONG_LISTS) >= MIN_LISTS or mine & ALONE_ENOUGH:
                return sex
        return None

    @staticmethod
    def slip(mine, dissent):
        """Whether one list's dissent against many is taken for a slip."""
        return len(dissent) == 1 and len(mine) >= SLIP_AGAINST and not dissent & STRONG


def add_census(votes, names_dir):
    """The census's votes: a sex where CENSUS_RATIO is met, both where a
    name listed for both sexes falls short of it."""
    share = {
        "male": census(os.path.join(names_dir, "dist.male.first")),
        "female": census(os.path.join(names_dir, "dist.female.first")),
    }
    # A name missing from one file is rarer there than the file's last
    # name: only that bound is known.
    floor = {s: min(share[s].values()) for s in SEXES}
    for name in sorted(set(share["male"]) | set(share["female"])):
        for sex, other in (("female", "male"), ("male", "female")):
            mine = share[sex].get(name, 0.0)
            theirs = share[other].get(name)
            bound = floor[other] if theirs is None else theirs
            if mine >= CENSUS_RATIO * bound:
                votes.add(name, sex, "census")
            elif theirs is not None and mine >= theirs:
                votes.add(name, "both", "census")


def faker_keys(value):
    """The names of a Faker list (a tuple, or a dict of weights)."""
    if isinstance(value, (tuple, list, dict)):
        return [v for v in value if isinstance(v, str)]
    return []


def add_faker(votes):
    import faker.providers.person as person
    from faker.providers.person.ko_KR import Provider as Korea

    for module in pkgutil.iter_modules(person.__path__):
        locale = module.name
        provider = importlib.import_module(f"{person.__name__}.{locale}").Provider
        sexed = set()
        for sex in SEXES:
            for attr in (f"first_names_{sex}", f"first_romanized_names_{sex}"):
                names = faker_keys(getattr(provider, attr, None))
                sexed.update(names)
                for n in names:
                    votes.add(n, sex, f"faker:{locale}")
        # Names a locale gives neither sex: its unisex list, and the names
        # of its "nonbinary" list (otherwise both sexes' lists together)
        # that neither list has ("Dominique").
        for attr in ("first_names_unisex", "first_names_nonbinary"):
            for n in faker_keys(getattr(provider, attr, None)):
                if n not in sexed:
                    votes.add(n, "both", f"faker:{locale}")
    for sex in SEXES:
        for h in faker_keys(getattr(Korea, f"first_names_{sex}")):
            for n in korean_given(h):
                votes.add(n, sex, "faker:ko_KR")


def add_fakerjs(votes, dump):
    for locale in sorted(dump):
        for sex in (*SEXES, "generic"):
            vote = "both" if sex == "generic" else sex
            for n in fakerjs_names(dump, locale, "first", sexes=(sex,)):
                votes.add(n, vote, f"fakerjs:{locale}")
                if locale == "ko":
                    for r in korean_given(n):
                        votes.add(r, vote, "fakerjs:ko")


def add_japanese(votes):
    common = {
        "male": japanese_readings("first_name_man_opti.csv"),
        "female": japanese_readings("first_name_woman_opti.csv"),
    }
    full = {
        "male": japanese_readings("first_name_man_org.csv"),
        "female": japanese_readings("first_name_woman_org.csv"),
    }
    for sex, other in (("male", "female"), ("female", "male")):
        for reading in common[sex]:
            mine = full[sex].get(reading, 0)
            theirs = full[other].get(reading, 0)
            clear = reading not in common[other] and mine >= JAPANESE_RATIO * theirs
            votes.add(hepburn_news(reading), sex if clear else "both", "japanese")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fakerjs", required=True, help="folder with node_modules/@faker-js/faker")
    ap.add_argument("--explain", nargs="*", default=[], help="print the votes for these names")
    args = ap.parse_args()
    import names

    votes = Votes()
    add_census(votes, os.path.dirname(names.__file__))
    add_faker(votes)
    add_fakerjs(votes, fakerjs_dump(args.fakerjs))
    add_japanese(votes)
    for n in HAND_AMBIGUOUS.split():
        votes.add(n, "both", "hand")

    groups = {s: [] for s in SEXES}
    slips = []
    for key, by in votes.by.items():
        sex = votes.sex(key)
        if sex:
            groups[sex].append(votes.forms[key])
            dissent = by["female" if sex == "male" else "male"] | by["both"]
            if dissent:
                slips.append(f"{votes.forms[key]} ({sex} {len(by[sex])}, not {min(dissent)})")
    for s in SEXES:
        groups[s].sort()
    for n in args.explain:
        print(n, votes.by.get(n.lower()), file=sys.stderr)
    print({s: len(v) for s, v in groups.items()}, file=sys.stderr)
    print("taken for slips:", ", ".join(sorted(slips)), file=sys.stderr)
    with open(os.path.join(LEXICON, OUTPUT), "w", encoding="utf-8") as f:
        f.write(render(header(), groups))


def header():
    return f"""
Given names whose sex is clear, from openly licensed public data: pronoun
resolution checks "she" and "he" against a candidate's given name ("Matt
Stringer" is not "she"). A name in neither section tells nothing: most
names in the news are in no list, and many are borne by both sexes.
One name per line, case as written (looked up in any case); a name with
accents is also listed without them ("José", "Jose").

Sources (lists of names, which are facts; each package's licence was read
in the package itself):
  - names 0.3.0 (PyPI, MIT licence), which ships the US Census Bureau's 1990
    first-name frequency files for men and for women (a US government
    work: public domain);
  - Faker {faker_version()} (PyPI, MIT licence), the male and female first
    names of its locales;
  - @faker-js/faker 10.6.0 (npm, MIT licence), the same of its locales;
  - japanese-personal-name-dataset 0.4.0 (PyPI, MIT licence), Japanese
    given-name readings for men and for women.
Made by scripts/gen_name_gender.py (its header gives the command); do not
edit by hand.
Licence of this file: as the crate (MIT OR Apache-2.0).

A name is listed for a sex when the sources give it that sex and none
gives it the other or both:
  - the census gives a name a sex when its share of that sex is at least
    {CENSUS_RATIO:g} times its share of the other (at least 95% of its
    holders); a name missing from one file counts as rarer there than that
    file's last name, and only when that bound proves the ratio; a name
    below the ratio gives both ("Jean" 9 times, "Chris" 8, "Kim" 6,
    "Jordan" 5);
  - each locale list of Faker and faker-js gives its names the sex of the
    list; a locale's unisex or generic names, which neither of its lists
    has ("Dominique", "Camille"), give both; Korean names, in Hangul
    there, in Revised Romanization with a hyphen and in the common English
    spelling ("Min-jun", "Min-joon");
  - the Japanese dataset gives a reading of its common names for one sex
    that sex, written as English news writes it ("Shouhei" -> "Shohei"),
    unless its common names for the other sex have it too or its full
    lists write it for the other sex at least a {JAPANESE_RATIO:g}th as many ways
    ("Hikaru", "Kaoru" and "Jun" give both);
  - and these names are taken for both by hand, short forms and names well
    known for both sexes:
{chr(10).join('    ' + line for line in HAND_AMBIGUOUS.strip().split(chr(10)))}
    and these for one sex, as news uses them, whatever the lists say:
{chr(10).join(f"    {sex}: {names}" for sex, names in HAND_CLEAR.items() if names)}
A single list against at least {SLIP_AGAINST} that agree is taken for a slip
("María" in Faker's Spanish men's names, of "José María"), never the
census or the hand list. And the evidence must be enough: the census or
the Japanese dataset alone, or at least {MIN_LISTS} locale lists; the long
English lists of Faker and faker-js (US baby names, thousands of each
sex) can tell that a name is given to both but count towards no sex.
Ambiguous so left out, for instance: Jordan, Jean (male in French, female
in English), Andrea (male in Italian), Kim, Alex, Sasha, Robin, Leslie.
"""


if __name__ == "__main__":
    main()

