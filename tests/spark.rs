//! The Spark job (scripts/spark_build.py) on the real PySpark engine, `local[2]`: the store it
//! loads holds exactly the quads `kgraph build` stores from the same JSON Lines file, and a bad
//! line is reported by line number while the other documents load.
//!
//! With `--push`, the job sends every document graph to a real Graph Store Protocol endpoint
//! (`oxigraph serve`), which then holds exactly the document graphs `kgraph build` stores.
//!
//! Needs Java and PySpark in the test Python, and the `oxigraph` server in .venv (`make test`
//! installs them through scripts/ensure-deps.sh --python --server). Without Java the tests print
//! why and skip — except in CI (`CI` set), where that is a failure.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const WIKINEWS: &str = "../shared/corpora/news/wikinews-2019-2020.jsonl";

/// The Python with PySpark, or None (with the reason printed) where Java is missing.
fn spark_python() -> Option<PathBuf> {
    let java = Command::new("java").arg("-version").output();
    if java.is_err() {
        assert!(std::env::var_os("CI").is_none(), "no `java` in CI: scripts/ensure-deps.sh --python installs it");
        eprintln!("SKIPPED: no `java` on PATH, so PySpark cannot start (install openjdk-17-jre-headless, or run `make test`)");
        return None;
    }
    let python = python();
    let ok = Command::new(&python).args(["-c", "import pyspark"]).status().is_ok_and(|s| s.success());
    assert!(ok, "{}: no pyspark; run scripts/ensure-deps.sh --python", python.display());
    Some(python)
}

/// Runs the Spark job from `cwd` on `corpus` (as given) into `store`.
fn spark_build(python: &Path, cwd: &Path, corpus: &str, store: &Path) -> std::process::Output {
    spark_job(python, cwd, corpus, &["--store".as_ref(), store.as_os_str()])
}

/// Runs the Spark job from `cwd` on `corpus` with `target` (`--store DIR` or `--push URL`).
fn spark_job(python: &Path, cwd: &Path, corpus: &str, target: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(python)
        .current_dir(cwd)
        .arg(root().join("scripts/spark_build.py"))
        .arg(corpus)
        .args(target)
        .args(["--master", "local[2]", "--kgraph"])
        .arg(assert_cmd::cargo::cargo_bin("kgraph"))
        .output()
        .unwrap()
}

#[test]
fn the_spark_job_stores_exactly_what_build_stores() {
    let Some(python) = spark_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Both read the corpus by the same path string: it is part of every document's source.
    let built = dir.path().join("built");
    kgraph(&built).current_dir(root()).args(["build", "--quiet", WIKINEWS]).assert().success();
    let sparked = dir.path().join("sparked");
    let out = spark_build(&python, &root(), WIKINEWS, &sparked);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("293 documents (293 added, 0 replaced, 0 unchanged)"), "{stderr}");
    let (a, b) = (sorted_dump(&built), sorted_dump(&sparked));
    assert!(a.len() > 100_000, "{}", a.len());
    assert_eq!(a.len(), b.len());
    assert!(a == b, "the stores differ: {:?}", a.iter().zip(&b).find(|(x, y)| x != y));
}

#[test]
fn the_spark_job_reports_a_bad_line_and_loads_the_rest() {
    let Some(python) = spark_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let corpus = [
        r#"{"id": "mill-1", "text": "The Northfield Mill hired forty workers in March."}"#,
        r#"{"id": "mill-2", "date": "not a day", "text": "The mill closed."}"#,
        r#"{"id": "mill-3", "text": "Governor Ana Ruiz opened the new bridge over the Kessel River."}"#,
    ];
    std::fs::write(dir.path().join("mills.jsonl"), corpus.join("\n") + "\n").unwrap();
    let store = dir.path().join("store");
    let out = spark_build(&python, dir.path(), "mills.jsonl", &store);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("kgraph: error: mills.jsonl:2: \"date\"") && stderr.contains("(id \"mill-2\")"), "{stderr}");
    assert!(stderr.contains("1 documents failed"), "{stderr}");
    let docs = stdout(kgraph(&store).args(["query", "--format", "tsv", "SELECT ?s WHERE { ?d a kg:Document ; kg:sourcePath ?s } ORDER BY ?s"]));
    assert_eq!(docs.lines().skip(1).collect::<Vec<_>>(), ["\"mills.jsonl#mill-1\"", "\"mills.jsonl#mill-3\""], "{docs}");
}

