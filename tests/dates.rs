//! Document dates and fact times end to end: the real binary builds invented JSON Lines and
//! Markdown-with-front-matter files into a store on disk, and SPARQL, `why`, `entities` and
//! `export` read the dates back.

mod common;

use common::*;
use std::path::{Path, PathBuf};

const JSONL: &str = r#"{"id": "port-1", "title": "Harbor terminal shut", "date": "2021-11-10", "url": "https://news.example.org/port-1", "section": "business", "text": "The Harbor Authority closed the northern terminal on Monday. Dockworkers protested the closure yesterday."}
{"id": "broken", "text":
{"id": "port-2", "title": "Terminal reopens", "date": "2021-12-20", "text": "The Harbor Authority reopened the northern terminal last week."}
"#;

const MARKDOWN: &str = "---\ntitle: Council budget\ndate: 2020-06-15\n---\n# Council budget\n\nLast week, the Riverside Council approved a new budget.\n";

/// Builds the invented files into a fresh store; the bad JSONL line fails the build (exit 2)
/// and is named, the other documents load.
fn build(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("news.jsonl"), JSONL).unwrap();
    std::fs::write(dir.join("council.md"), MARKDOWN).unwrap();
    let store = dir.join("store");
    let out = kgraph(&store).current_dir(dir).args(["build", "--quiet", "news.jsonl", "council.md"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("news.jsonl:2: not JSON"), "{stderr}");
    assert!(stderr.contains("1 of 4 documents failed"), "{stderr}");
    store
}

fn query(store: &Path, q: &str) -> String {
    stdout(kgraph(store).args(["query", "--format", "tsv", q]))
}

#[test]
fn document_dates_come_from_jsonl_and_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path());
    let docs = query(&store, "SELECT ?src ?date ?url WHERE { ?d a kg:Document ; kg:sourcePath ?src ; dcterms:date ?date . OPTIONAL { ?d dcterms:source ?url } } ORDER BY ?src");
    let rows: Vec<&str> = docs.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{docs}");
    assert!(rows[0].starts_with("\"council.md\"\t\"2020-06-15\"^^<http://www.w3.org/2001/XMLSchema#date>"), "{docs}");
    assert!(rows[1].starts_with("\"news.jsonl#port-1\"\t\"2021-11-10\"^^") && rows[1].ends_with("<https://news.example.org/port-1>"), "{docs}");
    assert!(rows[2].starts_with("\"news.jsonl#port-2\"\t\"2021-12-20\"^^"), "{docs}");
    let meta = query(&store, "SELECT ?m WHERE { ?d kg:sourcePath \"news.jsonl#port-1\" ; kg:metadata ?m } ORDER BY ?m");
    assert!(meta.contains("\"section=business\""), "{meta}");
}

#[test]
fn facts_carry_times_resolved_against_the_document_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path());
    let times = query(
        &store,
        "SELECT ?label ?start ?end WHERE { ?f kg:timeStart ?start ; kg:timeEnd ?end ; rdf:predicate ?p . OPTIONAL { ?f kg:predicateLabel ?own } OPTIONAL { ?p rdfs:label ?pl } BIND(COALESCE(?own, STR(?pl)) AS ?label) } ORDER BY ?start",
    );
    let date = |d: &str| format!("\"{d}\"^^<http://www.w3.org/2001/XMLSchema#date>");
    // "last week" of Monday 2020-06-15 is 8–14 June; "on Monday" from Wednesday 2021-11-10 is
    // 2021-11-08; "last week" from Monday 2021-12-20 is 13–19 December.
    for (start, end) in [("2020-06-08", "2020-06-14"), ("2021-11-08", "2021-11-08"), ("2021-12-13", "2021-12-19")] {
        assert!(times.contains(&format!("{}\t{}", date(start), date(end))), "{start}..{end} missing:\n{times}");
    }
    // a time of one day is its start, equal to its end (no kg:time since store format 6)
    let day = query(&store, "SELECT ?day WHERE { ?f kg:timeStart ?day ; kg:timeEnd ?day }");
    assert!(day.contains(&date("2021-11-08")), "{day}");
    assert!(!day.contains("2021-12-13"), "a week is not one day:\n{day}");
}

#[test]
fn the_readme_date_range_query_runs_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let after = &readme[readme.find("facts about X in a date range").expect("README section")..];
    let block = &after[after.find("```sparql\n").unwrap() + 10..];
    let sparql = &block[..block.find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path());
    let rows = query(&store, sparql);
    assert!(rows.contains("close") && rows.contains("northern terminal"), "{rows}");
    assert!(!rows.contains("reopen"), "a December fact is outside November:\n{rows}");
}

