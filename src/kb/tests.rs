//! The knowledge base on an in-memory store, through the real pipeline, on invented sentences.

use super::*;
use crate::graph::FactFilter;
use oxigraph::model::{GraphNameRef, NamedNode, QuadRef};
use crate::pipeline::{Inputs, Pipeline, PipelineOptions, SourceText};

fn pipeline() -> Pipeline {
    Pipeline::new(PipelineOptions::default()).unwrap()
}

fn kb_with(texts: &[(&str, &str)]) -> KnowledgeBase {
    let kb = KnowledgeBase::in_memory(DEFAULT_BASE).unwrap();
    build(&kb, texts);
    kb
}

fn build(kb: &KnowledgeBase, texts: &[(&str, &str)]) -> BuildSummary {
    let inputs = Inputs::from_texts(texts.iter().map(|(source, text)| SourceText::from_string(*source, *text)));
    kb.build(&pipeline(), inputs, &BuildOptions::default(), &mut ()).unwrap()
}

const EXPELLED: (&str, &str) = ("a.txt", "Peru expelled the ambassador of Venezuela.");
const CRITICIZED: (&str, &str) = ("b.txt", "The Chilean government criticized the decision.");

#[test]
fn the_view_is_read_once_and_dropped_by_every_write() {
    let kb = kb_with(&[EXPELLED]);
    let first = kb.view().unwrap();
    assert!(Arc::ptr_eq(&first, &kb.view().unwrap()), "the view was read twice");
    let facts = first.facts().len();
    assert!(facts >= 1);

    let summary = build(&kb, &[CRITICIZED]);
    assert_eq!((summary.added, summary.failed()), (1, 0));
    let second = kb.view().unwrap();
    assert!(!Arc::ptr_eq(&first, &second), "a build kept the old view");
    assert!(second.facts().len() > facts);
    assert_eq!(second.documents().len(), 2);

    kb.remove("b.txt").unwrap();
    assert_eq!(kb.view().unwrap().facts().len(), facts);
    kb.update("CLEAR ALL").unwrap();
    assert!(kb.view().unwrap().facts().is_empty());
}

#[test]
fn build_counts_added_unchanged_and_failed_inputs() {
    let kb = kb_with(&[EXPELLED]);
    let again = build(&kb, &[EXPELLED]);
    assert_eq!((again.added, again.unchanged), (0, 1));
    let empty = std::env::temp_dir().join(format!("kg-kb-empty-{}.txt", std::process::id()));
    std::fs::write(&empty, "").unwrap();
    let inputs = Inputs::from_paths(&[empty.clone()]).unwrap();
    let summary = kb.build(&pipeline(), inputs, &BuildOptions::default(), &mut ()).unwrap();
    std::fs::remove_file(&empty).ok();
    assert_eq!(summary.failed(), 1);
    assert!(summary.failures[0].to_string().contains("empty document"), "{}", summary.failures[0]);
    assert_eq!(summary.store.documents, 1);
}

#[test]
fn a_rebuild_analyses_only_what_the_store_does_not_hold() {
    let kb = kb_with(&[EXPELLED]);
    let facts_before = kb.view().unwrap().facts().len();
    // the held text is skipped before analysis (no sentences or facts extracted for it), the new
    // one is analysed and added, and the graph is what building both at once gives
    let again = build(&kb, &[EXPELLED, CRITICIZED]);
    assert_eq!((again.added, again.unchanged, again.documents), (1, 1, 2));
    let fresh = kb_with(&[CRITICIZED]);
    let criticized = build(&KnowledgeBase::in_memory(DEFAULT_BASE).unwrap(), &[CRITICIZED]);
    assert_eq!((again.sentences, again.facts), (criticized.sentences, criticized.facts));
    assert!(again.facts > 0);
    assert_eq!(kb.view().unwrap().facts().len(), facts_before + fresh.view().unwrap().facts().len());
    // the same text under another name is the same document
    let renamed = build(&kb, &[("c.txt", EXPELLED.1)]);
    assert_eq!((renamed.added, renamed.unchanged, renamed.facts), (0, 1, 0));
}

