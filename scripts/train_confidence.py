#!/usr/bin/env python3
"""Train the learned fact confidence (src/confidence.rs) on the hand-judged facts of
docs/precision-sample.md: logistic regression (ReVerb's recipe), deterministic.

Usage:
  kgraph extract ../shared/corpora/news/wikinews-2019-2020.jsonl --format tsv \\
      --min-confidence 0 --confidence-features > /tmp/wf.tsv
  scripts/train_confidence.py /tmp/wf.tsv [--exclude /work/notes/heldout-ids.txt] \\
      [--sample docs/precision-sample.md --sample OTHER-DRAWS.md ...] [--old models/fact-confidence.tsv] \\
      [--repeats 5] [--drop FEATURE-PREFIX] [--partly wrong|drop] [--write models/fact-confidence.tsv]

Steps: every judged row of docs/precision-sample.md (subject, predicate, object, flags, the
evidence sentence where the table has it, the verdict) is matched to a fact of the build: same
evidence sentence and subject/predicate/object labels, or — for tables without the evidence
column — the same labels and flags found exactly once in the build. Rows whose document is in the
exclude list are dropped. Target: correct = 1, wrong = 0; partly = 0 (`--partly wrong`) or left out
(`--partly drop`). The same fact judged twice keeps its last verdict.

Prints: rows matched, 5-fold cross-validated AUC of the rule-based confidence (feature `prior`) and
of the model (folds grouped by document so no sentence is in two folds), its AUC per fold (and
with --repeats, over that many fold splits: mean and sd, the noise a new feature must beat), the
AUC of the --old weights on the same rows, and the precision / recall of correct facts at several
keep-thresholds, from the out-of-fold probabilities; --dev and --seed-facts add news-dev and seed
scores per threshold. With --write, fits on all rows and writes the weights with a provenance header.
"""
import argparse
import csv
import hashlib
import math
import re
import subprocess
import sys
from collections import Counter, defaultdict

SAMPLE = "docs/precision-sample.md"
L2 = 10.0         # ridge penalty on every weight but the bias (1, 3, 10, 30 tried: CV AUC .695, .700, .705, .703)
MIN_COUNT = 8     # indicator features seen on fewer judged rows are left out
FOLDS = 5
THRESHOLDS = [0.0, 0.2, 0.22, 0.25, 0.27, 0.28, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]


def judged_rows(path, stop_at=None):
    """(subject, predicate, object, flags, evidence or None, verdict) per judged table row, up to
    the line that starts with `stop_at` (the verdicts a shipped model was trained on). Tables of
    the helpers' draw files have the same columns; a row may have a stray empty cell before its verdict."""
    out = []
    header = None
    for line in open(path, encoding="utf-8"):
        if stop_at and line.startswith(stop_at):
            break
        if not line.startswith("|"):
            header = None if not line.strip() else header
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.rstrip("\n"))[1:-1]]
        if header is not None and len(cells) > len(header):
            # `… | evidence || verdict |`: empty cells past the last but one column are stray
            cells = cells[:len(header) - 1] + [c for c in cells[len(header) - 1:] if c]
        if cells and cells[0] in ("#", "n"):
            header = [c.lower() for c in cells]
            continue
        if header is None or not cells or not cells[0].isdigit() or len(cells) != len(header):
            continue
        row = dict(zip(header, cells))
        m = re.match(r"\W*(correct|partly|wrong)", row.get("verdict", "").lower())
        if not m:
            continue
        out.append((row["subject"], row.get("predicate", row.get("relation", "")), row["object"],
                    row.get("flags", ""), row.get("evidence"), m.group(1)))
    return out


def flags_of(r):
    """The flags cell as scripts/precision_sample.py prints it."""
    f = []
    if r["negated"] == "true":
        f.append("negated")
    if r["modality"] not in ("", "asserted"):
        f.append(r["modality"])
    if r["attribution"]:
        f.append("according to " + r["attribution"])
    return ", ".join(f)


