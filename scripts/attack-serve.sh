#!/usr/bin/env bash
# Replays the attacks of issue 16 against a real `kgraph serve` on a free loopback port, plus
# 1,000 fuzzed queries, and after each one checks that the server still answers a normal query
# within 1 s. Prints one `survived` / `FAILED` line per attack; exits 1 if any failed.
# The `kgraph build` / `kgraph query` attacks of the same issue run too (CLI lines).
#
#   scripts/attack-serve.sh [--fuzz N] [--seed S]
#
# Needs: python3 (standard library only), mkfifo. Uses target/release/kgraph (or KGRAPH=path);
# builds it with `cargo build --release` when missing. Linux (reads /proc for the server's CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz=1000 seed=16
while [ $# -gt 0 ]; do
  case "$1" in
    --fuzz) fuzz=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
kgraph=${KGRAPH:-target/release/kgraph}
if [ ! -x "$kgraph" ]; then
  echo "== building $kgraph" >&2
  ${CARGO:-cargo} build --release >&2
fi
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$kgraph" update --store "$work/store" --file tests/server_clients/fixture.ru
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$kgraph" serve --store "$work/store" --bind "127.0.0.1:$port" --timeout 2 --max-query-mb 256 \
  --threads 4 --max-connections 128 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null && break
  sleep 0.1
done

python3 - "$kgraph" "$port" "$server_pid" "$work" "$fuzz" "$seed" <<'EOF'
import os, random, socket, subprocess, sys, threading, time, urllib.parse

KGRAPH, PORT, PID, WORK, FUZZ, SEED = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
ADDR = ("127.0.0.1", PORT)
HOST = f"127.0.0.1:{PORT}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
failures = []

def request(method, target, body=b"", headers=(), timeout=30.0, host=HOST):
    """One request with Connection: close; (status, body text). Status 0 when no answer."""
    s = socket.create_connection(ADDR, timeout)
    s.settimeout(timeout)
    head = f"{method} {target} HTTP/1.1\r\n" + (f"Host: {host}\r\n" if host else "") + f"Connection: close\r\nContent-Length: {len(body)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    try:
        s.sendall(head.encode("utf-8", "surrogateescape") + body)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    finally:
        s.close()
    text = data.decode("utf-8", "replace")
    try:
        status = int(text.split(" ", 2)[1])
    except (IndexError, ValueError):
        status = 0
    return status, text.split("\r\n\r\n", 1)[-1]

def raw(payload, timeout=10.0):
    s = socket.create_connection(ADDR, timeout)
    s.settimeout(timeout)
    try:
        s.sendall(payload)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        data = b""
    finally:
        s.close()
    return data.decode("latin-1")

def q(query):
    return "/sparql?query=" + urllib.parse.quote(query, safe="")

def alive():
    """None when a normal query is answered right within 1 s, else what went wrong."""
    if subprocess.run(["kill", "-0", str(PID)], capture_output=True).returncode != 0:
        return "the server process is gone"
    started = time.monotonic()
    try:
        status, body = request("GET", q(COUNT), headers=[("Accept", "text/csv")], timeout=5)
    except OSError as e:
        return f"no answer: {e}"
    took = time.monotonic() - started
    # 100 = FIXTURE_QUADS in tests/server_support/mod.rs (the quads of tests/server_clients/fixture.ru)
    if status != 200 or body.splitlines()[1:2] != ["100"]:
        return f"normal query answered {status} {body[:80]!r}"
    if took > 1.0:
        return f"normal query took {took:.2f} s"
    return None

