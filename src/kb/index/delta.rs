//! An add's summary sections by difference: after documents were only added since the file
//! was written, the entity counts, the subjects' facts, the graph skeleton and the facts'
//! origins are the file's, renumbered around the new documents' facts and with those facts
//! added, instead of computed again from every fact (which needs every record's facts decoded).
//!
//! In: the index with its new records (their facts in memory, the old ones' on file, their
//! entities all in memory), the file as written, the corpus nodes changed since. Out: the
//! summary sections and counts, the same bytes as [`ViewIndex::encode_merged`] would write, or
//! `None` when the difference cannot be taken exactly (an old fact's `kg:sameAs` fold changed,
//! a section does not decode): the caller then computes them from every fact.
//!
//! Fact numbers are positions in store order (document id, then each document's own order), so
//! a new document's facts go in where its id sorts and every later fact's number moves up by
//! their count. Node numbers are positions in id order, so new nodes move later ones up too.
//! Edges between the same two nodes keep the skeleton's tie rule: in fact order, then stably by
//! edge data ([`KnowledgeGraph::order_edge_run`]), reading the few old facts such a run holds.

use super::{FactSources, OnFile, Skeleton, Summary, SummarySections, ViewIndex};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use crate::document::{Entity, Fact};
use rustc_hash::FxHashSet;
use crate::graph::KnowledgeGraph;
use crate::store::read;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The summary sections after the adds, from the file's (see the module documentation). Only
/// the entities the adds touch are merged and laid under the corpus graph again: those of the
/// added documents and their facts, those whose corpus node changed since the file was
/// written, and the ends of every fold that reaches one of them; every other entity's row is
/// the file's.
pub(super) fn summary_sections(index: &ViewIndex, old: &OnFile, labels: &HashMap<String, String>) -> Option<(SummarySections, Summary)> {
    let file = old.file.as_ref()?;
    let corpus_changed = index.corpus_changed.as_ref()?;
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
    let t = crate::kb::timing::span("index.delta.read");
    // decoded borrowing their strings from the bytes read (a third of a million nodes, rows
    // and subjects: as owned strings, most of an add's time went to allocating them)
    // (read in turn, decoded side by side on the thread pool)
    let (fact_bytes, subject_bytes) = (file.bytes(file.header.facts)?, file.bytes(file.header.subjects)?);
    let (skeleton_bytes, row_bytes) = (file.bytes(file.header.graph)?, file.bytes(file.header.entities)?);
    let ((sources, old_subjects), (old_skeleton, old_rows)) = rayon::join(
        || (postcard::from_bytes::<FactSources>(&fact_bytes).ok(), postcard::from_bytes::<Vec<(&str, Vec<u32>)>>(&subject_bytes).ok()),
        || rayon::join(|| postcard::from_bytes::<SkeletonRef<'_>>(&skeleton_bytes).ok(), || raw_rows(&row_bytes)),
    );
    let (sources, old_subjects, old_skeleton, old_rows) = (sources?, old_subjects?, old_skeleton?, old_rows?);
    drop(fact_bytes);
    drop(t);
    let t = crate::kb::timing::span("index.delta.moves");

    // the records' distinct entity ids, before `kg:sameAs` folds drop some (what `stats`
    // counts), and the folds the corpus graph makes of them ([`read::overlay_moves`])
    let all_ids: FxHashSet<&str> = index.records.values().flat_map(|r| r.entities.iter().map(|e| e.id.as_str())).collect();
    let distinct_entities = all_ids.len();
    let mut moves: Vec<(String, String)> = index
        .corpus
        .nodes
        .iter()
        .filter_map(|n| n.same_as.as_ref().filter(|t| all_ids.contains(t.as_str())).map(|t| (n.id.clone(), t.clone())))
        .collect();
    moves.sort();
    drop(all_ids);
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

    drop(t);
    let t = crate::kb::timing::span("index.delta.rows");
    let (rows, part) = {
        let touched = touched(index, &new_ids, corpus_changed, &numbering, &new_facts, &moves, &sources.moves);
        let mut part = read::merge_entities_where(index.records.values(), |id| touched.contains(id));
        read::apply_overlay_to_entities(&index.corpus, &mut part);
        let kept = old_rows.iter().enumerate().filter(|(_, r)| !touched.contains(r.id));
        (merged_rows(kept, &part, &old_rows, &new_facts, &old_subjects, &old_skeleton)?, part)
    };
    drop(t);
    let t = crate::kb::timing::span("index.delta.subjects");
    let subjects = subjects(old_subjects, &new_facts, &numbering);
    drop(t);
    let t = crate::kb::timing::span("index.delta.skeleton");
    let skeleton = skeleton(old_skeleton, &part, &new_facts, &numbering, &sources.origins, file, &fold, labels)?;
    drop(t);

    let t = crate::kb::timing::span("index.delta.counted");
    let stats = index.counted(0, Some(distinct_entities));
    drop(t);
    let _t = crate::kb::timing::span("index.delta.encode");
    let summary = Summary { nodes: skeleton.nodes.len(), edges: skeleton.edges.len(), ..Summary::of(&stats, &Skeleton::default()) };
    let sources = FactSources { origins: numbering.origins, moves };
    // (side by side on the thread pool, each sized as the file's: grown by doubling, tens of
    // MB are copied several times over)
    let (entities, (subjects, (graph, facts))) = rayon::join(
        || encode_rows(&rows, &old_rows, &part, row_bytes.len()),
        || {
            rayon::join(
                || postcard::to_extend(&subjects, Vec::with_capacity(subject_bytes.len() + (1 << 12))).ok(),
                || {
                    rayon::join(
                        || postcard::to_extend(&skeleton, Vec::with_capacity(skeleton_bytes.len() + (1 << 16))).ok(),
                        || postcard::to_allocvec(&sources).ok(),
                    )
                },
            )
        },
    );
    let sections = SummarySections { summary: postcard::to_allocvec(&summary).ok()?, entities: entities?, subjects: subjects?, graph: graph?, facts: facts? };
    Some((sections, summary))
}

/// The ids whose merged entity an add may change: the added documents' entities, what their
/// facts name (before and after the folds), the nodes the corpus graph changed, and then both
/// ends of every fold, now or on file, that reaches one of these.
fn touched<'a>(
    index: &'a ViewIndex,
    new_ids: &HashSet<&str>,
    corpus_changed: &'a FxHashSet<String>,
    numbering: &Numbering<'a>,
    new_facts: &'a [(u32, Fact)],
    moves: &'a [(String, String)],
    old_moves: &'a [(String, String)],
) -> FxHashSet<&'a str> {
    let mut touched: FxHashSet<&str> = corpus_changed.iter().map(String::as_str).collect();
    for id in new_ids {
        if let Some(r) = index.records.get(*id) {
            touched.extend(r.entities.iter().map(|e| e.id.as_str()));
        }
    }
    let named = |f: &'a Fact| {
        let object = match &f.object {
            crate::document::FactObject::Entity(o) => Some(o.as_str()),
            _ => None,
        };
        std::iter::once(f.subject.as_str()).chain(object)
    };
    for &(_, r, p) in &numbering.new_facts {
        touched.extend(named(&numbering.records[r as usize].facts[p as usize]));
    }
    for (_, f) in new_facts {
        touched.extend(named(f));
    }
    loop {
        let before = touched.len();
        for (from, to) in moves.iter().chain(old_moves) {
            if touched.contains(from.as_str()) || touched.contains(to.as_str()) {
                touched.insert(from);
                touched.insert(to);
            }
        }
        if touched.len() == before {
            return touched;
        }
    }
}

