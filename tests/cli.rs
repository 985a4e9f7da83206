//! End-to-end tests of the spine: the real binary, a real store on disk, real files, real
//! Graphviz and real RDF parsers (oxigraph, rdflib, rapper, networkx).

mod common;

use common::*;
use predicates::prelude::*;
use std::path::Path;

fn query(store: &Path, q: &str, format: &str) -> String {
    stdout(kgraph(store).args(["query", "--format", format, q]))
}

#[test]
fn seed_article_builds_and_answers_sparql() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let people = query(&store, "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l } ORDER BY ?l", "tsv");
    // the two people of the gold's main event (`X meets Y`) are persons under their full names
    let (a, b) = seed_gold_pair("must", "meet");
    for name in [a, b] {
        assert!(people.contains(&format!("\"{name}\"")), "{name} missing from persons:\n{people}");
    }
    let countries = query(&store, "SELECT ?l ?wd WHERE { ?e a kg:Country ; rdfs:label ?l . OPTIONAL { ?e owl:sameAs ?wd } }", "csv");
    assert!(countries.contains("Colombia"), "{countries}");
    assert!(countries.contains("http://www.wikidata.org/entity/Q739"), "Colombia not linked to Wikidata:\n{countries}");
    // Every fact has its provenance reachable from SPARQL.
    let ask = query(
        &store,
        "ASK { GRAPH ?d { ?f rdf:subject ?s ; kg:confidence ?c ; kg:sentence ?t . ?t kg:evidence ?e ; kg:charStart ?a . ?d kg:sourcePath ?p } }",
        "table",
    );
    assert_eq!(ask.trim(), "true");
    // The document node carries source, hash and title or date.
    let doc = query(&store, "SELECT ?src ?sha WHERE { ?d a kg:Document ; kg:sourcePath ?src ; kg:sha256 ?sha }", "csv");
    assert!(doc.contains("000_001ffa98937dbb00.txt"), "{doc}");
}

#[test]
fn main_job_exports_are_byte_identical_to_the_committed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    kgraph(&store).args(["export", "--dir"]).arg(dir.path().join("exports")).assert().success();
    for name in ["graph.dot", "graph.svg", "graph.ttl", "graph.nt", "graph.graphml", "graph.json"] {
        let fresh = std::fs::read(dir.path().join("exports").join(name)).unwrap();
        let committed = std::fs::read(root().join("exports").join(name))
            .unwrap_or_else(|_| panic!("exports/{name} is not committed: run `make demo`"));
        assert!(fresh == committed, "exports/{name} differs from a fresh build: run `make demo` and commit exports/");
    }
}

#[test]
fn build_writes_exports_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    kgraph(&store).current_dir(dir.path()).args(["build", "--quiet"]).arg(seed()).assert().success();
    assert!(!dir.path().join("exports").exists(), "build wrote exports/ without being asked");
    let out = dir.path().join("out");
    kgraph(&store).current_dir(dir.path()).args(["build", "--quiet", "--export-dir"]).arg(&out).arg(seed()).assert().success();
    let nt = std::fs::read_to_string(out.join("graph.nt")).unwrap();
    assert_eq!(nt.lines().count(), stats_json(&store)["store"]["triples"].as_u64().unwrap() as usize);
}

#[test]
fn dot_renders_with_real_graphviz_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let dot = kgraph(&store).args(["export", "--format", "dot"]).output().unwrap();
    assert!(dot.status.success());
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is needed (apt-get install graphviz; `make test` installs it)");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&dot.stdout).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    // --focus keeps a neighbourhood; svg output goes through dot.
    let svg = dir.path().join("trump.svg");
    kgraph(&store).args(["export", "--focus", "Donald Trump", "--depth", "1", "-o"]).arg(&svg).assert().success();
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("Donald Trump"));
}

/// Triple count of an RDF file according to oxigraph's parser.
fn oxigraph_count(path: &Path, format: oxigraph::io::RdfFormat) -> usize {
    let bytes = std::fs::read(path).unwrap();
    oxigraph::io::RdfParser::from_format(format).for_slice(&bytes).map(|q| q.unwrap()).count()
}