#[test]
fn why_entities_and_stats_answer_from_the_view() {
    let kb = kb_with(&[EXPELLED, CRITICIZED]);
    let why = kb.why("peru", Some("expels"), None, &FactFilter::default()).unwrap();
    assert_eq!(why.len(), 1);
    assert_eq!(why[0].subject, "Peru");
    assert_eq!(why[0].source.as_deref(), Some("a.txt"));
    assert!(why[0].fact.provenance.evidence.contains("expelled"));
    let err = kb.why("Atlantis", None, None, &FactFilter::default()).unwrap_err();
    assert_eq!(err.to_string(), "no fact matches subject \"Atlantis\"");

    let countries = kb.entities(Some("country")).unwrap();
    assert!(countries.iter().any(|e| e.label == "Peru"), "{countries:?}");
    assert!(matches!(kb.entities(Some("Planet")), Err(KbError::UnknownType { .. })));
    let stats = kb.stats().unwrap();
    assert_eq!(stats.store.documents, 2);
    assert_eq!(stats.edges, kb.view().unwrap().graph().edge_count());
}

#[test]
fn construct_exports_check_the_query_and_the_format() {
    let kb = kb_with(&[EXPELLED]);
    let construct = "CONSTRUCT { ?s kg:expels ?o } WHERE { ?s kg:expels ?o }";
    let mut out = Vec::new();
    kb.export_construct(construct, ExportFormat::NTriples, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    let mut out = Vec::new();
    assert!(matches!(kb.export_construct("SELECT * WHERE { ?s ?p ?o }", ExportFormat::Turtle, &mut out), Err(KbError::NotConstruct)));
    assert!(matches!(kb.export_construct(construct, ExportFormat::Dot, &mut out), Err(KbError::ConstructFormat { .. })));
    let err = kb.export_construct("CONSTRUCT {", ExportFormat::Turtle, &mut out);
    // The query guard parses first, so a syntax error comes back as its refusal.
    assert!(matches!(err, Err(KbError::Store(StoreError::QuerySyntax(_) | StoreError::Refused(crate::guard::QueryRefusal::Syntax(_))))), "{err:?}");
}

#[test]
fn main_exports_are_written_into_a_directory() {
    let kb = kb_with(&[EXPELLED, CRITICIZED]);
    let dir = std::env::temp_dir().join(format!("kg-kb-exports-{}", std::process::id()));
    let written = kb.write_exports(&dir).unwrap();
    let names: Vec<String> = written.files.iter().chain(written.skipped.iter().map(|(p, _)| p)).map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    for (name, _) in MAIN_EXPORTS {
        assert!(names.contains(&name.to_owned()), "{name} neither written nor skipped");
    }
    let mut nt = Vec::new();
    kb.export(ExportFormat::NTriples, &ExportOptions::default(), &mut nt).unwrap();
    assert_eq!(std::fs::read(dir.join("graph.nt")).unwrap(), nt);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_corpus_graph_links_from_the_index_what_the_store_scan_gives() {
    let kb = kb_with(&[
        EXPELLED,
        CRITICIZED,
        ("c.txt", "President Ilse Marrow of Ostland met Marrow's envoy. Marrow praised Ostland."),
        ("d.txt", "Ilse Marrow visited Peru. The Ostland government welcomed her."),
    ]);
    let from_index = kb.with_index(|index| index.entity_records()).unwrap();
    assert!(from_index.len() >= 6, "{from_index:?}");
    assert_eq!(from_index, kb.store().entity_records().unwrap());
}

#[test]
fn the_index_kept_by_loads_equals_one_read_from_the_store() {
    let kb = kb_with(&[EXPELLED, CRITICIZED, ("c.txt", "The minister did not visit Lima on Monday. Chile may recall its envoy.")]);
    let kept = kb.view().unwrap();
    let stats = kb.store_stats().unwrap();
    kb.invalidate_view();
    let read = kb.view().unwrap();
    assert!(!Arc::ptr_eq(&kept, &read));
    assert!(kept.facts().len() >= 3);
    assert_eq!(kept.facts(), read.facts());
    assert_eq!(kept.entities(), read.entities());
    assert_eq!(kept.documents(), read.documents());
    assert_eq!(stats, kb.store().stats().unwrap(), "counts from the index differ from the store's");
}

#[test]
fn the_index_file_is_written_by_a_build_and_trusted_only_while_it_lists_the_stores_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
        build(&kb, &[EXPELLED]);
    }
    let file = path.join(index::INDEX_FILE);
    assert!(file.exists(), "a build left no index file");
    let facts = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap().view().unwrap().facts().len();
    // A stale file (the store changed behind it) is not trusted: the view is read from the store.
    let stale = std::fs::read(&file).unwrap();
    {
        let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
        build(&kb, &[CRITICIZED]);
    }
    std::fs::write(&file, &stale).unwrap();
    let kb = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap();
    assert!(kb.view().unwrap().facts().len() > facts);
    assert_eq!(kb.stats().unwrap().store.documents, 2);
    // A SPARQL update deletes the file.
    drop(kb);
    let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
    kb.update("DELETE WHERE { GRAPH ?g { ?s <https://w3id.org/kgraph/ontology#confidence> ?c } }").unwrap();
    assert!(!file.exists(), "an update left the index file in place");
}