/// A row: where its entity lies (the file's rows, or the entities merged anew), its fact and
/// document counts.
#[derive(Clone, Copy)]
enum RowAt {
    Old(usize),
    New(usize),
}

/// An entity row on file, read without copying: its entity's bytes as written, the entity's
/// id, its counts.
struct RawRow<'a> {
    id: &'a str,
    entity: &'a [u8],
    facts: usize,
    documents: usize,
}

/// An [`Entity`] as postcard writes it, read for its id and its length only.
#[derive(Deserialize)]
struct EntitySkim<'a> {
    id: &'a str,
    _label: &'a str,
    _kind: crate::document::EntityType,
    _aliases: Skipped<&'a str>,
    #[serde(borrow)]
    _wikidata: Option<&'a str>,
    #[serde(borrow)]
    _merges: Skipped<MergeNoteSkim<'a>>,
}

/// A [`crate::document::MergeNote`] as postcard writes it.
#[derive(Deserialize)]
struct MergeNoteSkim<'a> {
    _alias: &'a str,
    _rule: &'a str,
    #[serde(borrow)]
    _doc: Option<&'a str>,
    _sentence: Option<usize>,
}

/// A sequence read past, element by element, without keeping it.
struct Skipped<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Skipped<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Skipped<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<T>()?.is_some() {}
                Ok(Skipped(std::marker::PhantomData))
            }
        }
        deserializer.deserialize_seq(Visit(std::marker::PhantomData))
    }
}

