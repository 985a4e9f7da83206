#!/usr/bin/env bash
# Words/s of `kgraph build` and of the Spark job (scripts/spark_build.py, local[2] unless
# MASTER is set) on the same JSON Lines corpus, each into a fresh store, and whether the two
# stores hold the same quads.
#   scripts/bench-spark.sh ../shared/corpora/news/wikinews-2019-2020.jsonl
#   scripts/bench-spark.sh ../shared/corpora/news/reuters21578.jsonl
# Words: whitespace-separated words of the "text" fields. Wall-clock seconds include the
# JVM's start for Spark and the final store statistics for both. CPU seconds (user + system):
# for build, the process; for Spark, the driver's Python and `kgraph load` plus the kgraph
# filters on the executors, which spark_build.py reports (the JVM's own CPU is not counted:
# PySpark does not wait for it, so only the wall clock shows it). On a shared machine the wall
# clock depends on the others' load (printed before and after each run); the CPU seconds much
# less. Needs .venv with pyspark (scripts/ensure-deps.sh --python), /usr/bin/time and a
# release build. Set NICE=10 to run both at lower priority.
set -euo pipefail
corpus=${1:?usage: $0 CORPUS.jsonl}
cd "$(dirname "$0")/.."
kgraph=target/release/kgraph
python=${KGRAPH_PYTHON:-.venv/bin/python}
master=${MASTER:-local[2]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
words=$("$python" -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1]) if l.strip()))' "$corpus")
load() { cut -d' ' -f1-3 /proc/loadavg; }
# run NAME CMD…: wall and CPU seconds of CMD into $work/NAME.time ("wall user sys"), load averages around it
run() {
  local name=$1; shift
  echo "load average before $name: $(load)" >&2
  /usr/bin/time -f '%e %U %S' -o "$work/$name.time" nice -n "${NICE:-0}" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err" >&2; return 1; }
  echo "load average after $name: $(load)" >&2
}
run build "$kgraph" build --quiet "$corpus" --store "$work/built"
run spark "$python" scripts/spark_build.py "$corpus" --store "$work/sparked" --master "$master" --kgraph "$kgraph"
read -r bw bu bs < "$work/build.time"
read -r sw su ss < "$work/spark.time"
executors=$(sed -n 's/^spark_build.py: kgraph extract used \([0-9.]*\) s of CPU.*/\1/p' "$work/spark.err")
bc_=$(echo "$bu + $bs" | bc)
sc_=$(echo "$su + $ss + ${executors:-0}" | bc)
echo "corpus $corpus: $words words"
printf 'kgraph build          %8.1f s wall %8d words/s  %8.1f s CPU\n' "$bw" "$(echo "$words / $bw" | bc)" "$bc_"
printf 'spark_build %-9s %8.1f s wall %8d words/s  %8.1f s CPU (%s s in the executors)  (%+.0f %% wall, %+.0f %% CPU vs build)\n' \
  "$master" "$sw" "$(echo "$words / $sw" | bc)" "$sc_" "${executors:-?}" "$(echo "($sw - $bw) * 100 / $bw" | bc -l)" "$(echo "($sc_ - $bc_) * 100 / $bc_" | bc -l)"
for st in built sparked; do "$kgraph" export --format nq --with-ontology --store "$work/$st" | LC_ALL=C sort > "$work/$st.nq"; done
if cmp -s "$work/built.nq" "$work/sparked.nq"; then
  echo "stores: identical ($(wc -l < "$work/built.nq") quads)"
else
  echo "stores: DIFFER ($(wc -l < "$work/built.nq") quads from build, $(wc -l < "$work/sparked.nq") from Spark; first differences:)"
  diff "$work/built.nq" "$work/sparked.nq" | head -20
  exit 1
fi