#[test]
fn the_store_files_stamp_changes_with_every_store_write_and_not_with_reads() {
    let (_dir, path) = store_with(&[EXPELLED]);
    let stamp = || index::files_stamp(&path, 0).unwrap();
    let before = stamp();
    let read = answers(&KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap());
    assert_eq!(stamp(), before, "a read changed the store's files");
    assert!(path.join(index::STAMP_FILE).exists(), "a read that checked the index file noted no stamp");
    // the stamp now vouches for the file: the next reader answers the same without the check
    assert_eq!(answers(&KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap()), read);
    // a write that goes around the knowledge base (the index file stays) still changes the stamp
    let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
    let opened = stamp();
    let (s, p, o) = (NamedNode::new_unchecked("urn:x:s"), NamedNode::new_unchecked("urn:x:p"), NamedNode::new_unchecked("urn:x:o"));
    kb.store().oxigraph().insert(QuadRef::new(&s, &p, &o, GraphNameRef::DefaultGraph)).unwrap();
    assert!(path.join(index::INDEX_FILE).exists());
    assert_ne!(stamp(), opened, "a store write left the stamp as it was");
}

/// Builds `texts` into a store in a new directory; returns the directory (kept alive) and the
/// store's path.
fn store_with(texts: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
    build(&kb, texts);
    (dir, path)
}

const VISITS: (&str, &str) = ("c.txt", "Peru hosted the envoy of Chile. The envoy of Chile praised Peru on Monday.");

/// Everything the read commands print, as one comparable value.
fn answers(kb: &KnowledgeBase) -> (KbStats, Vec<EntityCounts>, Vec<Explanation>, Vec<(String, f64)>, Vec<(String, f64)>, Vec<u8>) {
    let none = FactFilter::default();
    let stats = kb.stats().unwrap();
    let entities = kb.entity_counts(None, None, &none).unwrap();
    let why = kb.why("Peru", None, None, &none).unwrap();
    let pagerank = kb.rank(Ranking::PageRank, None).unwrap();
    let degree = kb.rank(Ranking::Degree, Some("Country")).unwrap();
    let mut dot = Vec::new();
    let focus = ExportOptions { focus: Some("peru".to_owned()), ..ExportOptions::default() };
    kb.export(ExportFormat::Dot, &focus, &mut dot).unwrap();
    (stats, entities, why, pagerank, degree, dot)
}

fn view_is_built(kb: &KnowledgeBase) -> bool {
    kb.view.lock().unwrap().is_some()
}

#[test]
fn reads_from_the_index_sections_answer_as_the_full_view_does() {
    let (_dir, path) = store_with(&[EXPELLED, CRITICIZED, VISITS]);
    let lazy = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap();
    let from_sections = answers(&lazy);
    assert!(!view_is_built(&lazy), "a read merged the whole view instead of reading sections");
    let full = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap();
    full.view().unwrap();
    let from_view = answers(&full);
    assert!(from_sections.2.len() >= 2, "{:?}", from_sections.2);
    assert!(from_sections.1.iter().any(|r| r.entity.label == "Peru" && r.facts >= 2 && r.documents >= 2), "{:?}", from_sections.1);
    assert_eq!(from_sections, from_view);
    assert_eq!(lazy.documents().unwrap(), full.documents().unwrap());
    assert_eq!(lazy.entities(Some("Country")).unwrap(), full.entities(Some("Country")).unwrap());
}

