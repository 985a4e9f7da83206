//! Choosing what a diagram or a listing shows: which facts ([`FactFilter`]: predicate as a user
//! types it, document, confidence) and which nodes (a focus neighbourhood ranked and capped by
//! [`KnowledgeGraph::focus_capped`], the best-connected nodes by [`KnowledgeGraph::top_nodes`]).
//!
//! Capping follows what Gephi and Neo4j Bloom do with large graphs: keep the most connected
//! neighbours, and say how many were left out, rather than draw everything.

use super::{EdgeData, KnowledgeGraph, NodeIndex};
use crate::document::Predicate;
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeSet, HashSet};

/// A predicate as a user types it: a lemma (`oppose`), a label (`opposes`, `foreign minister
/// of`), a local name (`opposes`), a prefixed name (`kg:opposes`, `rel:restart`) or a full IRI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredicateQuery {
    /// As typed, trimmed and lower-cased.
    text: String,
    /// The local name: after the prefix's `:`, an IRI's `#` or last `/`; `<>` removed.
    local: String,
    /// IRIs of the properties the lexicon maps this text to as a lemma pattern (lower-cased).
    lexicon_iris: BTreeSet<String>,
}

impl PredicateQuery {
    /// `text` read against `lexicon`: (lemma pattern, property IRI) pairs of the ontology lexicon.
    pub fn new<'a>(text: &str, lexicon: impl IntoIterator<Item = (&'a str, &'a str)>) -> PredicateQuery {
        let text = text.trim().to_lowercase();
        let bare = text.trim_start_matches('<').trim_end_matches('>');
        let local = if bare.contains("://") {
            bare.rsplit(['#', '/']).next().unwrap_or(bare)
        } else {
            bare.rsplit(':').next().unwrap_or(bare)
        }
        .to_owned();
        let lexicon_iris = lexicon
            .into_iter()
            .filter(|(pattern, _)| pattern.trim().eq_ignore_ascii_case(&text))
            .map(|(_, iri)| iri.to_lowercase())
            .collect();
        PredicateQuery { text, local, lexicon_iris }
    }

    /// Whether `p` is the predicate meant: its name, label or IRI as typed, its local name, or
    /// a property the lexicon maps the typed lemma to.
    pub fn matches(&self, p: &Predicate) -> bool {
        let (name, label, iri) = (p.name.to_lowercase(), p.label.to_lowercase(), p.iri.to_lowercase());
        name == self.text
            || name == self.local
            || label == self.text
            || label == self.local
            || iri == self.text.trim_start_matches('<').trim_end_matches('>')
            || self.lexicon_iris.contains(&iri)
    }
}

/// Which facts count: any of the predicates (none given: all), from the given documents (none
/// given: all), with at least this confidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactFilter {
    pub predicates: Vec<PredicateQuery>,
    /// Document ids (already resolved from what the user typed).
    pub docs: Option<HashSet<String>>,
    pub min_confidence: Option<f32>,
}

impl FactFilter {
    /// True when the filter keeps every fact.
    pub fn is_empty(&self) -> bool {
        self.predicates.is_empty() && self.docs.is_none() && self.min_confidence.is_none()
    }

    /// Whether a fact with this predicate, document and confidence is kept.
    pub fn keeps(&self, predicate: &Predicate, doc: &str, confidence: f32) -> bool {
        (self.predicates.is_empty() || self.predicates.iter().any(|q| q.matches(predicate)))
            && self.docs.as_ref().is_none_or(|d| d.contains(doc))
            && self.min_confidence.is_none_or(|m| confidence >= m)
    }

    pub fn keeps_edge(&self, e: &EdgeData) -> bool {
        self.keeps(&e.predicate, &e.doc, e.confidence)
    }

    pub fn keeps_fact(&self, f: &crate::document::Fact) -> bool {
        self.keeps(&f.predicate, &f.provenance.doc, f.provenance.confidence)
    }
}

/// A part of a graph chosen for drawing, and how much of the whole it is.
#[derive(Debug, Clone)]
pub struct Selected {
    pub graph: KnowledgeGraph,
    /// Nodes that were candidates (the whole neighbourhood, or every node with an edge).
    pub candidates: usize,
}

