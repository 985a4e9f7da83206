#!/usr/bin/env python3
"""The peer side of scripts/bench-peer.sh: spaCy en_core_web_sm + the dependency rules of
../shared/tools/spacy_peer.py (mode `dep`), end to end on raw text (spaCy's own tokenizer and
sentence splitter), one process, one thread.

Usage: peer_bench.py CORPUS.jsonl [--docs N] [--peer ../shared/tools/spacy_peer.py]
Prints one line: `peer docs=D words=W extractions=E cpu_s=C wall_s=S words_per_cpu_s=R`
(words: whitespace-separated words of the `text` fields; CPU: this process's user + system time
for the pipe and the rules, model load excluded).
"""
import argparse
import importlib.util
import json
import os
import sys
import time


def load_peer(path):
    spec = importlib.util.spec_from_file_location("spacy_peer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_texts(path, limit):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
                if limit and len(texts) >= limit:
                    break
    return texts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--peer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "spacy_peer.py"))
    a = ap.parse_args()
    peer = load_peer(a.peer)
    import spacy

    nlp = spacy.load(peer.DEFAULT_MODEL)
    texts = read_texts(a.corpus, a.docs)
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts[:5]):
        pass  # warm-up: first-call allocations, as kgraph's model load is not timed either
    cpu0, wall0 = time.process_time(), time.perf_counter()
    extractions = sum(len(peer.extract_dep(doc)) for doc in nlp.pipe(texts, batch_size=64))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"peer docs={len(texts)} words={words} extractions={extractions} cpu_s={cpu:.2f} wall_s={wall:.2f} "
          f"words_per_cpu_s={words / cpu:.0f}")


if __name__ == "__main__":
    sys.exit(main())
