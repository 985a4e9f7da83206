//! Documents, entities and facts as RDF quads (the modelling documented in `ontology/README.md`).
//!
//! Every fact becomes a statement node (`kg:Fact`, a subclass of `rdf:Statement`) carrying its
//! flags and confidence, linked to a sentence node (`kg:sentence`) that holds the provenance the
//! facts of one sentence share (evidence text, paragraph, index, character offsets, document).
//! Plain facts (asserted, not negated) are also written as a direct triple so that simple
//! SPARQL such as `?s kg:opposes ?o` works. Values a reader can derive are left out: the flags
//! of a plain fact, notes restating the statement or the lexicon, the document an entity was
//! described in (the graph's name), its Wikidata id (the local name of its `owl:sameAs`), a
//! JSON Lines document's id (the end of its source path, `FILE#ID`) and the start offset 0 of a
//! sentence that opens the text.
//! RDF 1.1 reification is used rather than RDF 1.2 triple terms so that every RDF tool (rdflib,
//! rapper, Jena) reads our exports.

use super::{kg, typed};
use crate::document::{Document, Entity, Fact, FactObject};
use crate::ontology::vocab::{self, prov_terms as p};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{HashMap, HashSet};

/// An ontology's property labels: property IRI to its `rdfs:label`.
pub type PropertyLabels = HashMap<String, String>;

/// The property labels of `ontology`: what the store's ontology graph gives
/// ([`super::read::property_labels`]) once `ontology` is loaded into it.
pub fn ontology_labels(ontology: &crate::ontology::Ontology) -> PropertyLabels {
    ontology.properties().into_iter().filter_map(|p| Some((p.iri.clone(), p.label.clone()?))).collect()
}

/// IRI of an entity.
pub fn entity_iri(base: &str, id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}entity/{}", iri_safe(id)))
}

/// IRI of a document node (also its graph name).
pub fn document_iri(base: &str, id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}doc/{}", iri_safe(id)))
}

/// IRI of the n-th fact statement of a document.
pub fn fact_iri(base: &str, doc_id: &str, n: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}fact/{}/{n}", iri_safe(doc_id)))
}

/// Keeps ids IRI-safe: ASCII alphanumerics, `_`, `-`, `.` pass; everything else is %-encoded.
pub fn iri_safe(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn ns(prefix: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{prefix}{local}"))
}

struct QuadSink<'a> {
    graph: GraphName,
    quads: &'a mut Vec<Quad>,
}

impl QuadSink<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(NamedOrBlankNode::NamedNode(s.clone()), p, o.into(), self.graph.clone()));
    }
}

/// All quads of one document's named graph.
/// `labels`: the ontology's property labels (IRI to `rdfs:label`, as
/// [`super::read::property_labels`] reads them from the ontology graph); a statement whose label
/// is its property's leaves it to the ontology.
pub fn document_quads(base: &str, graph: &NamedNode, doc: &Document, entities: &[Entity], facts: &[Fact], labels: &PropertyLabels) -> Vec<Quad> {
    let mut quads = Vec::new();
    let mut sink = QuadSink { graph: GraphName::NamedNode(graph.clone()), quads: &mut quads };
    let rdf_type = ns(vocab::RDF, "type");
    let doc_node = document_iri(base, &doc.id);

    sink.add(&doc_node, rdf_type.clone(), kg(p::DOCUMENT));
    // No `rdf:type prov:Entity`: kg:Document is a subclass of it (ontology/kgraph.ttl).
    sink.add(&doc_node, kg(p::SOURCE_PATH), Literal::new_simple_literal(&doc.source));
    sink.add(&doc_node, kg(p::SHA256), Literal::new_simple_literal(&doc.hash));
    sink.add(&doc_node, kg(p::SENTENCE_COUNT), typed(doc.sentences.len().to_string(), "integer"));
    if let Some(title) = &doc.title {
        sink.add(&doc_node, ns(vocab::DCTERMS, "title"), Literal::new_simple_literal(title));
    }
    if let Some(date) = &doc.date {
        sink.add(&doc_node, ns(vocab::DCTERMS, "date"), typed(date, "date"));
    }
    if let Some(url) = &doc.url {
        let term: Term = match NamedNode::new(url) {
            Ok(iri) => iri.into(),
            Err(_) => Literal::new_simple_literal(url).into(),
        };
        sink.add(&doc_node, ns(vocab::DCTERMS, "source"), term);
    }
    for (name, value) in doc.metadata.iter().filter(|(name, value)| !metadata_is_source_id(&doc.source, name, value)) {
        sink.add(&doc_node, kg(p::METADATA), Literal::new_simple_literal(format!("{name}={value}")));
    }

    for e in entities {
        let node = entity_iri(base, &e.id);
        let (type_property, label_property) = entity_description_properties(&e.id);
        if !default_type(&e.id, e.kind) {
            sink.add(&node, type_property, kg(e.kind.class_name()));
        }
        sink.add(&node, label_property, Literal::new_simple_literal(&e.label));
        for alias in &e.aliases {
            sink.add(&node, ns(vocab::SKOS, "altLabel"), Literal::new_simple_literal(alias));
        }
        // The Wikidata id is the local name of `owl:sameAs wd:Q…`; the document that describes
        // the entity is the graph's name: neither is stated again.
        if let Some(q) = &e.wikidata {
            sink.add(&node, ns(vocab::OWL, "sameAs"), ns(vocab::WD, q));
        }
        for m in &e.merges {
            sink.add(&node, kg(p::MERGE_NOTE), Literal::new_simple_literal(format!("{}\t{}", m.rule, m.alias)));
        }
    }

    let entity_ids: HashSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    add_facts(&mut sink, &FactContext { base, doc_node: &doc_node, entity_ids: &entity_ids, labels }, facts);
    quads
}

