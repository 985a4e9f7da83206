//! An add's summary sections by difference: after documents were only added since the file
//! was written, the entity counts, the subjects' facts, the graph skeleton and the facts'
//! origins are the file's, renumbered around the new documents' facts and with those facts
//! added, instead of computed again from every fact (which needs every record's facts decoded).
//!
//! In: the index with its new records (their facts in memory, the old ones' on file), the file
//! as written, the records' entities merged (the corpus graph not laid over them). Out: the
//! summary sections and counts, the same bytes as [`ViewIndex::encode_merged`] would write, or
//! `None` when the difference cannot be taken exactly (an old fact's `kg:sameAs` fold changed,
//! a section does not decode): the caller then computes them from every fact.
//!
//! Fact numbers are positions in store order (document id, then each document's own order), so
//! a new document's facts go in where its id sorts and every later fact's number moves up by
//! their count. Node numbers are positions in id order, so new nodes move later ones up too.
//! Edges between the same two nodes keep the skeleton's tie rule: in fact order, then stably by
//! edge data ([`KnowledgeGraph::order_edge_run`]), reading the few old facts such a run holds.

use super::{EntityRow, EntityRowRef, FactSources, GraphNode, OnFile, Skeleton, Summary, SummarySections, ViewIndex};
use crate::document::{Entity, Fact};
use crate::graph::KnowledgeGraph;
use crate::store::read;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The summary sections after the adds, from the file's (see the module documentation).
pub(super) fn summary_sections(
    index: &ViewIndex,
    old: &OnFile,
    outline: Vec<Entity>,
    labels: &HashMap<String, String>,
) -> Option<(SummarySections, Summary)> {
    let file = old.file.as_ref()?;
    // every document on file kept, every other one new with its facts in memory
    let new_ids: HashSet<&str> = index.records.keys().map(String::as_str).filter(|id| !old.records.contains_key(*id)).collect();
    if new_ids.is_empty()
        || old.records.len() != file.docs.len()
        || index.records.len() != file.docs.len() + new_ids.len()
        || file.docs.iter().any(|d| !index.records.contains_key(&d.id))
        || new_ids.iter().any(|id| index.unloaded.contains_key(*id))
    {
        return None;
    }
    let sources: FactSources = file.section(file.header.facts)?;
    let old_subjects: Vec<(String, Vec<u32>)> = file.subjects()?;
    let old_skeleton = file.skeleton()?;
    let old_rows: Vec<EntityRow> = file.entities()?;

    let mut entities = outline;
    let distinct_entities = entities.len();
    let moves = read::apply_overlay_to_entities(&index.corpus, &mut entities);
    if !old_folds_kept(index, &sources.moves, &moves, &new_ids, &old_subjects, &old_skeleton) {
        return None;
    }
    let fold: HashMap<&str, &str> = moves.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect();

    let numbering = Numbering::new(index, &sources.origins, &new_ids)?;
    // the new documents' facts, folded, with their numbers (ascending)
    let new_facts: Vec<(u32, Fact)> = numbering
        .new_facts
        .iter()
        .map(|&(n, r, p)| {
            let mut f = numbering.records[r as usize].facts[p as usize].clone();
            read::move_fact(&mut f, &fold);
            (n, f)
        })
        .collect();

    let rows = entity_rows(&entities, &old_rows, &new_facts, &old_subjects, &old_skeleton)?;
    drop(old_rows);
    let subjects = subjects(old_subjects, &new_facts, &numbering);
    let skeleton = skeleton(old_skeleton, &entities, &new_facts, &numbering, &sources.origins, file, &fold, labels)?;

    let stats = index.counted(0, Some(distinct_entities));
    let summary = Summary::of(&stats, &skeleton);
    let rows: Vec<EntityRowRef<'_>> = rows.iter().map(|(e, facts, documents)| EntityRowRef { entity: e, facts: *facts, documents: *documents }).collect();
    let sections = SummarySections {
        summary: postcard::to_allocvec(&summary).ok()?,
        entities: postcard::to_allocvec(&rows).ok()?,
        subjects: postcard::to_allocvec(&subjects).ok()?,
        graph: postcard::to_allocvec(&skeleton).ok()?,
        facts: postcard::to_allocvec(&FactSources { origins: numbering.origins, moves }).ok()?,
    };
    Some((sections, summary))
}

