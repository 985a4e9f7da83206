use super::*;
use crate::document::*;

fn entity(id: &str, label: &str, kind: EntityType) -> Entity {
    Entity { id: id.into(), label: label.into(), kind, aliases: vec![], wikidata: None, merges: vec![] }
}

fn fact(s: &str, p: &str, o: &str, negated: bool) -> Fact {
    Fact {
        subject: s.into(),
        predicate: Predicate {
            name: p.into(),
            iri: format!("{}{p}", vocab::KG),
            label: p.into(),
            surface: format!("{p}d"),
            normalized: true,
        },
        object: FactObject::Entity(o.into()),
        object_text: None,
        qualifiers: vec![Qualifier { key: "date".into(), value: "2026-02-03".into(), literal: None }],
        negated,
        modality: Modality::Asserted,
        attribution: None,
        provenance: Provenance {
            doc: String::new(),
            paragraph: 1,
            sentence: 0,
            span: Span::new(0..10, 0..10),
            evidence: "Quillen opposed \"spraying\".".into(),
            extractor: "test".into(),
            confidence: 0.75,
        },
        notes: vec![],
        time: None,
    }
}

fn doc(text: &str) -> Document {
    crate::source::SourceText::from_string("a.txt", text).into_document()
}

/// A record of `doc` holding `facts` as (sentence, fact number, subject).
fn record(doc: &str, facts: &[(usize, usize, &str)]) -> read::DocumentRecord {
    let facts = facts
        .iter()
        .map(|&(sentence, number, subject)| {
            let mut f = fact(subject, "opposes", "spraying", false);
            f.provenance.doc = doc.into();
            f.provenance.sentence = sentence;
            f.notes = vec![format!("fact/{number}")];
            f
        })
        .collect();
    let document = read::StoredDocument { id: doc.into(), source: format!("{doc}.txt"), title: None, date: None, url: None, hash: String::new(), sentences: 3 };
    read::DocumentRecord { document, entities: vec![], facts, own_triples: 0, shared_triples: vec![] }
}

#[test]
fn merged_facts_come_in_store_order_with_their_origins() {
    let labels = std::collections::HashMap::new();
    // in order already: record order, then position
    let (a, b) = (record("aa", &[(0, 1, "x"), (1, 2, "y")]), record("bb", &[(0, 1, "z")]));
    let (data, origins) = read::merge_records_traced([&a, &b], &labels);
    assert_eq!(data.facts.iter().map(|f| f.subject.as_str()).collect::<Vec<_>>(), ["x", "y", "z"]);
    assert_eq!(origins, [(0, 0), (0, 1), (1, 0)]);
    // out of order: a later record of an earlier document, and a record whose facts are
    // not by sentence (sorted the way `sort_facts` sorts; each origin follows its fact)
    let c = record("cc", &[(2, 5, "late"), (0, 3, "early"), (0, 3, "tie")]);
    let (data, origins) = read::merge_records_traced([&c, &a], &labels);
    assert_eq!(data.facts.iter().map(|f| f.subject.as_str()).collect::<Vec<_>>(), ["x", "y", "early", "tie", "late"]);
    assert_eq!(origins, [(1, 0), (1, 1), (0, 1), (0, 2), (0, 0)]);
    let mut sorted: Vec<Fact> = c.facts.iter().chain(&a.facts).cloned().collect();
    read::sort_facts(&mut sorted, |f| f);
    assert_eq!(sorted, data.facts);
    // the outline the view index encodes from: the same entities and origins, no facts copied
    assert_eq!(read::merge_outline([&c, &a]), (data.entities, origins));
}