/// Whether a document's metadata field is the JSON Lines `id` its source path already ends in
/// (`news.jsonl#port-1` and `id=port-1`): not stated again. A reader takes the id as what follows
/// the source path's last `#` (`REPLACE(?src, "^.*#", "")`), so an id that holds a `#` itself,
/// or one that differs from the path's (cleaned of line breaks), is stated.
pub fn metadata_is_source_id(source: &str, name: &str, value: &str) -> bool {
    name == "id" && source.rsplit_once('#').is_some_and(|(_, id)| id == value)
}

/// The properties a document graph states an entity's type and label with. A corpus-wide
/// entity's one `rdfs:label` and `rdf:type` are the corpus graph's (store::corpus), settled over
/// every document, so a document records what it says as `kg:documentType` and
/// `kg:documentLabel`. A document's own node (`officials.{document id}`) is described by that
/// document alone: it states the one `rdf:type` and `rdfs:label` itself, and the corpus graph
/// does not repeat them.
pub fn entity_description_properties(id: &str) -> (NamedNode, NamedNode) {
    if crate::corpus::link::document_of(id).is_some() {
        (ns(vocab::RDF, "type"), ns(vocab::RDFS, "label"))
    } else {
        (kg(p::DOCUMENT_TYPE), kg(p::DOCUMENT_LABEL))
    }
}

/// Whether `kind` is what a reader takes `id` to be when no type is stated: a document's own
/// node (a common noun, `officials.{document id}`) is a `kg:Concept` unless it says otherwise.
/// Corpus-wide entities always state their type (the corpus graph weighs the documents' types).
pub fn default_type(id: &str, kind: crate::document::EntityType) -> bool {
    kind == crate::document::EntityType::Concept && crate::corpus::link::document_of(id).is_some()
}

fn object_term(base: &str, object: &FactObject) -> Term {
    match object {
        FactObject::Entity(id) => entity_iri(base, id).into(),
        FactObject::Literal(l) => literal_term(l).into(),
    }
}

fn literal_term(l: &crate::document::Literal) -> Literal {
    match &l.datatype {
        Some(dt) => Literal::new_typed_literal(&l.value, NamedNode::new_unchecked(dt)),
        None => Literal::new_simple_literal(&l.value),
    }
}

/// What every fact of a document needs to be written.
struct FactContext<'a> {
    base: &'a str,
    doc_node: &'a NamedNode,
    entity_ids: &'a HashSet<&'a str>,
    labels: &'a PropertyLabels,
}

