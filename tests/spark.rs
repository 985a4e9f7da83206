//! The Spark job (scripts/spark_build.py) on the real PySpark engine, `local[2]`: the store it
//! loads holds exactly the quads `kgraph build` stores from the same JSON Lines file, and a bad
//! line is reported by line number while the other documents load.
//!
//! Needs Java and PySpark in the test Python (`make test` installs both through
//! scripts/ensure-deps.sh --python). Without Java the test prints why and skips — except in CI
//! (`CI` set), where that is a failure.

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
    Command::new(python)
        .current_dir(cwd)
        .arg(root().join("scripts/spark_build.py"))
        .arg(corpus)
        .arg("--store")
        .arg(store)
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