/// The entities section's rows (a `Vec<EntityRow>` as postcard writes it), read without
/// copying an entity.
fn raw_rows(bytes: &[u8]) -> Option<Vec<RawRow<'_>>> {
    let (n, mut rest) = postcard::take_from_bytes::<usize>(bytes).ok()?;
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        let (skim, after) = postcard::take_from_bytes::<EntitySkim<'_>>(rest).ok()?;
        let entity = &rest[..rest.len() - after.len()];
        let (facts, after) = postcard::take_from_bytes::<usize>(after).ok()?;
        let (documents, after) = postcard::take_from_bytes::<usize>(after).ok()?;
        rows.push(RawRow { id: skim.id, entity, facts, documents });
        rest = after;
    }
    rest.is_empty().then_some(rows)
}

/// The entities section of `rows` (the bytes a `Vec<EntityRow>` of them encodes to): a kept
/// row's entity copied as it was written, an entity merged anew encoded.
fn encode_rows(rows: &[(RowAt, usize, usize)], old_rows: &[RawRow<'_>], part: &[Entity], size: usize) -> Option<Vec<u8>> {
    let mut out = postcard::to_extend(&rows.len(), Vec::with_capacity(size + size / 16 + 1024)).ok()?;
    for &(at, facts, documents) in rows {
        match at {
            RowAt::Old(i) => out.extend_from_slice(old_rows[i].entity),
            RowAt::New(j) => out = postcard::to_extend(&part[j], out).ok()?,
        }
        out = postcard::to_extend(&(facts, documents), out).ok()?;
    }
    Some(out)
}

/// A node of the skeleton (a [`GraphNode`] as written), its strings borrowed from the bytes
/// read or from the entities merged anew.
#[derive(Serialize, Deserialize)]
struct NodeRef<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    label: Cow<'a, str>,
    literal: bool,
    kind: crate::document::EntityType,
}

/// A [`Skeleton`] as written, its nodes' strings borrowed.
#[derive(Serialize, Deserialize)]
struct SkeletonRef<'a> {
    #[serde(borrow)]
    nodes: Vec<NodeRef<'a>>,
    edges: Vec<(u32, u32, u32)>,
}

/// Each merged entity with its fact and document counts, in id order: the file's rows the add
/// did not touch (`kept`) and the entities merged anew (`part`), each with the file's counts
/// plus the new facts' (a new document adds one document to each entity its facts name).
/// `None` when an entity without a row on file is named by old facts (its old counts are not
/// on file).
fn merged_rows<'r>(
    kept: impl Iterator<Item = (usize, &'r RawRow<'r>)>,
    part: &[Entity],
    old_rows: &'r [RawRow<'r>],
    new_facts: &[(u32, Fact)],
    old_subjects: &[(&str, Vec<u32>)],
    old_skeleton: &SkeletonRef<'_>,
) -> Option<Vec<(RowAt, usize, usize)>> {
    let facts: Vec<&Fact> = new_facts.iter().map(|(_, f)| f).collect();
    let added = super::fact_counts_in_store_order(&facts);
    let mut rows = Vec::with_capacity(old_rows.len() + part.len());
    let mut kept = kept.peekable();
    let mut j = 0;
    loop {
        let next_new = part.get(j);
        let (at, id, mut n, mut docs) = match (kept.peek(), next_new) {
            (None, None) => break,
            (Some((_, r)), e) if e.is_none_or(|e| r.id < e.id.as_str()) => {
                let (i, r) = kept.next()?;
                (RowAt::Old(i), r.id, r.facts, r.documents)
            }
            (_, Some(e)) => {
                j += 1;
                let (n, docs) = match old_rows.binary_search_by(|r| r.id.cmp(&e.id)) {
                    Ok(k) => (old_rows[k].facts, old_rows[k].documents),
                    Err(_) => {
                        let named = old_subjects.binary_search_by(|(s, _)| (*s).cmp(&e.id)).is_ok()
                            || old_skeleton.nodes.binary_search_by(|n| n.id.as_ref().cmp(&e.id)).is_ok();
                        if named {
                            return None;
                        }
                        (0, 0)
                    }
                };
                (RowAt::New(j - 1), e.id.as_str(), n, docs)
            }
            (Some(_), None) => unreachable!(),
        };
        if let Some((f, d, _)) = added.get(id) {
            n += f;
            docs += d;
        }
        rows.push((at, n, docs));
    }
    Some(rows)
}