/// An `oxigraph serve` on a free loopback port, stopped when dropped.
struct OxigraphServer {
    child: std::process::Child,
    port: u16,
}

impl OxigraphServer {
    fn start(dir: &Path) -> OxigraphServer {
        // the `oxigraph` wheel's binary sits beside the venv's Python
        let binary = python().parent().unwrap().join("oxigraph");
        assert!(binary.exists(), "{} missing: run scripts/ensure-deps.sh --server", binary.display());
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(binary)
            .args(["serve", "--location"])
            .arg(dir)
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "oxigraph serve does not listen on {port}");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        OxigraphServer { child, port }
    }

    fn store_url(&self) -> String {
        format!("http://127.0.0.1:{}/store", self.port)
    }
}

impl Drop for OxigraphServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The quads of document graphs (`…/doc/ID`) in N-Quads text, whatever its spacing and escapes.
fn document_quads(nquads: &str) -> std::collections::BTreeSet<String> {
    oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(nquads.as_bytes())
        .map(|q| q.unwrap())
        .filter(|q| matches!(&q.graph_name, oxigraph::model::GraphName::NamedNode(g) if g.as_str().contains("/doc/")))
        .map(|q| q.to_string())
        .collect()
}

#[test]
fn the_spark_job_pushes_what_build_stores_to_a_graph_store() {
    let Some(python) = spark_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Invented documents; three lines have one text under three ids (one graph): the first two
    // are neighbours, the last lies in the other Spark partition. The endpoint must hold the
    // first copy only, as build does (the others are unchanged there), not a union or the last.
    let same = "Councillor Ines Marlow opened the Tarrow Valley seed bank on Tuesday.";
    let corpus = [
        format!(r#"{{"id": "seed-1", "title": "Seed bank opens", "date": "2022-04-05", "text": "{same}"}}"#),
        format!(r#"{{"id": "seed-2", "title": "Seed bank opens (update)", "date": "2022-04-06", "text": "{same}"}}"#),
        r#"{"id": "ferry-3", "date": "2022-04-06", "text": "The Calloway Ferry Company cancelled its night crossings. Captain Odo Brenn said the \"old\" engines failed — again."}"#.to_owned(),
        r#"{"id": "school-4", "url": "https://news.example.org/school-4", "text": "Principal Sada Ruiz of the Hollin Street School praised the new library in Kestrel Bay."}"#.to_owned(),
        format!(r#"{{"id": "seed-5", "title": "Seed bank, again", "date": "2022-04-09", "text": "{same}"}}"#),
    ];
    std::fs::write(dir.path().join("valley.jsonl"), corpus.join("\n") + "\n").unwrap();
    let built = dir.path().join("built");
    kgraph(&built).current_dir(dir.path()).args(["build", "--quiet", "valley.jsonl"]).assert().success();
    let server = OxigraphServer::start(&dir.path().join("oxigraph"));

    let url = server.store_url();
    let out = spark_job(&python, dir.path(), "valley.jsonl", &["--push".as_ref(), url.as_ref(), "--partitions".as_ref(), "2".as_ref()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let fetch = "import sys, urllib.request as u; \
                 sys.stdout.buffer.write(u.urlopen(u.Request(sys.argv[1], headers={'Accept': 'application/n-quads'})).read())";
    let remote = Command::new(&python).args(["-c", fetch, &url]).output().unwrap();
    assert!(remote.status.success(), "{}", String::from_utf8_lossy(&remote.stderr));
    let remote = String::from_utf8(remote.stdout).unwrap();
    assert_eq!(document_quads(&remote).len(), remote.lines().filter(|l| !l.trim().is_empty()).count(), "the job pushed a graph that is no document's");
    let remote = document_quads(&remote);
    // build's document graphs (the push sends neither the ontology nor the corpus graph)
    let local = document_quads(&stdout(kgraph(&built).args(["export", "--format", "nq"])));
    assert!(local.len() > 50, "{}", local.len());
    assert!(remote.iter().any(|q| q.contains("\"valley.jsonl#seed-1\"")), "the first copy of the shared text is not at the endpoint");
    assert!(!remote.iter().any(|q| q.contains("seed-2") || q.contains("seed-5")), "a later copy of the shared text is at the endpoint");
    assert_eq!(remote.len(), local.len(), "only at the endpoint: {:?}; only in build: {:?}", remote.difference(&local).next(), local.difference(&remote).next());
    assert!(remote == local);
}
