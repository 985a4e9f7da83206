//! The petgraph view of the knowledge graph: entity nodes, fact edges, and the algorithms the CLI
//! uses to keep diagrams readable and answer graph questions.
//!
//! **In:** [`Entity`]s and [`Fact`]s (from the pipeline, or rebuilt from the store's statement
//! nodes by the lead). **Out:** a [`KnowledgeGraph`] that `export` writes as DOT, GraphML, CSV
//! or node-link JSON, plus rankings, components and paths for `kgraph stats` / `kgraph path`.
//!
//! Modelling decisions:
//! - One node per entity (entities with no facts are kept as isolated nodes), one edge per fact.
//!   [`KnowledgeGraph::from_facts`] keeps only plain facts ([`Fact::is_plain`]: asserted and not
//!   negated); [`KnowledgeGraph::from_facts_with`] with [`BuildOptions::include_non_plain`] also
//!   keeps negated and modal facts as edges whose `negated`/`modality` attributes say so.
//! - A fact whose object is a literal (date, money, quantity, string) becomes an edge to a
//!   **literal node** ([`NodeKind::Literal`]). Literal nodes are never shared: there is one per
//!   distinct (subject, predicate, literal), so a shared date never connects two unrelated entities.
//!   They are shown in diagrams and exports, but [`find_entity`](KnowledgeGraph::find_entity),
//!   [`degree_ranking`](KnowledgeGraph::degree_ranking), [`pagerank`](KnowledgeGraph::pagerank),
//!   [`components`](KnowledgeGraph::components) and
//!   [`shortest_path`](KnowledgeGraph::shortest_path) ignore them.
//! - Facts naming an entity that is missing from the entity list get a placeholder node of type
//!   `Concept` whose label is the id (never a panic).
//! - API levels: [`degree_ranking`](KnowledgeGraph::degree_ranking),
//!   [`pagerank`](KnowledgeGraph::pagerank), [`components`](KnowledgeGraph::components) and
//!   [`shortest_path`](KnowledgeGraph::shortest_path) speak labels and entity names (for the
//!   CLI); the `*_nodes` variants return petgraph indices for further work.
//! - Determinism: nodes are stored in id order and edges in (source id, target id, predicate,
//!   provenance) order, so `NodeIndex` order is id order, and every iteration and export is
//!   byte-identical across runs for the same input.

mod algo;
mod select;

pub use self::algo::{DEFAULT_DAMPING, DEFAULT_ITERATIONS, PathHop, PathStep, degree_ranking, pagerank};
pub use self::select::{FactFilter, PredicateQuery, Selected};

pub use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::document::{
    Entity, EntityType, Fact, FactObject, Literal, Modality, Predicate, Qualifier,
};
use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Errors of graph queries by name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    #[error("no entity matches `{query}`{}", did_you_mean(suggestions))]
    UnknownEntity {
        query: String,
        suggestions: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean: {}?)", suggestions.join(", "))
    }
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    /// A resolved entity (person, country, concept…).
    Entity,
    /// A literal value that is the object of a fact (date, amount, quantity, string).
    Literal,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Entity => "entity",
            NodeKind::Literal => "literal",
        }
    }
}

/// A node: an entity, or a literal value.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    /// Entity id (`donald_trump`), or `literal:{subject}/{predicate}/{value}` for literal nodes.
    pub id: String,
    /// Display label: the entity's canonical label, or the literal value (with its unit).
    pub label: String,
    pub kind: NodeKind,
    /// Entity type; for literals a best guess from the datatype/unit (Date, Money, Quantity,
    /// else Concept).
    pub entity_type: EntityType,
    /// Other names (entities only), sorted.
    pub aliases: Vec<String>,
    /// Wikidata id (`Q30`) when linked.
    pub wikidata: Option<String>,
    /// The literal value, for literal nodes.
    pub literal: Option<Literal>,
}

