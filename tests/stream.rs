//! The streaming filter (`kgraph extract --input jsonl --format nquads`) and `kgraph load`, end
//! to end on invented JSON Lines files: what the filter writes and `load` stores is exactly what
//! `kgraph build` stores; bad lines and foreign quads are named by file and line.

mod common;

use common::*;
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::Stdio;

const NEWS: &str = r#"{"id": "dock-1", "title": "Terminal shut", "date": "2021-11-10", "url": "https://news.example.org/dock-1", "text": "The Harbor Authority closed the northern terminal on Monday. Dockworkers criticized the decision."}
{"id": "dock-2", "title": "Mayor visits", "date": "2021-11-12", "text": "Mayor Elena Vasquez visited the port of Ravenna on Friday. She praised the dockworkers."}
{"id": "broken", "text":

{"id": "late-1", "date": "someday", "text": "Words without a day."}
{"title": "No id here", "text": "The Riverside Council approved a new budget for the library."}
"#;

/// Runs the filter on `input` as standard input, from `dir`; returns (exit code, stdout, stderr).
fn filter(dir: &Path, input: &str, source_name: &str) -> (Option<i32>, String, String) {
    let out = kgraph(&dir.join("unused"))
        .current_dir(dir)
        .args(["extract", "-", "--input", "jsonl", "--format", "nquads", "--source-name", source_name])
        .write_stdin(input)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn load(store: &Path, dir: &Path, nquads: &str) -> std::process::Output {
    kgraph(store).current_dir(dir).args(["load", "-"]).write_stdin(nquads).output().unwrap()
}

#[test]
fn the_filter_writes_what_build_stores_and_names_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("news.jsonl"), NEWS).unwrap();
    let built = dir.join("built");
    let out = kgraph(&built).current_dir(dir).args(["build", "--quiet", "news.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));

    let (code, quads, stderr) = filter(dir, NEWS, "news.jsonl");
    assert_eq!(code, Some(2), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("kgraph: error: news.jsonl:")).collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(errors[0].starts_with("kgraph: error: news.jsonl:3: not JSON"), "{stderr}");
    assert!(errors[1].starts_with("kgraph: error: news.jsonl:5: \"date\"") && errors[1].ends_with("(id \"late-1\")"), "{stderr}");
    let graphs: std::collections::BTreeSet<&str> = quads.lines().map(|l| l.rsplit(' ').nth(1).unwrap()).collect();
    assert_eq!(graphs.len(), 3, "{graphs:?}");
    // Without an id, the source is FILE:LINE, as build records it.
    assert!(quads.contains("\"news.jsonl:6\""), "no news.jsonl:6 source");

    let loaded = dir.join("loaded");
    let out = load(&loaded, dir, &quads);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 documents (3 added, 0 replaced, 0 unchanged)"));
    let (a, b) = (sorted_dump(&built), sorted_dump(&loaded));
    assert!(a.len() > 100, "{}", a.len());
    assert_eq!(a, b);

    // Loading the same quads again changes nothing.
    let out = load(&loaded, dir, &quads);
    assert!(String::from_utf8_lossy(&out.stderr).contains("(0 added, 0 replaced, 3 unchanged)"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(sorted_dump(&loaded), a);
}

#[test]
fn each_document_is_flushed_as_soon_as_it_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kgraph"))
        .args(["extract", "-", "--input", "jsonl", "--format", "nquads"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let first = NEWS.lines().next().unwrap();
    writeln!(stdin, "{first}").unwrap();
    stdin.flush().unwrap();
    // Standard input stays open: the first document's quads must come out anyway.
    let stdout = child.stdout.take().unwrap();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        std::io::BufReader::new(stdout).read_line(&mut line).unwrap();
        send.send(line).unwrap();
    });
    let got = receive.recv_timeout(std::time::Duration::from_secs(120));
    drop(stdin);
    let _ = child.wait();
    let line = got.expect("no output for a finished document while the stream was open");
    assert!(line.starts_with("<http://kgraph.local/doc/"), "{line}");
}

#[test]
fn load_refuses_quads_outside_document_graphs_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let good = NEWS.lines().next().unwrap();
    let (code, quads, stderr) = filter(dir, good, "news.jsonl");
    assert_eq!(code, Some(0), "{stderr}");
    let lines = quads.lines().count();
    for (foreign, what) in [
        ("<http://example.org/a> <http://example.org/p> <http://example.org/b> .", "default graph"),
        ("<http://example.org/a> <http://example.org/p> <http://example.org/b> <http://example.org/g> .", "<http://example.org/g>"),
        ("<http://example.org/a> <http://example.org/p> .", "not N-Quads"),
    ] {
        let file = dir.join("mixed.nq");
        std::fs::write(&file, format!("{quads}{foreign}\n")).unwrap();
        let store = dir.join(format!("store-{}", what.len()));
        let out = kgraph(&store).current_dir(dir).args(["load", "mixed.nq"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(&format!("mixed.nq:{}: ", lines + 1)) && stderr.contains(what), "{stderr}");
        let count = stdout(kgraph(&store).args(["query", "--format", "tsv", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/kgraph/ontology>) }"]));
        assert_eq!(count.lines().nth(1), Some("0"), "{count}");
    }
}

#[test]
fn a_new_version_of_a_document_replaces_the_old_one_as_build_does() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let v1 = r#"{"id": "budget", "text": "The Riverside Council approved a new budget on Tuesday."}"#;
    let v2 = r#"{"id": "budget", "text": "The Riverside Council rejected the new budget on Wednesday."}"#;
    let (built, loaded) = (dir.join("built"), dir.join("loaded"));
    for (n, version) in [v1, v2].into_iter().enumerate() {
        std::fs::write(dir.join("council.jsonl"), format!("{version}\n")).unwrap();
        kgraph(&built).current_dir(dir).args(["build", "--quiet", "council.jsonl"]).assert().success();
        let (code, quads, stderr) = filter(dir, version, "council.jsonl");
        assert_eq!(code, Some(0), "{stderr}");
        let out = load(&loaded, dir, &quads);
        let summary = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{summary}");
        let expected = if n == 0 { "(1 added, 0 replaced" } else { "(0 added, 1 replaced" };
        assert!(summary.contains(expected), "{summary}");
        assert_eq!(sorted_dump(&built), sorted_dump(&loaded));
    }
    let docs = stdout(kgraph(&loaded).args(["query", "--format", "tsv", "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"]));
    assert_eq!(docs.lines().nth(1), Some("1"), "{docs}");
}

#[test]
fn terms_build_stores_unchecked_load_back_the_same() {
    // The gazetteer's entry for this organisation carries a Wikidata placeholder that is no
    // valid IRI once prefixed; build stores it as is, so load must take it too.
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let doc = r#"{"id": "loan-1", "text": "The International Development Association approved a loan to the farmers' cooperative."}"#;
    std::fs::write(dir.join("loans.jsonl"), format!("{doc}\n")).unwrap();
    let (built, loaded) = (dir.join("built"), dir.join("loaded"));
    kgraph(&built).current_dir(dir).args(["build", "--quiet", "loans.jsonl"]).assert().success();
    let (code, quads, stderr) = filter(dir, doc, "loans.jsonl");
    assert_eq!(code, Some(0), "{stderr}");
    let out = load(&loaded, dir, &quads);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(sorted_dump(&built), sorted_dump(&loaded));
}

/// `store now holds N documents, N entities, N facts, N triples` from a build or load summary.
fn holds(summary: &str) -> &str {
    let start = summary.find("store now holds ").unwrap_or_else(|| panic!("no summary in {summary}"));
    let rest = &summary[start..];
    &rest[..rest.find(" triples").map_or(rest.len(), |e| e + " triples".len())]
}

#[test]
fn the_same_text_on_neighbouring_lines_is_stored_once_as_build_stores_it() {
    // Two lines in a row with one text (one graph: the id is a hash of the text) but their own
    // ids and titles: the filter writes that graph twice in a row. build keeps the first copy
    // (the second is unchanged); load must too, not the union of both.
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let text = "The Orrin Valley Cooperative bought two grain silos from Tessaly Mills on Monday.";
    let corpus = format!(
        "{{\"id\": \"coop-1\", \"title\": \"Silos bought\", \"date\": \"2023-03-06\", \"text\": \"{text}\"}}\n\
         {{\"id\": \"coop-2\", \"title\": \"Silos bought (corrected)\", \"date\": \"2023-03-07\", \"text\": \"{text}\"}}\n\
         {{\"id\": \"mill-3\", \"text\": \"Tessaly Mills hired forty workers in Garnet County.\"}}\n"
    );
    std::fs::write(dir.join("coop.jsonl"), &corpus).unwrap();
    let built = dir.join("built");
    let out = kgraph(&built).current_dir(dir).args(["build", "coop.jsonl"]).output().unwrap();
    let build_summary = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{build_summary}");
    assert!(build_summary.contains("(2 added, 0 replaced, 1 unchanged"), "{build_summary}");

    let (code, quads, stderr) = filter(dir, &corpus, "coop.jsonl");
    assert_eq!(code, Some(0), "{stderr}");
    let loaded = dir.join("loaded");
    let out = load(&loaded, dir, &quads);
    let load_summary = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{load_summary}");
    assert!(load_summary.contains("3 documents (2 added, 0 replaced, 1 unchanged)"), "{load_summary}");
    let (a, b) = (sorted_dump(&built), sorted_dump(&loaded));
    assert!(a.iter().any(|q| q.contains("\"coop.jsonl#coop-1\"")), "build lost the first copy");
    assert!(!b.iter().any(|q| q.contains("coop-2")), "load kept the second copy's quads");
    assert_eq!(a, b);
    // and both say the same about the store (entity types are in the corpus graph)
    assert_eq!(holds(&build_summary), holds(&load_summary));
    assert!(!holds(&load_summary).contains(" 0 entities"), "{load_summary}");
}
