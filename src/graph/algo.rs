//! Graph algorithms over entity nodes: degree and PageRank rankings, connected components, and
//! shortest paths. Literal nodes are left out of all of them. Every result is deterministically
//! ordered (ties broken by node id, which is node-index order).

use super::{EdgeIndex, GraphError, KnowledgeGraph, NodeData, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::VecDeque;
use std::fmt;

/// Damping factor commonly used for PageRank.
pub const DEFAULT_DAMPING: f64 = 0.85;
/// Enough power iterations for graphs of our size to settle to ~1e-6.
pub const DEFAULT_ITERATIONS: usize = 50;

/// One hop of a path: the node reached and the edge used to reach it (`None` for the start).
/// The edge may point either way; use [`KnowledgeGraph::edge_endpoints`] to tell.
pub type PathHop = (NodeIndex, Option<EdgeIndex>);

/// One step of a path found by [`KnowledgeGraph::shortest_path`], printable as one line:
/// the start entity's label, then for each fact `  —opposes→ Greta Quillen  "evidence" [doc ¶ s]`
/// (`←label—` when the fact reads the other way).
#[derive(Debug, Clone, PartialEq)]
pub struct PathStep {
    /// The node reached.
    pub node: NodeIndex,
    /// The fact edge used to reach it (`None` for the start).
    pub edge: Option<EdgeIndex>,
    /// True when the edge's subject is the previous node (the fact reads along the path).
    pub forward: bool,
    /// The printable line.
    pub line: String,
}

impl fmt::Display for PathStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line)
    }
}