#[test]
fn an_unknown_focus_or_subject_gives_nothing_from_the_sections() {
    let (_dir, path) = store_with(&[EXPELLED]);
    let kb = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap();
    let err = kb.why("Atlantis", None, None, &FactFilter::default()).unwrap_err();
    assert!(matches!(err, KbError::NoFact { .. }), "{err:?}");
    let focus = ExportOptions { focus: Some("Atlantis".to_owned()), ..ExportOptions::default() };
    let err = kb.export(ExportFormat::Dot, &focus, &mut Vec::new()).unwrap_err();
    assert!(matches!(err, KbError::Focus { .. }), "{err:?}");
}

#[test]
fn a_corrupt_or_stale_index_file_is_read_again_from_the_store() {
    let (_dir, path) = store_with(&[EXPELLED, CRITICIZED]);
    let file = path.join(index::INDEX_FILE);
    let expected = answers(&KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap());
    let good = std::fs::read(&file).unwrap();
    // every byte in turn would be too slow: a few spread over the sections (the last one is in
    // the document list, which every read checks)
    for at in [20, good.len() / 5, good.len() / 2, good.len() - 3] {
        let mut bad = good.clone();
        bad[at] ^= 0x55;
        std::fs::write(&file, &bad).unwrap();
        let kb = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap();
        assert_eq!(answers(&kb), expected, "byte {at} flipped");
        drop(kb);
        if at == good.len() - 3 {
            assert_ne!(std::fs::read(&file).unwrap(), bad, "the broken file was not rewritten");
        }
    }
    // the file of another store state: a stale document list is not trusted
    let stale = std::fs::read(&file).unwrap();
    {
        let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
        build(&kb, &[VISITS]);
    }
    let fresh = answers(&KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap());
    std::fs::write(&file, &stale).unwrap();
    let kb = KnowledgeBase::open_read_only(&path, DEFAULT_BASE).unwrap();
    assert_eq!(kb.stats().unwrap().store.documents, 3);
    assert_eq!(answers(&kb), fresh);
}

/// The corpus graph's quads, sorted (N-Quads lines).
fn corpus_quads_of(kb: &KnowledgeBase) -> Vec<String> {
    let graph = crate::store::corpus::corpus_graph(kb.base());
    let mut quads: Vec<String> = kb
        .store()
        .oxigraph()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
        .map(|q| q.unwrap().to_string())
        .collect();
    quads.sort();
    quads
}

/// The reads of a store in `path` opened afresh, the same once the whole view is merged, and
/// its corpus graph.
fn reads_of(path: &std::path::Path) -> (Vec<u8>, Vec<String>) {
    let kb = KnowledgeBase::open_read_only(path, DEFAULT_BASE).unwrap();
    let none = FactFilter::default();
    let mut out = format!("{:?}\n", answers(&kb));
    for name in ["Ilse Marrow", "Marrow", "Ostland"] {
        out.push_str(&format!("{name}: {:?}\n", kb.why(name, None, None, &none).map_err(|e| e.to_string())));
    }
    let from_sections = out.clone();
    kb.view().unwrap();
    assert_eq!(format!("{:?}\n", answers(&kb)), from_sections.lines().next().unwrap().to_owned() + "\n", "sections and view disagree");
    (out.into_bytes(), corpus_quads_of(&kb))
}

