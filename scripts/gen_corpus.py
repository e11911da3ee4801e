#!/usr/bin/env python3
"""Generate a synthetic JSON-lines news corpus for batch benchmarks.

Every article is one of the fixture articles (fixtures/articles/*.txt) with
its people and organisations renamed: the names listed in the fixture's gold
file (fixtures/gold/*.jsonl) are replaced by invented ones, so the corpus
has the fixtures' sentence shapes with many different names and companies.

With --real DIR (repeatable) the articles are real texts instead, as
they are: every *.txt file under DIR is one article, and every row of a
*.csv file under DIR with a "notes" column is one (its notes, "NA" rows
skipped). They are shuffled and repeated until the corpus has its size,
and good lines have ids real-0000001, real-0000002, ... The texts are read
at run time; nothing of them is kept here.

One line in a hundred (line numbers 57, 157, 257, ...) is broken on
purpose, in turn: not JSON, no "text" field, "text" not a string, invalid
UTF-8. Good lines have ids syn-0000001, syn-0000002, ... in order.

Usage:
    scripts/gen_corpus.py OUT.jsonl [--mb 100 | --articles N] [--seed 1] [--real DIR ...]

Prints a JSON summary (lines, good, bad, bytes, id_prefix, documents) on
standard output.
"""

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Invented name parts (no real people are meant).
FIRST = """Adaeze Bram Carys Dario Elif Fenna Gideon Hana Idris Jolene Kasimir
Leona Matteo Nadia Orrin Pilar Quentin Rosalind Soren Talia Ulric Vesna
Wendell Xiomara Yusuf Zelda Anouk Bastian Cosima Desmond Esme Florian Greta
Hamish Ingrid Jovan Katya Lorcan Mireille Nico""".split()
LAST = """Abernethy Brightman Castellano Dunmore Eriksen Fairclough Galloway
Hollister Iwu Jarrow Kowalczyk Lindqvist Mbeki Northcott Okonkwo Pemberton
Quarshie Rasmussen Szabo Thorne Umeh Valcourt Whitlock Yamazaki Zoltan
Ashdown Blackwood Carrington Delacroix Ellsworth Fontaine Grimaldi Hartigan
Ingleby Jessop Kavanagh Larkspur Moorcroft Nakashima Oyelaran""".split()
SYLLABLES = """vel mor ant quil bren tor sal vis cor dane lum rix fal gen
ost par mira kel zan tev ora lis nor bax""".split()
HONORIFICS = {"Sir", "Dame", "Dr.", "Dr", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Prof.", "Lord", "Lady"}
# First words of organisation names that are too common to rename.
COMMON = {"The", "University", "National", "First", "Bank", "Board", "Group",
          "New", "United", "General", "International", "Royal", "State", "City"}

PAIR = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
COMPANY = re.compile(
    r"\b([A-Z][a-z]{2,})(?: [A-Z][a-z]+)? (?:plc|Ltd\.?|Inc\.?|Corp\.?|Holdings|Group|Bank|Robotics|Technologies)\b"
)


def given_names():
    """The [given] section of the project's person-name word list."""
    names, section = set(), None
    for line in (ROOT / "src/lexicon/people.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("["):
            section = line
        elif line and section == "[given]":
            names.add(line)
    return names


GIVEN = given_names()

PERSON_SLOTS = ("person", "predecessor", "successor", "reports_to", "previous_reports_to")


def alternatives(value):
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def load_templates():
    templates = []
    for path in sorted((ROOT / "fixtures/articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        people, orgs = set(), set()
        gold = ROOT / "fixtures/gold" / (path.stem + ".jsonl")
        if gold.exists():
            for line in gold.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                for rec in json.loads(line).get("records", []):
                    for slot in PERSON_SLOTS:
                        for name in alternatives(rec.get(slot)):
                            words = [w for w in name.split() if w not in HONORIFICS]
                            if len(words) >= 2:
                                people.add(" ".join(words))
                    orgs_here = alternatives(rec.get("company"))
                    for role in ("old_role", "new_role"):
                        if isinstance(rec.get(role), dict):
                            orgs_here += alternatives(rec[role].get("org"))
                    for org in orgs_here:
                        first = org.split()[0] if org.split() else ""
                        if first[:1].isupper() and first not in COMMON and len(first) > 2:
                            orgs.add(first.rstrip(",.'s"))
        # Articles without gold records still have people and companies: a
        # capitalised pair that starts with a known given name, and the
        # first word of a name that ends in a company suffix.
        for m in PAIR.finditer(text):
            if m.group(1) in GIVEN:
                people.add(m.group(0))
        for m in COMPANY.finditer(text):
            if m.group(1) not in COMMON:
                orgs.add(m.group(1))
        # Person words: full names, surnames and given names, renamed
        # consistently within an article.
        person_words = set()
        for name in people:
            person_words.update(name.split())
        orgs -= person_words
        templates.append((path.stem, text, sorted(people), sorted(orgs)))
    return templates


def coined(rng):
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3))))
    return word.capitalize()


def render(template, rng):
    stem, text, people, orgs = template
    mapping = {}
    for name in people:
        words = name.split()
        for i, word in enumerate(words):
            if word in mapping:
                continue
            mapping[word] = rng.choice(LAST if i == len(words) - 1 else FIRST)
    for org in orgs:
        mapping.setdefault(org, coined(rng))
    if not mapping:
        return text
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, mapping), key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def load_real(dirs):
    """Every real text under `dirs`: *.txt files, and the "notes" of *.csv rows."""
    csv.field_size_limit(1 << 24)
    docs = []
    for d in dirs:
        for path in sorted(Path(d).rglob("*")):
            if path.suffix == ".txt":
                text = path.read_text(encoding="utf-8").strip()
                if text:
                    docs.append(text)
            elif path.suffix == ".csv":
                with open(path, newline="", encoding="utf-8") as f:
                    for row in csv.DictReader(f):
                        notes = (row.get("notes") or "").strip()
                        if notes and notes != "NA":
                            docs.append(notes)
    if not docs:
        sys.exit(f"no *.txt files or *.csv notes under {', '.join(dirs)}")
    return docs


