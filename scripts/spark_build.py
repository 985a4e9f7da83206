#!/usr/bin/env python3
"""kgraph build as an Apache Spark job: extraction distributed, the result in a store or pushed.

    spark_build.py CORPUS.jsonl --store DIR [--master URL] [--kgraph BIN] [--out DIR]
    spark_build.py CORPUS.jsonl --push URL [--token T] [--master URL]
    spark_build.py CORPUS.jsonl --out DIR [--master URL]      (N-Quads only, for another store)

Stages:
  1. read CORPUS.jsonl (one document per line, as `kgraph build` reads it), number its lines;
  2. pipe each partition through `kgraph extract - --input jsonl --format nquads` on the
     executors (the binary is shipped with SparkFiles; the models are compiled into it), which
     writes each document's named graph exactly as `kgraph build` stores it;
  3. with --store: write the N-Quads partitions (--out, or a temporary directory) and
     `kgraph load` them, in corpus order, into DIR; with --push: each executor PUTs every
     document graph to the Graph Store Protocol endpoint URL (`?graph=IRI`, N-Triples), which
     replaces that graph whole. Two lines with the same text are one graph (the id is a hash
     of the text): a shuffle keeps the corpus's first copy, as `kgraph build` and `kgraph load`
     do (the later copy is "unchanged"), so every graph is PUT once and the result does not
     depend on which task finishes last.

No corpus-level stage is needed: a document's quads depend on that document only (ids are
content hashes, entity IRIs are minted per document), so partitions are independent.

A line that is not a valid document is reported (file, line, id) and counted; the job then
exits with status 2 after storing everything else, as `kgraph build` does. A kgraph process
that dies fails its task, so Spark retries it: no document is dropped silently.

Documents are recorded with source CORPUS#ID, CORPUS as given here: `kgraph build CORPUS`
with the same path string gives the same store.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request

from pyspark import AccumulatorParam, SparkFiles
from pyspark.sql import SparkSession


class ListParam(AccumulatorParam):
    """Collects the error lines of all tasks."""

    def zero(self, value):
        return []

    def addInPlace(self, a, b):
        a.extend(b)
        return a


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="JSON Lines corpus (id, title, date, url, text); any path Spark reads")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--store", help="kgraph store directory to load into (on the driver)")
    target.add_argument("--push", metavar="URL", help="Graph Store Protocol endpoint (e.g. http://host:7878/store)")
    p.add_argument("--master", default="local[2]", help="Spark master (default local[2]); under spark-submit, its --master is used")
    p.add_argument("--kgraph", default=None, help="kgraph binary (default: target/release/kgraph next to this script, or $KGRAPH_BIN)")
    p.add_argument("--out", default=None, help="keep the N-Quads partitions in this directory (must not exist; any path Spark writes); alone: only write them")
    p.add_argument("--partitions", type=int, default=None, help="input partitions (default: Spark's, at least the default parallelism)")
    p.add_argument("--base", default=None, help="base IRI, as the store's --base")
    p.add_argument("--token", default=None, help="bearer token for --push")
    p.add_argument("--max-file-mb", type=int, default=None, help="largest document, as kgraph's --max-file-mb")
    args = p.parse_args(argv)
    if not (args.store or args.push or args.out):
        p.error("give --store DIR, --push URL or --out DIR")
    if args.push and args.out:
        p.error("--out keeps the N-Quads of --store; --push sends them to the endpoint")
    return args


def default_binary():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("KGRAPH_BIN") or os.path.join(here, "..", "target", "release", "kgraph")


def filter_command(binary, corpus, args):
    cmd = [binary, "extract", "-", "--input", "jsonl", "--format", "nquads", "--numbered", "--source-name", corpus]
    if args.base:
        cmd += ["--base", args.base]
    if args.max_file_mb:
        cmd += ["--max-file-mb", str(args.max_file_mb)]
    return cmd


def make_partition_runner(command_tail, binary_name, errors, cpu_seconds):
    """The function run on each partition: numbered JSON lines in, N-Quads lines out. Adds the
    kgraph process's CPU time to `cpu_seconds` (the executors' processes are no children of
    the driver, so `time spark_build.py …` does not see it)."""

    def run(lines):
        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        proc = subprocess.Popen(
            [binary] + command_tail, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=1 << 16
        )
        stderr_lines = []

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            finally:
                proc.stdin.close()

        def drain_stderr():
            for raw in proc.stderr:
                stderr_lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

        writer = threading.Thread(target=feed, daemon=True)
        reader = threading.Thread(target=drain_stderr, daemon=True)
        writer.start()
        reader.start()
        for raw in proc.stdout:
            yield raw.decode("utf-8").rstrip("\n")
        writer.join()
        reader.join()
        _pid, wait_status, usage = os.wait4(proc.pid, 0)
        code = proc.returncode = os.waitstatus_to_exitcode(wait_status)
        cpu_seconds.add(usage.ru_utime + usage.ru_stime)
        # Per-document failures: one "kgraph: error: FILE:LINE: …" line each, exit status 2.
        failed = [l for l in stderr_lines if l.startswith("kgraph: error: ") and " documents failed (see above)" not in l]
        if code == 0 or (code == 2 and failed):
            errors.add(failed)
            return
        raise RuntimeError(f"kgraph exited with status {code}: " + " | ".join(stderr_lines[-5:]))

    return run


DOCUMENT_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgraph/ontology#Document>"


def document_graphs(partition, lines):
    """A partition's N-Quads lines as (graph IRI, ((partition, position), N-Triples lines)), one
    per document: the key orders documents as the corpus does. A document's quads are
    contiguous and led by `<doc> rdf:type kg:Document`, so a new one starts where the graph
    changes or that quad comes again (two neighbouring lines with one text: one graph twice)."""
    graph, triples, position = None, [], 0
    for line in lines:
        # "<s> <p> o <g> ." : the graph is the last term; our graphs are IRIs without spaces.
        head, g, _dot = line.rsplit(" ", 2)
        g = g[1:-1]
        if g != graph or head == f"<{g}> {DOCUMENT_TYPE}":
            if graph is not None:
                yield graph, ((partition, position), triples)
                position += 1
            graph, triples = g, []
        triples.append(head + " .")
    if graph is not None:
        yield graph, ((partition, position), triples)


def first_in_corpus(a, b):
    """Of two documents with one graph (the same text under two ids), the earlier one: as in
    `kgraph build`, where the later copy is unchanged and skipped."""
    return a if a[0] <= b[0] else b


def push_partition(url, token):
    """PUTs each (graph, (order, triples)) of a partition to a Graph Store (PUT replaces the graph)."""

    def put(graph, triples):
        body = "".join(t + "\n" for t in triples).encode("utf-8")
        target = f"{url}{'&' if '?' in url else '?'}graph={urllib.parse.quote(graph, safe='')}"
        req = urllib.request.Request(target, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(req, timeout=120) as resp:
            if resp.status >= 300:
                raise RuntimeError(f"PUT {target}: HTTP {resp.status}")

    def run(documents):
        for graph, (_order, triples) in documents:
            put(graph, triples)

    return run


def error_line_number(line):
    """Sorts error lines ("kgraph: error: FILE:LINE: …") by corpus line, whatever task ran them."""
    match = re.search(r":(\d+): ", line)
    return (int(match.group(1)) if match else 0, line)


def local_dir(path):
    return path[len("file://"):] if path.startswith("file://") else path[len("file:"):] if path.startswith("file:") else path


def main(argv):
    args = parse_args(argv)
    binary = os.path.abspath(args.kgraph or default_binary())
    if not os.access(binary, os.X_OK):
        sys.exit(f"spark_build.py: {binary}: no kgraph binary (build it with `cargo build --release` or pass --kgraph)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if not under_submit and args.master.startswith("local"):
        # One machine: the driver and its executors talk over loopback, not the host's address.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName("kgraph-build").config("spark.ui.showConsoleProgress", "false")
    # Under spark-submit (which hands us its gateway) the master is spark-submit's --master.
    if not under_submit:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.addFile(binary)
    errors = sc.accumulator([], ListParam())
    cpu_seconds = sc.accumulator(0.0)

    partitions = args.partitions or max(sc.defaultParallelism, 2)
    lines = sc.textFile(args.corpus, minPartitions=partitions)
    # Line numbers of the whole file, so sources (FILE:LINE without an id) and errors match build.
    numbered = lines.zipWithIndex().map(lambda li: f"{li[1] + 1}\t{li[0]}")
    tail = filter_command(binary, args.corpus, args)[1:]
    quads = numbered.mapPartitions(make_partition_runner(tail, os.path.basename(binary), errors, cpu_seconds))

    status = 0
    if args.push:
        # One PUT per document graph; a graph that two lines produce (the same text under two
        # ids) is pushed once, the corpus's first copy, so the endpoint ends as `build` would.
        documents = quads.mapPartitionsWithIndex(document_graphs).reduceByKey(first_in_corpus)
        documents.foreachPartition(push_partition(args.push.rstrip("/"), args.token))
    else:
        out = args.out or tempfile.mkdtemp(prefix="kgraph-spark-")
        if not args.out:
            os.rmdir(out)  # saveAsTextFile makes it
        quads.saveAsTextFile(out)
        if args.store:
            # --store loads on the driver: --out must be a directory the driver sees (local or shared).
            parts = sorted(os.path.join(local_dir(out), f) for f in os.listdir(local_dir(out)) if f.startswith("part-"))
            load = subprocess.run([binary, "load", "--store", args.store] + (["--base", args.base] if args.base else []) + parts)
            if not args.out:
                shutil.rmtree(out, ignore_errors=True)
            status = load.returncode
    spark.stop()
    print(f"spark_build.py: kgraph extract used {cpu_seconds.value:.1f} s of CPU on the executors", file=sys.stderr)
    failures = sorted(errors.value, key=error_line_number)
    for line in failures:
        print(line, file=sys.stderr)
    if failures:
        print(f"spark_build.py: {len(failures)} documents failed (see above)", file=sys.stderr)
        status = status or 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
