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

/// Largest group of entities an add relinks on its own (see [`KgStore::refresh_corpus_added`]):
/// finding a group looks at the entities that bear its names, round after round, and past a
/// few thousand ids the full link (0.6 s at 19k documents) is as quick.
const GROUP_LIMIT: usize = 5_000;

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
        self.restate(&graph, &iris, &quads)?;
        Ok(overlay)
    }

    /// Replaces what the corpus graph `graph` states about `iris` with what `quads` state about
    /// them, in one transaction (nothing when `iris` is empty); returns the statements removed.
    fn restate(&self, graph: &NamedNode, iris: &std::collections::HashSet<NamedNode>, quads: &[Quad]) -> Result<Vec<Quad>, StoreError> {
        if iris.is_empty() {
            return Ok(Vec::new());
        }
        let new: std::collections::HashSet<&Quad> =
            quads.iter().filter(|q| matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if iris.contains(s))).collect();
        let mut stale = Vec::new();
        for iri in iris {
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
        Ok(stale)
    }

    /// [`refresh_corpus_over`](Self::refresh_corpus_over) after documents were only added
    /// since `old` was linked (it is the link of the records before them): relinks the group
    /// of entities that share a name key with an entity of the added documents (`seeds`, see
    /// [`crate::corpus::group`]), whose link is the corpus link of those entities, and keeps
    /// every other node of `old` as it is. `None` (nothing written) when the group is large or
    /// there is no corpus graph yet: the full refresh is then no dearer.
    pub fn refresh_corpus_added<R: crate::corpus::group::GroupRecord>(
        &self,
        records: &[R],
        seeds: &std::collections::BTreeSet<&str>,
        relations: &[String],
        old: &super::read::CorpusOverlay,
    ) -> Result<Option<super::read::CorpusOverlay>, StoreError> {
        if old.nodes.is_empty() {
            return Ok(None);
        }
        let t = crate::kb::timing::span("corpus.link_group");
        let Some(group) = crate::corpus::group::small_group_of(records, seeds, GROUP_LIMIT) else { return Ok(None) };
        let own: Vec<EntityRecord> = records.iter().filter(|r| group.contains(r.id())).map(|r| r.record().into_owned()).collect();
        let linked = crate::corpus::link::link(&own);
        drop(t);
        let _t = crate::kb::timing::span("corpus.write_group");
        let graph = corpus_graph(self.base());
        // only open relations new to the corpus are labelled anew (an add removes none)
        let new_relations: Vec<String> = relations.iter().filter(|r| old.relations.binary_search(r).is_err()).cloned().collect();
        let quads = corpus_quads(self.base(), &graph, &linked, &new_relations);
        let part = super::read::overlay_from_quads(self.base(), quads.iter().cloned().map(Ok))?;
        let old_nodes = |id: &str| old.nodes.binary_search_by(|n| n.id.as_str().cmp(id)).ok().map(|i| &old.nodes[i]);
        let new_hashes: std::collections::HashMap<&str, u64> = part.nodes.iter().map(|n| (n.id.as_str(), n.hash)).collect();
        let changed: Vec<&String> = group.iter().filter(|id| old_nodes(id).map(|n| n.hash) != new_hashes.get(id.as_str()).copied()).collect();
        let mut iris: std::collections::HashSet<NamedNode> = changed.iter().map(|id| entity_iri(self.base(), id)).collect();
        iris.extend(new_relations.iter().map(|iri| NamedNode::new_unchecked(iri.as_str())));
        let stale = self.restate(&graph, &iris, &quads)?;
        // the overlay: the group's nodes and triples in place of what `old` had of them
        let stale_hashes: std::collections::HashSet<u64> = stale
            .iter()
            .filter_map(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(s) => Some(super::read::triple_hash(s.as_str(), q.predicate.as_str(), &q.object)),
                _ => None,
            })
            .collect();
        let mut triple_hashes: Vec<u64> = old.triple_hashes.iter().copied().filter(|h| !stale_hashes.contains(h)).collect();
        triple_hashes.extend(&part.triple_hashes);
        triple_hashes.sort_unstable();
        triple_hashes.dedup();
        let mut nodes: Vec<super::read::CorpusNode> = old.nodes.iter().filter(|n| !group.contains(&n.id)).cloned().collect();
        nodes.extend(part.nodes);
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut relations: Vec<String> = old.relations.iter().chain(&part.relations).cloned().collect();
        relations.sort_unstable();
        relations.dedup();
        Ok(Some(super::read::CorpusOverlay { nodes, triple_hashes, relations }))
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
