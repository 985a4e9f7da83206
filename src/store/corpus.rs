//! The corpus graph (`{base}graph/corpus`): what holds across documents, recomputed from the
//! document graphs by [`crate::corpus::link`] after every build and removal. It gives each
//! corpus-wide entity its one `rdfs:label`, `rdf:type` (with `kg:typeEvidence` when documents
//! disagree), every entity its other names (`skos:altLabel`), and links
//! document-scoped nodes to corpus nodes with `kg:sameAs` (an annotation property meaning
//! `owl:sameAs`), each merge noted as `kg:mergeNote "rule<TAB>…"`. A document's own node (a
//! common noun, a lone surname) has its label and type in its document's graph only.

use super::rdf::entity_iri;
use super::{KgStore, StoreError, kg};
use crate::corpus::{CorpusEntity, EntityRecord};
use crate::document::EntityType;
use crate::ontology::vocab::{self, prov_terms as p};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeMap;

/// IRI of the corpus graph.
pub fn corpus_graph(base: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}graph/corpus"))
}

impl KgStore {
    /// What every document graph says about every entity (label, type, other names).
    pub fn entity_records(&self) -> Result<Vec<EntityRecord>, StoreError> {
        let base = self.base();
        let (entity_prefix, doc_prefix) = (format!("{base}entity/"), format!("{base}doc/"));
        let mut records: BTreeMap<(String, String), EntityRecord> = BTreeMap::new();
        let key = |q: &Quad| -> Option<(String, String)> {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else { return None };
            let GraphName::NamedNode(g) = &q.graph_name else { return None };
            let id = super::read::percent_decode(s.as_str().strip_prefix(&entity_prefix)?);
            Some((id, g.as_str().strip_prefix(&doc_prefix)?.to_owned()))
        };
        // a corpus-wide entity's label and type as each document states them; a document's own
        // node's, stated once as rdfs:label and rdf:type (see store::rdf::entity_description_properties)
        let rdfs_label = NamedNode::new_unchecked(format!("{}label", vocab::RDFS));
        for label in [kg(p::DOCUMENT_LABEL), rdfs_label] {
            for q in self.oxigraph().quads_for_pattern(None, Some(label.as_ref()), None, None) {
                let q = q.map_err(StoreError::Storage)?;
                if let (Some((id, doc)), Term::Literal(l)) = (key(&q), &q.object) {
                    records.insert(
                        (id.clone(), doc.clone()),
                        EntityRecord { id, doc, label: l.value().to_owned(), kind: EntityType::default(), aliases: Vec::new() },
                    );
                }
            }
        }
        let rdf_type = NamedNode::new_unchecked(format!("{}type", vocab::RDF));
        let mut kinds: Vec<(Quad, EntityType)> = Vec::new();
        for t in EntityType::ALL {
            let class = kg(t.class_name());
            for predicate in [kg(p::DOCUMENT_TYPE), rdf_type.clone()] {
                // by class, so that the scan never walks the rdf:type of every fact statement
                for q in self.oxigraph().quads_for_pattern(None, Some(predicate.as_ref()), Some(class.as_ref().into()), None) {
                    kinds.push((q.map_err(StoreError::Storage)?, t));
                }
            }
        }
        for (q, t) in kinds {
            if let Some(r) = key(&q).and_then(|k| records.get_mut(&k)) {
                r.kind = t;
            }
        }
        let alt = NamedNode::new_unchecked(format!("{}altLabel", vocab::SKOS));
        for q in self.oxigraph().quads_for_pattern(None, Some(alt.as_ref()), None, None) {
            let q = q.map_err(StoreError::Storage)?;
            if let (Some(k), Term::Literal(l)) = (key(&q), &q.object)
                && let Some(r) = records.get_mut(&k)
            {
                r.aliases.push(l.value().to_owned());
            }
        }
        let mut out: Vec<EntityRecord> = records.into_values().collect();
        for r in &mut out {
            r.aliases.sort();
        }
        Ok(out)
    }