/// Whether every fold the file applied to old facts is still made, and every new fold moves an
/// entity no old fact can name (not an old record's entity, subject or graph node): then the
/// old facts read as they did, and only the new ones need folding.
fn old_folds_kept(
    index: &ViewIndex,
    old_moves: &[(String, String)],
    moves: &[(String, String)],
    new_ids: &HashSet<&str>,
    old_subjects: &[(String, Vec<u32>)],
    old_skeleton: &Skeleton,
) -> bool {
    if !old_moves.iter().all(|m| moves.binary_search(m).is_ok()) {
        return false;
    }
    let fresh: HashSet<&str> = moves.iter().filter(|m| old_moves.binary_search(m).is_err()).map(|(from, _)| from.as_str()).collect();
    if fresh.is_empty() {
        return true;
    }
    let named_by_old = |id: &str| {
        old_subjects.binary_search_by(|(s, _)| s.as_str().cmp(id)).is_ok() || old_skeleton.nodes.binary_search_by(|n| n.id.as_str().cmp(id)).is_ok()
    };
    let old_entity = index
        .records
        .values()
        .filter(|r| !new_ids.contains(r.document.id.as_str()))
        .any(|r| r.entities.iter().any(|e| fresh.contains(e.id.as_str())));
    !old_entity && !fresh.iter().any(|id| named_by_old(id))
}

/// The facts numbered after the adds: records in id order, each record's facts together.
struct Numbering<'a> {
    /// The records in id order (the new record numbers).
    records: Vec<&'a read::DocumentRecord>,
    /// For each old record (by its number on file), what its facts' numbers move up by.
    shift: Vec<u32>,
    /// Where each fact comes from (record after the adds, position), in the new order.
    origins: Vec<read::FactOrigin>,
    /// The new documents' facts: (number, record, position), ascending.
    new_facts: Vec<(u32, u32, u32)>,
    /// The old origins, to find the record of an old fact number.
    old_record_of: Vec<u32>,
}

impl<'a> Numbering<'a> {
    fn new(index: &'a ViewIndex, old_origins: &[read::FactOrigin], new_ids: &HashSet<&str>) -> Option<Numbering<'a>> {
        // the file's facts lie record by record, in record order
        if !old_origins.is_sorted_by_key(|o| o.0) {
            return None;
        }
        let records: Vec<&read::DocumentRecord> = index.records.values().collect();
        let old_count = records.len() - new_ids.len();
        let mut old_starts = vec![0u32; old_count + 1];
        for &(r, _) in old_origins {
            *old_starts.get_mut(r as usize + 1)? += 1;
        }
        for r in 0..old_count {
            old_starts[r + 1] += old_starts[r];
        }
        let mut shift = vec![0u32; old_count];
        let mut origins = Vec::with_capacity(old_origins.len() + 64);
        let mut new_facts = Vec::new();
        let mut old_r = 0usize;
        for (r, record) in records.iter().enumerate() {
            let at = origins.len() as u32;
            if new_ids.contains(record.document.id.as_str()) {
                // a new record's facts in store order (as the full merge sorts them)
                let mut positions: Vec<(u32, &Fact)> = record.facts.iter().enumerate().map(|(p, f)| (p as u32, f)).collect();
                read::sort_facts(&mut positions, |(_, f)| f);
                for (k, (p, _)) in positions.into_iter().enumerate() {
                    origins.push((r as u32, p));
                    new_facts.push((at + k as u32, r as u32, p));
                }
            } else {
                let (start, end) = (old_starts[old_r] as usize, old_starts[old_r + 1] as usize);
                shift[old_r] = at - start as u32;
                origins.extend(old_origins[start..end].iter().map(|&(_, p)| (r as u32, p)));
                old_r += 1;
            }
        }
        let old_record_of = old_origins.iter().map(|o| o.0).collect();
        Some(Numbering { records, shift, origins, new_facts, old_record_of })
    }

    /// The number after the adds of old fact `n`.
    fn renumber(&self, n: u32) -> u32 {
        n + self.shift[self.old_record_of[n as usize] as usize]
    }
}

/// Each merged entity with its fact and document counts: the file's counts plus the new facts'
/// (a new document adds one document to each entity its facts name). `None` when an entity
/// without a row on file is named by old facts (its old counts are not on file).
fn entity_rows<'e>(
    entities: &'e [Entity],
    old_rows: &[EntityRow],
    new_facts: &[(u32, Fact)],
    old_subjects: &[(String, Vec<u32>)],
    old_skeleton: &Skeleton,
) -> Option<Vec<(&'e Entity, usize, usize)>> {
    let facts: Vec<&Fact> = new_facts.iter().map(|(_, f)| f).collect();
    let added = super::fact_counts_in_store_order(&facts);
    let mut rows = Vec::with_capacity(entities.len());
    let mut at = 0;
    for e in entities {
        while at < old_rows.len() && old_rows[at].entity.id < e.id {
            at += 1;
        }
        let (mut n, mut docs) = match old_rows.get(at).filter(|r| r.entity.id == e.id) {
            Some(row) => (row.facts, row.documents),
            None => {
                let named = old_subjects.binary_search_by(|(s, _)| s.as_str().cmp(&e.id)).is_ok()
                    || old_skeleton.nodes.binary_search_by(|n| n.id.as_str().cmp(&e.id)).is_ok();
                if named {
                    return None;
                }
                (0, 0)
            }
        };
        if let Some((f, d, _)) = added.get(e.id.as_str()) {
            n += f;
            docs += d;
        }
        rows.push((e, n, docs));
    }
    Some(rows)
}

