#!/usr/bin/env python3
"""Check that kgraph's GraphML (and optionally node-link JSON) loads in NetworkX.

Usage: check_graphml.py GRAPH.graphml [GRAPH.json]

Prints one line per file, `graphml: nodes=N edges=M` and `json: nodes=N edges=M`, and exits
non-zero if a file does not load, an attribute has the wrong type, or the two files disagree.
"""
import json
import sys

import networkx as nx


def check_graphml(path):
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.is_directed(), "GraphML graph should be directed"
    for node, data in g.nodes(data=True):
        assert isinstance(data.get("label"), str), f"node {node!r} has no string label"
        assert isinstance(data.get("type"), str), f"node {node!r} has no type"
    for s, t, k, data in g.edges(keys=True, data=True):
        assert isinstance(data.get("confidence"), float), f"edge {k}: confidence is not a float"
        assert isinstance(data.get("negated"), bool), f"edge {k}: negated is not a bool"
        assert isinstance(data.get("sentence"), int), f"edge {k}: sentence is not an int"
        assert isinstance(data.get("predicate"), str), f"edge {k}: no predicate"
    print(f"graphml: nodes={g.number_of_nodes()} edges={g.number_of_edges()}")
    return g


def check_json(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, edges="links")
    assert g.is_directed() and g.is_multigraph()
    print(f"json: nodes={g.number_of_nodes()} edges={g.number_of_edges()}")
    return g


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    g = check_graphml(argv[1])
    if len(argv) > 2:
        h = check_json(argv[2])
        assert set(g.nodes) == set(h.nodes), "GraphML and JSON have different nodes"
        assert g.number_of_edges() == h.number_of_edges(), "GraphML and JSON have different edge counts"
        for node in g.nodes:
            assert g.nodes[node]["label"] == h.nodes[node]["label"], f"label differs for {node!r}"
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
