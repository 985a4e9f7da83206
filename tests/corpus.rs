//! One corpus, one graph (issue 14): the real binary builds invented articles into a store on
//! disk; entity ids come from each document alone, the corpus graph links and settles them, and
//! the queries of `ontology/README.md` return one row per entity.

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// Two people called Alex Morgan (a footballer, a senator), one article naming only "Morgan",
/// and the Senate of two countries.
const ARTICLES: &[(&str, &str)] = &[
    (
        "footballer.txt",
        "Striker Alex Morgan scored twice on Sunday. Morgan, a striker for the Harbor City club, thanked the fans. \
         Mr Morgan said the team played well.\n",
    ),
    (
        "senator.txt",
        "Senator Alex Morgan criticized the budget plan. Mr Morgan said officials ignored the farmers. \
         Officials rejected the criticism.\n",
    ),
    ("surname.txt", "Morgan praised the referees. Morgan said the referees were fair.\n"),
    (
        "us.txt",
        "The United States Senate met on Monday. The Senate approved the infrastructure bill. \
         The United States welcomed the vote, and the United States thanked the Senate.\n",
    ),
    (
        "ph.txt",
        "The Philippines hosted the summit in Manila. The Senate rejected the mining bill. \
         The Philippines defended the decision, and the Philippines thanked the Senate.\n",
    ),
];

fn write_articles(dir: &Path, order: &[usize]) -> Vec<PathBuf> {
    order
        .iter()
        .map(|&i| {
            let (name, text) = ARTICLES[i];
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            PathBuf::from(name)
        })
        .collect()
}

fn build(dir: &Path, order: &[usize]) -> PathBuf {
    let files = write_articles(dir, order);
    let store = dir.join("store");
    kgraph(&store).current_dir(dir).args(["build", "--quiet"]).args(&files).assert().success();
    store
}

fn query(store: &Path, q: &str) -> String {
    stdout(kgraph(store).args(["query", "--format", "tsv", q]))
}

/// Entities as `label<TAB>type<TAB>id` lines from `kgraph entities`.
fn entities(store: &Path) -> Vec<Vec<String>> {
    stdout(kgraph(store).arg("entities")).lines().map(|l| l.split('\t').take(3).map(str::to_owned).collect()).collect()
}

#[test]
fn two_people_of_one_name_stay_apart_and_a_lone_surname_merges_with_neither() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path(), &[0, 1, 2]);
    let people: Vec<Vec<String>> = entities(&store).into_iter().filter(|e| e[1] == "Person").collect();
    let morgans: Vec<&Vec<String>> = people.iter().filter(|e| e[0].ends_with("Alex Morgan")).collect();
    assert_eq!(morgans.len(), 2, "{people:?}");
    assert_ne!(morgans[0][2], morgans[1][2]);
    // "Morgan" alone in the third article: two candidates, so its own node, and the reason is shown
    let lone: Vec<&Vec<String>> = people.iter().filter(|e| e[0] == "Morgan").collect();
    assert_eq!(lone.len(), 1, "{people:?}");
    let explained = stdout(kgraph(&store).args(["entities", "Morgan", "--explain"]));
    assert!(explained.contains("corpus-ambiguous: Morgan could be"), "{explained}");
    // "Mr Morgan" within each article is that article's Alex Morgan: no Person "Mr Morgan"
    assert!(!people.iter().any(|e| e[0].contains("Mr ")), "{people:?}");
    // common nouns are their document's: two "officials"? only one article has them; the
    // footballer's "fans" and the senator's "farmers" are nodes of their own document
    let ids: Vec<String> = entities(&store).into_iter().filter(|e| e[1] == "Concept").map(|e| e[2].clone()).collect();
    assert!(ids.iter().all(|id| id.contains('.')), "common nouns scoped to their document: {ids:?}");
}

#[test]
fn a_lone_surname_merges_when_the_corpus_has_one_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path(), &[1, 2]);
    let people: Vec<Vec<String>> = entities(&store).into_iter().filter(|e| e[1] == "Person").collect();
    assert_eq!(people.len(), 1, "{people:?}");
    let explained = stdout(kgraph(&store).args(["entities", "Alex Morgan", "--explain"]));
    assert!(explained.contains("merged \"Morgan\" by rule corpus-surname"), "{explained}");
    let links = query(&store, "SELECT ?local ?corpus WHERE { ?local kg:sameAs ?corpus }");
    assert_eq!(links.lines().count(), 2, "one link: {links}");
}