#[test]
fn rdf_exports_parse_back_in_oxigraph_rdflib_and_rapper() {
    use oxigraph::io::RdfFormat;
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let expected = stats_json(&store)["store"]["triples"].as_u64().unwrap() as usize;
    assert!(expected > 50, "suspiciously few triples: {expected}");
    for (ext, format, rdflib) in [
        ("ttl", RdfFormat::Turtle, "turtle"),
        ("nt", RdfFormat::NTriples, "nt"),
        ("jsonld", RdfFormat::JsonLd { profile: Default::default() }, "json-ld"),
        ("rdf", RdfFormat::RdfXml, "xml"),
    ] {
        let file = dir.path().join(format!("graph.{ext}"));
        kgraph(&store).args(["export", "-o"]).arg(&file).assert().success();
        assert_eq!(oxigraph_count(&file, format), expected, "oxigraph count for .{ext}");
        let n = run_python(
            "import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format=sys.argv[2]); print(len(g))",
            &[&file, Path::new(rdflib)],
        );
        assert_eq!(n.parse::<usize>().unwrap(), expected, "rdflib count for .{ext}");
    }
    let ttl = dir.path().join("graph.ttl");
    let rapper = std::process::Command::new("rapper").args(["-i", "turtle", "-c"]).arg(&ttl).output().expect("rapper (raptor2-utils) is needed; `make test` installs it");
    assert!(rapper.status.success(), "rapper rejected our Turtle: {}", String::from_utf8_lossy(&rapper.stderr));
    assert!(String::from_utf8_lossy(&rapper.stderr).contains(&format!("returned {expected} triples")), "{}", String::from_utf8_lossy(&rapper.stderr));
    // Datasets keep the named graphs.
    let nq = dir.path().join("graph.nq");
    kgraph(&store).args(["export", "-o"]).arg(&nq).assert().success();
    let quads = std::fs::read_to_string(&nq).unwrap();
    assert!(
        quads.lines().all(|l| l.contains("<http://kgraph.local/doc/") || l.ends_with("<http://kgraph.local/graph/corpus> .")),
        "every data quad is in a document graph or the corpus graph"
    );
    assert!(quads.lines().any(|l| l.ends_with("<http://kgraph.local/graph/corpus> .")), "the corpus graph is exported");
}

#[test]
fn graphml_json_and_csv_load_in_networkx_with_the_stats_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let stats = stats_json(&store);
    let (nodes, edges) = (stats["graph"]["nodes"].as_u64().unwrap(), stats["graph"]["edges"].as_u64().unwrap());
    assert!(nodes > 5 && edges > 5, "{stats}");
    let graphml = dir.path().join("g.graphml");
    kgraph(&store).args(["export", "-o"]).arg(&graphml).assert().success();
    let got = run_python("import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())", &[&graphml]);
    assert_eq!(got, format!("{nodes} {edges}"));
    let json = dir.path().join("g.json");
    kgraph(&store).args(["export", "-o"]).arg(&json).assert().success();
    let got = run_python(
        "import sys, json, networkx as nx; g = nx.node_link_graph(json.load(open(sys.argv[1])), edges='links'); print(g.number_of_nodes(), g.number_of_edges())",
        &[&json],
    );
    assert_eq!(got, format!("{nodes} {edges}"));
    let csv = dir.path().join("g.csv");
    kgraph(&store).args(["export", "-o"]).arg(&csv).assert().success();
    let node_csv = std::fs::read_to_string(dir.path().join("g_nodes.csv")).unwrap();
    let edge_csv = std::fs::read_to_string(dir.path().join("g_edges.csv")).unwrap();
    assert!(node_csv.starts_with("id:ID"), "{node_csv}");
    assert!(edge_csv.starts_with(":START_ID"), "{edge_csv}");
}

#[test]
fn reingest_is_idempotent_and_a_changed_file_replaces_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let before = stats_json(&store)["store"].clone();
    kgraph(&store).args(["build", "--no-export"]).arg(seed()).assert().success().stderr(predicate::str::contains("1 unchanged"));
    assert_eq!(stats_json(&store)["store"], before);

    let doc = dir.path().join("note.txt");
    std::fs::write(&doc, "Colombia restarted glyphosate fumigation in 2026.\n").unwrap();
    kgraph(&store).args(["build", "--no-export"]).arg(&doc).assert().success();
    let docs = stats_json(&store)["store"]["documents"].as_u64().unwrap();
    assert_eq!(docs, 2);
    std::fs::write(&doc, "Venezuela expelled the ambassador of Peru.\n").unwrap();
    kgraph(&store).args(["build", "--no-export"]).arg(&doc).assert().success().stderr(predicate::str::contains("1 replaced"));
    assert_eq!(stats_json(&store)["store"]["documents"].as_u64().unwrap(), 2);
    let evidence = query(&store, "SELECT ?e WHERE { ?f kg:evidence ?e }", "tsv");
    assert!(!evidence.contains("glyphosate fumigation in 2026"), "old version's facts survived:\n{evidence}");

    kgraph(&store).args(["remove"]).arg(&doc).assert().success();
    assert_eq!(stats_json(&store)["store"], before);
}