#[test]
fn adding_documents_one_build_at_a_time_reads_as_building_them_at_once() {
    // the later documents change what the corpus graph says about the earlier ones (a lone
    // surname finds its one full name; a second full name makes it ambiguous again)
    let docs = [
        ("m1.txt", "Marrow praised the Ostland government on Monday. Marrow met the envoy of Peru."),
        EXPELLED,
        ("m2.txt", "President Ilse Marrow of Ostland visited Peru. Ilse Marrow praised the envoy."),
        CRITICIZED,
        ("m3.txt", "Tomas Marrow, a banker, bought the Ostland Mining Company in Lima."),
        VISITS,
    ];
    let (_all_dir, all) = store_with(&docs);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    for (i, doc) in docs.iter().enumerate() {
        let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
        build(&kb, &[*doc]);
        if i == 2 {
            // a document that fails to load leaves what the others built
            let inputs = Inputs::from_paths(&[empty.clone()]).unwrap();
            let summary = kb.build(&pipeline(), inputs, &BuildOptions::default(), &mut ()).unwrap();
            assert_eq!(summary.failed(), 1);
        }
    }
    let (one_at_a_time, corpus) = reads_of(&path);
    let (at_once, corpus_at_once) = reads_of(&all);
    // the lone surname was linked when its one full name came, then found ambiguous
    assert!(corpus.iter().any(|q| q.contains("corpus-ambiguous")), "{corpus:#?}");
    assert_eq!(String::from_utf8_lossy(&one_at_a_time), String::from_utf8_lossy(&at_once));
    assert_eq!(corpus, corpus_at_once);
    // the index file kept by the adds equals one read from the store
    let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
    kb.invalidate_view();
    drop(kb);
    assert_eq!(reads_of(&path), (one_at_a_time.clone(), corpus.clone()));
    // and a removal through the index reads as never having added the document
    let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
    kb.remove("m3.txt").unwrap();
    drop(kb);
    let without: Vec<_> = docs.iter().copied().filter(|d| d.0 != "m3.txt").collect();
    let (_dir2, fresh) = store_with(&without);
    assert_eq!(reads_of(&path), reads_of(&fresh));
}

#[test]
fn an_add_writes_the_summary_sections_a_fresh_build_writes() {
    // each add after the first takes the difference path: renumbered facts (the new document's
    // id sorts among the old ones), new nodes, new edges beside old ones between the same two
    // nodes, counts added to old entities, a lone surname folded into a full name
    let docs = [
        ("v1.txt", "Dara Quillon praised the Velmora government on Monday. Quillon met the envoy of Peru."),
        VISITS,
        ("v2.txt", "Peru hosted the envoy of Chile again. Dara Quillon of Velmora visited Peru."),
        EXPELLED,
        ("v3.txt", "The Velmora Rail Board hired Quillon. Chile praised Peru."),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let before = index::DELTA_SAVES.with(|n| n.get());
    for (i, doc) in docs.iter().enumerate() {
        let kb = KnowledgeBase::open(&path, DEFAULT_BASE).unwrap();
        build(&kb, &[*doc]);
        drop(kb);
        let (_fresh_dir, fresh) = store_with(&docs[..=i]);
        let added = index::LazyIndex::summary_bytes(&path.join(index::INDEX_FILE)).unwrap();
        let built = index::LazyIndex::summary_bytes(&fresh.join(index::INDEX_FILE)).unwrap();
        for (k, name) in ["summary", "entities", "subjects", "graph", "facts", "corpus"].iter().enumerate() {
            assert!(added[k] == built[k], "after {} adds the {name} section differs from a fresh build's", i + 1);
        }
        // (the first document names Peru as no subject, which the reads ask about)
        if i > 0 {
            assert_eq!(reads_of(&path), reads_of(&fresh), "after {} adds", i + 1);
        }
    }
    let deltas = index::DELTA_SAVES.with(|n| n.get()) - before;
    assert!(deltas >= docs.len() - 2, "only {deltas} adds took the difference path");
}

#[test]
fn the_skeleton_made_from_the_facts_is_the_built_graphs() {
    // the same two ends several times over: edges between them are ordered by their data
    let again = ("d.txt", "Peru hosted the envoy of Chile in May. Peru hosted the envoy of Chile in June. Peru has 33 million people.");
    let kb = kb_with(&[EXPELLED, CRITICIZED, VISITS, again]);
    let view = kb.view().unwrap();
    let (graph, edge_facts) = KnowledgeGraph::from_facts_traced(view.entities(), view.facts(), Default::default());
    let of_graph = index::Skeleton::of(&graph, |e| edge_facts[e] as u32);
    let of_facts = index::Skeleton::of_facts(view.entities(), view.facts(), |_| {});
    assert!(of_graph.edges.windows(2).any(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1)), "{of_graph:?}");
    assert_eq!(format!("{of_facts:?}"), format!("{of_graph:?}"));
}