/// Whether every fold the file applied to old facts is still made, and every new fold moves an
/// entity no old fact can name (not an old record's entity, subject or graph node): then the
/// old facts read as they did, and only the new ones need folding.
fn old_folds_kept(
    index: &ViewIndex,
    old_moves: &[(String, String)],
    moves: &[(String, String)],
    new_ids: &HashSet<&str>,
    old_subjects: &[(&str, Vec<u32>)],
    old_skeleton: &SkeletonRef<'_>,
) -> bool {
    if !old_moves.iter().all(|m| moves.binary_search(m).is_ok()) {
        return false;
    }
    let fresh: HashSet<&str> = moves.iter().filter(|m| old_moves.binary_search(m).is_err()).map(|(from, _)| from.as_str()).collect();
    if fresh.is_empty() {
        return true;
    }
    let named_by_old = |id: &str| {
        old_subjects.binary_search_by(|(s, _)| (*s).cmp(id)).is_ok() || old_skeleton.nodes.binary_search_by(|n| n.id.as_ref().cmp(id)).is_ok()
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

/// Every fact subject with its facts' numbers after the adds, sorted by subject.
fn subjects<'a>(old: Vec<(&'a str, Vec<u32>)>, new_facts: &'a [(u32, Fact)], numbering: &Numbering<'_>) -> Vec<(&'a str, Vec<u32>)> {
    let mut added: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (n, f) in new_facts {
        added.entry(f.subject.as_str()).or_default().push(*n);
    }
    let mut out = Vec::with_capacity(old.len() + added.len());
    let mut added = added.into_iter().peekable();
    for (subject, mut numbers) in old {
        while let Some((s, ns)) = added.next_if(|(s, _)| *s < subject) {
            out.push((s, ns));
        }
        numbers.iter_mut().for_each(|n| *n = numbering.renumber(*n));
        if let Some((_, more)) = added.next_if(|(s, _)| *s == subject) {
            numbers.extend(more);
            numbers.sort_unstable();
        }
        out.push((subject, numbers));
    }
    out.extend(added);
    out
}