    /// Recomputes the corpus graph from the document graphs; returns the corpus view.
    pub fn refresh_corpus(&self) -> Result<Vec<CorpusEntity>, StoreError> {
        self.refresh_corpus_from(&self.entity_records()?, &self.open_relations()?)
    }

    /// The open relations (`rel:` IRIs) the documents' statements use, sorted: walked through
    /// the store's predicate index (one quad per statement).
    pub fn open_relations(&self) -> Result<Vec<String>, StoreError> {
        let predicate = NamedNode::new_unchecked(format!("{}predicate", vocab::RDF));
        let mut out = std::collections::BTreeSet::new();
        for q in self.oxigraph().quads_for_pattern(None, Some(predicate.as_ref()), None, None) {
            let q = q.map_err(StoreError::Storage)?;
            if let Term::NamedNode(n) = &q.object
                && n.as_str().starts_with(vocab::REL)
            {
                out.insert(n.as_str().to_owned());
            }
        }
        Ok(out.into_iter().collect())
    }

    /// [`refresh_corpus`](Self::refresh_corpus) from `records`, what the document graphs say
    /// about their entities as [`entity_records`](Self::entity_records) gives it: a caller that
    /// keeps the documents' records in memory saves the scan of the store.
    pub fn refresh_corpus_from(&self, records: &[EntityRecord], relations: &[String]) -> Result<Vec<CorpusEntity>, StoreError> {
        let linked = crate::corpus::link::link(records);
        let graph = corpus_graph(self.base());
        let quads = corpus_quads(self.base(), &graph, &linked, relations);
        self.rewrite_derived_graph(graph, quads)?;
        Ok(linked)
    }

    /// [`refresh_corpus_from`](Self::refresh_corpus_from) given `old`, the overlay of the corpus
    /// graph as the store holds it now: rewrites only the entities whose triples changed (one
    /// transaction) and returns the new overlay, parsed from the quads in memory rather than read
    /// back. When most entities changed (a first build), the whole graph is rewritten instead.
    /// `relations`: the open relations the documents use (sorted), which the graph labels.
    pub fn refresh_corpus_over(
        &self,
        records: &[EntityRecord],
        relations: &[String],
        old: &super::read::CorpusOverlay,
    ) -> Result<super::read::CorpusOverlay, StoreError> {
        let t = crate::kb::timing::span("corpus.link");
        let linked = crate::corpus::link::link(records);
        drop(t);
        let t = crate::kb::timing::span("corpus.quads_overlay");
        let graph = corpus_graph(self.base());
        let quads = corpus_quads(self.base(), &graph, &linked, relations);
        drop(linked);
        let overlay = super::read::overlay_from_quads(self.base(), quads.iter().cloned().map(Ok))?;
        drop(t);
        let _t = crate::kb::timing::span("corpus.write_changed");
        let old_hashes: std::collections::HashMap<&str, u64> = old.nodes.iter().map(|n| (n.id.as_str(), n.hash)).collect();
        let mut changed: std::collections::HashSet<&str> =
            overlay.nodes.iter().filter(|n| old_hashes.get(n.id.as_str()) != Some(&n.hash)).map(|n| n.id.as_str()).collect();
        let kept: std::collections::HashSet<&str> = overlay.nodes.iter().map(|n| n.id.as_str()).collect();
        changed.extend(old.nodes.iter().map(|n| n.id.as_str()).filter(|id| !kept.contains(id)));
        // (many changed nodes are cheaper diffed in one pass over the whole graph)
        if old.nodes.is_empty() || (changed.len() > 1_000 && changed.len() * 4 > overlay.nodes.len().max(old.nodes.len())) {
            self.rewrite_derived_graph(graph, quads)?;
            return Ok(overlay);
        }
        // the open relations no document uses any more, and those new to the corpus
        let (old_rel, new_rel): (std::collections::HashSet<&str>, std::collections::HashSet<&str>) =
            (old.relations.iter().map(String::as_str).collect(), overlay.relations.iter().map(String::as_str).collect());
        let relations_changed = old_rel.symmetric_difference(&new_rel).map(|iri| NamedNode::new_unchecked(*iri));
        let mut iris: std::collections::HashSet<NamedNode> = changed.iter().map(|id| entity_iri(self.base(), id)).collect();
        iris.extend(relations_changed);
        if iris.is_empty() {
            return Ok(overlay);
        }
        let new: std::collections::HashSet<&Quad> =
            quads.iter().filter(|q| matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if iris.contains(s))).collect();
        let mut stale = Vec::new();
        for iri in &iris {
            for q in self.oxigraph().quads_for_pattern(Some(iri.as_ref().into()), None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
                let q = q.map_err(StoreError::Storage)?;
                if !new.contains(&q) {
                    stale.push(q);
                }
            }
        }
        let mut tx = self.oxigraph().start_transaction().map_err(StoreError::Storage)?;
        for q in &stale {
            tx.remove(q);
        }
        for q in new {
            tx.insert(q);
        }
        tx.commit().map_err(StoreError::Storage)?;
        Ok(overlay)
    }

    /// Whether `graph` is the corpus graph (it is no document's).
    pub fn is_corpus_graph(&self, graph: GraphNameRef<'_>) -> bool {
        matches!(graph, GraphNameRef::NamedNode(n) if n.as_str() == corpus_graph(self.base()).as_str())
    }
}