def real_texts(docs, rng):
    """The real texts in a shuffled order, again and again."""
    order = list(range(len(docs)))
    while True:
        rng.shuffle(order)
        for i in order:
            yield docs[i]


def broken(kind, i, text):
    if kind == 0:  # not JSON: a line cut in half
        line = json.dumps({"id": f"broken-{i}", "text": text})
        return line[: len(line) // 2].encode()
    if kind == 1:  # no text field
        return json.dumps({"id": f"broken-{i}", "body": text}).encode()
    if kind == 2:  # text is not a string
        return json.dumps({"id": f"broken-{i}", "text": len(text)}).encode()
    # invalid UTF-8 inside the text
    line = json.dumps({"id": f"broken-{i}", "text": text[:200]}).encode()
    return line[:40] + b"\xff\xfe" + line[40:]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100.0, help="approximate size in MB (10^6 bytes)")
    ap.add_argument("--articles", type=int, help="number of lines instead of a size")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--real", action="append", metavar="DIR", help="real texts instead of the fixtures")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.real:
        docs = load_real(args.real)
        texts = real_texts(docs, rng)
        next_text = lambda: next(texts)  # noqa: E731
        prefix = "real"
    else:
        templates = load_templates()
        docs = templates
        next_text = lambda: render(templates[rng.randrange(len(templates))], rng)  # noqa: E731
        prefix = "syn"
    limit_bytes = None if args.articles else int(args.mb * 1e6)
    lines = good = bad = size = 0
    with open(args.out, "wb") as out:
        while True:
            if args.articles is not None and lines >= args.articles:
                break
            if limit_bytes is not None and size >= limit_bytes:
                break
            lines += 1
            text = next_text()
            if lines % 100 == 57:
                data = broken(bad % 4, lines, text)
                bad += 1
            else:
                good += 1
                data = json.dumps({"id": f"{prefix}-{good:07d}", "text": text}, ensure_ascii=False).encode()
            out.write(data + b"\n")
            size += len(data) + 1
    summary = {"lines": lines, "good": good, "bad": bad, "bytes": size, "id_prefix": prefix, "documents": len(docs)}
    json.dump(summary, sys.stdout)
    print()


if __name__ == "__main__":
    main()