#[test]
fn why_entities_and_export_take_since_and_until() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path());
    let november = ["--since", "2021-11-01", "--until", "2021-11-30"];
    let why = stdout(kgraph(&store).args(["why", "Harbor Authority"]).args(november));
    assert!(why.contains("time       2021-11-08"), "{why}");
    assert!(!why.contains("reopen"), "{why}");
    let all = stdout(kgraph(&store).args(["why", "Harbor Authority"]));
    assert!(all.contains("time       2021-12-13 .. 2021-12-19"), "{all}");
    kgraph(&store).args(["why", "Harbor Authority", "--since", "2022-01-01"]).assert().failure();
    kgraph(&store).args(["why", "Harbor Authority", "--since", "someday"]).assert().failure();

    let entities = stdout(kgraph(&store).args(["entities"]).args(["--until", "2020-12-31"]));
    assert!(entities.contains("Riverside Council"), "{entities}");
    assert!(!entities.contains("Harbor Authority"), "{entities}");

    let nt = stdout(kgraph(&store).args(["export", "--format", "nt"]).args(november));
    assert!(nt.contains("2021-11-08"), "{nt}");
    assert!(!nt.contains("2021-12-13") && !nt.contains("Riverside"), "only November's facts:\n{nt}");
    let json = stdout(kgraph(&store).args(["export", "--format", "json", "--since", "2021-12-01"]));
    assert!(json.contains("reopen") && !json.contains("Riverside"), "{json}");
}

/// Two dated documents about one invented person: March's and May's.
const TWO_DATES: &str = r#"{"id": "bakery-1", "title": "Bakery opens", "date": "2022-03-02", "text": "Talia Brennick opened a bakery in Dunmore on Monday. Talia Brennick hired four bakers. Talia Brennick bought a delivery van."}
{"id": "bakery-2", "title": "Bakery closes", "date": "2022-05-10", "text": "Talia Brennick closed her bakery last week."}
"#;

/// `entities` in a period counts the facts and documents of that period, as `why` and `export`
/// list them: an entity of two dated documents has one of them until March.
#[test]
fn counts_in_a_period_are_the_period_s_own() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bakery.jsonl"), TWO_DATES).unwrap();
    let store = dir.path().join("store");
    kgraph(&store).current_dir(dir.path()).args(["build", "--quiet", "bakery.jsonl"]).assert().success();
    // up to March: the first document (its `on Monday` is the last day of February)
    let march = ["--until", "2022-03-31"];
    // (id, facts, documents) of the person's row
    let counts = |out: &str| -> (String, usize, usize) {
        let row = out.lines().find(|l| l.starts_with("Talia Brennick\t")).unwrap_or_else(|| panic!("no row:\n{out}"));
        let cols: Vec<&str> = row.split('\t').collect();
        let number = |c: &str| c.split(' ').next().unwrap().parse::<usize>().unwrap();
        (cols[2].to_owned(), number(cols[3]), number(cols[4]))
    };
    let all = counts(&stdout(kgraph(&store).args(["entities"])));
    let in_march = counts(&stdout(kgraph(&store).args(["entities"]).args(march)));
    let searched = counts(&stdout(kgraph(&store).args(["entities", "brennick"]).args(march)));
    assert_eq!(all.2, 2, "two documents in all: {all:?}");
    assert_eq!(in_march.2, 1, "one document in March: {in_march:?}");
    assert!(in_march.1 >= 1 && in_march.1 < all.1, "{in_march:?} of {all:?}");
    assert_eq!(searched, in_march);
    let in_may = counts(&stdout(kgraph(&store).args(["entities", "--since", "2022-04-01"])));
    assert_eq!(in_may.1 + in_march.1, all.1, "{in_may:?} + {in_march:?} = {all:?}");

    // `why` and `export` of the period show as many facts, from the March document only
    let why = stdout(kgraph(&store).args(["why", "Talia Brennick"]).args(march));
    assert_eq!(why.lines().filter(|l| l.contains(" —") && l.contains("→ ")).count(), in_march.1, "{why}");
    assert!(!why.contains("close"), "{why}");
    let json: serde_json::Value = serde_json::from_str(&stdout(kgraph(&store).args(["export", "--format", "json"]).args(march))).unwrap();
    let links = json["links"].as_array().unwrap();
    let id = in_march.0.as_str();
    assert_eq!(links.iter().filter(|l| l["source"] == id || l["target"] == id).count(), in_march.1, "{json}");
    let docs: std::collections::BTreeSet<&str> = links.iter().filter_map(|l| l["doc"].as_str()).collect();
    assert_eq!(docs.len(), 1, "{docs:?}");
}
