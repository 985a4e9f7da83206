#!/usr/bin/env python3
"""Parse kgraph's ontology with rdflib and check it is self-consistent.

Usage: check_ontology.py [ONTOLOGY.ttl]   (default: ontology/kgraph.ttl next to this repo's tests/)

Prints `triples N classes C object-properties P datatype-properties D` and exits non-zero when the
file does not parse, or when a class or property has no rdfs:label, or when a property's
domain/range/super-property/inverse names a kg: term that is not declared.
"""
import sys
from pathlib import Path

from rdflib import Graph, Namespace, RDF, RDFS, OWL

KG = Namespace("https://w3id.org/kgraph/ontology#")


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "ontology" / "kgraph.ttl"
    g = Graph()
    g.parse(path, format="turtle")
    classes = set(g.subjects(RDF.type, OWL.Class))
    objprops = set(g.subjects(RDF.type, OWL.ObjectProperty))
    dataprops = set(g.subjects(RDF.type, OWL.DatatypeProperty))
    declared = classes | objprops | dataprops
    problems = []
    for term in sorted(declared):
        if str(term).startswith(str(KG)) and g.value(term, RDFS.label) is None:
            problems.append(f"{term} has no rdfs:label")
    for pred in (RDFS.domain, RDFS.range, RDFS.subPropertyOf, OWL.inverseOf, RDFS.subClassOf):
        for s, o in g.subject_objects(pred):
            if str(o).startswith(str(KG)) and o not in declared:
                problems.append(f"{s} {pred} {o}: {o} is not declared")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"triples {len(g)} classes {len(classes)} object-properties {len(objprops)} "
          f"datatype-properties {len(dataprops)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
