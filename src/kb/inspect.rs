//! Questions about the built graph, answered from the cached view: which entities there are and
//! how each was resolved, why an edge is there (every matching fact with its evidence and
//! document), the shortest path between two entities, rankings and connected components.
//!
//! In: names as a user types them (labels, aliases or ids, any case). Out: typed answers; the
//! CLI decides how they look.

use super::{KbError, KnowledgeBase};
use crate::document::{Entity, EntityType, Fact, FactObject};
use crate::graph::{FactFilter, PathStep};
use std::collections::{HashMap, HashSet};

/// How to rank entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// PageRank (damping 0.85, 50 iterations).
    PageRank,
    /// Number of facts an entity takes part in.
    Degree,
}

/// One fact behind an edge, for `kgraph why`.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub fact: Fact,
    /// The subject's label.
    pub subject: String,
    /// The object's label, or a literal's value.
    pub object: String,
    /// The source path of the fact's document, when the store has the document.
    pub source: Option<String>,
}

/// An entity with the number of facts it takes part in and of documents they come from.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityCounts {
    pub entity: Entity,
    pub facts: usize,
    pub documents: usize,
}

impl KnowledgeBase {
    /// Entities with their fact and document counts (facts kept by `filter` only): of the type
    /// named `kind` if given; containing `search` in their label, an alias or id (ignoring case)
    /// if given, then most facts first, else by id. With a non-empty filter, only entities with
    /// a kept fact are listed.
    pub fn entity_counts(&self, search: Option<&str>, kind: Option<&str>, filter: &FactFilter) -> Result<Vec<EntityCounts>, KbError> {
        let view = self.view()?;
        let mut facts: HashMap<&str, usize> = HashMap::new();
        let mut docs: HashMap<&str, HashSet<&str>> = HashMap::new();
        for f in view.facts().iter().filter(|f| filter.keeps_fact(f)) {
            let object = match &f.object {
                FactObject::Entity(o) if *o != f.subject => Some(o.as_str()),
                _ => None,
            };
            for id in std::iter::once(f.subject.as_str()).chain(object) {
                *facts.entry(id).or_default() += 1;
                docs.entry(id).or_default().insert(f.provenance.doc.as_str());
            }
        }
        let needle = search.map(str::to_lowercase);
        let contains = |e: &Entity, n: &str| {
            e.label.to_lowercase().contains(n) || e.id.to_lowercase().contains(n) || e.aliases.iter().any(|a| a.to_lowercase().contains(n))
        };
        let mut rows: Vec<EntityCounts> = self
            .entities(kind)?
            .into_iter()
            .filter(|e| needle.as_deref().is_none_or(|n| contains(e, n)))
            .map(|e| {
                let (f, d) = (facts.get(e.id.as_str()).copied().unwrap_or(0), docs.get(e.id.as_str()).map_or(0, HashSet::len));
                EntityCounts { entity: e, facts: f, documents: d }
            })
            .filter(|r| filter.is_empty() || r.facts > 0)
            .collect();
        if search.is_some() {
            rows.sort_by(|a, b| b.facts.cmp(&a.facts).then_with(|| a.entity.id.cmp(&b.entity.id)));
        }
        Ok(rows)
    }

    /// Entities sorted by id, only those of the type named `kind` (`Person`, `Country`, …) if given.
    pub fn entities(&self, kind: Option<&str>) -> Result<Vec<Entity>, KbError> {
        let wanted = kind.map(entity_type).transpose()?;
        Ok(self.view()?.entities().iter().filter(|e| wanted.is_none_or(|w| e.kind == w)).cloned().collect())
    }

    /// How `entity` came to be: the merges that made it (`merged "Trump" by rule surname`), its
    /// other aliases, and the resolution notes of the facts it takes part in.
    pub fn explain(&self, entity: &Entity) -> Result<Vec<String>, KbError> {
        let view = self.view()?;
        let mut notes: Vec<&String> = view
            .facts()
            .iter()
            .filter(|f| f.subject == entity.id || matches!(&f.object, FactObject::Entity(o) if *o == entity.id))
            .flat_map(|f| f.notes.iter().filter(|n| n.contains(&entity.id) || n.starts_with("resolve")))
            .collect();
        notes.sort();
        notes.dedup();
        let mut lines: Vec<String> = entity
            .merges
            .iter()
            .map(|m| match m.rule.as_str() {
                // corpus notes are sentences of their own (`Johnson could be Boris Johnson, …`)
                r if r.starts_with("corpus-") && (r == "corpus-type" || m.alias.contains(" = ") || m.alias.contains(" could be ")) => {
                    format!("{}: {}", m.rule, m.alias)
                }
                _ => format!("merged {:?} by rule {}", m.alias, m.rule),
            })
            .collect();
        lines.sort();
        lines.extend(entity.aliases.iter().filter(|a| !entity.merges.iter().any(|m| &m.alias == *a)).map(|a| format!("alias {a:?}")));
        lines.extend(notes.into_iter().cloned());
        Ok(lines)
    }