/// IRI of the node of the `index`-th sentence of a document, in its `paragraph`: the
/// provenance its facts share. The last two segments are the paragraph and the sentence index
/// (`sentence/{document}/3/12`), which the node therefore does not state again
/// ([`sentence_position`] reads them back).
pub fn sentence_iri(base: &str, doc_id: &str, paragraph: usize, index: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}sentence/{}/{paragraph}/{index}", iri_safe(doc_id)))
}

/// The paragraph and sentence index a sentence node's IRI ends in ([`sentence_iri`]).
pub fn sentence_position(iri: &str) -> Option<(usize, usize)> {
    let mut segments = iri.rsplit('/');
    let index = segments.next()?.parse().ok()?;
    let paragraph = segments.next()?.parse().ok()?;
    Some((paragraph, index))
}

/// The extractor most facts with an entity or typed object come from (a plain
/// subject-verb-object clause).
pub const DEFAULT_EXTRACTOR: &str = "kgraph-oie/clause:SVO";
/// The extractor most facts with a plain literal object come from: a speech act, whose object
/// is the reported clause.
pub const DEFAULT_LITERAL_EXTRACTOR: &str = "kgraph-oie/speech:act";

/// The extractor a statement leaves out and a reader takes for an absent `kg:extractor`, by the
/// kind of its object: [`DEFAULT_LITERAL_EXTRACTOR`] for a plain literal (no datatype: the
/// stored object says so, whatever else the fact states), else [`DEFAULT_EXTRACTOR`]. Any other
/// extractor is stated.
pub fn default_extractor(object: &FactObject) -> &'static str {
    match object {
        FactObject::Literal(l) if l.datatype.is_none() => DEFAULT_LITERAL_EXTRACTOR,
        _ => DEFAULT_EXTRACTOR,
    }
}

/// Writes every fact, and one sentence node per sentence that has facts.
fn add_facts(sink: &mut QuadSink<'_>, cx: &FactContext<'_>, facts: &[Fact]) {
    let doc_id = doc_node_id(cx.doc_node);
    let mut sentences_written = HashSet::new();
    for (n, f) in facts.iter().enumerate() {
        let sentence = sentence_iri(cx.base, &doc_id, f.provenance.paragraph, f.provenance.sentence);
        if sentences_written.insert(f.provenance.sentence) {
            add_sentence(sink, &sentence, &f.provenance);
        }
        add_fact(sink, cx, &fact_iri(cx.base, &doc_id, n), &sentence, f);
    }
}

/// The sentence node: evidence text and where it starts, shared by the sentence's facts. What
/// the node's IRI and graph say are not stated again: the paragraph and the sentence index are
/// the IRI's last two segments ([`sentence_iri`]) and the document is the graph's name. The end offset is the start plus
/// the evidence's length in characters (the evidence is the sentence exactly as in the text);
/// it is stated only in the (unexpected) case where it is not. The start is not stated for the
/// sentence that opens the text ([`starts_the_text`]): absent, it is 0.
fn add_sentence(sink: &mut QuadSink<'_>, node: &NamedNode, pv: &crate::document::Provenance) {
    sink.add(node, kg(p::EVIDENCE), Literal::new_simple_literal(&pv.evidence));
    if !starts_the_text(pv) {
        sink.add(node, kg(p::CHAR_START), typed(pv.span.char.start.to_string(), "integer"));
    }
    if pv.span.char.end != pv.span.char.start + pv.evidence.chars().count() {
        sink.add(node, kg(p::CHAR_END), typed(pv.span.char.end.to_string(), "integer"));
    }
}

/// Whether the sentence starts at the text's first character, the start a reader takes when
/// a sentence node states no `kg:charStart` (`COALESCE(?start, 0)`).
pub fn starts_the_text(pv: &crate::document::Provenance) -> bool {
    pv.span.char.start == 0
}

/// `focus_on` -> `focus on`: what a reader takes for the label of an open relation whose
/// statement states none.
pub fn open_relation_label(local_name: &str) -> String {
    local_name.replace('_', " ")
}

/// Whether the statement leaves `kg:predicateLabel` out: the predicate is an open relation and
/// the label is what its name reads as ([`open_relation_label`]), which a reader derives and the
/// corpus graph states as the relation's `rdfs:label`.
pub fn label_is_open_relation_name(predicate: &crate::document::Predicate) -> bool {
    predicate.iri.strip_prefix(vocab::REL).is_some_and(|name| open_relation_label(name) == predicate.label)
}

