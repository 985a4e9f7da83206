//! End-to-end: a store built one document at a time (adds, a removal and the document added
//! again, a damaged view index file) answers every read command as a fresh build of the same
//! files does. Invented articles; the real binary on real stores.

mod common;

use common::*;
use std::path::Path;

/// Three invented articles whose later ones change what the corpus graph says about the earlier
/// ones' entities (a lone surname meets its full name; an organisation is named again).
const DOCS: [(&str, &str); 3] = [
    ("a.txt", "Vellin praised the Ostrava Water Board on Monday. Vellin met the envoy of Peru in Lima."),
    ("b.txt", "Senator Mara Vellin of Ostland visited the Ostrava Water Board. Mara Vellin praised its director."),
    ("c.txt", "Tobin Harrowgate, a banker, bought the Kestrel Valley Rail Company. Harrowgate praised Mara Vellin."),
];

/// Writes the articles into `dir`.
fn write_docs(dir: &Path) {
    for (name, text) in DOCS {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// `kgraph ARGS` on `store`, run in `docs` (sources are stored by the path given): its exit
/// status and standard output.
fn run(store: &Path, docs: &Path, args: &[&str]) -> String {
    let out = kgraph(store).current_dir(docs).args(args).output().unwrap();
    format!("{:?}\n{}", out.status.code(), String::from_utf8_lossy(&out.stdout))
}

fn build(store: &Path, docs: &Path, names: &[&str]) {
    kgraph(store).current_dir(docs).args(["build", "--quiet"]).args(names).assert().success();
}

/// What the read commands print: stats, the top entities, why, the ranking, a focused export and
/// a SELECT over the default graph.
fn reads(store: &Path, docs: &Path) -> String {
    let dot = docs.join(format!("focus-{}.dot", store.file_name().unwrap().to_string_lossy()));
    let mut out = String::new();
    out += &run(store, docs, &["stats"]);
    out += &run(store, docs, &["entities", "--top", "20"]);
    out += &run(store, docs, &["why", "Mara Vellin"]);
    out += &run(store, docs, &["rank", "--top", "10"]);
    out += &run(store, docs, &["export", "--focus", "Mara Vellin", "--depth", "1", "-o", dot.to_str().unwrap()]);
    out += &std::fs::read_to_string(&dot).unwrap_or_default();
    out += &run(store, docs, &["query", "--format", "tsv", "SELECT ?s ?p ?o WHERE { ?s rdfs:label \"Mara Vellin\" ; ?p ?o } ORDER BY ?s ?p ?o"]);
    // the whole corpus graph (an add relinks only the entities the new document's names touch)
    let corpus = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRENDS(STR(?g), \"graph/corpus\")) } ORDER BY ?s ?p ?o";
    out += &run(store, docs, &["query", "--format", "tsv", corpus]);
    out
}

#[test]
fn adds_a_removal_and_a_damaged_index_read_as_a_fresh_build() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path();
    write_docs(docs);
    let fresh = docs.join("fresh");
    build(&fresh, docs, &["a.txt", "b.txt", "c.txt"]);
    let expected = reads(&fresh, docs);
    assert!(expected.contains("Mara Vellin"), "{expected}");

    let added = docs.join("added");
    for name in ["a.txt", "b.txt", "c.txt"] {
        build(&added, docs, &[name]);
    }
    assert_eq!(reads(&added, docs), expected, "added one at a time");

    // removed, then added again
    kgraph(&added).current_dir(docs).args(["remove", "b.txt"]).assert().success();
    assert_ne!(reads(&added, docs), expected, "the removal changed nothing");
    build(&added, docs, &["b.txt"]);
    assert_eq!(reads(&added, docs), expected, "removed and added again");

    // a damaged byte in each part of the view index file: the reads come from the store again,
    // and an add after it is as good as a fresh build
    let file = added.join("kgraph-view.bin");
    let good = std::fs::read(&file).unwrap();
    for at in [good.len() / 3, good.len() / 2, good.len() - 5] {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        std::fs::write(&file, &bad).unwrap();
        assert_eq!(reads(&added, docs), expected, "byte {at} damaged");
    }
    std::fs::write(docs.join("d.txt"), "The Kestrel Valley Rail Company opened a depot in Lindmoor on Friday.").unwrap();
    let mut bad = std::fs::read(&file).unwrap();
    let middle = bad.len() / 2;
    bad[middle] ^= 0x5a;
    std::fs::write(&file, &bad).unwrap();
    build(&added, docs, &["d.txt"]);
    build(&fresh, docs, &["d.txt"]);
    assert_eq!(reads(&added, docs), reads(&fresh, docs), "an add over a damaged index");
}