    /// Every fact whose subject (and predicate, and object, when given) matches and that `filter`
    /// keeps, in store order. Entities match by id, label or alias, ignoring case; a predicate as
    /// a lemma, label, local or prefixed name or IRI ([`PredicateQuery`]), or by part of its
    /// label or surface form.
    ///
    /// [`PredicateQuery`]: crate::graph::PredicateQuery
    pub fn why(&self, subject: &str, predicate: Option<&str>, object: Option<&str>, filter: &FactFilter) -> Result<Vec<Explanation>, KbError> {
        let query = match predicate {
            Some(p) => self.fact_filter(&[p.to_owned()], None, None)?.predicates.pop(),
            None => None,
        };
        let view = self.view()?;
        let by_id: HashMap<&str, &Entity> = view.entities().iter().map(|e| (e.id.as_str(), e)).collect();
        let sources: HashMap<&str, &str> = view.documents().iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
        let label = |id: &str| by_id.get(id).map_or(id.to_owned(), |e| e.label.clone());
        let entity_matches = |id: &str, q: &str| by_id.get(id).is_some_and(|e| matches_entity(e, q)) || id.eq_ignore_ascii_case(q);
        let found: Vec<Explanation> = view
            .facts()
            .iter()
            .filter(|f| entity_matches(&f.subject, subject))
            .filter(|f| filter.keeps_fact(f))
            .filter(|f| predicate.is_none_or(|p| query.as_ref().is_some_and(|q| q.matches(&f.predicate)) || matches_predicate(f, p)))
            .filter(|f| {
                object.is_none_or(|o| match &f.object {
                    FactObject::Entity(id) => entity_matches(id, o),
                    FactObject::Literal(l) => l.value.eq_ignore_ascii_case(o),
                })
            })
            .map(|f| Explanation {
                subject: label(&f.subject),
                object: match &f.object {
                    FactObject::Entity(id) => label(id),
                    FactObject::Literal(l) => l.value.clone(),
                },
                source: sources.get(f.provenance.doc.as_str()).map(|s| (*s).to_owned()),
                fact: f.clone(),
            })
            .collect();
        if found.is_empty() {
            return Err(KbError::NoFact {
                subject: subject.to_owned(),
                predicate: predicate.map(str::to_owned),
                object: object.map(str::to_owned),
            });
        }
        Ok(found)
    }

    /// The shortest path between two entities (labels, aliases or ids), one step per edge.
    pub fn path(&self, from: &str, to: &str) -> Result<Vec<PathStep>, KbError> {
        self.view()?
            .graph()
            .shortest_path(from, to)?
            .ok_or_else(|| KbError::NoPath { from: from.to_owned(), to: to.to_owned() })
    }

    /// Entity labels with their score, best first; only entities of the type named `kind` if
    /// given (ranked over the whole graph).
    pub fn rank(&self, ranking: Ranking, kind: Option<&str>) -> Result<Vec<(String, f64)>, KbError> {
        let wanted = kind.map(entity_type).transpose()?;
        let view = self.view()?;
        let graph = view.graph();
        let scored: Vec<(crate::graph::NodeIndex, f64)> = match ranking {
            Ranking::PageRank => graph.pagerank_nodes(0.85, 50),
            Ranking::Degree => graph.degree_ranking_nodes().into_iter().map(|(ix, d)| (ix, d as f64)).collect(),
        };
        Ok(scored
            .into_iter()
            .filter(|(ix, _)| wanted.is_none_or(|w| graph.node(*ix).entity_type == w))
            // a document's own node (`officials` of one article) is no corpus entity to rank
            .filter(|(ix, _)| !crate::corpus::link::is_document_scoped(&graph.node(*ix).id))
            .map(|(ix, score)| (graph.node(ix).label.clone(), score))
            .collect())
    }

    /// Connected components as entity labels ([`KnowledgeGraph::components`](crate::graph::KnowledgeGraph::components)).
    pub fn components(&self) -> Result<Vec<Vec<String>>, KbError> {
        Ok(self.view()?.graph().components())
    }
}

/// The entity type called `name` (`Person`, `Country`, …).
fn entity_type(name: &str) -> Result<EntityType, KbError> {
    EntityType::from_class_name(name).ok_or_else(|| KbError::UnknownType {
        name: name.to_owned(),
        known: EntityType::ALL.iter().map(|t| t.class_name()).collect::<Vec<_>>().join(", "),
    })
}

fn matches_entity(e: &Entity, q: &str) -> bool {
    e.id.eq_ignore_ascii_case(q) || e.label.eq_ignore_ascii_case(q) || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(q))
}

fn matches_predicate(f: &Fact, p: &str) -> bool {
    let p = p.to_lowercase();
    let (name, label) = (f.predicate.name.to_lowercase(), f.predicate.label.to_lowercase());
    name == p || label == p || f.predicate.surface.to_lowercase().contains(&p) || label.contains(&p)
}