/// Every fact subject with its facts' numbers after the adds, sorted by subject.
fn subjects(old: Vec<(String, Vec<u32>)>, new_facts: &[(u32, Fact)], numbering: &Numbering<'_>) -> Vec<(String, Vec<u32>)> {
    let mut added: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (n, f) in new_facts {
        added.entry(f.subject.as_str()).or_default().push(*n);
    }
    let mut out = Vec::with_capacity(old.len() + added.len());
    let mut added = added.into_iter().peekable();
    for (subject, mut numbers) in old {
        while let Some((s, ns)) = added.next_if(|(s, _)| *s < subject.as_str()) {
            out.push((s.to_owned(), ns));
        }
        numbers.iter_mut().for_each(|n| *n = numbering.renumber(*n));
        if let Some((_, more)) = added.next_if(|(s, _)| *s == subject.as_str()) {
            numbers.extend(more);
            numbers.sort_unstable();
        }
        out.push((subject, numbers));
    }
    out.extend(added.map(|(s, ns)| (s.to_owned(), ns)));
    out
}

/// The graph skeleton after the adds: the entities' nodes described anew (the corpus graph
/// may have changed their labels and types), the new facts' nodes and edges put in.
#[allow(clippy::too_many_arguments)]
fn skeleton(
    old: Skeleton,
    entities: &[Entity],
    new_facts: &[(u32, Fact)],
    numbering: &Numbering<'_>,
    old_origins: &[read::FactOrigin],
    file: &super::LazyIndex,
    fold: &HashMap<&str, &str>,
    labels: &HashMap<String, String>,
) -> Option<Skeleton> {
    let entity_node = |e: &Entity| GraphNode {
        id: e.id.clone(),
        label: if e.label.is_empty() { e.id.clone() } else { e.label.clone() },
        literal: false,
        kind: e.kind,
    };
    // the entities' nodes and the old nodes no entity describes, in id order
    let mut nodes: Vec<GraphNode> = Vec::with_capacity(old.nodes.len() + 64);
    let (mut i, mut j) = (0, 0);
    while i < old.nodes.len() || j < entities.len() {
        match (old.nodes.get(i), entities.get(j)) {
            (Some(n), Some(e)) if n.id == e.id => {
                nodes.push(entity_node(e));
                i += 1;
                j += 1;
            }
            (Some(n), Some(e)) if n.id < e.id => {
                nodes.push(n.clone());
                i += 1;
            }
            (Some(n), None) => {
                nodes.push(n.clone());
                i += 1;
            }
            (_, Some(e)) => {
                nodes.push(entity_node(e));
                j += 1;
            }
            (None, None) => break,
        }
    }
    // what the new plain facts name that no entity or old fact describes (the first wins)
    let known = |nodes: &[GraphNode], id: &str| nodes.binary_search_by(|n| n.id.as_str().cmp(id)).is_ok();
    let mut extra: BTreeMap<String, GraphNode> = BTreeMap::new();
    let mut new_edges: Vec<(String, String, u32)> = Vec::new();
    for (n, f) in new_facts.iter().filter(|(_, f)| f.is_plain()) {
        let (id, label, literal, kind) = KnowledgeGraph::object_node_of(f);
        if !known(&nodes, &id) {
            extra.entry(id.clone()).or_insert(GraphNode { id: id.clone(), label, literal, kind });
        }
        if !known(&nodes, &f.subject) {
            let s = f.subject.clone();
            extra.entry(s.clone()).or_insert(GraphNode { id: s.clone(), label: s, literal: false, kind: crate::document::EntityType::Concept });
        }
        new_edges.push((f.subject.clone(), id, *n));
    }
    if !extra.is_empty() {
        nodes.extend(extra.into_values());
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let index_of = |id: &str| nodes.binary_search_by(|n| n.id.as_str().cmp(id)).ok().map(|i| i as u32);
    // old node numbers to new ones (every old node is still there)
    let mut renode = Vec::with_capacity(old.nodes.len());
    let mut at = 0;
    for n in &old.nodes {
        while at < nodes.len() && nodes[at].id < n.id {
            at += 1;
        }
        if nodes.get(at).is_none_or(|m| m.id != n.id) {
            return None;
        }
        renode.push(at as u32);
    }
    let mut by_ends: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    for (s, o, n) in &new_edges {
        by_ends.entry((index_of(s)?, index_of(o)?)).or_default().push(*n);
    }
    let new_fact = |n: u32| new_facts.binary_search_by_key(&n, |(m, _)| *m).ok().map(|k| &new_facts[k].1);
    let mut old_facts = OldFacts { file, origins: old_origins, fold, records: HashMap::new() };
    let mut edges: Vec<(u32, u32, u32)> = Vec::with_capacity(old.edges.len() + new_edges.len());
    let mut old_edges = old.edges.iter().map(|&(s, o, f)| (renode[s as usize], renode[o as usize], f)).peekable();
    for (ends, numbers) in by_ends {
        while let Some(e) = old_edges.next_if(|e| (e.0, e.1) < ends) {
            edges.push((e.0, e.1, numbering.renumber(e.2)));
        }
        let mut run: Vec<(u32, Option<u32>)> = numbers.into_iter().map(|n| (n, None)).collect();
        while let Some(e) = old_edges.next_if(|e| (e.0, e.1) == ends) {
            run.push((numbering.renumber(e.2), Some(e.2)));
        }
        if run.len() > 1 {
            // in fact order, then stably by edge data, as the skeleton orders a run
            run.sort_unstable_by_key(|r| r.0);
            let facts: Vec<Fact> = run.iter().map(|&(n, was)| match was {
                Some(old_n) => old_facts.fact(old_n),
                None => new_fact(n).cloned(),
            }).collect::<Option<_>>()?;
            let order = KnowledgeGraph::order_edge_run(&facts, |p| read::fill_label(p, labels));
            edges.extend(order.into_iter().map(|k| (ends.0, ends.1, run[k].0)));
        } else {
            edges.push((ends.0, ends.1, run[0].0));
        }
    }
    edges.extend(old_edges.map(|(s, o, f)| (s, o, numbering.renumber(f))));
    Some(Skeleton { nodes, edges })
}

/// Old facts read from their records on file, folded as the view shows them.
struct OldFacts<'a> {
    file: &'a super::LazyIndex,
    origins: &'a [read::FactOrigin],
    fold: &'a HashMap<&'a str, &'a str>,
    records: HashMap<u32, Vec<Fact>>,
}

impl OldFacts<'_> {
    /// Old fact `n` (numbered as on file).
    fn fact(&mut self, n: u32) -> Option<Fact> {
        let &(r, p) = self.origins.get(n as usize)?;
        if !self.records.contains_key(&r) {
            let facts: Vec<Fact> = self.file.section(self.file.docs.get(r as usize)?.record.facts)?;
            self.records.insert(r, facts);
        }
        let mut f = self.records.get(&r)?.get(p as usize)?.clone();
        read::move_fact(&mut f, self.fold);
        Some(f)
    }
}