#[test]
fn load_replace_skip_and_read_back() {
    let store = KgStore::in_memory(vocab::DEFAULT_BASE).unwrap();
    let mut quillen = entity("greta_quillen", "Greta Quillen", EntityType::Person);
    quillen.aliases = vec!["Quillen".into()];
    let mut colombia = entity("colombia", "Colombia", EntityType::Country);
    colombia.wikidata = Some("Q739".into());
    let ents = vec![quillen, colombia, entity("spraying", "spraying", EntityType::Concept)];
    let d1 = doc("one");
    let facts = vec![fact("greta_quillen", "opposes", "spraying", false), fact("colombia", "restarts", "spraying", true)];
    assert_eq!(store.load_document(&d1, &ents, &facts).unwrap(), LoadOutcome::Added);
    let n = store.sorted_quads(false).unwrap().len();
    assert_eq!(store.load_document(&d1, &ents, &facts).unwrap(), LoadOutcome::Unchanged);
    assert_eq!(store.sorted_quads(false).unwrap().len(), n);

    // Plain facts are plain triples; negated ones only statement nodes.
    let ask = |q: &str| matches!(store.query(q).unwrap(), QueryResults::Boolean(true));
    assert!(ask("ASK { ?s <https://w3id.org/kgraph/ontology#opposes> ?o }"));
    assert!(!ask("ASK { ?s <https://w3id.org/kgraph/ontology#restarts> ?o }"));
    assert!(ask("ASK { ?f kg:negated true ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> kg:restarts }"));

    let data = read::read_graph(&store).unwrap();
    assert_eq!(data.documents.len(), 1);
    assert_eq!(data.entities.len(), 3);
    assert_eq!(data.facts.len(), 2);
    let f = data.facts.iter().find(|f| f.predicate.name == "opposes").unwrap();
    assert_eq!(f.subject, "greta_quillen");
    assert_eq!(f.provenance.evidence, "Quillen opposed \"spraying\".");
    assert!((f.provenance.confidence - 0.75).abs() < 1e-6);
    assert_eq!(f.qualifiers[0].value, "2026-02-03");
    let c = data.entities.iter().find(|e| e.id == "colombia").unwrap();
    assert_eq!(c.wikidata.as_deref(), Some("Q739"));

    // A changed document with the same id replaces its graph.
    let mut d2 = doc("two");
    d2.id = d1.id.clone();
    assert_eq!(store.load_document(&d2, &ents[..1], &[]).unwrap(), LoadOutcome::Replaced);
    let data = read::read_graph(&store).unwrap();
    assert_eq!(data.facts.len(), 0);
    assert_eq!(data.entities.len(), 1);

    // The same file with new content (hence a new id) replaces the old graph too.
    let d3 = doc("three");
    assert_ne!(d3.id, d1.id);
    assert_eq!(store.load_document(&d3, &ents, &facts).unwrap(), LoadOutcome::Replaced);
    let data = read::read_graph(&store).unwrap();
    assert_eq!(data.documents.len(), 1);
    assert_eq!(data.documents[0].id, d3.id);
    store.remove_document("a.txt").unwrap();
    assert!(store.sorted_quads(false).unwrap().is_empty());
    assert!(matches!(store.remove_document("nope"), Err(StoreError::UnknownDocument { .. })));
}

#[test]
fn a_surface_relation_that_is_the_label_is_left_out_and_read_back_as_the_label() {
    let ents = vec![entity("nora_vint", "Nora Vint", EntityType::Person), entity("spraying", "spraying", EntityType::Concept)];
    let mut same = fact("nora_vint", "opposes", "spraying", false);
    same.predicate.surface = "opposes".into();
    let mut differs = fact("nora_vint", "praises", "spraying", false);
    differs.provenance.sentence = 1;
    let mut empty = fact("nora_vint", "restarts", "spraying", false);
    empty.predicate.surface = String::new();
    empty.provenance.sentence = 2;
    let facts = vec![same, differs, empty];
    let d = doc("one");
    let (graph, quads) = document_graph_quads(vocab::DEFAULT_BASE, &d, &ents, &facts, &Default::default());
    let surface = kg(vocab::prov_terms::SURFACE);
    let stated: Vec<String> = quads
        .iter()
        .filter(|q| q.predicate == surface)
        .filter_map(|q| match &q.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        })
        .collect();
    // the differing surface and the empty one are stated; the one equal to its label is not
    assert_eq!(stated.len(), 2, "{stated:?}");
    assert!(stated.contains(&"praisesd".to_owned()) && stated.contains(&String::new()));
    let record = read::record_from_quad_refs(vocab::DEFAULT_BASE, graph.as_str(), &quads).unwrap();
    let read_back: Vec<(&str, &str)> = record.facts.iter().map(|f| (f.predicate.name.as_str(), f.predicate.surface.as_str())).collect();
    for f in &facts {
        assert!(read_back.contains(&(f.predicate.name.as_str(), f.predicate.surface.as_str())), "{read_back:?}");
    }
}

#[test]
fn a_triple_the_quads_repeat_is_counted_once_as_the_store_keeps_it_once() {
    let ents = vec![entity("nora_vint", "Nora Vint", EntityType::Person), entity("spraying", "spraying", EntityType::Concept)];
    // two facts with the same subject, predicate and object state the same shortcut triple
    let mut again = fact("nora_vint", "opposes", "spraying", false);
    again.provenance.sentence = 1;
    let facts = vec![fact("nora_vint", "opposes", "spraying", false), again];
    let (graph, quads) = document_graph_quads(vocab::DEFAULT_BASE, &doc("one"), &ents, &facts, &Default::default());
    let distinct: std::collections::HashSet<&Quad> = quads.iter().collect();
    assert!(distinct.len() < quads.len(), "the shortcut triple is stated by both facts");
    let record = read::record_from_quad_refs(vocab::DEFAULT_BASE, graph.as_str(), &quads).unwrap();
    assert_eq!(record.own_triples + record.shared_triples.len(), distinct.len());
    let doubled = read::record_from_quad_refs(vocab::DEFAULT_BASE, graph.as_str(), quads.iter().chain(&quads)).unwrap();
    assert_eq!((doubled.own_triples, &doubled.shared_triples), (record.own_triples, &record.shared_triples));
    assert_eq!(doubled.facts.len(), 2);
}