/// The open relations the statements of the store use, and those the corpus graph labels.
fn open_relations_used_and_labelled(kb: &KnowledgeBase) -> (Vec<String>, Vec<String>) {
    let used = kb.store().open_relations().unwrap();
    let labelled: Vec<String> = corpus_quads_of(kb)
        .into_iter()
        .filter(|q| q.starts_with(&format!("<{}", crate::ontology::vocab::REL)) && q.contains("rdf-schema#label"))
        .map(|q| q[1..q.find('>').unwrap()].to_owned())
        .collect();
    (used, labelled)
}

#[test]
fn the_corpus_graph_labels_the_open_relations_the_documents_use_and_forgets_them_with_the_last() {
    let strolled = ("s.txt", "Nora Vint strolled past the Ostland embassy.");
    let kb = kb_with(&[strolled, EXPELLED]);
    let (used, labelled) = open_relations_used_and_labelled(&kb);
    assert!(used.iter().any(|r| r.ends_with("/stroll_past")), "{used:?}");
    assert_eq!(labelled, used);
    // the statement leaves the label to the corpus graph, the read fact has it
    let ask = |q: &str| matches!(kb.store().query(q).unwrap(), oxigraph::sparql::QueryResults::Boolean(true));
    assert!(ask("ASK { GRAPH <http://kgraph.local/graph/corpus> { rel:stroll_past rdfs:label \"stroll past\" } }"));
    assert!(!ask("ASK { GRAPH ?g { ?f rdf:predicate rel:stroll_past ; kg:predicateLabel ?l } }"));
    let view = kb.view().unwrap();
    let fact = view.facts().iter().find(|f| f.predicate.name == "stroll_past").expect("the open relation's fact");
    assert_eq!((fact.predicate.label.as_str(), fact.predicate.surface.as_str()), ("stroll past", "strolled past"));

    kb.remove("s.txt").unwrap();
    let (used, labelled) = open_relations_used_and_labelled(&kb);
    assert!(!labelled.iter().any(|r| r.ends_with("/stroll_past")), "{labelled:?}");
    assert_eq!(labelled, used);
    assert_eq!(corpus_quads_of(&kb), corpus_quads_of(&kb_with(&[EXPELLED])));
}

#[test]
fn fact_and_document_counts_from_facts_in_store_order_are_those_counted_with_sets() {
    // "Peru" takes part in facts of two documents, one of them twice
    let kb = kb_with(&[EXPELLED, CRITICIZED, VISITS]);
    let view = kb.view().unwrap();
    let facts: Vec<&Fact> = view.facts().iter().collect();
    let in_order = index::fact_counts_in_store_order(&facts);
    let with_sets = inspect::fact_counts(view.facts().iter());
    assert!(with_sets.values().any(|(n, docs)| docs.len() > 1 && *n > docs.len()), "{with_sets:?}");
    let mut got: Vec<(&str, usize, usize)> = in_order.iter().map(|(id, (n, docs, _))| (*id, *n, *docs)).collect();
    let mut want: Vec<(&str, usize, usize)> = with_sets.iter().map(|(id, (n, docs))| (*id, *n, docs.len())).collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
}

#[test]
fn the_section_hash_changes_with_any_byte_and_with_trailing_zeros() {
    // 21 bytes: two whole words and a padded tail of five
    let bytes: Vec<u8> = (0u8..21).map(|b| b.wrapping_mul(37)).collect();
    let hash = index::section_hash(&bytes);
    for at in 0..bytes.len() {
        for bit in [0x01, 0x80] {
            let mut bad = bytes.clone();
            bad[at] ^= bit;
            assert_ne!(index::section_hash(&bad), hash, "byte {at} bit {bit:#x}");
        }
    }
    // the tail is padded with zeros: a zero more, or a word of zeros more, is another input
    let mut longer = bytes.clone();
    longer.push(0);
    assert_ne!(index::section_hash(&longer), hash);
    longer.resize(24, 0);
    assert_ne!(index::section_hash(&longer), index::section_hash(&bytes[..16]));
    assert_ne!(index::section_hash(&[]), index::section_hash(&[0]));
}