/// Whether the statement leaves `kg:predicateLabel` to the ontology: its label is the
/// property's own `rdfs:label` (`announces` for `kg:announces`, not `address` for `kg:concerns`),
/// which the ontology graph states once; a reader fills it in from there
/// ([`super::read::merge_records`]). Only with a surface relation: a statement with neither
/// would read back with an empty surface where the label belongs.
pub fn label_is_the_propertys(predicate: &crate::document::Predicate, labels: &PropertyLabels) -> bool {
    !predicate.surface.is_empty() && labels.get(&predicate.iri).is_some_and(|l| *l == predicate.label)
}

/// Whether the statement leaves `kg:surfaceRelation` out: the words in the text are the label.
/// An empty surface is stated (a reader could not tell it from an absent one).
pub fn surface_is_label(predicate: &crate::document::Predicate) -> bool {
    !predicate.surface.is_empty() && predicate.surface == predicate.label
}

/// Notes that restate what the statement and the ontology say by themselves are not stored:
/// that a predicate is an open relation, or had no lexicon entry (its `rel:` namespace says
/// so), that an event has no object (its empty object says so), that a speech act's object is
/// the reported clause as a literal (its `speech:act` extractor and literal object say so),
/// that the types fit the property's domain and range, and an exact lexicon match (the pattern
/// is the surface relation's lemmas, the property is the predicate). A lexicon match that took
/// a step (`from 'remain biggest producer of', verb dropped`) is a decision and is kept.
fn derivable_note(note: &str) -> bool {
    const RESTATEMENTS: [&str; 5] = [
        "open relation rel:",
        "types ok: ",
        "no lexicon entry for ",
        "no object (intransitive clause): event fact, open relation rel:",
        "speech act: open relation rel:",
    ];
    RESTATEMENTS.iter().any(|r| note.starts_with(r)) || exact_lexicon_match(note)
}

/// `lexicon: 'oppose' -> kg:opposes (ontology/lexicon.tsv:12)`: the pattern matched as it is.
fn exact_lexicon_match(note: &str) -> bool {
    note.strip_prefix("lexicon: '")
        .and_then(|rest| rest.split_once('\''))
        .is_some_and(|(_, after)| after.starts_with(" -> "))
}

/// The statement node of one fact (and the plain triple, for a plain fact). Only a fact that
/// is not plain states its flags (`kg:negated`, `kg:modality`): absent, they are false and
/// `asserted`, which the plain triple beside the statement also says.
fn add_fact(sink: &mut QuadSink<'_>, cx: &FactContext<'_>, st: &NamedNode, sentence: &NamedNode, f: &Fact) {
    let subject = entity_iri(cx.base, &f.subject);
    let predicate = NamedNode::new_unchecked(&f.predicate.iri);
    let object = object_term(cx.base, &f.object);
    if f.is_plain() {
        sink.quads.push(Quad::new(subject.clone(), predicate.clone(), object.clone(), sink.graph.clone()));
    }
    // No `rdf:type kg:Fact`: `kg:sentence`, which every statement has, has the domain kg:Fact.
    sink.add(st, ns(vocab::RDF, "subject"), subject);
    sink.add(st, ns(vocab::RDF, "predicate"), predicate);
    sink.add(st, ns(vocab::RDF, "object"), object);
    // An open relation's label, when it is its name's (`rel:focus_on`, `focus on`), is stated
    // once for the corpus, in the corpus graph (store::corpus), not on each statement.
    // An ontology property's label, when it is the statement's, is the ontology graph's.
    if !label_is_open_relation_name(&f.predicate) && !label_is_the_propertys(&f.predicate, cx.labels) {
        sink.add(st, kg(p::PREDICATE_LABEL), Literal::new_simple_literal(&f.predicate.label));
    }
    if let Some(text) = &f.object_text {
        sink.add(st, kg(p::OBJECT_TEXT), Literal::new_simple_literal(text));
    }
    if let FactObject::Literal(crate::document::Literal { unit: Some(unit), .. }) = &f.object {
        sink.add(st, kg(p::UNIT), Literal::new_simple_literal(unit));
    }
    // The surface relation only where the text's words differ from the label (`clashed over`
    // for `clashes with`); absent, it is the label, which a reader takes instead.
    if !surface_is_label(&f.predicate) {
        sink.add(st, kg(p::SURFACE), Literal::new_simple_literal(&f.predicate.surface));
    }
    sink.add(st, kg(p::CONFIDENCE), typed(format!("{:.3}", f.provenance.confidence), "decimal"));
    // Only a flag that is not the default is stated: `kg:negated true`, a modality other
    // than `asserted`.
    if f.negated {
        sink.add(st, kg(p::NEGATED), typed("true", "boolean"));
    }
    if f.modality != crate::document::Modality::Asserted {
        sink.add(st, kg(p::MODALITY), Literal::new_simple_literal(f.modality.as_str()));
    }
    if let Some(a) = &f.attribution {
        sink.add(st, kg(p::ATTRIBUTION), Literal::new_simple_literal(a));
    }
    sink.add(st, kg(p::SENTENCE), sentence.clone());
    // The default extractor for the kind of object is left out (a reader takes an absent one
    // for it).
    if f.provenance.extractor != default_extractor(&f.object) {
        sink.add(st, kg(p::EXTRACTOR), Literal::new_simple_literal(&f.provenance.extractor));
    }
    for q in &f.qualifiers {
        add_qualifier(sink, cx, st, q);
    }
    for note in f.notes.iter().filter(|n| !derivable_note(n)) {
        sink.add(st, kg(p::NOTE), Literal::new_simple_literal(note));
    }
    // No `kg:time` for a time of one day: it is `kg:timeStart`, equal to `kg:timeEnd`.
    if let Some(t) = &f.time {
        sink.add(st, kg(p::TIME_START), typed(&t.start, "date"));
        sink.add(st, kg(p::TIME_END), typed(&t.end, "date"));
        sink.add(st, kg(p::TIME_TEXT), Literal::new_simple_literal(&t.text));
    }
}

