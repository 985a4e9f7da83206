//! Helpers shared by the end-to-end tests: the real `kgraph` binary on real files.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed() -> PathBuf {
    let dir = root().join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    files.remove(0)
}

pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// The seed article's gold fact (subject, object) of the first row at `level` whose predicate
/// alternatives include `predicate` (`../shared/gold/seed-article.tsv`). The end-to-end tests read
/// what to expect from the gold file instead of quoting the article's names.
pub fn seed_gold_pair(level: &str, predicate: &str) -> (String, String) {
    let gold = std::fs::read_to_string(shared().join("gold/seed-article.tsv")).expect("the seed article's gold file");
    gold.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|c| c.len() >= 4 && c[0] == level && c[2].split('|').any(|p| p == predicate))
        .map(|c| (c[1].to_owned(), c[3].split('|').next().unwrap_or_default().to_owned()))
        .unwrap_or_else(|| panic!("no {level} `{predicate}` row in the seed gold"))
}

/// `kgraph` with the store in `store`.
pub fn kgraph(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kgraph").unwrap();
    cmd.env("KGRAPH_STORE", store);
    cmd
}

/// Builds the seed article into a fresh store in `dir`; returns the store dir.
pub fn build_seed(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    // Run from the repository root with the relative path, as `make demo` does: the source path
    // is part of the graph, so this is what makes the exports comparable byte for byte.
    let relative = seed().strip_prefix(root()).unwrap().to_owned();
    kgraph(&store).current_dir(root()).args(["build", "--quiet"]).arg(relative).assert().success();
    store
}

pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "command failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The Python with rdflib and networkx (made by `make test`).
pub fn python() -> PathBuf {
    if let Ok(p) = std::env::var("KGRAPH_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = root().join(".venv/bin/python");
    assert!(venv.exists(), "no Python venv with rdflib/networkx: run `make test` (it creates .venv)");
    venv
}

pub fn run_python(script: &str, args: &[&Path]) -> String {
    let out = std::process::Command::new(python()).arg("-c").arg(script).args(args).output().unwrap();
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Number of triples in `kgraph stats --json`.
pub fn stats_json(store: &Path) -> serde_json::Value {
    let out = stdout(kgraph(store).args(["stats", "--json"]));
    serde_json::from_str(&out).unwrap()
}

/// Every quad of the store (ontology graph included) as N-Quads lines, sorted.
pub fn sorted_dump(store: &Path) -> Vec<String> {
    let text = stdout(kgraph(store).args(["export", "--format", "nq", "--with-ontology"]));
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.sort();
    lines
}