# Cut points of the continuous features: each gives an indicator `name<cut` (src/confidence.rs
# reads such weights the same way), so the model can bend where a straight line cannot.
CUTS = {
    "prior": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
    "path_min_arc_margin": [0.6, 0.75, 0.85, 0.95, 0.999],
    "path_min_label_margin": [0.6, 0.75, 0.85, 0.95, 0.999],
    "sentence_min_arc_margin": [0.5, 0.6, 0.7, 0.8, 0.9],
    "sentence_mean_arc_margin": [0.95, 0.97, 0.98, 0.99],
    "sentence_weak_arcs": [0.01, 0.4, 0.6],
    "sentence_len": [0.7, 0.8, 0.9, 0.95],
    "facts_in_sentence": [0.3, 0.5, 0.6, 0.7],
    "path_len": [0.4, 0.6, 0.8],
}


def parse_features(cell):
    """The features of one TSV cell with the cut indicators (`margin<0.4`) the model uses."""
    out = raw_features(cell)
    for k, cuts in CUTS.items():
        if k in out:
            for c in cuts:
                if out[k] < c:
                    out[f"{k}<{c}"] = 1.0
    return out


def load_build(path, exclude):
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    kept = [r for r in rows if r["doc"].split("#")[-1] not in exclude]
    return rows, kept


def match(judged, build):
    by_ev = defaultdict(list)
    by_labels = defaultdict(list)
    for i, r in enumerate(build):
        by_ev[(r["evidence"], r["subject"], r["predicate"], r["object"])].append(i)
        by_labels[(r["subject"], r["predicate"], r["object"], flags_of(r))].append(i)
    verdict = {}
    how = Counter()
    for s, p, o, fl, ev, v in judged:
        if ev is not None:
            hits = by_ev.get((ev, s, p, o), [])
            if len(hits) > 1:
                hits = [i for i in hits if flags_of(build[i]) == fl] or hits[:1]
        else:
            hits = by_labels.get((s, p, o, fl), [])
            if len(hits) != 1:
                how["ambiguous or missing (no evidence column)"] += 1 if hits else 0
                hits = []
        if not hits:
            how["unmatched"] += 1
            continue
        how["matched"] += 1
        verdict[hits[0]] = v
    return verdict, how


def fold_of(doc, salt=""):
    return int(hashlib.sha1((salt + doc).encode()).hexdigest(), 16) % FOLDS


def read_weights(path):
    """A weights file as src/confidence.rs reads it: (bias, linear weights, step weights)."""
    bias, linear, steps = 0.0, {}, defaultdict(list)
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, w = line.rstrip("\n").split("\t")
        feature, _, cut = name.partition("<")
        if name == "bias":
            bias = float(w)
        elif cut:
            steps[feature].append((float(cut), float(w)))
        else:
            linear[name] = float(w)
    return bias, linear, steps


def score_weights(weights, raw):
    """The probability a weights file gives a fact's raw features (no cut indicators added)."""
    bias, linear, steps = weights
    z = bias + sum(linear.get(k, 0.0) * v + sum(w for c, w in steps.get(k, []) if v < c) for k, v in raw.items())
    return sigmoid(z)


def raw_features(cell):
    out = {}
    for item in cell.split(" "):
        k, _, v = item.rpartition("=")
        if k:
            out[k] = float(v)
    return out


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def fit(X, y, dims):
    """Newton's method on the L2-penalised log-likelihood; X rows are {index: value}, index 0 the bias."""
    w = [0.0] * dims
    for _ in range(30):
        g = [0.0] * dims
        H = [[0.0] * dims for _ in range(dims)]
        for x, t in zip(X, y):
            p = sigmoid(sum(w[j] * v for j, v in x.items()))
            d = p - t
            s = p * (1 - p)
            items = list(x.items())
            for j, v in items:
                g[j] += d * v
                row = H[j]
                for k, u in items:
                    row[k] += s * v * u
        for j in range(1, dims):
            g[j] += L2 * w[j]
            H[j][j] += L2
        H[0][0] += 1e-6
        step = solve(H, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(b) for b in step) < 1e-7:
            break
    return w


