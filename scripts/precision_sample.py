#!/usr/bin/env python3
"""Draw a fixed random sample of facts for judging precision by hand (issue: facts on unseen news).

Usage:
  kgraph extract ../shared/corpora/news/wikinews-2019-2020.jsonl --format tsv > /tmp/wikinews.tsv
  scripts/precision_sample.py /tmp/wikinews.tsv [--n 50] [--seed 2026] > docs/precision-sample.md

Prints a Markdown table, one row per sampled fact: subject, predicate, object, the flags a reader of
the graph sees (negated, modality, attribution) and the evidence sentence, with an empty verdict
column for the judge to fill in (correct / partly / wrong). The same TSV and seed give the same sample.
"""
import argparse
import csv
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tsv")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    csv.field_size_limit(sys.maxsize)
    with open(args.tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    sample = random.Random(args.seed).sample(range(len(rows)), min(args.n, len(rows)))
    print(f"Sample of {len(sample)} of {len(rows)} facts (seed {args.seed}).\n")
    print("| # | subject | predicate | object | flags | evidence | verdict |")
    print("|---|---|---|---|---|---|---|")
    for k, i in enumerate(sorted(sample), 1):
        r = rows[i]
        flags = []
        if r.get("negated") == "true":
            flags.append("negated")
        if r.get("modality") not in (None, "", "asserted"):
            flags.append(r["modality"])
        if r.get("attribution"):
            flags.append("according to " + r["attribution"])
        cell = lambda s: (s or "").replace("|", "\\|").replace("\n", " ")
        print(f"| {k} | {cell(r['subject'])} | {cell(r['predicate'])} | {cell(r['object'])} | {cell(', '.join(flags))} "
              f"| {cell(r.get('evidence'))} |  |")


if __name__ == "__main__":
    main()
