//! Questions about the built graph, answered from the cached view: which entities there are and
//! how each was resolved, why an edge is there (every matching fact with its evidence and
//! document), the shortest path between two entities, rankings and connected components.
//!
//! In: names as a user types them (labels, aliases or ids, any case). Out: typed answers; the
//! CLI decides how they look.

use super::{KbError, KnowledgeBase};
use crate::document::{Entity, EntityType, Fact, FactObject};
use crate::graph::PathStep;
use std::collections::HashMap;

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

impl KnowledgeBase {
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
        let mut lines: Vec<String> = entity.merges.iter().map(|m| format!("merged {:?} by rule {}", m.alias, m.rule)).collect();
        lines.sort();
        lines.extend(entity.aliases.iter().filter(|a| !entity.merges.iter().any(|m| &m.alias == *a)).map(|a| format!("alias {a:?}")));
        lines.extend(notes.into_iter().cloned());
        Ok(lines)
    }

    /// Every fact whose subject (and predicate, and object, when given) matches, in store order.
    /// Entities match by id, label or alias, ignoring case; a predicate by name or label, or by
    /// part of its label or surface form.
    pub fn why(&self, subject: &str, predicate: Option<&str>, object: Option<&str>) -> Result<Vec<Explanation>, KbError> {
        let view = self.view()?;
        let by_id: HashMap<&str, &Entity> = view.entities().iter().map(|e| (e.id.as_str(), e)).collect();
        let sources: HashMap<&str, &str> = view.documents().iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
        let label = |id: &str| by_id.get(id).map_or(id.to_owned(), |e| e.label.clone());
        let entity_matches = |id: &str, q: &str| by_id.get(id).is_some_and(|e| matches_entity(e, q)) || id.eq_ignore_ascii_case(q);
        let found: Vec<Explanation> = view
            .facts()
            .iter()
            .filter(|f| entity_matches(&f.subject, subject))
            .filter(|f| predicate.is_none_or(|p| matches_predicate(f, p)))
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

    /// Entity labels with their score, best first.
    pub fn rank(&self, ranking: Ranking) -> Result<Vec<(String, f64)>, KbError> {
        let view = self.view()?;
        Ok(match ranking {
            Ranking::PageRank => view.graph().pagerank(0.85, 50),
            Ranking::Degree => view.graph().degree_ranking(),
        })
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