#[test]
fn why_entities_path_and_rank_explain_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let (host, guest) = seed_gold_pair("must", "meet");
    let why = stdout(kgraph(&store).args(["why", guest.as_str()]));
    assert!(why.contains("evidence"), "{why}");
    assert!(why.contains("000_001ffa98937dbb00.txt"), "{why}");
    let entities = stdout(kgraph(&store).args(["entities", "--type", "Person"]));
    assert!(entities.contains(&format!("{host}\tPerson")), "{entities}");
    let surname = host.rsplit(' ').next().unwrap();
    assert!(!entities.lines().any(|l| l.starts_with(&format!("{surname}\t"))), "{surname} split from {host}:\n{entities}");
    let rank = stdout(kgraph(&store).args(["rank", "--top", "5"]));
    assert_eq!(rank.lines().count(), 5, "{rank}");
    kgraph(&store).args(["path", host.as_str(), guest.as_str()]).assert().success();
    kgraph(&store)
        .args(["entities", "--type", "Planet"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown type \"Planet\""));
}

// ---- bad input: one-line errors naming the file, non-zero exit, the store left intact ----

fn fails_with(cmd: &mut assert_cmd::Command, needle: &str) {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "expected failure, stderr: {err}");
    assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gets_clear_errors_and_never_hurts_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let snapshot = || query(&store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", "tsv");
    let before = snapshot();
    let d = dir.path();

    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("missing.txt")), "missing.txt: no such file");
    std::fs::create_dir(d.join("empty")).unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("empty")), "holds no text files");
    std::fs::write(d.join("bin.txt"), b"\x7fELF\x02\x01\x00\x00binary").unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("bin.txt")), "bin.txt: looks like a binary file");
    std::fs::write(d.join("latin1.txt"), b"Bogot\xe1 is the capital.\n").unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("latin1.txt")), "latin1.txt:1:6: invalid UTF-8");
    std::fs::write(d.join("blank.txt"), "\n  \n").unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("blank.txt")), "blank.txt: empty document");
    let big = std::fs::File::create(d.join("big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("big.txt")), "big.txt: 52428800 bytes is over");
    fails_with(kgraph(&store).args(["query", "SELECT ?x WHERE { ?x"]), "SPARQL syntax error");
    std::fs::write(d.join("bad.rq"), "SELECT * WHERE {\n  ?s ?p \n").unwrap();
    fails_with(kgraph(&store).args(["query", "--file"]).arg(d.join("bad.rq")), "SPARQL syntax error");
    fails_with(kgraph(&store).args(["export", "--format", "pdf"]), "unknown export format");
    fails_with(kgraph(&store).args(["export", "-o"]).arg(d.join("x.docx")), "x.docx");

    // A mix of good and bad files: the good one loads, the bad one is reported, exit non-zero.
    std::fs::write(d.join("good.txt"), "Peru expelled the ambassador of Venezuela.\n").unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(d.join("good.txt")).arg(d.join("bin.txt")), "bin.txt");
    kgraph(&store).args(["remove"]).arg(d.join("good.txt")).assert().success();
    assert_eq!(snapshot(), before, "the store changed after failed ingests");
}

#[test]
fn locked_corrupt_and_foreign_stores_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    // Another process holds the store (as `kgraph serve` does): build must refuse, clearly.
    let lock = std::fs::OpenOptions::new().write(true).open(store.join("kgraph.lock")).unwrap();
    lock.try_lock_shared().unwrap();
    fails_with(kgraph(&store).args(["build", "--no-export"]).arg(seed()), "in use by another process");
    drop(lock);

    let wrong = dir.path().join("wrong");
    std::fs::create_dir(&wrong).unwrap();
    std::fs::write(wrong.join("kgraph-store.json"), "{\"format_version\": 999}").unwrap();
    fails_with(kgraph(&wrong).args(["stats"]), "format version 999");
    std::fs::write(wrong.join("kgraph-store.json"), "garbage").unwrap();
    fails_with(kgraph(&wrong).args(["stats"]), "corrupt store");
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    fails_with(kgraph(&foreign).args(["build", "--no-export"]).arg(seed()), "not a kgraph store");
    fails_with(kgraph(&dir.path().join("nowhere")).args(["stats"]), "no kgraph store here");
    // Damaged RocksDB files: a clear error, not a panic.
    let broken = dir.path().join("broken");
    copy_dir(&store, &broken);
    for entry in std::fs::read_dir(&broken).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with("CURRENT") {
            std::fs::write(&p, "garbage\n").unwrap();
        }
    }
    fails_with(kgraph(&broken).args(["stats"]), "store");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn extract_tsv_has_the_columns_scorers_read() {
    let out = stdout(assert_cmd::Command::cargo_bin("kgraph").unwrap().args(["extract", "--format", "tsv"]).arg(seed()));
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    for col in ["subject", "predicate", "object", "confidence", "doc", "paragraph", "sentence", "start", "end", "negated", "modality", "evidence"] {
        assert!(header.contains(&col), "missing column {col}");
    }
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() > 10, "only {} facts", rows.len());
    let para = header.iter().position(|c| *c == "paragraph").unwrap();
    assert!(rows.iter().all(|r| r.len() == header.len()));
    assert!(rows.iter().all(|r| (1..=15).contains(&r[para].parse::<usize>().unwrap())));
    // stdin works too
    let text = std::fs::read_to_string(seed()).unwrap();
    let from_stdin = stdout(assert_cmd::Command::cargo_bin("kgraph").unwrap().args(["extract", "--format", "jsonl", "-"]).write_stdin(text));
    assert_eq!(from_stdin.lines().count(), rows.len());
}

