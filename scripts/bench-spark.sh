#!/usr/bin/env bash
# Words/s of `kgraph build` and of the Spark job (scripts/spark_build.py, local[2] unless
# MASTER is set) on the same JSON Lines corpus, each into a fresh store, and whether the two
# stores hold the same quads.
#   scripts/bench-spark.sh ../shared/corpora/news/wikinews-2019-2020.jsonl
#   scripts/bench-spark.sh ../shared/corpora/news/reuters21578.jsonl
# Words: whitespace-separated words of the "text" fields. Wall-clock seconds include the
# JVM's start for Spark and the final store statistics for both. Needs .venv with pyspark
# (scripts/ensure-deps.sh --python) and a release build.
set -euo pipefail
corpus=${1:?usage: $0 CORPUS.jsonl}
cd "$(dirname "$0")/.."
kgraph=target/release/kgraph
python=${KGRAPH_PYTHON:-.venv/bin/python}
master=${MASTER:-local[2]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
words=$("$python" -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1]) if l.strip()))' "$corpus")
seconds() { local t0=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }; echo "$(date +%s.%N) - $t0" | bc; }
b=$(seconds "$kgraph" build --quiet "$corpus" --store "$work/built")
s=$(seconds "$python" scripts/spark_build.py "$corpus" --store "$work/sparked" --master "$master" --kgraph "$kgraph")
rate() { echo "$words / $1" | bc; }
echo "corpus $corpus: $words words"
printf 'kgraph build          %8.1f s  %8d words/s\n' "$b" "$(rate "$b")"
printf 'spark_build %-9s %8.1f s  %8d words/s  (%+.0f %% time vs build)\n' "$master" "$s" "$(rate "$s")" "$(echo "($s - $b) * 100 / $b" | bc -l)"
for st in built sparked; do "$kgraph" export --format nq --with-ontology --store "$work/$st" | sort > "$work/$st.nq"; done
if cmp -s "$work/built.nq" "$work/sparked.nq"; then echo "stores: identical ($(wc -l < "$work/built.nq") quads)"; else echo "stores: DIFFER"; exit 1; fi