impl Selected {
    /// Candidates left out by the cap.
    pub fn omitted(&self) -> usize {
        self.candidates.saturating_sub(self.graph.node_count())
    }
}

impl KnowledgeGraph {
    /// Every node, and the edges `filter` keeps.
    pub fn filter_facts(&self, filter: &FactFilter) -> KnowledgeGraph {
        if filter.is_empty() {
            return self.clone();
        }
        let keep = vec![true; self.graph.node_count()];
        self.subgraph(&keep, |e| filter.keeps_edge(&self.graph[e]))
    }

    /// The neighbourhood of `start` to `depth` hops, capped at `max_nodes` (with `start`; `None`
    /// keeps all). Nodes are taken hop by hop, and within a hop the most strongly tied first: by
    /// the number of facts linking them to the nodes already kept, then by their number of facts
    /// overall, then by id. A node is only reached through kept nodes, so the picture stays
    /// connected.
    pub fn focus_capped(&self, start: NodeIndex, depth: usize, max_nodes: Option<usize>) -> Selected {
        let n = self.graph.node_count();
        let budget = max_nodes.unwrap_or(usize::MAX).max(1);
        let mut keep = vec![false; n];
        let mut seen = vec![false; n];
        keep[start.index()] = true;
        seen[start.index()] = true;
        let (mut kept, mut candidates) = (1usize, 1usize);
        let mut frontier = vec![start];
        for _ in 0..depth {
            // Ties to the kept frontier, per candidate of the next hop.
            let mut ties: std::collections::HashMap<NodeIndex, usize> = std::collections::HashMap::new();
            for &f in &frontier {
                if self.graph[f].is_literal() {
                    continue;
                }
                for dir in [Direction::Outgoing, Direction::Incoming] {
                    for e in self.graph.edges_directed(f, dir) {
                        let m = if dir == Direction::Outgoing { e.target() } else { e.source() };
                        if !keep[m.index()] {
                            *ties.entry(m).or_default() += 1;
                        }
                    }
                }
            }
            let mut next: Vec<(NodeIndex, usize)> = ties.into_iter().collect();
            for &(m, _) in &next {
                if !seen[m.index()] {
                    seen[m.index()] = true;
                    candidates += 1;
                }
            }
            next.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| self.fact_count(b.0).cmp(&self.fact_count(a.0)))
                    .then_with(|| a.0.cmp(&b.0))
            });
            let room = budget.saturating_sub(kept);
            next.truncate(room);
            if next.is_empty() {
                // Count what lies beyond, so the note is honest about the whole neighbourhood.
                continue;
            }
            frontier = next.iter().map(|&(m, _)| m).collect();
            frontier.sort();
            for &m in &frontier {
                keep[m.index()] = true;
            }
            kept += frontier.len();
        }
        Selected { graph: self.subgraph(&keep, |_| true), candidates }
    }

    /// The `max_nodes` nodes with the most facts (ties: smaller id), among those with at least
    /// one; `None` keeps every node with a fact.
    pub fn top_nodes(&self, max_nodes: Option<usize>) -> Selected {
        let mut ranked: Vec<(NodeIndex, usize)> =
            self.graph.node_indices().map(|ix| (ix, self.fact_count(ix))).filter(|(_, d)| *d > 0).collect();
        let candidates = ranked.len();
        // Node indices are in id order, so a stable sort by count breaks ties by id.
        ranked.sort_by(|a, b| b.1.cmp(&a.1));
        ranked.truncate(max_nodes.unwrap_or(usize::MAX));
        let mut keep = vec![false; self.graph.node_count()];
        for (ix, _) in ranked {
            keep[ix.index()] = true;
        }
        Selected { graph: self.subgraph(&keep, |_| true), candidates }
    }

    /// Number of facts (edges, in and out) a node takes part in.
    pub fn fact_count(&self, ix: NodeIndex) -> usize {
        self.graph.edges_directed(ix, Direction::Outgoing).count()
            + self.graph.edges_directed(ix, Direction::Incoming).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Entity, EntityType};
    use crate::graph::tests::{entity as make_entity, fact};

    fn predicate(name: &str, label: &str) -> Predicate {
        Predicate {
            name: name.into(),
            iri: format!("https://example.org/ontology#{name}"),
            label: label.into(),
            surface: "objected to".into(),
            normalized: true,
        }
    }

    #[test]
    fn a_predicate_is_found_by_lemma_label_local_name_or_iri() {
        let lexicon = [("object to", "https://example.org/ontology#opposes")];
        let p = predicate("opposes", "opposes");
        for typed in ["opposes", "kg:opposes", "OPPOSES", "object to", "https://example.org/ontology#opposes", "<https://example.org/ontology#opposes>"] {
            assert!(PredicateQuery::new(typed, lexicon).matches(&p), "{typed}");
        }
        for typed in ["oppose", "supports", "kg:supports", "object"] {
            assert!(!PredicateQuery::new(typed, lexicon).matches(&p), "{typed}");
        }
        let label = predicate("ministerOf", "foreign minister of");
        assert!(PredicateQuery::new("Foreign Minister of", []).matches(&label));
    }

    fn entity(id: &str) -> Entity {
        make_entity(id, id, EntityType::Person, &[], None)
    }

    /// A hub with `n` spokes; spoke `i` has `i + 1` facts with the hub, and every spoke has a
    /// neighbour of its own.
    fn star(n: usize) -> KnowledgeGraph {
        let mut entities = vec![entity("hub")];
        let mut facts = Vec::new();
        for i in 0..n {
            let spoke = format!("s{i:02}");
            let leaf = format!("l{i:02}");
            entities.push(entity(&spoke));
            entities.push(entity(&leaf));
            for k in 0..=i {
                let mut f = fact("hub", "meets", &spoke, 0.9, k, "They met.");
                f.provenance.doc = format!("d{k}");
                facts.push(f);
            }
            let mut f = fact(&spoke, "meets", &leaf, 0.9, 0, "They met.");
            f.provenance.doc = "d0".into();
            facts.push(f);
        }
        KnowledgeGraph::from_facts(&entities, &facts)
    }

    #[test]
    fn the_focus_keeps_the_most_tied_neighbours_and_counts_the_rest() {
        let g = star(10);
        let hub = g.find_entity("hub").unwrap();
        let picked = g.focus_capped(hub, 1, Some(4));
        assert_eq!(picked.graph.node_count(), 4);
        assert_eq!(picked.candidates, 11);
        assert_eq!(picked.omitted(), 7);
        let ids: Vec<&str> = picked.graph.nodes().map(|(_, n)| n.id.as_str()).collect();
        assert_eq!(ids, ["hub", "s07", "s08", "s09"]);
        // Depth 2 reaches leaves only through kept spokes.
        let deep = g.focus_capped(hub, 2, Some(15));
        assert_eq!(deep.candidates, 21);
        assert_eq!(deep.graph.node_count(), 15);
        for (ix, n) in deep.graph.nodes() {
            if n.id.starts_with('l') {
                let spoke = format!("s{}", &n.id[1..]);
                assert!(deep.graph.node_by_id(&spoke).is_some(), "{} kept without its spoke", n.id);
                assert_eq!(deep.graph.fact_count(ix), 1);
            }
        }
        // No cap: the whole neighbourhood.
        assert_eq!(g.focus_capped(hub, 1, None).omitted(), 0);
    }

    #[test]
    fn top_nodes_and_fact_filters() {
        let g = star(5);
        let top = g.top_nodes(Some(3));
        let ids: Vec<&str> = top.graph.nodes().map(|(_, n)| n.id.as_str()).collect();
        assert_eq!(ids, ["hub", "s03", "s04"]);
        assert_eq!(top.candidates, 11);
        let only_d1 = FactFilter { docs: Some(["d1".to_owned()].into()), ..FactFilter::default() };
        assert_eq!(g.filter_facts(&only_d1).edge_count(), 4);
        let none = FactFilter { predicates: vec![PredicateQuery::new("visits", [])], ..FactFilter::default() };
        assert_eq!(g.filter_facts(&none).edge_count(), 0);
        assert_eq!(g.filter_facts(&none).node_count(), g.node_count());
    }
}