def solve(A, b):
    """Cholesky solve of the symmetric positive definite A x = b."""
    n = len(b)
    L = [[0.0] * n for _ in range(n)]
    for i in range(n):
        Li = L[i]
        for j in range(i + 1):
            Lj = L[j]
            s = A[i][j] - sum(Li[k] * Lj[k] for k in range(j))
            Li[j] = math.sqrt(max(s, 1e-12)) if i == j else s / Lj[j]
    z = [0.0] * n
    for i in range(n):
        z[i] = (b[i] - sum(L[i][k] * z[k] for k in range(i))) / L[i][i]
    x = [0.0] * n
    for i in reversed(range(n)):
        x[i] = (z[i] - sum(L[k][i] * x[k] for k in range(i + 1, n))) / L[i][i]
    return x


def auc(scores, y):
    pos = [s for s, t in zip(scores, y) if t == 1]
    neg = [s for s, t in zip(scores, y) if t == 0]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def vocabulary(feats, rows):
    count = Counter(k for i in rows for k, v in feats[i].items() if v != 0)
    continuous = {k for i in rows for k, v in feats[i].items() if v not in (0.0, 1.0)}
    names = sorted(k for k, c in count.items() if c >= MIN_COUNT or k in continuous)
    return {k: j + 1 for j, k in enumerate(names)}


def design(feats, rows, vocab):
    return [dict([(0, 1.0)] + [(vocab[k], v) for k, v in feats[i].items() if k in vocab]) for i in rows]


def predict(w, x):
    return sigmoid(sum(w[j] * v for j, v in x.items()))


def score_kept(scorer, tsv, gold, doc, w, vocab, t, drop):
    """score_facts.py totals (must, of, should, of, mustnot, facts) of the facts of `tsv` (extracted
    with --min-confidence 0 --confidence-features) whose probability is at least `t`."""
    import os
    import tempfile
    lines = open(tsv, encoding="utf-8").read().splitlines()
    keep = [lines[0]]
    for line in lines[1:]:
        x = {k: v for k, v in parse_features(line.split("\t")[-1]).items() if not k.startswith(drop)}
        if predict(w, dict([(0, 1.0)] + [(vocab[k], v) for k, v in x.items() if k in vocab])) >= t:
            keep.append(line)
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        f.write("\n".join(keep) + "\n")
    out = subprocess.run([sys.executable, scorer, "--gold", gold, "--facts", f.name, "--doc", doc], capture_output=True, text=True).stdout
    os.unlink(f.name)
    m = re.search(r"must (\d+)/(\d+) should (\d+)/(\d+) mustnot-violations (\d+) facts (\d+)", out)
    return [int(g) for g in m.groups()]


def dev_curve(spec, w, vocab, thresholds, seed=None, drop=()):
    """news-dev must/should/mustnot/facts at each threshold: TSV_DIR holds NAME.tsv per gold article,
    extracted with --min-confidence 0 --confidence-features; the facts under the threshold are left
    out and the rest scored by score_facts.py. `seed` (TSV:GOLD:DOC) adds one more article's scores."""
    import os
    tsv_dir, gold_dir = spec.split(":")
    scorer = os.path.join(gold_dir, "..", "..", "tools", "score_facts.py")
    print("| threshold | must | should | mustnot | facts |" + (" seed must | seed should | seed mustnot | seed facts |" if seed else ""))
    print("|---|---|---|---|---|" + ("---|---|---|---|" if seed else ""))
    names = sorted(f[:-9] for f in os.listdir(gold_dir) if f.endswith(".gold.tsv"))
    for t in thresholds:
        tot = [0] * 6
        for name in names:
            got = score_kept(scorer, os.path.join(tsv_dir, name + ".tsv"), os.path.join(gold_dir, name + ".gold.tsv"),
                             os.path.join(gold_dir, name + ".txt"), w, vocab, t, drop)
            tot = [a + b for a, b in zip(tot, got)]
        line = f"| {t:.2f} | {tot[0]}/{tot[1]} | {tot[2]}/{tot[3]} | {tot[4]} | {tot[5]} |"
        if seed:
            sm = score_kept(scorer, *seed.split(":"), w, vocab, t, drop)
            line += f" {sm[0]}/{sm[1]} | {sm[2]}/{sm[3]} | {sm[4]} | {sm[5]} |"
        print(line)


