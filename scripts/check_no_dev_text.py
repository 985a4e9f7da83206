#!/usr/bin/env python3
"""Check that no seed or dev-set text is quoted in the source tree (issue 13, item 3: no document fitting).

Usage:
  scripts/check_no_dev_text.py [--root .] [--dev DIR] [--verbose]

Reads the seed article(s) in `seeds/` and the dev articles `DIR/*.txt` (default: the first of
`../shared/gold/news-dev`, `/work/shared/gold/news-dev` that exists) and looks for two kinds of
quotation in `src/`, `ontology/` and `tests/` (Rust, TSV, TTL, Python and Markdown files):

- capitalised multi-word names of the articles (`Gustavo Petro`, `Hong Kong District Council`),
  except the few in ALLOWED below (country and world-institution names any general resource holds);
- runs of six or more words of an article's text (a quoted sentence or clause).

Prints each hit as `path:line: quoted "…" (from ARTICLE)` and exits 1 when there is one, 0 otherwise.
A missing dev directory is not an error for the names of the seed (it always exists); the script
says which sources it checked.
"""
import argparse
import pathlib
import re
import sys

# Names that are general English knowledge (countries, world institutions, calendar terms); a rule
# or test may name them without quoting an article.
ALLOWED = {
    "united states", "united kingdom", "united nations", "european union", "new york", "new zealand",
    "south africa", "south korea", "north korea", "saudi arabia", "hong kong", "white house",
    "prime minister", "world health organization", "supreme court", "new year", "middle east",
    "united arab emirates", "soviet union", "los angeles", "san francisco", "new delhi",
    "donald trump", "joe biden", "barack obama", "angela merkel", "vladimir putin", "boris johnson",
    "first lady", "secretary of state", "foreign minister", "chief executive", "vice president",
    "security council", "general assembly", "world war", "world bank", "covid-19",
    "us president", "south america", "north america", "latin america", "republican party",
    "democratic party", "oval office", "washington dc", "fire protection",
}

# Capitalised words that open sentences or headlines rather than names.
OPENERS = {
    "the", "a", "an", "in", "on", "at", "after", "before", "as", "but", "and", "or", "if", "when",
    "while", "since", "for", "from", "to", "of", "by", "with", "this", "that", "these", "those", "it",
    "he", "she", "they", "we", "i", "his", "her", "their", "our", "its", "also", "according", "during",
    "sources", "read", "external", "links", "related", "news", "mr", "mrs", "ms", "dr",
}

# Last words of names that are places, institutions or calendar words, not a person's surname.
NOT_SURNAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "university", "department", "senate", "assembly", "council", "court", "party", "house", "office",
    "ministry", "agency", "washington", "turkey", "hornets", "biden", "trump", "airport", "county",
    "province", "region", "district", "state", "city",
}

NAME_WORD = r"(?:[A-Z][\w'’.-]*[a-z0-9][\w'’.-]*|[A-Z]{2,})"
NAME_RE = re.compile(rf"{NAME_WORD}(?:\s+(?:of\s+|de\s+|al-\s*)?{NAME_WORD})+")
WORD_RE = re.compile(r"[A-Za-z0-9][\w'’-]*")
RUN = 6
SOURCE_EXT = {".rs", ".tsv", ".ttl", ".py", ".md", ".toml", ".json", ".txt"}


def article_names(text):
    """Capitalised multi-word names of an article, leading openers stripped."""
    out = set()
    for m in NAME_RE.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in OPENERS:
            words = words[1:]
        while words and words[-1].lower() in {"of", "de"}:
            words = words[:-1]
        if len(words) < 2:
            continue
        name = " ".join(words)
        if name.lower() in ALLOWED or len(name) < 7:
            continue
        out.add(name)
    return out


def short_forms(text, names, lower_words):
    """Surnames and other short forms: the last word of a name that the article also uses alone
    (`Gustavo Petro` … `Petro said`), when the word is never an ordinary lower-case word."""
    out = set()
    for n in names:
        parts = n.split()
        w = parts[-1]
        if len(parts) != 2 or any(p.isupper() or not p[0].isupper() for p in parts):
            continue
        if len(w) < 4 or w.lower() in lower_words or w.lower() in NOT_SURNAMES or w.endswith(("an", "ese", "ish")):
            continue
        if re.search(rf"(?<![A-Z][\w'’.-] )(?<![\w-]){re.escape(w)}(?![\w-])", text.replace(n, "")):
            out.add(w)
    return out


def words_of(text):
    """Lower-cased words, curly apostrophes made straight."""
    return [w.lower() for w in WORD_RE.findall(text.replace("’", "'").replace("‘", "'"))]


def word_runs(text):
    """All runs of RUN consecutive words of an article, lower-cased."""
    words = words_of(text)
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def articles(root, dev):
    paths = sorted((root / "seeds").glob("*.txt"))
    if dev is not None and dev.is_dir():
        paths += sorted(dev.glob("*.txt"))
    return paths


def source_files(root):
    for top in ("src", "ontology", "tests"):
        base = root / top
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in SOURCE_EXT:
                yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=".", help="the repository root")
    ap.add_argument("--dev", help="the dev articles' directory")
    ap.add_argument("--verbose", action="store_true", help="list the sources and the number of names")
    args = ap.parse_args()
    root = pathlib.Path(args.root).resolve()
    dev = pathlib.Path(args.dev) if args.dev else next(
        (d for d in (root.parent / "shared/gold/news-dev", root / "../../shared/gold/news-dev", pathlib.Path("/work/shared/gold/news-dev")) if d.is_dir()),
        None,
    )
    names, runs = {}, {}
    texts = {a.name: a.read_text(encoding="utf-8") for a in articles(root, dev)}
    lower_words = {w for t in texts.values() for w in WORD_RE.findall(t) if w.islower()}
    for a, text in texts.items():
        found = article_names(text)
        for n in found:
            names.setdefault(n, a)
        for w in short_forms(text, found, lower_words):
            names.setdefault(w, a)
        for r in word_runs(text):
            runs.setdefault(r, a)
    if args.verbose:
        print(f"checked against {len(names)} names and {len(runs)} word runs of seeds/ and {dev or '(no dev set)'}", file=sys.stderr)
    name_re = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])") if names else None
    hits = 0
    for p in source_files(root):
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        for no, line in enumerate(lines, 1):
            found = set()
            if name_re:
                for m in name_re.finditer(line):
                    found.add((m.group(1), names[m.group(1)]))
            words = words_of(line)
            for i in range(len(words) - RUN + 1):
                r = " ".join(words[i : i + RUN])
                if r in runs:
                    found.add((r, runs[r]))
            for q, src in sorted(found):
                print(f"{p.relative_to(root)}:{no}: quoted \"{q}\" (from {src})")
                hits += 1
    if args.verbose:
        print(f"{hits} quotation(s)", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