impl KnowledgeGraph {
    /// Entity–entity edges as (source, target) index pairs (literal nodes excluded).
    fn entity_edges(&self) -> impl Iterator<Item = (usize, usize, EdgeIndex)> + '_ {
        self.graph.edge_references().filter_map(move |e| {
            let (s, t) = (e.source(), e.target());
            if self.graph[s].is_literal() || self.graph[t].is_literal() {
                None
            } else {
                Some((s.index(), t.index(), e.id()))
            }
        })
    }

    /// Entities by degree as `(label, degree)`, highest first (see
    /// [`degree_ranking_nodes`](Self::degree_ranking_nodes)). Same type as
    /// [`pagerank`](Self::pagerank), so callers can pick either.
    pub fn degree_ranking(&self) -> Vec<(String, f64)> {
        self.degree_ranking_nodes()
            .into_iter()
            .map(|(ix, d)| (self.graph[ix].label.clone(), d as f64))
            .collect()
    }

    /// Entities by degree (in + out entity–entity edges, parallel edges counted), highest first,
    /// ties by id.
    pub fn degree_ranking_nodes(&self) -> Vec<(NodeIndex, usize)> {
        let (literal, edges) = self.entity_skeleton();
        degree_ranking(&literal, &edges).into_iter().map(|(i, d)| (NodeIndex::new(i), d)).collect()
    }

    /// PageRank as `(label, score)`, highest first (see [`pagerank_nodes`](Self::pagerank_nodes)).
    pub fn pagerank(&self, damping: f64, iterations: usize) -> Vec<(String, f64)> {
        self.pagerank_nodes(damping, iterations)
            .into_iter()
            .map(|(ix, s)| (self.graph[ix].label.clone(), s))
            .collect()
    }

    /// PageRank over the directed entity–entity edges (subject → object; parallel edges add
    /// weight; dangling nodes spread their rank evenly). Scores sum to 1. Highest first, ties by id.
    /// `damping` is clamped to [0, 1]; use [`DEFAULT_DAMPING`] and [`DEFAULT_ITERATIONS`].
    pub fn pagerank_nodes(&self, damping: f64, iterations: usize) -> Vec<(NodeIndex, f64)> {
        let (literal, edges) = self.entity_skeleton();
        pagerank(&literal, &edges, damping, iterations).into_iter().map(|(i, s)| (NodeIndex::new(i), s)).collect()
    }

    /// Which nodes are literals (by index), and the entity–entity edges in edge order: all the
    /// rankings look at.
    fn entity_skeleton(&self) -> (Vec<bool>, Vec<(usize, usize)>) {
        let literal = self.graph.node_weights().map(NodeData::is_literal).collect();
        (literal, self.entity_edges().map(|(s, t, _)| (s, t)).collect())
    }

    /// Connected components as entity labels (order of [`component_nodes`](Self::component_nodes)).
    pub fn components(&self) -> Vec<Vec<String>> {
        self.component_nodes()
            .into_iter()
            .map(|c| {
                c.into_iter()
                    .map(|ix| self.graph[ix].label.clone())
                    .collect()
            })
            .collect()
    }

    /// Weakly connected components of the entity nodes: largest first (ties: the component whose
    /// smallest id is smaller), each sorted by id.
    pub fn component_nodes(&self) -> Vec<Vec<NodeIndex>> {
        let n = self.graph.node_count();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for (s, t, _) in self.entity_edges() {
            let (a, b) = (find(&mut parent, s), find(&mut parent, t));
            if a != b {
                // Root at the smaller index so roots are the components' smallest ids.
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                parent[hi] = lo;
            }
        }
        let mut groups: Vec<Vec<NodeIndex>> = Vec::new();
        let mut slot = vec![usize::MAX; n];
        for ix in self.graph.node_indices() {
            if self.graph[ix].is_literal() {
                continue;
            }
            let r = find(&mut parent, ix.index());
            if slot[r] == usize::MAX {
                slot[r] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot[r]].push(ix);
        }
        // Groups were created in order of their smallest member; stable sort by size keeps that.
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        groups
    }

    /// Shortest undirected path from `a` to `b` over entity–entity edges (BFS; among equal-length
    /// paths the one through smaller ids/edge indices is chosen). Returns the nodes in order, each
    /// with the fact edge that reached it (`None` for `a`). `Some(vec![(a, None)])` when `a == b`;
    /// `None` when there is no path or an end is a literal node.
    pub fn shortest_path_nodes(&self, a: NodeIndex, b: NodeIndex) -> Option<Vec<PathHop>> {
        let n = self.graph.node_count();
        if a.index() >= n
            || b.index() >= n
            || self.graph[a].is_literal()
            || self.graph[b].is_literal()
        {
            return None;
        }
        let mut prev: Vec<Option<(NodeIndex, EdgeIndex)>> = vec![None; n];
        let mut seen = vec![false; n];
        seen[a.index()] = true;
        let mut queue = VecDeque::from([a]);
        while let Some(u) = queue.pop_front() {
            if u == b {
                break;
            }
            let mut nbrs: Vec<(NodeIndex, EdgeIndex)> = self
                .graph
                .edges_directed(u, petgraph::Direction::Outgoing)
                .map(|e| (e.target(), e.id()))
                .chain(
                    self.graph
                        .edges_directed(u, petgraph::Direction::Incoming)
                        .map(|e| (e.source(), e.id())),
                )
                .filter(|(m, _)| !self.graph[*m].is_literal())
                .collect();
            nbrs.sort();
            for (m, e) in nbrs {
                if !seen[m.index()] {
                    seen[m.index()] = true;
                    prev[m.index()] = Some((u, e));
                    queue.push_back(m);
                }
            }
        }
        if !seen[b.index()] {
            return None;
        }
        let mut path = Vec::new();
        let mut cur = b;
        loop {
            match prev[cur.index()] {
                Some((p, e)) => {
                    path.push((cur, Some(e)));
                    cur = p;
                }
                None => {
                    path.push((cur, None));
                    break;
                }
            }
        }
        path.reverse();
        Some(path)
    }

    /// Shortest undirected path between two entities named by id, label or alias (see
    /// [`find_entity`](Self::find_entity)), as printable steps with the facts along it (see
    /// [`PathStep`]). `Ok(None)` when they are not connected; an error naming the query (with
    /// suggestions) when a name matches no entity.
    pub fn shortest_path(&self, from: &str, to: &str) -> Result<Option<Vec<PathStep>>, GraphError> {
        let a = self.find_entity_or_err(from)?;
        let b = self.find_entity_or_err(to)?;
        Ok(self
            .shortest_path_nodes(a, b)
            .map(|hops| self.path_steps(&hops)))
    }

    /// Printable steps for a path of hops.
    pub fn path_steps(&self, hops: &[PathHop]) -> Vec<PathStep> {
        let mut prev: Option<NodeIndex> = None;
        hops.iter()
            .map(|&(node, edge)| {
                let label = &self.graph[node].label;
                let step = match (prev, edge) {
                    (Some(p), Some(e)) => {
                        let data = &self.graph[e];
                        let pred = if data.predicate.label.is_empty() {
                            &data.predicate.name
                        } else {
                            &data.predicate.label
                        };
                        let forward = self.edge_endpoints(e).0 == p;
                        let arrow = if forward {
                            format!("—{pred}→")
                        } else {
                            format!("←{pred}—")
                        };
                        let evidence: String = data
                            .evidence
                            .chars()
                            .map(|c| if c.is_control() { ' ' } else { c })
                            .collect();
                        let line = format!(
                            "  {arrow} {label}  \"{evidence}\" [{} ¶{} s{}]",
                            data.doc, data.paragraph, data.sentence
                        );
                        PathStep {
                            node,
                            edge: Some(e),
                            forward,
                            line,
                        }
                    }
                    _ => PathStep {
                        node,
                        edge: None,
                        forward: true,
                        line: label.clone(),
                    },
                };
                prev = Some(node);
                step
            })
            .collect()
    }
}

