#!/usr/bin/env bash
# Load benchmark (not a test): N clients for D seconds of a typical neighbourhood query (the
# viewer's depth-1 query over fact statement nodes, around the 10th most connected entity), against
# `kgraph serve` and against `oxigraph serve-read-only` on the same data, in the same run.
# Prints p50/p99 latency and queries/s for each (wrk --latency).
#
#   scripts/bench-serve.sh [--clients 32] [--duration 30] [--store DIR] [--corpus FILE.jsonl]
#
# Without --store, the Wikinews corpus (../shared/corpora/news/wikinews-2019-2020.jsonl) is split
# into one .txt per article and built into a fresh store with `kgraph build`.
# Needs: target/release/kgraph (or KGRAPH=path), wrk and curl (apt-get install wrk curl),
# .venv/bin/oxigraph (scripts/ensure-deps.sh --server). Loopback only. Both servers and the
# load generator share this machine's cores: compare the two rows, not absolute numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=32 duration=30 store="" corpus=../shared/corpora/news/wikinews-2019-2020.jsonl threads=8
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --store) store=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
kgraph=${KGRAPH:-target/release/kgraph}
oxigraph=${OXIGRAPH:-.venv/bin/oxigraph}
for tool in "$kgraph" "$oxigraph" wrk curl; do
  command -v "$tool" >/dev/null || [ -x "$tool" ] || { echo "missing $tool (see the header of $0)" >&2; exit 1; }
done
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$store" ]; then
  echo "== building the store from $corpus" >&2
  mkdir -p "$work/docs"
  python3 - "$corpus" "$work/docs" <<'EOF'
import json, re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", a["id"])[:120]
    with open(f"{sys.argv[2]}/{name}.txt", "w", encoding="utf-8") as f:
        f.write(a.get("title", "") + "\n\n" + a["text"] + "\n")
EOF
  store="$work/store"
  /usr/bin/time -f "build: %e s, max RSS %M KB" "$kgraph" build --quiet --no-export --store "$store" "$work/docs"
fi

echo "== exporting N-Quads and loading them into oxigraph" >&2
"$kgraph" export --store "$store" --format nq --with-ontology -o "$work/data.nq"
"$oxigraph" load --location "$work/oxigraph" --file "$work/data.nq" >/dev/null 2>&1
echo "quads: $(wc -l < "$work/data.nq")" >&2

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ours=$(port); theirs=$(port)
"$kgraph" serve --store "$store" --bind "127.0.0.1:$ours" --threads "$threads" >/dev/null 2>&1 & pids+=($!)
"$oxigraph" serve-read-only --location "$work/oxigraph" --bind "127.0.0.1:$theirs" >/dev/null 2>&1 & pids+=($!)
for p in $ours $theirs; do
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$p/query?query=ASK%7B%7D" && break; sleep 0.1; done
done

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# A typical busy entity: the 10th most connected (the viewer's depth-1 query around it).
top=$(curl -s -H 'Accept: text/csv' "http://127.0.0.1:$ours/sparql?query=$(enc 'PREFIX kg: <https://w3id.org/kgraph/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> SELECT ?e (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Fact . { ?f rdf:subject ?e } UNION { ?f rdf:object ?e } FILTER(isIRI(?e)) } GROUP BY ?e ORDER BY DESC(?n) OFFSET 9 LIMIT 1')" | sed -n 2p | cut -d, -f1)
[ -n "$top" ] || { echo "no facts in the store" >&2; exit 1; }
echo "focus entity: $top" >&2
query="PREFIX kg: <https://w3id.org/kgraph/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?f ?s ?p ?o ?neg ?mod WHERE { GRAPH ?g {
  { ?f rdf:subject <$top> ; a kg:Fact ; rdf:object ?o ; rdf:predicate ?p . BIND(<$top> AS ?s) }
  UNION
  { ?f rdf:object <$top> ; a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p . BIND(<$top> AS ?o) }
  OPTIONAL { ?f kg:negated ?neg } OPTIONAL { ?f kg:modality ?mod } } }"
q=$(enc "$query")
rows_ours=$(curl -s -H 'Accept: text/csv' "http://127.0.0.1:$ours/sparql?query=$q" | tail -n +2 | wc -l)
rows_theirs=$(curl -s -H 'Accept: text/csv' "http://127.0.0.1:$theirs/query?query=$q" | tail -n +2 | wc -l)
echo "rows: kgraph $rows_ours, oxigraph $rows_theirs" >&2
[ "$rows_ours" = "$rows_theirs" ] || { echo "the two servers disagree" >&2; exit 1; }

run() { # name url
  local out
  out=$(wrk -t2 -c"$clients" -d"${duration}s" --latency -H 'Accept: application/sparql-results+json' "$2")
  local p50 p99 qps errors
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  qps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/{print}' | tr '\n' ' ')
  printf "%-22s %10s %10s %12s  %s\n" "$1" "$p50" "$p99" "$qps" "${errors:-no errors}"
}
echo
echo "$clients clients, ${duration} s each, $rows_ours rows per answer"
printf "%-22s %10s %10s %12s\n" server p50 p99 queries/s
run "kgraph serve" "http://127.0.0.1:$ours/sparql?query=$q"
run "oxigraph serve" "http://127.0.0.1:$theirs/query?query=$q"
