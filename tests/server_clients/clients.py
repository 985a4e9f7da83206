"""Real SPARQL clients against a running `kgraph serve` (store: tests/server_clients/fixture.ru).

    .venv/bin/python tests/server_clients/clients.py http://127.0.0.1:PORT

SPARQLWrapper: SELECT in JSON, XML, CSV and TSV, by GET and by POST (form and direct);
ASK; CONSTRUCT (Turtle, N-Triples, RDF/XML, JSON-LD). rdflib: Graph(SPARQLStore(...)).
Exits non-zero on the first failure.
"""
import csv
import io
import sys

from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

base = sys.argv[1].rstrip("/")
endpoint = base + "/sparql"
KG = "https://w3id.org/kgraph/ontology#"
E = "http://kgraph.local/entity/"
PREFIX = f"PREFIX kg: <{KG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
SELECT = PREFIX + "SELECT DISTINCT ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?label"
WANT = ["Don Strand", "Greta Quillen"]
checks = 0


def ok(cond, what):
    global checks
    if not cond:
        print(f"FAIL - {what}", file=sys.stderr)
        sys.exit(1)
    checks += 1
    print(f"ok - {what}")


def client(method, request_method=None):
    w = SPARQLWrapper(endpoint)
    w.setMethod(method)
    if request_method:
        w.setRequestMethod(request_method)
    return w


for method, request_method in [(GET, None), (POST, URLENCODED), (POST, POSTDIRECTLY)]:
    how = f"{method}" + (f"/{request_method}" if request_method else "")
    # JSON
    w = client(method, request_method)
    w.setQuery(SELECT)
    w.setReturnFormat(JSON)
    rows = [b["label"]["value"] for b in w.query().convert()["results"]["bindings"]]
    ok(rows == WANT, f"SELECT JSON by {how}: {rows}")
    # XML
    w = client(method, request_method)
    w.setQuery(SELECT)
    w.setReturnFormat(XML)
    doc = w.query().convert()
    labels = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    ok(labels == WANT, f"SELECT XML by {how}: {labels}")
    # CSV
    w = client(method, request_method)
    w.setQuery(SELECT)
    w.setReturnFormat(CSV)
    text = w.query().convert().decode("utf-8")
    table = list(csv.reader(io.StringIO(text)))
    ok(table == [["label"]] + [[x] for x in WANT], f"SELECT CSV by {how}: {table}")
    # TSV
    w = client(method, request_method)
    w.setQuery(SELECT)
    w.setReturnFormat(TSV)
    lines = w.query().convert().decode("utf-8").strip().split("\n")
    ok(lines == ["?label"] + [f'"{x}"' for x in WANT], f"SELECT TSV by {how}: {lines}")
    # ASK
    for query, want in [(PREFIX + "ASK { ?s kg:opposes ?o }", True), (PREFIX + "ASK { ?s kg:marries ?o }", False)]:
        for fmt in (JSON, XML):
            w = client(method, request_method)
            w.setQuery(query)
            w.setReturnFormat(fmt)
            res = w.query().convert()
            value = res["boolean"] if fmt == JSON else res.getElementsByTagName("boolean")[0].firstChild.data == "true"
            ok(value is want, f"ASK {fmt} by {how} = {want}")
    # CONSTRUCT
    construct = PREFIX + "CONSTRUCT { ?s kg:opposes ?o } WHERE { ?s kg:opposes ?o }"
    for fmt in (TURTLE, N3, RDFXML, JSONLD):
        w = client(method, request_method)
        w.setQuery(construct)
        w.setReturnFormat(fmt)
        g = w.queryAndConvert()
        if not isinstance(g, Graph):
            parsed = Graph()
            parsed.parse(data=g, format={TURTLE: "turtle", N3: "turtle", RDFXML: "xml", JSONLD: "json-ld"}[fmt])
            g = parsed
        ok(set(g) == {(URIRef(E + "don_strand"), URIRef(KG + "opposes"), URIRef(E + "greta_quillen"))}, f"CONSTRUCT {fmt} by {how}: {len(g)} triples")

# A syntax error reaches the client as an error (400), not as data.
w = SPARQLWrapper(endpoint)
w.setQuery("SELECT WHERE {")
w.setReturnFormat(JSON)
try:
    w.query()
    ok(False, "a bad query raises")
except Exception as e:  # SPARQLWrapper raises QueryBadFormed for 400
    ok("QueryBadFormed" in type(e).__name__ or "400" in str(e), f"a bad query raises {type(e).__name__}")

# rdflib over the endpoint.
store = SPARQLStore(endpoint, returnFormat="json")
g = Graph(store=store)
rows = sorted(str(r.label) for r in g.query(SELECT))
ok(rows == WANT, f"rdflib Graph(SPARQLStore) query: {rows}")
ok((URIRef(E + "don_strand"), URIRef(KG + "opposes"), URIRef(E + "greta_quillen")) in g, "rdflib SPARQLStore triple membership (ASK)")
labels = {str(o) for o in g.objects(URIRef(E + "greta_quillen"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
ok(labels == {"Greta Quillen"}, f"rdflib SPARQLStore triples(): {labels}")
ok(bool(g.query(PREFIX + "ASK { ?s kg:presidentOf ?o }").askAnswer), "rdflib SPARQLStore ASK")
print(f"clients: {checks} checks passed")