impl KnowledgeGraph {
    /// A path as one line of labels and arrows, each arrow pointing the way its fact reads:
    /// `ELN —attacks→ Colombia ←presidentOf— Greta Quillen ←opposes— Don Strand`.
    pub fn format_path(&self, path: &[PathHop]) -> String {
        let mut out = String::new();
        let mut prev: Option<NodeIndex> = None;
        for &(node, edge) in path {
            if let (Some(p), Some(e)) = (prev, edge) {
                let data = &self.graph[e];
                let label = if data.predicate.label.is_empty() {
                    &data.predicate.name
                } else {
                    &data.predicate.label
                };
                let (s, _) = self.edge_endpoints(e);
                if s == p {
                    out.push_str(&format!(" —{label}→ "));
                } else {
                    out.push_str(&format!(" ←{label}— "));
                }
            }
            out.push_str(&self.graph[node].label);
            prev = Some(node);
        }
        out
    }

    /// Number of edges per predicate local name, most frequent first (ties by name).
    pub fn predicate_counts(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for e in self.graph.edge_weights() {
            *counts.entry(e.predicate.name.as_str()).or_default() += 1;
        }
        let mut out: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        out.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        out
    }

    /// Number of entity nodes per type, in [`EntityType::ALL`](crate::document::EntityType::ALL)
    /// order, types with no entity left out.
    pub fn type_counts(&self) -> Vec<(crate::document::EntityType, usize)> {
        crate::document::EntityType::ALL
            .into_iter()
            .map(|t| {
                (
                    t,
                    self.graph
                        .node_weights()
                        .filter(|n| !n.is_literal() && n.entity_type == t)
                        .count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Entities whose id, label or an alias contains `query` (case-insensitive), for "did you
    /// mean" messages: best connected first (ties by id), at most `limit`.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<NodeIndex> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let q_slug: String = q
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        let ranking = self.degree_ranking_nodes();
        ranking
            .into_iter()
            .filter(|(ix, _)| {
                let n = &self.graph[*ix];
                n.id.to_lowercase().contains(&q_slug)
                    || n.label.to_lowercase().contains(&q)
                    || n.aliases.iter().any(|a| a.to_lowercase().contains(&q))
            })
            .map(|(ix, _)| ix)
            .take(limit)
            .collect()
    }
}

/// [`KnowledgeGraph::degree_ranking_nodes`] over a graph given as its nodes' literal flags (by
/// index) and its edges (source, target) in edge order: node indices with their degree.
pub fn degree_ranking(literal: &[bool], edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut degree = vec![0usize; literal.len()];
    for &(s, t) in edges.iter().filter(|(s, t)| !literal[*s] && !literal[*t]) {
        degree[s] += 1;
        degree[t] += 1;
    }
    let mut out: Vec<(usize, usize)> = (0..literal.len()).filter(|&i| !literal[i]).map(|i| (i, degree[i])).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// [`KnowledgeGraph::pagerank_nodes`] over a graph given as in [`degree_ranking`].
pub fn pagerank(literal: &[bool], edges: &[(usize, usize)], damping: f64, iterations: usize) -> Vec<(usize, f64)> {
    let ents: Vec<usize> = (0..literal.len()).filter(|&i| !literal[i]).collect();
    let n = ents.len();
    if n == 0 {
        return Vec::new();
    }
    let d = if damping.is_finite() { damping.clamp(0.0, 1.0) } else { DEFAULT_DAMPING };
    // Compact entity numbering.
    let mut pos = vec![usize::MAX; literal.len()];
    for (i, &ix) in ents.iter().enumerate() {
        pos[ix] = i;
    }
    let edges: Vec<(usize, usize)> =
        edges.iter().filter(|(s, t)| !literal[*s] && !literal[*t]).map(|&(s, t)| (pos[s], pos[t])).collect();
    let mut out_deg = vec![0usize; n];
    for &(s, _) in &edges {
        out_deg[s] += 1;
    }
    let nf = n as f64;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..iterations {
        let dangling: f64 = (0..n).filter(|&i| out_deg[i] == 0).map(|i| rank[i]).sum();
        let base = (1.0 - d) / nf + d * dangling / nf;
        next.iter_mut().for_each(|x| *x = base);
        for &(s, t) in &edges {
            next[t] += d * rank[s] / out_deg[s] as f64;
        }
        std::mem::swap(&mut rank, &mut next);
    }
    let mut out: Vec<(usize, f64)> = ents.into_iter().zip(rank).collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}
