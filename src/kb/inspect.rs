//! Questions about the built graph, answered from the cached view: which entities there are and
//! how each was resolved, why an edge is there (every matching fact with its evidence and
//! document), the shortest path between two entities, rankings and connected components.
//!
//! In: names as a user types them (labels, aliases or ids, any case). Out: typed answers; the
//! CLI decides how they look.

use super::index::{LazyIndex, Skeleton};
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
        let wanted = kind.map(entity_type).transpose()?;
        let persisted = if filter.is_empty() { self.from_lazy(|index| index.entities()) } else { None };
        let all: Vec<EntityCounts> = match persisted {
            Some(rows) => rows.into_iter().map(|r| EntityCounts { entity: r.entity, facts: r.facts, documents: r.documents }).collect(),
            None => {
                let view = self.view()?;
                let counts = fact_counts(view.facts().iter().filter(|f| filter.keeps_fact(f)));
                view.entities()
                    .iter()
                    .map(|e| {
                        let (facts, documents) = counts.get(e.id.as_str()).map_or((0, 0), |(f, d)| (*f, d.len()));
                        EntityCounts { entity: e.clone(), facts, documents }
                    })
                    .collect()
            }
        };
        let needle = search.map(str::to_lowercase);
        let contains = |e: &Entity, n: &str| {
            e.label.to_lowercase().contains(n) || e.id.to_lowercase().contains(n) || e.aliases.iter().any(|a| a.to_lowercase().contains(n))
        };
        let mut rows: Vec<EntityCounts> = all
            .into_iter()
            .filter(|r| wanted.is_none_or(|w| r.entity.kind == w))
            .filter(|r| needle.as_deref().is_none_or(|n| contains(&r.entity, n)))
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
        let keep = |e: &Entity| wanted.is_none_or(|w| e.kind == w);
        if let Some(rows) = self.from_lazy(|index| index.entities()) {
            return Ok(rows.into_iter().map(|r| r.entity).filter(keep).collect());
        }
        Ok(self.view()?.entities().iter().filter(|e| keep(e)).cloned().collect())
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
        let query = Why { subject, predicate, query: query.as_ref(), object, filter };
        let found = match self.from_lazy(|index| self.why_from_index(index, &query)) {
            Some(found) => found?,
            None => {
                let view = self.view()?;
                let by_id: HashMap<&str, &Entity> = view.entities().iter().map(|e| (e.id.as_str(), e)).collect();
                let sources: HashMap<&str, &str> = view.documents().iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
                query.explain(view.facts(), |id| by_id.get(id).copied(), &sources)
            }
        };
        if found.is_empty() {
            return Err(KbError::NoFact {
                subject: subject.to_owned(),
                predicate: predicate.map(str::to_owned),
                object: object.map(str::to_owned),
            });
        }
        Ok(found)
    }

    /// [`why`](Self::why) from the persisted index: only the facts of the matching subjects are
    /// read, from their documents' records. `None` when a section could not be read.
    fn why_from_index(&self, index: &LazyIndex, query: &Why) -> Option<Result<Vec<Explanation>, KbError>> {
        let rows = index.entities()?;
        let entity = |id: &str| rows.binary_search_by(|r| r.entity.id.as_str().cmp(id)).ok().map(|i| &rows[i].entity);
        let mut numbers: Vec<u32> =
            index.subjects()?.into_iter().filter(|(id, _)| query.entity_matches(id, query.subject, &entity)).flat_map(|(_, n)| n).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let labels = match self.store.property_labels() {
            Ok(labels) => labels,
            Err(e) => return Some(Err(e.into())),
        };
        let facts = index.facts(&numbers, &labels)?;
        let documents = index.documents();
        let sources: HashMap<&str, &str> = documents.iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
        Some(Ok(query.explain(&facts, entity, &sources)))
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
        let skeleton = match self.from_lazy(|index| index.skeleton()) {
            Some(skeleton) => skeleton,
            None => Skeleton::of(self.view()?.graph(), |_| 0),
        };
        let literal: Vec<bool> = skeleton.nodes.iter().map(|n| n.literal).collect();
        let edges: Vec<(usize, usize)> = skeleton.edges.iter().map(|&(s, t, _)| (s as usize, t as usize)).collect();
        let scored: Vec<(usize, f64)> = match ranking {
            Ranking::PageRank => crate::graph::pagerank(&literal, &edges, 0.85, 50),
            Ranking::Degree => crate::graph::degree_ranking(&literal, &edges).into_iter().map(|(ix, d)| (ix, d as f64)).collect(),
        };
        Ok(scored
            .into_iter()
            .map(|(ix, score)| (&skeleton.nodes[ix], score))
            .filter(|(node, _)| wanted.is_none_or(|w| node.kind == w))
            // a document's own node (`officials` of one article) is no corpus entity to rank
            .filter(|(node, _)| !crate::corpus::link::is_document_scoped(&node.id))
            .map(|(node, score)| (node.label.clone(), score))
            .collect())
    }

    /// Connected components as entity labels ([`KnowledgeGraph::components`](crate::graph::KnowledgeGraph::components)).
    pub fn components(&self) -> Result<Vec<Vec<String>>, KbError> {
        Ok(self.view()?.graph().components())
    }
}

/// Per entity id, the facts it takes part in (as subject, or as an entity object other than the
/// subject) and the documents they come from.
pub(crate) fn fact_counts<'a>(facts: impl Iterator<Item = &'a Fact>) -> HashMap<&'a str, (usize, HashSet<&'a str>)> {
    let mut counts: HashMap<&str, (usize, HashSet<&str>)> = HashMap::new();
    for f in facts {
        let object = match &f.object {
            FactObject::Entity(o) if *o != f.subject => Some(o.as_str()),
            _ => None,
        };
        for id in std::iter::once(f.subject.as_str()).chain(object) {
            let (n, docs) = counts.entry(id).or_default();
            *n += 1;
            docs.insert(f.provenance.doc.as_str());
        }
    }
    counts
}

/// What `kgraph why` asks, and the answer over any facts.
struct Why<'q> {
    subject: &'q str,
    predicate: Option<&'q str>,
    query: Option<&'q crate::graph::PredicateQuery>,
    object: Option<&'q str>,
    filter: &'q FactFilter,
}

impl Why<'_> {
    fn entity_matches<'e>(&self, id: &str, q: &str, entity: &impl Fn(&str) -> Option<&'e Entity>) -> bool {
        entity(id).is_some_and(|e| matches_entity(e, q)) || id.eq_ignore_ascii_case(q)
    }

    /// The facts that match, in the order given, explained.
    fn explain<'e>(&self, facts: &[Fact], entity: impl Fn(&str) -> Option<&'e Entity>, sources: &HashMap<&str, &str>) -> Vec<Explanation> {
        let label = |id: &str| entity(id).map_or(id.to_owned(), |e| e.label.clone());
        facts
            .iter()
            .filter(|f| self.entity_matches(&f.subject, self.subject, &entity))
            .filter(|f| self.filter.keeps_fact(f))
            .filter(|f| self.predicate.is_none_or(|p| self.query.is_some_and(|q| q.matches(&f.predicate)) || matches_predicate(f, p)))
            .filter(|f| {
                self.object.is_none_or(|o| match &f.object {
                    FactObject::Entity(id) => self.entity_matches(id, o, &entity),
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
            .collect()
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