/// The graph skeleton after the adds: the entities' nodes described anew (the corpus graph
/// may have changed their labels and types), the new facts' nodes and edges put in.
#[allow(clippy::too_many_arguments)]
fn skeleton<'a>(
    old: SkeletonRef<'a>,
    part: &'a [Entity],
    new_facts: &[(u32, Fact)],
    numbering: &Numbering<'_>,
    old_origins: &[read::FactOrigin],
    file: &super::LazyIndex,
    fold: &HashMap<&str, &str>,
    labels: &HashMap<String, String>,
) -> Option<SkeletonRef<'a>> {
    let entity_node = |e: &'a Entity| NodeRef {
        id: Cow::Borrowed(&e.id),
        label: Cow::Borrowed(if e.label.is_empty() { &e.id } else { &e.label }),
        literal: false,
        kind: e.kind,
    };
    // the old nodes, those of the entities merged anew described anew (the corpus graph may
    // have changed their labels and types), and the new entities' nodes, in id order; where
    // each old node lands
    let SkeletonRef { nodes: old_nodes, edges: old_edge_list } = old;
    let old_count = old_nodes.len();
    let mut nodes: Vec<NodeRef<'a>> = Vec::with_capacity(old_count + part.len() + 64);
    let mut old_at: Vec<u32> = Vec::with_capacity(old_count);
    let mut part_entities = part.iter().peekable();
    for n in old_nodes {
        while let Some(e) = part_entities.next_if(|e| e.id.as_str() < n.id.as_ref()) {
            nodes.push(entity_node(e));
        }
        old_at.push(nodes.len() as u32);
        match part_entities.next_if(|e| e.id.as_str() == n.id.as_ref()) {
            Some(e) => nodes.push(entity_node(e)),
            None => nodes.push(n),
        }
    }
    nodes.extend(part_entities.map(entity_node));
    // what the new plain facts name that no entity or old fact describes (the first wins)
    let known = |nodes: &[NodeRef<'_>], id: &str| nodes.binary_search_by(|n| n.id.as_ref().cmp(id)).is_ok();
    let mut extra: BTreeMap<String, NodeRef<'a>> = BTreeMap::new();
    let mut new_edges: Vec<(String, String, u32)> = Vec::new();
    for (n, f) in new_facts.iter().filter(|(_, f)| f.is_plain()) {
        let (id, label, literal, kind) = KnowledgeGraph::object_node_of(f);
        if !known(&nodes, &id) {
            extra.entry(id.clone()).or_insert(NodeRef { id: Cow::Owned(id.clone()), label: Cow::Owned(label), literal, kind });
        }
        if !known(&nodes, &f.subject) {
            let s = f.subject.clone();
            extra.entry(s.clone()).or_insert(NodeRef { id: Cow::Owned(s.clone()), label: Cow::Owned(s), literal: false, kind: crate::document::EntityType::Concept });
        }
        new_edges.push((f.subject.clone(), id, *n));
    }
    // old node numbers to new ones (every old node is still there)
    let renode: Vec<u32> = if extra.is_empty() {
        old_at
    } else {
        // the extra nodes merged in, each node's number moved up by the extra ones before it
        let mut at_now = Vec::with_capacity(nodes.len());
        let mut merged = Vec::with_capacity(nodes.len() + extra.len());
        let mut extra = extra.into_values().peekable();
        for n in nodes {
            while let Some(x) = extra.next_if(|x| x.id.as_ref() < n.id.as_ref()) {
                merged.push(x);
            }
            at_now.push(merged.len() as u32);
            merged.push(n);
        }
        merged.extend(extra);
        nodes = merged;
        old_at.iter().map(|&p| at_now[p as usize]).collect()
    };
    let index_of = |id: &str| nodes.binary_search_by(|n| n.id.as_ref().cmp(id)).ok().map(|i| i as u32);
    let mut by_ends: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    for (s, o, n) in &new_edges {
        by_ends.entry((index_of(s)?, index_of(o)?)).or_default().push(*n);
    }
    let new_fact = |n: u32| new_facts.binary_search_by_key(&n, |(m, _)| *m).ok().map(|k| &new_facts[k].1);
    let mut old_facts = OldFacts { file, origins: old_origins, fold, records: HashMap::new() };
    let mut edges: Vec<(u32, u32, u32)> = Vec::with_capacity(old_edge_list.len() + new_edges.len());
    let mut old_edges = old_edge_list.iter().map(|&(s, o, f)| (renode[s as usize], renode[o as usize], f)).peekable();
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
    Some(SkeletonRef { nodes, edges })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{EntityType, MergeNote};

    fn entity(id: &str, aliases: &[&str], wikidata: Option<&str>, merges: usize) -> Entity {
        Entity {
            id: id.into(),
            label: format!("{id} label"),
            kind: EntityType::Person,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            wikidata: wikidata.map(str::to_owned),
            merges: (0..merges)
                .map(|i| MergeNote { alias: format!("name {i}"), rule: "surname".into(), doc: (i % 2 == 0).then(|| "d1".into()), sentence: Some(i) })
                .collect(),
        }
    }

    #[test]
    fn entity_rows_read_without_copying_encode_to_the_bytes_written() {
        // every field of an entity present in some row, counts past one varint byte
        let rows = vec![
            super::super::EntityRow { entity: entity("ivo_oster", &["Oster"], None, 0), facts: 3, documents: 1 },
            super::super::EntityRow { entity: entity("mara_vellin", &["M. Vellin", "Vellin"], Some("Q1"), 2), facts: 200, documents: 130 },
            super::super::EntityRow { entity: entity("norvia", &[], None, 1), facts: 0, documents: 0 },
        ];
        let bytes = postcard::to_allocvec(&rows).unwrap();
        let raw = raw_rows(&bytes).unwrap();
        let read: Vec<(&str, usize, usize)> = raw.iter().map(|r| (r.id, r.facts, r.documents)).collect();
        assert_eq!(read, [("ivo_oster", 3, 1), ("mara_vellin", 200, 130), ("norvia", 0, 0)]);
        // rows kept as their bytes and a row merged anew: the bytes of the rows written whole
        let part = vec![rows[1].entity.clone()];
        let again = encode_rows(&[(RowAt::Old(0), 3, 1), (RowAt::New(0), 200, 130), (RowAt::Old(2), 0, 0)], &raw, &part, bytes.len()).unwrap();
        assert_eq!(again, bytes);
        // a cut section does not read
        assert!(raw_rows(&bytes[..bytes.len() - 1]).is_none());
    }
}
