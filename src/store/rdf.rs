//! Documents, entities and facts as RDF quads (the modelling documented in `ontology/README.md`).
//!
//! Every fact becomes a statement node (`kg:Fact`, `rdf:Statement`) carrying its provenance and
//! flags; plain facts (asserted, not negated) are also written as a direct triple so that simple
//! SPARQL such as `?s kg:opposes ?o` works. RDF 1.1 reification is used rather than RDF 1.2
//! triple terms so that every RDF tool (rdflib, rapper, Jena) reads our exports.

use super::{kg, typed};
use crate::document::{Document, Entity, Fact, FactObject};
use crate::ontology::vocab::{self, prov_terms as p};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

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
pub fn document_quads(base: &str, graph: &NamedNode, doc: &Document, entities: &[Entity], facts: &[Fact]) -> Vec<Quad> {
    let mut quads = Vec::new();
    let mut sink = QuadSink { graph: GraphName::NamedNode(graph.clone()), quads: &mut quads };
    let rdf_type = ns(vocab::RDF, "type");
    let doc_node = document_iri(base, &doc.id);

    sink.add(&doc_node, rdf_type.clone(), kg(p::DOCUMENT));
    sink.add(&doc_node, rdf_type.clone(), ns(vocab::PROV, "Entity"));
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
    for (name, value) in &doc.metadata {
        sink.add(&doc_node, kg(p::METADATA), Literal::new_simple_literal(format!("{name}={value}")));
    }

    for e in entities {
        // The one rdfs:label and rdf:type are the corpus graph's (store::corpus), settled over
        // every document; a document records what it says.
        let node = entity_iri(base, &e.id);
        sink.add(&node, kg(p::DOCUMENT_TYPE), kg(e.kind.class_name()));
        sink.add(&node, kg(p::DOCUMENT_LABEL), Literal::new_simple_literal(&e.label));
        for alias in &e.aliases {
            sink.add(&node, ns(vocab::SKOS, "altLabel"), Literal::new_simple_literal(alias));
        }
        if let Some(q) = &e.wikidata {
            sink.add(&node, ns(vocab::OWL, "sameAs"), ns(vocab::WD, q));
            sink.add(&node, kg(p::WIKIDATA_ID), Literal::new_simple_literal(q));
        }
        for m in &e.merges {
            sink.add(&node, kg(p::MERGE_NOTE), Literal::new_simple_literal(format!("{}\t{}", m.rule, m.alias)));
        }
        sink.add(&node, ns(vocab::PROV, "wasDerivedFrom"), doc_node.clone());
    }

    let entity_ids: std::collections::HashSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    for (n, f) in facts.iter().enumerate() {
        add_fact(&mut sink, base, &doc_node, n, f, &entity_ids);
    }
    quads
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

fn add_fact(sink: &mut QuadSink<'_>, base: &str, doc_node: &NamedNode, n: usize, f: &Fact, entity_ids: &std::collections::HashSet<&str>) {
    let subject = entity_iri(base, &f.subject);
    let predicate = NamedNode::new_unchecked(&f.predicate.iri);
    let object = object_term(base, &f.object);
    if f.is_plain() {
        sink.quads.push(Quad::new(subject.clone(), predicate.clone(), object.clone(), sink.graph.clone()));
    }
    let st = fact_iri(base, &doc_node_id(doc_node), n);
    let rdf_type = ns(vocab::RDF, "type");
    sink.add(&st, rdf_type.clone(), kg(p::FACT));
    sink.add(&st, rdf_type, ns(vocab::RDF, "Statement"));
    sink.add(&st, ns(vocab::RDF, "subject"), subject);
    sink.add(&st, ns(vocab::RDF, "predicate"), predicate);
    sink.add(&st, ns(vocab::RDF, "object"), object);
    sink.add(&st, kg(p::PREDICATE_LABEL), Literal::new_simple_literal(&f.predicate.label));
    if let Some(text) = &f.object_text {
        sink.add(&st, kg(p::OBJECT_TEXT), Literal::new_simple_literal(text));
    }
    if let FactObject::Literal(crate::document::Literal { unit: Some(unit), .. }) = &f.object {
        sink.add(&st, kg(p::UNIT), Literal::new_simple_literal(unit));
    }
    sink.add(&st, kg(p::SURFACE), Literal::new_simple_literal(&f.predicate.surface));
    sink.add(&st, kg(p::CONFIDENCE), typed(format!("{:.3}", f.provenance.confidence), "decimal"));
    sink.add(&st, kg(p::NEGATED), typed(f.negated.to_string(), "boolean"));
    sink.add(&st, kg(p::MODALITY), Literal::new_simple_literal(f.modality.as_str()));
    if let Some(a) = &f.attribution {
        sink.add(&st, kg(p::ATTRIBUTION), Literal::new_simple_literal(a));
    }
    let pv = &f.provenance;
    sink.add(&st, kg(p::EVIDENCE), Literal::new_simple_literal(&pv.evidence));
    sink.add(&st, kg(p::PARAGRAPH), typed(pv.paragraph.to_string(), "integer"));
    sink.add(&st, kg(p::SENTENCE_INDEX), typed(pv.sentence.to_string(), "integer"));
    sink.add(&st, kg(p::CHAR_START), typed(pv.span.char.start.to_string(), "integer"));
    sink.add(&st, kg(p::CHAR_END), typed(pv.span.char.end.to_string(), "integer"));
    sink.add(&st, kg(p::EXTRACTOR), Literal::new_simple_literal(&pv.extractor));
    sink.add(&st, ns(vocab::PROV, "wasDerivedFrom"), doc_node.clone());
    for q in &f.qualifiers {
        let value: Term = match &q.literal {
            Some(l) => literal_term(l).into(),
            // A qualifier that was resolved to an entity (place = white_house) links to it.
            None if entity_ids.contains(q.value.as_str()) => entity_iri(base, &q.value).into(),
            None => Literal::new_simple_literal(&q.value).into(),
        };
        let key = match q.key.as_str() {
            "date" => p::DATE,
            "place" => p::PLACE,
            _ => p::QUALIFIER,
        };
        if key == p::QUALIFIER {
            sink.add(&st, kg(key), Literal::new_simple_literal(format!("{}={}", q.key, q.value)));
        } else {
            sink.add(&st, kg(key), value);
        }
    }
    for note in &f.notes {
        sink.add(&st, kg(p::NOTE), Literal::new_simple_literal(note));
    }
    if let Some(t) = &f.time {
        if let Some(day) = t.day() {
            sink.add(&st, kg(p::TIME), typed(day, "date"));
        }
        sink.add(&st, kg(p::TIME_START), typed(&t.start, "date"));
        sink.add(&st, kg(p::TIME_END), typed(&t.end, "date"));
        sink.add(&st, kg(p::TIME_TEXT), Literal::new_simple_literal(&t.text));
    }
}

fn doc_node_id(doc_node: &NamedNode) -> String {
    doc_node.as_str().rsplit('/').next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_iri_safe() {
        assert_eq!(iri_safe("donald_trump"), "donald_trump");
        assert_eq!(iri_safe("bogotá x"), "bogot%C3%A1%20x");
        assert!(NamedNode::new(entity_iri("http://kgraph.local/", "a b\"<>").as_str()).is_ok());
    }
}