impl NodeData {
    pub fn is_literal(&self) -> bool {
        self.kind == NodeKind::Literal
    }
}

/// An edge: one fact, with its flags and provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    /// Predicate: `name` (local name), `label`, `iri`, `surface`, `normalized`.
    pub predicate: Predicate,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// The evidence sentence.
    pub evidence: String,
    /// Document id.
    pub doc: String,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// Char span of the evidence in the document.
    pub char_start: usize,
    pub char_end: usize,
    /// Extractor name and rule (`clause:SVO`).
    pub extractor: String,
    pub negated: bool,
    pub modality: Modality,
    /// Who said it, for reported speech.
    pub attribution: Option<String>,
    pub qualifiers: Vec<Qualifier>,
}

impl EdgeData {
    /// Asserted and not negated.
    pub fn is_plain(&self) -> bool {
        !self.negated && self.modality == Modality::Asserted
    }

    fn from_fact(f: &Fact) -> EdgeData {
        EdgeData {
            predicate: f.predicate.clone(),
            confidence: f.provenance.confidence,
            evidence: f.provenance.evidence.clone(),
            doc: f.provenance.doc.clone(),
            paragraph: f.provenance.paragraph,
            sentence: f.provenance.sentence,
            char_start: f.provenance.span.char.start,
            char_end: f.provenance.span.char.end,
            extractor: f.provenance.extractor.clone(),
            negated: f.negated,
            modality: f.modality,
            attribution: f.attribution.clone(),
            qualifiers: f.qualifiers.clone(),
        }
    }
}

/// Options for [`KnowledgeGraph::from_facts_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    /// Keep negated and modal (possible/planned/reported) facts as edges too. Default false.
    pub include_non_plain: bool,
    /// Keep literal-valued facts as edges to literal nodes. Default true.
    pub include_literals: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            include_non_plain: false,
            include_literals: true,
        }
    }
}

/// The knowledge graph as a directed multigraph (subject → object), over petgraph.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<NodeData, EdgeData>,
    index: HashMap<String, NodeIndex>,
}

impl KnowledgeGraph {
    /// One node per entity, one edge per plain fact (see the module docs for literal objects).
    pub fn from_facts(entities: &[Entity], facts: &[Fact]) -> KnowledgeGraph {
        Self::from_facts_with(entities, facts, BuildOptions::default())
    }

    /// Like [`from_facts`](Self::from_facts), with options.
    pub fn from_facts_with(
        entities: &[Entity],
        facts: &[Fact],
        opts: BuildOptions,
    ) -> KnowledgeGraph {
        Self::from_facts_traced(entities, facts, opts).0
    }