def main():
    global L2
    ap = argparse.ArgumentParser()
    ap.add_argument("tsv", help="kgraph extract --format tsv --min-confidence 0 --confidence-features")
    ap.add_argument("--exclude", default="/work/notes/heldout-ids.txt", help="document ids to leave out, one a line")
    ap.add_argument("--partly", choices=["wrong", "drop"], default="wrong")
    ap.add_argument("--write", help="fit on all rows and write the weights here")
    ap.add_argument("--dev", metavar="TSV_DIR:GOLD_DIR", help="news-dev scores at each threshold (see dev_curve)")
    ap.add_argument("--stop-at", metavar="HEADING", help="read the verdicts only up to the line starting with this")
    ap.add_argument("--sample", action="append", metavar="MD", help=f"judged tables to read (repeatable; default {SAMPLE})")
    ap.add_argument("--old", metavar="WEIGHTS", help="also score this weights file (e.g. the shipped one) on the same rows")
    ap.add_argument("--old-stop-at", metavar="HEADING", help="the --stop-at the old weights were trained with (AUC on the rows after it)")
    ap.add_argument("--old-sample", action="append", metavar="MD[@HEADING]",
                    help="a table the --old weights were trained on (read up to HEADING); repeatable: AUC of both on the other rows")
    ap.add_argument("--seed-facts", metavar="TSV:GOLD:DOC", help="with --dev: one more article's scores per threshold (the seed)")
    ap.add_argument("--thresholds", metavar="T,T,…", help="the keep-thresholds of the tables")
    ap.add_argument("--repeats", type=int, default=1, help="cross-validate over this many fold splits (AUC mean and sd)")
    ap.add_argument("--drop", action="append", metavar="PREFIX", help="leave out the features whose names start so (ablation)")
    ap.add_argument("--l2", type=float, help=f"the ridge penalty (default {L2})")
    args = ap.parse_args()
    if args.l2 is not None:
        L2 = args.l2
    try:
        exclude = {l.strip() for l in open(args.exclude) if l.strip()}
    except FileNotFoundError:
        exclude = set()
    judged = [r for path in (args.sample or [SAMPLE]) for r in judged_rows(path, args.stop_at)]
    all_rows, build = load_build(args.tsv, exclude)
    if "features" not in build[0]:
        sys.exit("the TSV has no features column: run kgraph extract with --confidence-features")
    verdict, how = match(judged, build)
    print(f"judged rows {len(judged)}; build {len(all_rows)} facts, {len(build)} outside the excluded documents")
    print("match: " + ", ".join(f"{k} {v}" for k, v in sorted(how.items())) + f"; distinct facts {len(verdict)}")
    print("verdicts of distinct facts: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(verdict.values()).items())))
    rows = sorted(i for i, v in verdict.items() if not (v == "partly" and args.partly == "drop"))
    y = [1 if verdict[i] == "correct" else 0 for i in rows]
    feats = {i: parse_features(build[i]["features"]) for i in rows}
    docs = {i: build[i]["doc"].split("#")[-1] for i in rows}
    if args.drop:
        feats = {i: {k: v for k, v in f.items() if not k.startswith(tuple(args.drop))} for i, f in feats.items()}
    label = {i: 1 if verdict[i] == "correct" else 0 for i in rows}

    def cross_validate(salt):
        oof = {}
        for k in range(FOLDS):
            train = [i for i in rows if fold_of(docs[i], salt) != k]
            test = [i for i in rows if fold_of(docs[i], salt) == k]
            vocab = vocabulary(feats, train)
            w = fit(design(feats, train, vocab), [label[i] for i in train], len(vocab) + 1)
            for i, x in zip(test, design(feats, test, vocab)):
                oof[i] = predict(w, x)
        return oof

    def per_fold(score, salt=""):
        return [auc([score[i] for i in rows if fold_of(docs[i], salt) == k], [label[i] for i in rows if fold_of(docs[i], salt) == k]) for k in range(FOLDS)]

    oof = cross_validate("")
    old = [feats[i].get("prior", 0.0) for i in rows]
    new = [oof[i] for i in rows]
    print(f"rows {len(rows)} (partly as {args.partly}), correct {sum(y)}; {FOLDS}-fold CV by document")
    print(f"AUC rule-based confidence {auc(old, y):.3f}; learned {auc(new, y):.3f}")
    print("  learned, AUC per fold: " + " ".join(f"{a:.3f}" for a in per_fold(oof)))
    if args.old:
        weights = read_weights(args.old)
        olds = {i: score_weights(weights, raw_features(build[i]["features"])) for i in rows}
        print(f"  {args.old} on the same rows: AUC {auc([olds[i] for i in rows], y):.3f}; per fold "
              + " ".join(f"{a:.3f}" for a in per_fold(olds)))
        if args.old_stop_at or args.old_sample:
            specs = [s.partition("@")[::2] for s in args.old_sample] if args.old_sample else [(SAMPLE, args.old_stop_at)]
            trained_on = match([r for path, stop in specs for r in judged_rows(path, stop or None)], build)[0]
            unseen = [i for i in rows if i not in trained_on]
            print(f"  on the {len(unseen)} rows it was not trained on: old {auc([olds[i] for i in unseen], [label[i] for i in unseen]):.3f}, "
                  f"learned (out of fold) {auc([oof[i] for i in unseen], [label[i] for i in unseen]):.3f}")
    if args.repeats > 1:
        runs = [auc([o[i] for i in rows], y) for o in [oof] + [cross_validate(f"r{r}:") for r in range(1, args.repeats)]]
        mean = sum(runs) / len(runs)
        sd = math.sqrt(sum((a - mean) ** 2 for a in runs) / (len(runs) - 1))
        print(f"  {len(runs)} fold splits: AUC mean {mean:.4f} sd {sd:.4f} (" + " ".join(f"{a:.3f}" for a in runs) + ")")
    print("| threshold | kept | precision (correct/kept) | recall of correct |")
    print("|---|---|---|---|")
    thresholds = [float(t) for t in args.thresholds.split(",")] if args.thresholds else THRESHOLDS
    for t in thresholds:
        kept = [t_ for p, t_ in zip(new, y) if p >= t]
        prec = sum(kept) / len(kept) if kept else float("nan")
        print(f"| {t:.2f} | {len(kept)}/{len(y)} | {prec:.3f} | {sum(kept) / max(sum(y), 1):.3f} |")
    vocab = vocabulary(feats, rows)
    w = fit(design(feats, rows, vocab), y, len(vocab) + 1)
    if args.dev:
        dev_curve(args.dev, w, vocab, thresholds, args.seed_facts, tuple(args.drop or ()))
    if args.write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        with open(args.write, "w", encoding="utf-8") as f:
            f.write("# Learned fact confidence (src/confidence.rs): logistic-regression weights, feature<TAB>weight.\n")
            stop = f" --stop-at '{args.stop_at}'" if args.stop_at else ""
            f.write(f"# Trained by `scripts/train_confidence.py TSV --partly {args.partly}{stop} --write ...` (L2 {L2}, features on >= {MIN_COUNT} rows)\n")
            samples = ", ".join(p.split("/")[-1] for p in (args.sample or [SAMPLE]))
            f.write(f"# on {len(rows)} hand-judged Wikinews facts ({sum(y)} correct) of {samples}; held-out documents\n")
            f.write(f"# excluded, matched to a build at {commit}. {FOLDS}-fold CV AUC by document: rule-based {auc(old, y):.3f}, learned {auc(new, y):.3f}.\n")
            f.write(f"bias\t{w[0]:.6f}\n")
            for k, j in sorted(vocab.items()):
                f.write(f"{k}\t{w[j]:.6f}\n")
        print(f"wrote {args.write} ({len(vocab)} features)")


if __name__ == "__main__":
    main()