fn add_qualifier(sink: &mut QuadSink<'_>, cx: &FactContext<'_>, st: &NamedNode, q: &crate::document::Qualifier) {
    match q.key.as_str() {
        key @ ("date" | "place") => {
            let value: Term = match &q.literal {
                Some(l) => literal_term(l).into(),
                // A qualifier that was resolved to an entity (place = white_house) links to it.
                None if cx.entity_ids.contains(q.value.as_str()) => entity_iri(cx.base, &q.value).into(),
                None => Literal::new_simple_literal(&q.value).into(),
            };
            sink.add(st, kg(if key == "date" { p::DATE } else { p::PLACE }), value);
        }
        _ => sink.add(st, kg(p::QUALIFIER), Literal::new_simple_literal(format!("{}={}", q.key, q.value))),
    }
}

fn doc_node_id(doc_node: &NamedNode) -> String {
    doc_node.as_str().rsplit('/').next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_restating_the_statement_are_derivable() {
        assert!(derivable_note("lexicon: 'praise' -> kg:praises (ontology/lexicon.tsv:40)"));
        assert!(derivable_note("no lexicon entry for 'stroll past', 'stroll'"));
        assert!(derivable_note("open relation rel:stroll_past"));
        assert!(derivable_note("types ok: quillmark (Company) fits domain Agent, brevin (Person) fits range any"));
        assert!(derivable_note("no object (intransitive clause): event fact, open relation rel:resign, empty object"));
        assert!(derivable_note("speech act: open relation rel:warn, the reported clause as a plain literal object"));
    }

    #[test]
    fn only_an_open_relation_named_by_its_label_leaves_the_label_to_the_corpus_graph() {
        let predicate = |iri: String, label: &str| crate::document::Predicate {
            name: String::new(),
            iri,
            label: label.into(),
            surface: String::new(),
            normalized: false,
        };
        assert!(label_is_open_relation_name(&predicate(format!("{}stroll_past", vocab::REL), "stroll past")));
        // a label with words the name lacks, an ontology property: stated on the statement
        assert!(!label_is_open_relation_name(&predicate(format!("{}stroll_past", vocab::REL), "start stroll past")));
        assert!(!label_is_open_relation_name(&predicate(format!("{}praises", vocab::KG), "praises")));
    }

    #[test]
    fn only_the_propertys_own_label_is_left_to_the_ontology() {
        let labels = PropertyLabels::from([(format!("{}concerns", vocab::KG), "concerns".to_owned())]);
        let predicate = |label: &str, surface: &str| crate::document::Predicate {
            name: "concerns".into(),
            iri: format!("{}concerns", vocab::KG),
            label: label.into(),
            surface: surface.into(),
            normalized: true,
        };
        assert!(label_is_the_propertys(&predicate("concerns", "concerned"), &labels));
        // another label (the lexicon's words), or no surface to read it back with: stated
        assert!(!label_is_the_propertys(&predicate("address", "addressed"), &labels));
        assert!(!label_is_the_propertys(&predicate("concerns", ""), &labels));
        assert!(!label_is_the_propertys(&predicate("concerns", "concerned"), &PropertyLabels::new()));
    }

    #[test]
    fn the_sentence_iri_holds_paragraph_and_index() {
        let iri = sentence_iri("http://kgraph.local/", "d1", 3, 12);
        assert_eq!(iri.as_str(), "http://kgraph.local/sentence/d1/3/12");
        assert_eq!(sentence_position(iri.as_str()), Some((3, 12)));
        // an IRI of the older layout (one number) has no paragraph to read
        assert_eq!(sentence_position("http://kgraph.local/sentence/d1/12"), None);
    }

    fn one_fact(extractor: &str, time: Option<crate::document::FactTime>) -> Vec<Quad> {
        quads_of(sample_fact(extractor, time))
    }

    fn quads_of(fact: Fact) -> Vec<Quad> {
        let doc = crate::source::SourceText::from_string("t.txt", "Nora Vint praised it.").into_document();
        let labels = PropertyLabels::from([(format!("{}praises", vocab::KG), "praises".to_owned())]);
        document_quads("http://kgraph.local/", &document_iri("http://kgraph.local/", &doc.id), &doc, &[], &[fact], &labels)
    }

    fn sample_fact(extractor: &str, time: Option<crate::document::FactTime>) -> Fact {
        Fact {
            subject: "nora_vint".into(),
            predicate: crate::document::Predicate {
                name: "praises".into(),
                iri: format!("{}praises", vocab::KG),
                label: "praises".into(),
                surface: "praised".into(),
                normalized: true,
            },
            object: FactObject::Entity("ostland".into()),
            object_text: None,
            qualifiers: Vec::new(),
            negated: false,
            modality: crate::document::Modality::Asserted,
            attribution: None,
            provenance: crate::document::Provenance {
                doc: "d1".into(),
                paragraph: 2,
                sentence: 5,
                span: crate::document::Span { byte: 0..0, char: 10..30 },
                evidence: "Nora Vint praised it.".into(),
                extractor: extractor.into(),
                confidence: 0.8,
            },
            notes: vec!["types ok: nora_vint (Person) fits domain Agent".into()],
            time,
        }
    }

    fn predicates(quads: &[Quad]) -> Vec<String> {
        quads.iter().map(|q| q.predicate.as_str().rsplit(['#', '/']).next().unwrap_or_default().to_owned()).collect()
    }

    #[test]
    fn the_default_extractor_and_the_one_day_time_are_left_out() {
        let day = crate::document::FactTime { text: "on Monday".into(), start: "2026-01-26".into(), end: "2026-01-26".into() };
        let plain = predicates(&one_fact(DEFAULT_EXTRACTOR, Some(day)));
        assert!(!plain.contains(&"extractor".to_owned()));
        assert!(!plain.contains(&"time".to_owned()));
        assert!(plain.contains(&"timeStart".to_owned()) && plain.contains(&"timeEnd".to_owned()));
        assert!(!plain.contains(&"note".to_owned()));
        assert!(!plain.contains(&"paragraph".to_owned()));
        // `praises` is the ontology's label of kg:praises: left to the ontology graph
        assert!(!plain.contains(&"predicateLabel".to_owned()));
        let other = predicates(&one_fact("kgraph-oie/appos", None));
        assert!(other.contains(&"extractor".to_owned()));
        // the speech act's default goes with a plain literal object, not an entity
        let speech = predicates(&one_fact(DEFAULT_LITERAL_EXTRACTOR, None));
        assert!(speech.contains(&"extractor".to_owned()));
    }

    #[test]
    fn the_default_extractor_depends_on_the_object() {
        let literal = |datatype: Option<&str>, unit: Option<&str>| {
            FactObject::Literal(crate::document::Literal {
                value: "12".into(),
                datatype: datatype.map(str::to_owned),
                unit: unit.map(str::to_owned),
            })
        };
        assert_eq!(default_extractor(&literal(None, None)), DEFAULT_LITERAL_EXTRACTOR);
        assert_eq!(default_extractor(&literal(Some("http://www.w3.org/2001/XMLSchema#integer"), None)), DEFAULT_EXTRACTOR);
        // the unit is not looked at: a reader of the object alone must find the same default
        assert_eq!(default_extractor(&literal(None, Some("seat"))), DEFAULT_LITERAL_EXTRACTOR);
        assert_eq!(default_extractor(&FactObject::Entity("ostland".into())), DEFAULT_EXTRACTOR);
    }

    #[test]
    fn decisions_are_no_restatement() {
        // a pattern reached by a step, a swap, a violation (the property it was not stored as): kept
        assert!(!derivable_note("lexicon: 'grower of' (from 'remain biggest grower of', verb dropped) -> kg:producerOf (x:3)"));
        assert!(!derivable_note("arguments swapped (lexicon args = os)"));
        assert!(!derivable_note("range violation: kg:visits expects object Place, plan is Concept: not stored as kg:visits; kept as an open relation, confidence x0.5"));
        assert!(!derivable_note("lexicon: 'it' 's fine"));
        assert!(!derivable_note(""));
    }

    #[test]
    fn a_document_names_its_own_nodes_with_the_one_label_and_type() {
        let (t, l) = entity_description_properties("officials.0123456789abcdef");
        assert_eq!((t.as_str(), l.as_str()), ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label"));
        let (t, l) = entity_description_properties("nora_vint.politician");
        assert_eq!((t, l), (kg(p::DOCUMENT_TYPE), kg(p::DOCUMENT_LABEL)));
    }

    #[test]
    fn a_sentence_that_opens_the_text_states_no_start() {
        let start = |quads: &[Quad]| quads.iter().find(|q| q.predicate.as_str().ends_with("#charStart")).map(|q| q.object.to_string());
        // the sample sentence starts at character 10: stated
        let later = one_fact(DEFAULT_EXTRACTOR, None);
        assert_eq!(start(&later).as_deref(), Some("\"10\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
        let mut first = sample_fact(DEFAULT_EXTRACTOR, None);
        first.provenance.span.char = 0..21;
        assert_eq!(start(&quads_of(first)), None);
    }

    #[test]
    fn the_jsonl_id_the_source_path_ends_in_is_not_stated_again() {
        assert!(metadata_is_source_id("news.jsonl#port-1", "id", "port-1"));
        // another field, another id, an id with a `#` of its own, a source without one: stated
        assert!(!metadata_is_source_id("news.jsonl#port-1", "section", "port-1"));
        assert!(!metadata_is_source_id("news.jsonl#port-1", "id", "port-2"));
        assert!(!metadata_is_source_id("news.jsonl#a#1", "id", "a#1"));
        assert!(!metadata_is_source_id("news.jsonl:3", "id", "3"));
        let mut source = crate::source::SourceText::from_string("news.jsonl#vell-7", "Ivo Oster spoke.");
        source.metadata = vec![("id".into(), "vell-7".into()), ("section".into(), "world".into())];
        let doc = source.into_document();
        let quads = document_quads("http://kgraph.local/", &document_iri("http://kgraph.local/", &doc.id), &doc, &[], &[], &PropertyLabels::new());
        let metadata: Vec<String> = quads.iter().filter(|q| q.predicate.as_str().ends_with("#metadata")).map(|q| q.object.to_string()).collect();
        assert_eq!(metadata, vec!["\"section=world\"".to_owned()]);
    }

    #[test]
    fn ids_are_made_iri_safe() {
        assert_eq!(iri_safe("donald_trump"), "donald_trump");
        assert_eq!(iri_safe("bogotá x"), "bogot%C3%A1%20x");
        assert!(NamedNode::new(entity_iri("http://kgraph.local/", "a b\"<>").as_str()).is_ok());
    }
}