    /// [`from_facts_with`](Self::from_facts_with), also giving for each edge (by edge index) the
    /// index in `facts` of the fact it stands for: what a persisted view needs to find an edge's
    /// fact again without keeping the graph.
    pub fn from_facts_traced(
        entities: &[Entity],
        facts: &[Fact],
        opts: BuildOptions,
    ) -> (KnowledgeGraph, Vec<usize>) {
        // Collect nodes keyed by id (BTreeMap: id order). First entity with a given id wins.
        let mut nodes: BTreeMap<String, NodeData> = BTreeMap::new();
        for e in entities {
            nodes.entry(e.id.clone()).or_insert_with(|| NodeData {
                id: e.id.clone(),
                label: if e.label.is_empty() {
                    e.id.clone()
                } else {
                    e.label.clone()
                },
                kind: NodeKind::Entity,
                entity_type: e.kind,
                aliases: {
                    let set: BTreeSet<&String> =
                        e.aliases.iter().filter(|a| **a != e.label).collect();
                    set.into_iter().cloned().collect()
                },
                wikidata: e.wikidata.clone(),
                literal: None,
            });
        }
        let placeholder = |id: &str| NodeData {
            id: id.to_string(),
            label: id.to_string(),
            kind: NodeKind::Entity,
            entity_type: EntityType::Concept,
            aliases: Vec::new(),
            wikidata: None,
            literal: None,
        };
        // (subject id, object node id, edge, fact index)
        let mut edges: Vec<(String, String, EdgeData, usize)> = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            if !opts.include_non_plain && !f.is_plain() {
                continue;
            }
            let object_id = match &f.object {
                FactObject::Entity(o) => {
                    if !nodes.contains_key(o) {
                        nodes.insert(o.clone(), placeholder(o));
                    }
                    o.clone()
                }
                FactObject::Literal(lit) => {
                    if !opts.include_literals {
                        continue;
                    }
                    let id = literal_node_id(&f.subject, &f.predicate.name, lit);
                    nodes.entry(id.clone()).or_insert_with(|| NodeData {
                        id: id.clone(),
                        label: literal_label(lit),
                        kind: NodeKind::Literal,
                        entity_type: literal_type(lit),
                        aliases: Vec::new(),
                        wikidata: None,
                        literal: Some(lit.clone()),
                    });
                    id
                }
            };
            if !nodes.contains_key(&f.subject) {
                nodes.insert(f.subject.clone(), placeholder(&f.subject));
            }
            edges.push((f.subject.clone(), object_id, EdgeData::from_fact(f), i));
        }
        Self::assemble(nodes.into_values().collect(), edges)
    }

    /// What [`from_facts_traced`](Self::from_facts_traced) with the default options would build,
    /// without building it: the nodes in index order as (id, label, whether a literal, type),
    /// and the edges in edge order as (source, target, index in `facts`). Edge data is made
    /// only for edges that share both ends with another, the only ones whose order needs it;
    /// `complete` finishes such an edge's predicate as the built graph would have it (facts read
    /// back from records leave an ontology property's label empty).
    pub fn skeleton_of<F: std::borrow::Borrow<Fact>>(
        entities: &[Entity],
        facts: &[F],
        complete: impl Fn(&mut Predicate),
    ) -> (Vec<(String, String, bool, EntityType)>, Vec<(u32, u32, usize)>) {
        use std::borrow::Cow;
        // hashed, then sorted by id once (the first description of a node wins, as in a map
        // kept in id order): at 19k documents this runs on every add
        let mut nodes: rustc_hash::FxHashMap<Cow<'_, str>, (Cow<'_, str>, bool, EntityType)> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(entities.len() + facts.len(), Default::default());
        for e in entities {
            let label = if e.label.is_empty() { e.id.as_str() } else { e.label.as_str() };
            nodes.entry(Cow::Borrowed(e.id.as_str())).or_insert((Cow::Borrowed(label), false, e.kind));
        }
        let mut edges: Vec<(Cow<'_, str>, usize)> = Vec::new();
        for (i, f) in facts.iter().map(F::borrow).enumerate() {
            if !f.is_plain() {
                continue;
            }
            let object = match &f.object {
                FactObject::Entity(o) => {
                    nodes.entry(Cow::Borrowed(o.as_str())).or_insert((Cow::Borrowed(o.as_str()), false, EntityType::Concept));
                    Cow::Borrowed(o.as_str())
                }
                FactObject::Literal(lit) => {
                    let id = literal_node_id(&f.subject, &f.predicate.name, lit);
                    if !nodes.contains_key(id.as_str()) {
                        nodes.insert(Cow::Owned(id.clone()), (Cow::Owned(literal_label(lit)), true, literal_type(lit)));
                    }
                    Cow::Owned(id)
                }
            };
            nodes.entry(Cow::Borrowed(f.subject.as_str())).or_insert((Cow::Borrowed(f.subject.as_str()), false, EntityType::Concept));
            edges.push((object, i));
        }
        let mut nodes: Vec<(Cow<'_, str>, (Cow<'_, str>, bool, EntityType))> = nodes.into_iter().collect();
        nodes.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let index: rustc_hash::FxHashMap<&str, u32> = nodes.iter().enumerate().map(|(n, (id, _))| (id.as_ref(), n as u32)).collect();
        let mut resolved: Vec<(u32, u32, usize)> = edges.iter().map(|(o, i)| (index[facts[*i].borrow().subject.as_str()], index[o.as_ref()], *i)).collect();
        drop(index);
        // stable sorts: by both ends, then each run of edges between the same two nodes by
        // edge data, as `assemble` sorts them
        resolved.sort_by_key(|&(s, o, _)| (s, o));
        let mut start = 0;
        while start < resolved.len() {
            let ends = (resolved[start].0, resolved[start].1);
            let end = start + resolved[start..].iter().take_while(|e| (e.0, e.1) == ends).count();
            if end - start > 1 {
                let mut run: Vec<(EdgeData, (u32, u32, usize))> = resolved[start..end]
                    .iter()
                    .map(|e| {
                        let mut data = EdgeData::from_fact(facts[e.2].borrow());
                        complete(&mut data.predicate);
                        (data, *e)
                    })
                    .collect();
                run.sort_by(|a, b| edge_order(&a.0, &b.0));
                for (slot, (_, e)) in resolved[start..end].iter_mut().zip(run) {
                    *slot = e;
                }
            }
            start = end;
        }
        let nodes = nodes.into_iter().map(|(id, (label, literal, kind))| (id.into_owned(), label.into_owned(), literal, kind)).collect();
        (nodes, resolved)
    }

    /// The node [`skeleton_of`](Self::skeleton_of) makes of a plain fact's object when no
    /// entity or earlier fact describes it: (id, label, literal, type).
    pub fn object_node_of(f: &Fact) -> (String, String, bool, EntityType) {
        match &f.object {
            FactObject::Entity(o) => (o.clone(), o.clone(), false, EntityType::Concept),
            FactObject::Literal(lit) => (literal_node_id(&f.subject, &f.predicate.name, lit), literal_label(lit), true, literal_type(lit)),
        }
    }

    /// The order [`skeleton_of`](Self::skeleton_of) gives a run of edges between the same two
    /// nodes, as positions into `facts` (given in fact order): stably by edge data, each
    /// predicate completed by `complete` first. An add that puts a new edge beside old ones
    /// between the same two nodes orders the run with it.
    pub fn order_edge_run<F: std::borrow::Borrow<Fact>>(facts: &[F], complete: impl Fn(&mut Predicate)) -> Vec<usize> {
        let mut run: Vec<(EdgeData, usize)> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let mut data = EdgeData::from_fact(f.borrow());
                complete(&mut data.predicate);
                (data, i)
            })
            .collect();
        run.sort_by(|a, b| edge_order(&a.0, &b.0));
        run.into_iter().map(|(_, i)| i).collect()
    }

    /// Builds the graph from nodes (any order, unique ids) and edges given by node ids, each
    /// with a tag; returns the tags in edge order. Nodes are inserted in id order and edges in a
    /// total order, for determinism.
    fn assemble<T>(
        mut nodes: Vec<NodeData>,
        edges: Vec<(String, String, EdgeData, T)>,
    ) -> (KnowledgeGraph, Vec<T>) {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = HashMap::with_capacity(nodes.len());
        for n in nodes {
            let id = n.id.clone();
            let ix = graph.add_node(n);
            index.insert(id, ix);
        }
        let mut resolved: Vec<(NodeIndex, NodeIndex, EdgeData, T)> = edges
            .into_iter()
            .filter_map(|(s, o, e, t)| Some((*index.get(&s)?, *index.get(&o)?, e, t)))
            .collect();
        resolved.sort_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| edge_order(&a.2, &b.2))
        });
        let mut tags = Vec::with_capacity(resolved.len());
        for (s, o, e, t) in resolved {
            graph.add_edge(s, o, e);
            tags.push(t);
        }
        (KnowledgeGraph { graph, index }, tags)
    }

    /// A new graph with the given nodes (by index into `self`) and the edges accepted by `keep_edge`
    /// whose both ends are kept.
    fn subgraph(
        &self,
        keep: &[bool],
        mut keep_edge: impl FnMut(EdgeIndex) -> bool,
    ) -> KnowledgeGraph {
        let mut graph = DiGraph::new();
        let mut index = HashMap::new();
        let mut map = vec![NodeIndex::end(); self.graph.node_count()];
        for ix in self.graph.node_indices() {
            if keep[ix.index()] {
                let n = self.graph[ix].clone();
                let id = n.id.clone();
                let new_ix = graph.add_node(n);
                index.insert(id, new_ix);
                map[ix.index()] = new_ix;
            }
        }
        for e in self.graph.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            if keep[s] && keep[t] && keep_edge(e.id()) {
                graph.add_edge(map[s], map[t], e.weight().clone());
            }
        }
        KnowledgeGraph { graph, index }
    }

    /// The underlying petgraph graph (nodes in id order).
    pub fn graph(&self) -> &DiGraph<NodeData, EdgeData> {
        &self.graph
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Number of entity (non-literal) nodes.
    pub fn entity_count(&self) -> usize {
        self.graph
            .node_weights()
            .filter(|n| !n.is_literal())
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    pub fn node(&self, ix: NodeIndex) -> &NodeData {
        &self.graph[ix]
    }

    pub fn edge(&self, ix: EdgeIndex) -> &EdgeData {
        &self.graph[ix]
    }

    /// Source and target of an edge.
    pub fn edge_endpoints(&self, ix: EdgeIndex) -> (NodeIndex, NodeIndex) {
        self.graph
            .edge_endpoints(ix)
            .expect("edge index from this graph")
    }

    /// Node by exact id.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &NodeData)> + '_ {
        self.graph
            .node_indices()
            .map(move |ix| (ix, &self.graph[ix]))
    }

    /// Edges in (source id, target id, predicate, provenance) order: `(edge, source, target, data)`.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &EdgeData)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.id(), e.source(), e.target(), e.weight()))
    }

    /// Finds an entity by id, label or alias, case-insensitively (literal nodes are not searched).
    /// Priority: exact id, then id/label ignoring case, then alias ignoring case; the
    /// smallest id wins among equals. A query like `Don Strand` also matches the id
    /// `don_strand` (spaces and hyphens read as underscores).
    pub fn find_entity(&self, query: &str) -> Option<NodeIndex> {
        self.find_entities(query).into_iter().next()
    }

    /// All entities matching `query` (as in [`find_entity`](Self::find_entity)), best first.
    pub fn find_entities(&self, query: &str) -> Vec<NodeIndex> {
        let Some(q) = NameQuery::new(query) else { return Vec::new() };
        if let Some(&ix) = self.index.get(q.exact())
            && !self.graph[ix].is_literal()
        {
            return vec![ix];
        }
        let mut by_name = Vec::new();
        let mut by_alias = Vec::new();
        for (ix, n) in self.nodes() {
            if n.is_literal() {
                continue;
            }
            match q.matches(&n.id, &n.label, &n.aliases) {
                Some(NameMatch::Name) => by_name.push(ix),
                Some(NameMatch::Alias) => by_alias.push(ix),
                None => {}
            }
        }
        by_name.extend(by_alias);
        by_name
    }

    /// The undirected neighbourhood of `entity` (found with [`find_entity`](Self::find_entity))
    /// up to `depth` hops, with every edge among the kept nodes; an error (with "did you mean"
    /// suggestions) when no entity matches. Literal nodes are included
    /// (they hang off their subject) but not expanded through.
    pub fn focus(&self, entity: &str, depth: usize) -> Result<KnowledgeGraph, GraphError> {
        Ok(self.focus_node(self.find_entity_or_err(entity)?, depth))
    }

    /// [`find_entity`](Self::find_entity), or an error naming the query with up to five
    /// suggestions.
    pub fn find_entity_or_err(&self, query: &str) -> Result<NodeIndex, GraphError> {
        self.find_entity(query)
            .ok_or_else(|| GraphError::UnknownEntity {
                query: query.to_string(),
                suggestions: self
                    .suggest(query, 5)
                    .into_iter()
                    .map(|ix| self.graph[ix].label.clone())
                    .collect(),
            })
    }

    /// [`focus`](Self::focus) from a node index.
    pub fn focus_node(&self, start: NodeIndex, depth: usize) -> KnowledgeGraph {
        let mut keep = vec![false; self.graph.node_count()];
        let mut frontier = vec![start];
        keep[start.index()] = true;
        for _ in 0..depth {
            let mut next = Vec::new();
            for &n in &frontier {
                if self.graph[n].is_literal() {
                    continue;
                }
                for m in self.graph.neighbors_undirected(n) {
                    if !keep[m.index()] {
                        keep[m.index()] = true;
                        next.push(m);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            next.sort();
            frontier = next;
        }
        self.subgraph(&keep, |_| true)
    }

    /// Keeps the edges whose predicate name, label or IRI is in `predicates` (case-insensitive; empty
    /// keeps all), then the nodes with at least `min_degree` incident kept edges (in + out, one
    /// pass), then, if `max_nodes` is set, the `max_nodes` nodes of highest degree (ties: smaller
    /// id first). Edges are kept when both ends are.
    pub fn filter(
        &self,
        predicates: &[String],
        min_degree: usize,
        max_nodes: Option<usize>,
    ) -> KnowledgeGraph {
        let wanted: Vec<String> = predicates.iter().map(|p| p.trim().to_lowercase()).collect();
        let edge_ok: Vec<bool> = self
            .graph
            .edge_weights()
            .map(|e| {
                wanted.is_empty()
                    || wanted.iter().any(|w| {
                        e.predicate.name.to_lowercase() == *w
                            || e.predicate.label.to_lowercase() == *w
                            || e.predicate.iri.to_lowercase() == *w
                    })
            })
            .collect();
        let mut degree = vec![0usize; self.graph.node_count()];
        for e in self.graph.edge_references() {
            if edge_ok[e.id().index()] {
                degree[e.source().index()] += 1;
                degree[e.target().index()] += 1;
            }
        }
        let mut keep: Vec<bool> = degree.iter().map(|&d| d >= min_degree).collect();
        if let Some(max) = max_nodes {
            let mut candidates: Vec<NodeIndex> = self
                .graph
                .node_indices()
                .filter(|ix| keep[ix.index()])
                .collect();
            // Node indices are in id order, so a stable sort by degree breaks ties by id.
            candidates.sort_by(|a, b| degree[b.index()].cmp(&degree[a.index()]));
            for ix in candidates.into_iter().skip(max) {
                keep[ix.index()] = false;
            }
        }
        self.subgraph(&keep, |e| edge_ok[e.index()])
    }

    /// A graph without literal nodes (entity–entity facts only).
    pub fn entities_only(&self) -> KnowledgeGraph {
        let keep: Vec<bool> = self.graph.node_weights().map(|n| !n.is_literal()).collect();
        self.subgraph(&keep, |_| true)
    }
}

/// How a node matched a [`NameQuery`]: by id or label (first), or by an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    Name,
    Alias,
}

/// A name as typed for [`KnowledgeGraph::find_entities`]: matched against an entity's id (spaces
/// and hyphens read as underscores), label or aliases, ignoring case. Public so that a view
/// persisted without its graph finds entities exactly as the graph does.
#[derive(Debug, Clone)]
pub struct NameQuery {
    exact: String,
    lower: String,
    slug: String,
}

impl NameQuery {
    /// `None` for a blank query (it matches nothing).
    pub fn new(query: &str) -> Option<NameQuery> {
        let exact = query.trim();
        if exact.is_empty() {
            return None;
        }
        let lower = exact.to_lowercase();
        let slug = lower.chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
        Some(NameQuery { exact: exact.to_owned(), lower, slug })
    }

    /// The query trimmed: an exact id match wins over everything.
    pub fn exact(&self) -> &str {
        &self.exact
    }

    /// Whether an entity node with this id, label and aliases matches, and how.
    pub fn matches(&self, id: &str, label: &str, aliases: &[String]) -> Option<NameMatch> {
        if self.matches_name(id, label) {
            Some(NameMatch::Name)
        } else if aliases.iter().any(|a| self.matches_alias(a)) {
            Some(NameMatch::Alias)
        } else {
            None
        }
    }

    /// Whether the entity's id or label is the query (ignoring case).
    pub fn matches_name(&self, id: &str, label: &str) -> bool {
        lowercase_equals(id, &self.slug) || lowercase_equals(label, &self.lower)
    }

    /// Whether one of the entity's other names is the query (ignoring case).
    pub fn matches_alias(&self, alias: &str) -> bool {
        lowercase_equals(alias, &self.lower)
    }
}

/// `s.to_lowercase() == lower`, without a new string for ASCII text: a name lookup compares the
/// query with every node of a corpus view (hundreds of thousands).
fn lowercase_equals(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len() && s.bytes().zip(lower.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

/// Total order on edges between the same two nodes, so equal inputs give equal graphs.
fn edge_order(a: &EdgeData, b: &EdgeData) -> std::cmp::Ordering {
    a.predicate
        .name
        .cmp(&b.predicate.name)
        .then_with(|| a.predicate.label.cmp(&b.predicate.label))
        .then_with(|| a.predicate.iri.cmp(&b.predicate.iri))
        .then_with(|| a.doc.cmp(&b.doc))
        .then_with(|| a.sentence.cmp(&b.sentence))
        .then_with(|| a.char_start.cmp(&b.char_start))
        .then_with(|| a.char_end.cmp(&b.char_end))
        .then_with(|| a.predicate.surface.cmp(&b.predicate.surface))
        .then_with(|| a.negated.cmp(&b.negated))
        .then_with(|| a.modality.as_str().cmp(b.modality.as_str()))
        .then_with(|| a.confidence.total_cmp(&b.confidence))
        .then_with(|| a.extractor.cmp(&b.extractor))
        .then_with(|| a.attribution.cmp(&b.attribution))
        .then_with(|| a.evidence.cmp(&b.evidence))
        .then_with(|| a.paragraph.cmp(&b.paragraph))
}

fn literal_node_id(subject: &str, predicate: &str, lit: &Literal) -> String {
    let mut id = format!("literal:{subject}/{predicate}/{}", lit.value);
    if let Some(u) = &lit.unit {
        id.push(' ');
        id.push_str(u);
    }
    if let Some(dt) = &lit.datatype {
        id.push_str("^^");
        id.push_str(dt);
    }
    id
}

fn literal_label(lit: &Literal) -> String {
    match &lit.unit {
        Some(u) if !u.is_empty() => format!("{} {}", lit.value, u),
        _ => lit.value.clone(),
    }
}

/// Best-guess type of a literal, for styling: dates by datatype, money by a 3-letter currency
/// unit, numbers as quantities, anything else as a concept.
fn literal_type(lit: &Literal) -> EntityType {
    let dt = lit.datatype.as_deref().unwrap_or("");
    if dt.ends_with("#date")
        || dt.ends_with("#dateTime")
        || dt.ends_with("#gYear")
        || dt.ends_with("#gYearMonth")
    {
        return EntityType::Date;
    }
    if let Some(u) = &lit.unit
        && u.len() == 3
        && u.bytes().all(|b| b.is_ascii_uppercase())
    {
        return EntityType::Money;
    }
    if lit.unit.is_some() || lit.value.parse::<f64>().is_ok() {
        return EntityType::Quantity;
    }
    EntityType::Concept
}

#[cfg(test)]
pub(crate) mod tests;