def cpu_seconds():
    with open(f"/proc/{PID}/stat") as f:
        fields = f.read().rsplit(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def report(name, problem=None, detail=""):
    problem = problem or alive()
    if problem:
        failures.append(name)
        print(f"FAILED    {name}: {problem}", flush=True)
    else:
        print(f"survived  {name}{'  (' + detail + ')' if detail else ''}", flush=True)

def expect(name, got, allowed, detail=""):
    status = got[0]
    report(name, None if status in allowed else f"answered {status}, expected {allowed}: {got[1][:120]!r}", detail or f"{status}")

# ---------------------------------------------------------------------------- 1. deep queries
expect("1,000 nested { (GET)", request("GET", q("SELECT * WHERE " + "{" * 1000 + "}" * 1000)), {400})
expect("5,000 nested FILTER parentheses (POST)", request("POST", "/sparql", ("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }").encode(), [("Content-Type", "application/sparql-query")]), {400})
expect("20,000 UNIONs", request("POST", "/sparql", ("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 20000) + " }").encode(), [("Content-Type", "application/sparql-query")]), {400})
expect("20,000 `!`", request("POST", "/sparql", ("ASK { FILTER(" + "!" * 20000 + "true) }").encode(), [("Content-Type", "application/sparql-query")]), {400})
expect("2,000 nested STR()", request("POST", "/sparql", ("ASK { FILTER(" + "STR(" * 2000 + "1" + ")" * 2000 + ") }").encode(), [("Content-Type", "application/sparql-query")]), {400})
expect("1,000 triple patterns (planner)", request("POST", "/sparql", ("SELECT * WHERE { " + " . ".join(f"<http://x/{i}> <http://p> ?o{i}" for i in range(1000)) + " }").encode(), [("Content-Type", "application/sparql-query")]), {400})
expect("300-deep blank-node lists", request("POST", "/sparql", ("SELECT * WHERE { ?s ?p " + "[ ?p " * 300 + "1" + " ]" * 300 + " }").encode(), [("Content-Type", "application/sparql-query")]), {400})
expect("3,000 nested { in an update", request("POST", "/update", ("INSERT { <http://a> <http://b> <http://c> } WHERE " + "{" * 3000 + "}" * 3000).encode(), [("Content-Type", "application/sparql-update")]), {400, 403})

# ---------------------------------------------------------------------------- 2. runaway evaluation
def runaway(name, query, allowed):
    started = time.monotonic()
    got = request("POST", "/sparql", query.encode(), [("Content-Type", "application/sparql-query")])
    took = time.monotonic() - started
    time.sleep(0.5)
    before = cpu_seconds()
    time.sleep(1.5)
    busy = cpu_seconds() - before
    with open(f"/proc/{PID}/status") as f:
        rss = int(next(l for l in f if l.startswith("VmRSS")).split()[1]) // 1024
    problem = None
    if got[0] not in allowed:
        problem = f"answered {got[0]}: {got[1][:100]!r}"
    elif busy > 0.3:
        problem = f"still evaluating after the answer ({busy:.2f} s CPU in 1.5 s)"
    elif rss > 700:
        problem = f"holds {rss} MiB"
    report(name, problem, f"{got[0]} after {took:.1f} s, then {busy:.2f} s CPU in 1.5 s, {rss} MiB")

runaway("ORDER BY over a 4-way cartesian product", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?l", {503, 413})
values = " ".join(f'"row {i}"' for i in range(3000))
runaway("product of VALUES (memory)", f"SELECT * WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }} ORDER BY ?b ?a", {413, 503})
nums = " ".join(str(i) for i in range(2000))
runaway("COUNT over 8e9 in-memory rows", f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {nums} }} VALUES ?b {{ {nums} }} VALUES ?c {{ {nums} }} }}", {503})
concurrent = []
threads = [threading.Thread(target=lambda: concurrent.append(request("GET", q("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c")))) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
report("8 heavy queries at once", None if all(s in (200, 503, 413) for s, _ in concurrent) else f"statuses {[s for s, _ in concurrent]}", f"statuses {sorted(set(s for s, _ in concurrent))}")

# ---------------------------------------------------------------------------- 3. slow clients
def hold(n, payload, drip=None):
    socks = []
    for _ in range(n):
        s = socket.create_connection(ADDR, 5)
        s.sendall(payload)
        socks.append(s)
    return socks

def slow_attack(name, socks, drip=b""):
    problems = []
    for _ in range(3):
        time.sleep(0.4)
        for s in socks:
            try:
                if drip: s.send(drip)
            except OSError:
                pass
        p = alive()
        if p: problems.append(p)
    for s in socks: s.close()
    report(name, problems[0] if problems else None, f"{len(socks)} connections held")

slow_attack("bodies sent a byte at a time", hold(16, f"POST /sparql HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK".encode()), b" ")
slow_attack("headers sent a byte at a time (slowloris)", hold(16, f"GET /sparql HTTP/1.1\r\nHost: {HOST}\r\n".encode()), b"X")
slow_attack("replies never read", hold(8, (f"GET /vendor/cytoscape.min.js HTTP/1.1\r\nHost: {HOST}\r\n\r\n" * 40).encode()))
flood = []
try:
    for _ in range(200):
        flood.append(socket.create_connection(ADDR, 5))
except OSError:
    pass
time.sleep(0.3)
over = request("GET", q("ASK {}"), timeout=5)[0]
for s in flood: s.close()
time.sleep(0.3)
report("200 idle connections (limit 128)", None if over in (503, 200) else f"a new client got {over}", f"a new client got {over} while they were open")

# ---------------------------------------------------------------------------- 4. Host header
expect("DNS rebinding (Host: attacker.example)", request("GET", q("ASK {}"), host=f"attacker.example:{PORT}"), {403})
expect("Host injection into the service description", request("GET", "/sparql", host='x> <http://evil/> <http://evil/p> "pwned" . <y'), {403})
expect("no Host header", request("GET", q("ASK {}"), host=None), {400})

# ---------------------------------------------------------------------------- malformed HTTP
expect("Content-Length and Transfer-Encoding together", request("POST", "/sparql", b"ASK {}", [("Transfer-Encoding", "chunked"), ("Content-Type", "application/sparql-query")]), {400})
for name, payload, allowed in [
    ("64 KiB of headers", f"GET / HTTP/1.1\r\nHost: {HOST}\r\n".encode() + b"X-A: " + b"a" * 70000 + b"\r\n\r\n", ("431",)),
    ("a 10 GB Content-Length", f"POST /sparql HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/sparql-query\r\nContent-Length: 10000000000\r\n\r\n".encode(), ("413",)),
    ("a negative Content-Length", f"POST /sparql HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: -5\r\n\r\n".encode(), ("400",)),
    ("a bad chunk size", f"POST /sparql HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/sparql-query\r\n\r\nzz\r\n".encode(), ("400",)),
    ("a chunked body over the limit", f"POST /sparql HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFF\r\n".encode(), ("413",)),
    ("the HTTP/2 preface", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", ("505",)),
    ("binary garbage", bytes(random.Random(SEED).randrange(256) for _ in range(4096)) + b"\r\n\r\n", ("400", "505", "")),
]:
    got = raw(payload)
    status = got.split(" ", 2)[1] if got.startswith("HTTP/1.1 ") else ""
    report(name, None if status in allowed else f"answered {got[:60]!r}", status or "closed")

# ---------------------------------------------------------------------------- CLI attacks
def cli(name, args, want, timeout=60, stdin=None):
    try:
        out = subprocess.run([KGRAPH] + args, capture_output=True, text=True, timeout=timeout, stdin=stdin)
        problem = None if want(out) else f"exit {out.returncode}: {out.stderr.strip()[:160]!r}"
        detail = out.stderr.strip().splitlines()[0][:100] if out.stderr.strip() else f"exit {out.returncode}"
    except subprocess.TimeoutExpired:
        problem, detail = f"still running after {timeout} s", ""
    problem = problem  # the CLI lines check the command, not the server
    print(("FAILED    " if problem else "survived  ") + f"cli: {name}" + (f": {problem}" if problem else f"  ({detail})"), flush=True)
    if problem: failures.append(name)

store = os.path.join(WORK, "cli-store")
cli("build /dev/zero", ["build", "--quiet", "--no-export", "--store", store, "/dev/zero"], lambda o: o.returncode == 2 and "not a regular file" in o.stderr)
docs = os.path.join(WORK, "docs"); os.makedirs(docs)
open(os.path.join(docs, "a.txt"), "w").write("Maria Lopez founded a bakery in Lima.\n")
os.mkfifo(os.path.join(docs, "x.txt")); os.symlink(".", os.path.join(docs, "self")); os.symlink(docs, os.path.join(docs, "loop"))
cli("build a folder with a FIFO x.txt and symlink loops", ["build", "--no-export", "--store", store, docs], lambda o: "named pipe" in o.stderr and "2 documents (1 added" in o.stderr, timeout=120)
cli("query 5,000 nested {", ["query", "--store", os.path.join(WORK, "store"), "SELECT * WHERE " + "{" * 5000 + "}" * 5000], lambda o: o.returncode == 2 and "nested" in o.stderr)
cli("query without end (--timeout 1)", ["query", "--timeout", "1", "--store", os.path.join(WORK, "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"], lambda o: o.returncode == 2 and "timeout" in o.stderr, timeout=30)
cli("serve --timeout 1e20", ["serve", "--bind", "127.0.0.1:0", "--timeout", "1e20", "--store", os.path.join(WORK, "store")], lambda o: o.returncode == 2 and "--timeout must be" in o.stderr)

# ---------------------------------------------------------------------------- fuzz
rng = random.Random(SEED)
seeds = [
    "SELECT ?s ?o WHERE { ?s kg:opposes ?o } LIMIT 10",
    "ASK { ?s ?p ?o FILTER(isIRI(?o) && STRLEN(STR(?o)) > 3) }",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5",
    "SELECT * WHERE { ?s rdfs:label ?l FILTER(REGEX(?l, \"^G.*\", \"i\")) } ORDER BY DESC(?l)",
    "SELECT * WHERE { VALUES ?x { 1 2 3 } BIND(?x * 2 AS ?y) OPTIONAL { ?s ?p ?x } }",
    "DESCRIBE <http://kgraph.local/entity/colombia>",
    "SELECT ?s WHERE { ?s (kg:opposes|^kg:opposes)+ ?o } LIMIT 20",
]
tokens = ["{", "}", "(", ")", "[", "]", ".", ";", ",", "?x", "*", "+", "|", "/", "^", "!", "&&", "||", "UNION", "OPTIONAL",
          "FILTER", "MINUS", "SERVICE", "GRAPH", "VALUES", "BIND", "EXISTS", "NOT", "SELECT", "WHERE", "LIMIT 1", "<http://x>",
          "\"", "'''", "#", "\\", "\u2028", "\u0000", "é", "1e999", "-0", "REGEX(?x, \"(a+)+$\")", "REPLACE(\"a\", \"\", \"b\")",
          "SUBSTR(\"abc\", -99999999999)", "<<", ">>", "@en", "^^xsd:int", "STRDT(\"x\", <y>)", "COUNT(DISTINCT *)", "ORDER BY ?x"]

def mutate(s):
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        i = rng.randint(0, len(s))
        if op < 0.35:
            s = s[:i] + rng.choice(tokens) + " " + s[i:]
        elif op < 0.55 and s:
            j = min(len(s), i + rng.randint(1, 8))
            s = s[:i] + s[j:]
        elif op < 0.7:
            j = min(len(s), i + rng.randint(1, 40))
            s = s[:i] + s[i:j] * rng.randint(2, 50) + s[j:]
        elif op < 0.8:
            n = rng.choice([10, 50, 100, 2000])
            s = s[:i] + rng.choice(["{", "(", "["]) * n + s[i:]
        else:
            s = s[:i] + chr(rng.randint(1, 0x2FFF)) + s[i:]
    return s

VARS = ["?s", "?p", "?o", "?x", "?y", "?g", "?l"]
TERMS = VARS + ["kg:opposes", "rdfs:label", "rdf:type", "<http://kgraph.local/entity/colombia>", '"Colombia"', '"x"@en', "1", "2.5", "true"]
FUNCS1 = ["STR", "LCASE", "UCASE", "STRLEN", "isIRI", "isLiteral", "LANG", "DATATYPE", "ABS", "ROUND", "MD5", "SHA256", "ENCODE_FOR_URI", "BOUND"]
FUNCS2 = ["CONTAINS", "STRSTARTS", "STRENDS", "LANGMATCHES", "sameTerm", "STRBEFORE", "STRAFTER", "CONCAT", "COALESCE"]

def expr(depth=0):
    r = rng.random()
    if depth > 4 or r < 0.3:
        return rng.choice(TERMS)
    if r < 0.5:
        f = rng.choice(FUNCS1)
        return f"{f}({rng.choice(VARS) if f == 'BOUND' else expr(depth + 1)})"
    if r < 0.65:
        return f"{rng.choice(FUNCS2)}({expr(depth + 1)}, {expr(depth + 1)})"
    if r < 0.75:
        pattern_text = rng.choice(['"^a"', '"(x+x+)+y"', '"["', '".*"'])
        return f'REGEX(STR({expr(depth + 1)}), {pattern_text}, "i")'
    if r < 0.85:
        return f"({expr(depth + 1)} {rng.choice(['=', '!=', '<', '>', '+', '-', '*', '/', '&&', '||'])} {expr(depth + 1)})"
    if r < 0.92:
        return f"IF({expr(depth + 1)}, {expr(depth + 1)}, {expr(depth + 1)})"
    return f"EXISTS {{ {pattern(depth + 1)} }}"

def path():
    p = rng.choice(["kg:opposes", "rdfs:label", "rdf:type", "<http://x>", "!rdf:type"])
    for _ in range(rng.randint(0, 2)):
        p = rng.choice([f"({p}/{p})", f"({p}|kg:supports)", f"{p}*", f"{p}+", f"^{p}", f"{p}?"])
    return p

def pattern(depth=0):
    parts = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.4 or depth > 3:
            parts.append(f"{rng.choice(VARS)} {rng.choice(VARS[:3] + ['kg:opposes', 'rdfs:label'])} {rng.choice(TERMS)} .")
        elif r < 0.5:
            parts.append(f"{rng.choice(VARS)} {path()} {rng.choice(VARS)} .")
        elif r < 0.6:
            parts.append(f"OPTIONAL {{ {pattern(depth + 1)} }}")
        elif r < 0.7:
            parts.append(f"{{ {pattern(depth + 1)} }} UNION {{ {pattern(depth + 1)} }}")
        elif r < 0.78:
            parts.append(f"FILTER({expr(depth)})")
        elif r < 0.84:
            parts.append(f"BIND({expr(depth)} AS ?b{rng.randint(0, 9)})")
        elif r < 0.89:
            parts.append(f"MINUS {{ {pattern(depth + 1)} }}")
        elif r < 0.93:
            parts.append(f"GRAPH ?g {{ {pattern(depth + 1)} }}")
        elif r < 0.97:
            parts.append(f"VALUES {rng.choice(VARS)} {{ {' '.join(rng.choice(TERMS[7:]) for _ in range(rng.randint(0, 5)))} }}")
        else:
            parts.append(f"{{ SELECT * WHERE {{ {pattern(depth + 1)} }} LIMIT {rng.randint(0, 50)} }}")
    return " ".join(parts)

def random_query():
    form = rng.random()
    body = pattern()
    mods = rng.choice(["", " LIMIT 20", " ORDER BY ?s LIMIT 50", f" OFFSET {rng.randint(0, 9)} LIMIT 3", " ORDER BY DESC(STR(?o))"])
    if form < 0.55:
        return f"SELECT {rng.choice(['*', 'DISTINCT *', '?s ?o', 'REDUCED ?s'])} WHERE {{ {body} }}{mods}"
    if form < 0.7:
        return f"SELECT ?s (COUNT(*) AS ?n) (SAMPLE(?o) AS ?one) (GROUP_CONCAT(STR(?o)) AS ?all) WHERE {{ {body} }} GROUP BY ?s HAVING (COUNT(*) > 0){mods}"
    if form < 0.8:
        return f"ASK {{ {body} }}"
    if form < 0.92:
        return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {body} }}{mods}"
    return f"DESCRIBE ?s WHERE {{ {body} }} LIMIT 5"

statuses, slow = {}, 0
started = time.monotonic()
problem = None
for n in range(FUZZ):
    query = random_query() if rng.random() < 0.6 else mutate(rng.choice(seeds))
    if rng.random() < 0.2:
        query = mutate(query)
    try:
        if rng.random() < 0.5:
            status, _ = request("POST", "/sparql", query.encode("utf-8", "surrogatepass"), [("Content-Type", "application/sparql-query"), ("Accept", rng.choice(["*/*", "text/csv", "application/sparql-results+xml", "text/turtle", "image/png"]))], timeout=10)
        else:
            status, _ = request("GET", q(query), timeout=10)
    except OSError as e:
        status = f"error {e}"
    statuses[status] = statuses.get(status, 0) + 1
    if status not in (200, 400, 406, 413, 503):
        problem = f"query {n} got {status}: {query[:200]!r}"
        break
    p = alive()
    if p:
        problem = f"after query {n} ({query[:200]!r}): {p}"
        break
report(f"{FUZZ} fuzzed queries", problem, f"{time.monotonic() - started:.0f} s, statuses {dict(sorted(statuses.items(), key=str))}")

print(f"\n{len(failures)} failed" if failures else "\nall attacks survived")
sys.exit(1 if failures else 0)
EOF