#[test]
fn the_senate_of_two_countries_stays_apart() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path(), &[3, 4]);
    let senates = query(
        &store,
        "SELECT ?e ?label WHERE { GRAPH <http://kgraph.local/graph/corpus> { ?e rdfs:label ?label } FILTER(CONTAINS(?label, \"Senate\")) } ORDER BY ?label",
    );
    let rows: Vec<&str> = senates.lines().skip(1).collect();
    assert!(rows.iter().any(|r| r.contains("\"Senate (Philippines)\"")), "{senates}");
    assert!(!rows.iter().any(|r| r.contains("Philippines") && r.contains("United States")), "{senates}");
    let bodies: std::collections::HashSet<&str> = rows.iter().map(|r| r.split('\t').next().unwrap()).collect();
    assert!(bodies.len() >= 2, "{senates}");
}

#[test]
fn one_label_and_one_type_per_entity_whatever_the_build_order() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let forward = build(a.path(), &[0, 1, 2, 3, 4]);
    let backward = build(b.path(), &[4, 3, 2, 1, 0]);
    let dump = |store: &Path| stdout(kgraph(store).args(["export", "--format", "nq"]));
    let (x, y) = (dump(&forward), dump(&backward));
    let sorted = |s: &str| {
        let mut v: Vec<String> = s.lines().map(str::to_owned).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&x), sorted(&y), "the graph does not depend on the order of the documents");
    // The ontology README's query: one row per entity, one label and one type each (a document's
    // own plain concept states none: absent means kg:Concept), whether
    // the corpus graph states them (a corpus-wide entity: its type is the corpus graph's) or the one
    // document of a document's own node.
    let rows = query(
        &forward,
        "SELECT ?e (COUNT(DISTINCT ?label) AS ?labels) (COUNT(DISTINCT ?type) AS ?types) (COUNT(?docs) AS ?counted) WHERE { \
         ?e rdfs:label ?label . OPTIONAL { ?e a ?t } BIND(COALESCE(?t, kg:Concept) AS ?type) OPTIONAL { GRAPH <http://kgraph.local/graph/corpus> { ?e a ?docs } } \
         FILTER(STRSTARTS(STR(?e), \"http://kgraph.local/entity/\")) } GROUP BY ?e",
    );
    assert!(rows.lines().count() > 10, "{rows}");
    let one = |c: &str| c == "1" || c.starts_with("\"1\"");
    let (mut corpus_wide, mut own) = (0, 0);
    for row in rows.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert!(one(cols[1]) && one(cols[2]), "{row}");
        if one(cols[3]) { corpus_wide += 1 } else { own += 1 }
    }
    assert!(corpus_wide > 0 && own > 0, "both kinds of node: {rows}");
}

#[test]
fn two_batches_give_the_graph_of_one_build() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let whole = build(a.path(), &[4, 3, 2, 1, 0]);
    // the same articles in two `kgraph build` runs, the second run's in another order
    let first = build(b.path(), &[1, 3]);
    let files = write_articles(b.path(), &[4, 2, 0]);
    kgraph(&first).current_dir(b.path()).args(["build", "--quiet"]).args(&files).assert().success();
    assert_eq!(sorted_dump(&whole), sorted_dump(&first), "the graph does not depend on how the documents were batched");
}

/// An organisation's acronym defined in one article and used alone in another; a person named
/// by title and surname in a third.
const ALIASES: &[(&str, &str)] = &[
    (
        "authority.txt",
        "The Quillmark Freight Authority (QFA) raised its fees on Monday. The QFA said shipping costs had grown. \
         Senator Alex Morgan criticized the Quillmark Freight Authority.\n",
    ),
    ("acronym.txt", "The QFA hired two inspectors. Farmers criticized the QFA on Tuesday.\n"),
    ("title.txt", "Senator Morgan praised the inspectors. Morgan said the port was safe.\n"),
];

#[test]
fn an_acronym_and_a_title_with_a_surname_join_their_entity_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = ALIASES
        .iter()
        .map(|(name, text)| {
            std::fs::write(dir.path().join(name), text).unwrap();
            PathBuf::from(name)
        })
        .collect();
    let store = dir.path().join("store");
    kgraph(&store).current_dir(dir.path()).args(["build", "--quiet"]).args(&files).assert().success();
    let hfa = stdout(kgraph(&store).args(["entities", "Quillmark Freight", "--explain"]));
    assert!(hfa.contains("merged \"QFA\" by rule corpus-alias"), "{hfa}");
    assert_eq!(hfa.lines().filter(|l| !l.starts_with(' ')).count(), 1, "one node for the authority:\n{hfa}");
    let morgan = stdout(kgraph(&store).args(["entities", "Alex Morgan", "--explain"]));
    assert!(morgan.contains("by rule corpus-surname"), "{morgan}");
    let top = stdout(kgraph(&store).args(["entities", "--top", "5"]));
    assert!(!top.lines().any(|l| l.starts_with("inspectors\t") || l.starts_with("Farmers\t")), "common nouns ranked:\n{top}");
}