/// The quads of the corpus graph.
/// `relations`: the open relations (`rel:` IRIs) the documents use, each labelled here once
/// for the corpus (a statement whose label is its relation's name leaves it out: store::rdf).
pub fn corpus_quads(base: &str, graph: &NamedNode, entities: &[CorpusEntity], relations: &[String]) -> Vec<Quad> {
    let g = GraphName::NamedNode(graph.clone());
    let mut quads = Vec::new();
    let ns = |prefix: &str, local: &str| NamedNode::new_unchecked(format!("{prefix}{local}"));
    for iri in relations {
        if let Some(name) = iri.strip_prefix(vocab::REL) {
            let label = super::rdf::open_relation_label(name);
            quads.push(Quad::new(NamedNode::new_unchecked(iri), ns(vocab::RDFS, "label"), Literal::new_simple_literal(label), g.clone()));
        }
    }
    for e in entities {
        let node = entity_iri(base, &e.id);
        let mut add = |pred: NamedNode, o: Term| quads.push(Quad::new(node.clone(), pred, o, g.clone()));
        // A document's own node (a common noun, a lone surname) has its one type and label in
        // its document's graph (store::rdf), and its IRI and that graph name its document; a
        // corpus-wide node gets them here, which tells the two kinds apart in SPARQL. The
        // number of documents it occurs in is not stated (store format 6): it is the number of
        // document graphs that describe it (`COUNT(DISTINCT ?g)` over `GRAPH ?g { ?e
        // kg:documentLabel ?l }`), and a stated count would change with every document added.
        if crate::corpus::link::document_of(&e.id).is_none() {
            add(ns(vocab::RDF, "type"), kg(e.kind.class_name()).into());
            add(ns(vocab::RDFS, "label"), Literal::new_simple_literal(&e.label).into());
        }
        for a in &e.alt_labels {
            add(ns(vocab::SKOS, "altLabel"), Literal::new_simple_literal(a).into());
        }
        if let Some(ev) = &e.type_evidence {
            add(kg(p::TYPE_EVIDENCE), Literal::new_simple_literal(ev).into());
        }
        if let Some(s) = &e.same_as {
            add(kg(p::SAME_AS), entity_iri(base, &s.target).into());
        }
        for n in &e.notes {
            add(kg(p::MERGE_NOTE), Literal::new_simple_literal(n).into());
        }
    }
    quads
}