#[test]
fn malformed_sparql_is_a_syntax_error() {
    let store = KgStore::in_memory(vocab::DEFAULT_BASE).unwrap();
    assert!(matches!(store.query("SELECT WHERE {"), Err(StoreError::QuerySyntax(_))));
}

fn note(alias: &str, rule: &str) -> MergeNote {
    MergeNote { alias: alias.into(), rule: rule.into(), doc: None, sentence: None }
}

#[test]
fn descriptions_of_one_entity_merge_first_label_all_names_notes_once_first_wikidata() {
    let describe = |doc: &str, label: &str, kind: EntityType, aliases: &[&str], merges: Vec<MergeNote>, wikidata: Option<&str>| {
        let mut r = record(doc, &[]);
        let mut e = entity("mara_vellin", label, kind);
        e.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
        e.merges = merges;
        e.wikidata = wikidata.map(str::to_owned);
        r.entities = vec![e];
        r
    };
    let a = describe("aa", "Mara Vellin", EntityType::Person, &["Vellin", "Mara", "Vellin"], vec![note("Vellin", "surname"), note("Vellin", "surname")], None);
    let b = describe("bb", "M. Vellin", EntityType::Organization, &["M. V."], vec![note("Mara", "first-name"), note("Vellin", "surname")], Some("Q7"));
    let c = describe("cc", "Vellin", EntityType::Person, &[], vec![], Some("Q8"));
    let (entities, _) = read::merge_outline([&a, &b, &c]);
    assert_eq!(entities.len(), 1);
    let e = &entities[0];
    // the first description gives label and type; later labels are not names of it
    assert_eq!((e.label.as_str(), e.kind), ("Mara Vellin", EntityType::Person));
    assert_eq!(e.aliases, ["M. V.", "Mara", "Vellin"]);
    assert_eq!(e.merges, [note("Vellin", "surname"), note("Mara", "first-name")]);
    assert_eq!(e.wikidata.as_deref(), Some("Q7"));
}

#[test]
fn the_corpus_overlay_relabels_and_folds_in_one_pass_whatever_order_the_entities_come_in() {
    let node = |id: &str, same_as: Option<&str>| read::CorpusNode { id: id.into(), same_as: same_as.map(str::to_owned), ..Default::default() };
    let overlay = read::CorpusOverlay {
        nodes: vec![
            node("a", Some("b")),
            node("b", Some("c")),
            node("d", Some("a")),
            read::CorpusNode {
                id: "e".into(),
                label: Some("Ostrava Water Board".into()),
                kind: Some(EntityType::GovernmentBody),
                alt_labels: vec!["OWB".into()],
                merges: vec![note("Water Board", "corpus-acronym")],
                ..Default::default()
            },
            node("zz", Some("c")),
        ],
        ..Default::default()
    };
    let mut b = entity("b", "A. Vell", EntityType::Person);
    b.aliases = vec!["Vell".into()];
    let sorted = vec![
        entity("a", "Ann Vell", EntityType::Person),
        b,
        entity("c", "Anna Vellin", EntityType::Person),
        entity("d", "Dr Vell", EntityType::Person),
        entity("e", "Ostrava Board", EntityType::Organization),
    ];
    let mut entities = sorted.clone();
    let moves = read::apply_overlay_to_entities(&overlay, &mut entities);
    let pair = |f: &str, t: &str| (f.to_owned(), t.to_owned());
    // every node folded into an entity is a move ("zz" is no entity: it moves no name); "d"
    // folds into "a", which an earlier fold dropped, so its names go nowhere
    assert_eq!(moves, [pair("a", "b"), pair("b", "c"), pair("d", "a"), pair("zz", "c")]);
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["c", "e"]);
    // "a" folded into "b", then "b" (with what it took in) into "c"
    assert_eq!(entities[0].label, "Anna Vellin");
    assert_eq!(entities[0].aliases, ["A. Vell", "Ann Vell", "Vell"]);
    assert_eq!((entities[1].label.as_str(), entities[1].kind), ("Ostrava Water Board", EntityType::GovernmentBody));
    assert_eq!(entities[1].aliases, ["OWB", "Ostrava Board"]);
    assert_eq!(entities[1].merges, [note("Water Board", "corpus-acronym")]);
    // entities out of order (and one twice: the last description stays) give the same
    let mut shuffled: Vec<Entity> = sorted.iter().rev().cloned().collect();
    shuffled.insert(0, entity("c", "Someone Else", EntityType::Person));
    assert_eq!(read::apply_overlay_to_entities(&overlay, &mut shuffled), moves);
    assert_eq!(shuffled, entities);
}