#[test]
fn every_sparql_example_in_the_ontology_readme_runs_on_the_seed_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let readme = std::fs::read_to_string(root().join("ontology/README.md")).unwrap();
    let blocks: Vec<&str> = readme.split("```sparql").skip(1).map(|b| b.split("```").next().unwrap()).collect();
    assert!(blocks.len() >= 3, "ontology/README.md should have at least three SPARQL examples");
    for q in &blocks {
        let out = query(&store, q, "tsv");
        assert!(out.lines().next().is_some(), "no header for query:\n{q}");
    }
    let opposes = blocks.iter().find(|q| q.contains("?who ?what ?evidence")).expect("the 'who opposes what' example");
    let out = query(&store, opposes, "tsv");
    let (who, what) = seed_gold_pair("must", "oppose");
    assert!(out.contains(&who), "{who}: {out}");
    assert!(out.contains(&what), "{what}: {out}");
}

#[test]
fn the_ontology_parses_in_rdflib_and_oxigraph() {
    let ttl = root().join("ontology/kgraph.ttl");
    let out = run_python(&std::fs::read_to_string(root().join("tests/interop/check_ontology.py")).unwrap(), &[&ttl]);
    let n: usize = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert_eq!(n, oxigraph_count(&ttl, oxigraph::io::RdfFormat::Turtle), "rdflib and oxigraph disagree: {out}");
    let listing = stdout(assert_cmd::Command::cargo_bin("kgraph").unwrap().arg("ontology"));
    assert!(listing.contains("opposes"), "{listing}");
}

#[test]
fn a_user_lexicon_entry_changes_the_output_without_recompiling() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("news.txt");
    std::fs::write(&text, "Peru lambasted Chile.\n").unwrap();
    let extract = |extra: &[&std::ffi::OsStr]| {
        stdout(assert_cmd::Command::cargo_bin("kgraph").unwrap().args(["extract", "--format", "tsv"]).args(extra).arg(&text))
    };
    let before = extract(&[]);
    assert!(before.contains("https://w3id.org/kgraph/rel/lambast"), "{before}");
    let user = dir.path().join("my-ontology");
    std::fs::create_dir(&user).unwrap();
    std::fs::write(user.join("lexicon-user.tsv"), "lambast\tkg:criticizes\tso\n").unwrap();
    let after = extract(&["--ontology".as_ref(), user.as_os_str()]);
    assert!(after.contains("https://w3id.org/kgraph/ontology#criticizes"), "{after}");
    // --strict drops what the ontology does not know.
    let strict = stdout(assert_cmd::Command::cargo_bin("kgraph").unwrap().args(["extract", "--strict", "--format", "tsv"]).arg(&text));
    assert_eq!(strict.lines().count(), 1, "{strict}");
}

#[test]
fn seed_graph_answers_the_users_normalised_questions() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_seed(dir.path());
    let opposes = query(&store, "SELECT ?s ?o WHERE { ?x kg:opposes ?y . ?x rdfs:label ?s . ?y rdfs:label ?o }", "tsv");
    let (who, what) = seed_gold_pair("must", "oppose");
    assert!(opposes.contains(&format!("\"{who}\"\t\"{what}\"")), "{opposes}");
    let revokes = query(&store, "SELECT ?s ?o WHERE { ?x kg:revokes ?y . ?x rdfs:label ?s . ?y rdfs:label ?o }", "tsv");
    assert!(revokes.contains("\"United States\"") && revokes.contains("visa"), "{revokes}");
}
