//! The persisted view index: every document's graph read back ([`DocumentRecord`]), the corpus
//! graph parsed ([`CorpusOverlay`]), and what the read commands need of the merged view, kept
//! in a file next to the store (`kgraph-view.bin`) so that a read command neither scans the
//! store nor reads every fact.
//!
//! In: the store, and each load, removal and corpus-graph refresh made through the knowledge
//! base. Out: the records and overlay the full graph view is merged from ([`ViewIndex`]), and,
//! read section by section without the facts ([`LazyIndex`]): the store's counts, the entities
//! with their fact and document counts, which facts each subject has, the graph's skeleton
//! (node ids, labels and types; edges as node numbers and fact numbers), and single documents'
//! records on demand.
//!
//! Layout (version 8): magic, version, header length, the header (where each section starts
//! and how long it is, and whether the corpus overlay is the link of the records, which lets
//! the next add relink only the entities its names touch), then the sections, each encoded on its own: `docs` (each document with
//! where its record lies), `summary` (counts), `entities`, `subjects`, `graph`, `facts` (where
//! each merged fact comes from: record and position; the `kg:sameAs` folds to apply to it),
//! `corpus`, and per document two record sections: its head (entities, triple counts and
//! hashes, fact counts) and its facts. `kgraph stats` reads the header, `docs` and
//! `summary` (a few MB at 19k documents); `why` and `export --focus` read the facts of the
//! documents whose facts they show. Opening the index for a build decodes the heads only; the
//! facts are decoded when something needs all of them (the full view, a full corpus link, a
//! full write). After adds alone, the summary sections are the file's updated by difference
//! ([`delta`]: the same bytes a full write gives), so an add decodes no old fact but the few
//! its new edges are ordered against.
//!
//! The file is a cache of the store, never the truth. It is trusted only when its format version
//! matches and it lists exactly the documents (ids and SHA-256) the store lists, which the store
//! answers from its predicate index (two triples per document); otherwise the records and the
//! corpus graph are read from the store again and the file rewritten. A section that does not
//! decode makes the knowledge base read the store again as well. The corpus graph is derived
//! from the document graphs, so it is current whenever they are. A build updates the records in
//! memory, one document at a time after each document's transaction commits, takes in the
//! corpus graph once it is refreshed, and writes the file once at the end (merging the records'
//! entities and the facts' order once to write the summary sections, which are computed from the
//! records' facts in place, not from a merged copy of them; write to a temporary file, then
//! rename, or append the changed sections and rewrite the header in place). Writes that bypass
//! the records (SPARQL updates, the Graph Store Protocol) delete the file before and after they
//! run.

use crate::document::{Entity, EntityType, Fact, FactObject};
use crate::graph::{KnowledgeGraph, NameQuery};
use crate::store::read::{self, CorpusOverlay, DocumentRecord, StoredDocument};
use crate::store::{KgStore, Loaded, StoreError, StoreStats};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

mod delta;

#[cfg(test)]
thread_local! {
    /// How many saves on this thread wrote the summary sections by difference.
    pub(super) static DELTA_SAVES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The index file, in the store directory.
pub const INDEX_FILE: &str = "kgraph-view.bin";
/// Bumped whenever the file layout or what a record holds changes.
/// 2: the corpus overlay. 3: hashed sections, summary sections, one record per document.
/// 4: each corpus node's triple hash; the overlay's lists sorted; the header in a slot of its
/// own, hashed, so that it can be rewritten in place after sections are appended.
/// 5: the overlay's open relations.
/// 6: whether the overlay is the link of the records (an add may then relink only a group).
/// 7: sections and header hashed a word at a time ([`section_hash`]).
/// 8: each record in two sections, its head (entities, triple counts, fact counts) and its
/// facts, so that opening the file decodes no fact.
const INDEX_VERSION: u32 = 8;
const MAGIC: &[u8; 8] = b"KGVIEW\0\0";
/// Magic, version, header length and the header's hash ([`section_hash`]).
const PREAMBLE: usize = MAGIC.len() + 4 + 4 + 8;
/// Room kept for the header (eight spans and a number take under 250 bytes): the body starts
/// after it, whatever the header's length.
const HEADER_SLOT: usize = 512;
/// Where the body (the sections) starts.
const BODY: u64 = (PREAMBLE + HEADER_SLOT) as u64;

/// The records merged without their facts ([`read::merge_outline`]): the entities, the corpus
/// graph not yet laid over them, and where each merged fact lies.
pub(crate) type Outline = (Vec<Entity>, Vec<read::FactOrigin>);

/// The records of every document, by id.
#[derive(Debug, Default)]
pub(crate) struct ViewIndex {
    records: BTreeMap<String, DocumentRecord>,
    /// The corpus graph, as of the last refresh.
    corpus: CorpusOverlay,
    /// Whether `corpus` is the corpus link of the records it was refreshed for (a refresh
    /// made it, here or by the process that wrote the file), not read back from a store whose
    /// corpus graph a failed refresh may have left half way.
    corpus_linked: bool,
    /// The documents added since the corpus graph was refreshed; `None` once one was replaced
    /// or removed: then a refresh relinks the whole corpus.
    added: Option<std::collections::BTreeSet<String>>,
    /// Whether the file holds exactly these records.
    saved: bool,
    /// What the file holds that a save can keep, when it was read or written by this index.
    on_file: Option<OnFile>,
    /// The records whose facts are still on file only (opening the file decodes the heads):
    /// [`ViewIndex::ensure_facts`] reads them when something needs every fact.
    unloaded: HashMap<String, Unloaded>,
    /// The ids whose corpus node differs from the one in the overlay on file (added, removed
    /// or changed), taken in as corpus graphs are; `None` when not known (the index was read
    /// from the store). An add's summary sections by difference recompute only the entities
    /// these, the added documents and their folds touch ([`delta`]).
    corpus_changed: Option<FxHashSet<String>>,
}

/// A record whose facts were not decoded: where they lie, and how many there are.
#[derive(Debug, Clone, Copy)]
struct Unloaded {
    facts: Span,
    count: usize,
    plain: usize,
}

/// Where a record's two sections lie.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub(super) struct RecordSpans {
    head: Span,
    facts: Span,
}

/// The file as this index last read or wrote it: a save that changes a few records appends
/// their sections and the summary sections to the file and rewrites the header in place,
/// keeping the record sections of the documents that did not change.
#[derive(Debug, Default)]
struct OnFile {
    /// The record sections of each document whose record is unchanged since.
    records: HashMap<String, RecordSpans>,
    /// Length of the body.
    body_len: u64,
    /// The summary on file: the counts while the index is `saved`.
    summary: Option<Summary>,
    /// The file opened, for the facts not decoded yet and the summary sections an add updates.
    file: Option<std::sync::Arc<LazyIndex>>,
}

/// Where a section lies, from the end of the header, and the hash of its bytes ([`section_hash`]; a
/// section whose bytes do not hash to it is not decoded).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub(super) struct Span {
    start: u64,
    len: u64,
    hash: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Header {
    store_format: u32,
    docs: Span,
    summary: Span,
    entities: Span,
    subjects: Span,
    graph: Span,
    facts: Span,
    corpus: Span,
    /// [`ViewIndex::corpus_linked`].
    corpus_linked: bool,
}

/// A document and where its record lies.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DocEntry {
    id: String,
    source: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    hash: String,
    sentences: usize,
    record: RecordSpans,
}

impl DocEntry {
    fn document(&self) -> StoredDocument {
        StoredDocument {
            id: self.id.clone(),
            source: self.source.clone(),
            title: self.title.clone(),
            date: self.date.clone(),
            url: self.url.clone(),
            hash: self.hash.clone(),
            sentences: self.sentences,
        }
    }
}

/// [`DocEntry`] as written, borrowed from a record's document.
#[derive(Serialize)]
struct DocEntryRef<'a> {
    id: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    hash: &'a str,
    sentences: usize,
    record: RecordSpans,
}

/// A [`DocumentRecord`] without its document and its facts (which lie in a section of their
/// own), with the number of its facts and of its plain facts, as read (every field present:
/// the encoding is not self-describing).
#[derive(Deserialize)]
struct RecordHead {
    entities: Vec<Entity>,
    own_triples: usize,
    shared_triples: Vec<u64>,
    facts: usize,
    plain_facts: usize,
}

/// [`RecordHead`] as written, borrowed from a [`DocumentRecord`].
#[derive(Serialize)]
struct RecordHeadRef<'a> {
    entities: &'a [Entity],
    own_triples: usize,
    shared_triples: &'a [u64],
    facts: usize,
    plain_facts: usize,
}

impl<'a> RecordHeadRef<'a> {
    fn of(r: &'a DocumentRecord) -> RecordHeadRef<'a> {
        RecordHeadRef {
            entities: &r.entities,
            own_triples: r.own_triples,
            shared_triples: &r.shared_triples,
            facts: r.facts.len(),
            plain_facts: r.facts.iter().filter(|f| f.is_plain()).count(),
        }
    }
}

/// The counts of `kgraph stats`, but the ontology's (read from the store).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Summary {
    pub documents: usize,
    pub entities: usize,
    pub facts: usize,
    pub plain_facts: usize,
    pub triples: usize,
    /// The petgraph view's.
    pub nodes: usize,
    pub edges: usize,
}

impl Summary {
    /// The counts of `stats` and of the skeleton's nodes and edges.
    fn of(stats: &StoreStats, skeleton: &Skeleton) -> Summary {
        Summary {
            documents: stats.documents,
            entities: stats.entities,
            facts: stats.facts,
            plain_facts: stats.plain_facts,
            triples: stats.triples,
            nodes: skeleton.nodes.len(),
            edges: skeleton.edges.len(),
        }
    }

    pub fn store_stats(&self, ontology_triples: usize) -> StoreStats {
        StoreStats {
            documents: self.documents,
            entities: self.entities,
            facts: self.facts,
            plain_facts: self.plain_facts,
            triples: self.triples,
            ontology_triples,
        }
    }
}

/// A merged entity with the number of facts it takes part in and of documents they come from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct EntityRow {
    pub entity: Entity,
    pub facts: usize,
    pub documents: usize,
}

/// [`EntityRow`] as written, borrowing the entity (the same bytes: serde writes a reference as
/// what it points at), so that 200k entities are not cloned to be encoded.
#[derive(Serialize)]
struct EntityRowRef<'a> {
    entity: &'a Entity,
    facts: usize,
    documents: usize,
}

/// One document's description of an entity, borrowed from its record: a
/// [`crate::corpus::EntityRecord`] copied only when the corpus link needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EntityRef<'a> {
    doc: &'a str,
    entity: &'a Entity,
}

impl crate::corpus::group::GroupRecord for EntityRef<'_> {
    fn id(&self) -> &str {
        &self.entity.id
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.entity.label).chain(&self.entity.aliases)
    }

    fn record(&self) -> std::borrow::Cow<'_, crate::corpus::EntityRecord> {
        let e = self.entity;
        let mut aliases = e.aliases.clone();
        aliases.sort();
        aliases.dedup();
        std::borrow::Cow::Owned(crate::corpus::EntityRecord { id: e.id.clone(), doc: self.doc.to_owned(), label: e.label.clone(), kind: e.kind, aliases })
    }
}

/// A node of the view's graph, without its aliases and literal value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct GraphNode {
    pub id: String,
    pub label: String,
    pub literal: bool,
    pub kind: EntityType,
}

/// The view's graph without edge data: nodes in index (id) order; edges in edge order as
/// (source, target, fact number in the merged order).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Skeleton {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<(u32, u32, u32)>,
}

impl Skeleton {
    /// The skeleton of `graph`, numbering each edge's fact with `fact_of_edge` (by edge index).
    pub fn of(graph: &KnowledgeGraph, fact_of_edge: impl Fn(usize) -> u32) -> Skeleton {
        Skeleton {
            nodes: graph
                .nodes()
                .map(|(_, n)| GraphNode { id: n.id.clone(), label: n.label.clone(), literal: n.is_literal(), kind: n.entity_type })
                .collect(),
            edges: graph.edges().map(|(e, s, t, _)| (s.index() as u32, t.index() as u32, fact_of_edge(e.index()))).collect(),
        }
    }

    /// The skeleton of the graph [`KnowledgeGraph::from_facts`] builds of `entities` and
    /// `facts`, made without building it; `complete` as [`KnowledgeGraph::skeleton_of`] takes it.
    pub fn of_facts<F: std::borrow::Borrow<Fact>>(entities: &[Entity], facts: &[F], complete: impl Fn(&mut crate::document::Predicate)) -> Skeleton {
        let (nodes, edges) = KnowledgeGraph::skeleton_of(entities, facts, complete);
        Skeleton {
            nodes: nodes.into_iter().map(|(id, label, literal, kind)| GraphNode { id, label, literal, kind }).collect(),
            edges: edges.into_iter().map(|(s, t, f)| (s, t, f as u32)).collect(),
        }
    }

    /// The node [`KnowledgeGraph::find_entity`] finds for `query`, given each entity's aliases.
    pub fn find_entity<'a>(&self, query: &str, aliases: impl Fn(&str) -> &'a [String]) -> Option<usize> {
        let q = NameQuery::new(query)?;
        if let Ok(i) = self.nodes.binary_search_by(|n| n.id.as_str().cmp(q.exact()))
            && !self.nodes[i].literal
        {
            return Some(i);
        }
        // names first, over every node, then aliases: the first name match wins over any alias
        // match, and most queries are names, so the aliases are rarely looked up at all
        let entities = || self.nodes.iter().enumerate().filter(|(_, n)| !n.literal);
        if let Some((i, _)) = entities().find(|(_, n)| q.matches_name(&n.id, &n.label)) {
            return Some(i);
        }
        entities().find(|(_, n)| aliases(&n.id).iter().any(|a| q.matches_alias(a))).map(|(i, _)| i)
    }

    /// The nodes within `depth` undirected hops of `start` (literal nodes are not gone through),
    /// ascending, and the fact numbers of the edges among them, ascending: what
    /// [`KnowledgeGraph::focus_node`] keeps.
    pub fn neighbourhood(&self, start: usize, depth: usize) -> (Vec<usize>, Vec<u32>) {
        let mut next_to: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for &(s, t, _) in &self.edges {
            next_to[s as usize].push(t as usize);
            next_to[t as usize].push(s as usize);
        }
        let mut keep = vec![false; self.nodes.len()];
        keep[start] = true;
        let mut frontier = vec![start];
        for _ in 0..depth {
            let mut next = Vec::new();
            for &n in frontier.iter().filter(|&&n| !self.nodes[n].literal) {
                for &m in &next_to[n] {
                    if !keep[m] {
                        keep[m] = true;
                        next.push(m);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        let mut facts: Vec<u32> = self.edges.iter().filter(|(s, t, _)| keep[*s as usize] && keep[*t as usize]).map(|e| e.2).collect();
        facts.sort_unstable();
        ((0..keep.len()).filter(|&i| keep[i]).collect(), facts)
    }
}

/// The summary sections encoded: what [`ViewIndex::encode_file`] writes before the corpus
/// overlay and the records.
pub(super) struct SummarySections {
    pub summary: Vec<u8>,
    pub entities: Vec<u8>,
    pub subjects: Vec<u8>,
    pub graph: Vec<u8>,
    pub facts: Vec<u8>,
}

/// Where each merged fact comes from, and the `kg:sameAs` folds to apply to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct FactSources {
    origins: Vec<read::FactOrigin>,
    moves: Vec<(String, String)>,
}

fn index_path(store: &KgStore) -> Option<PathBuf> {
    store.path().map(|dir| dir.join(INDEX_FILE))
}

fn io_error(path: &Path, e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> StoreError {
    StoreError::Io { path: path.to_owned(), source: std::io::Error::other(e) }
}

impl ViewIndex {
    /// The index of `store`: from its file when that is current (and `trust_file`), else read
    /// from the store.
    pub fn open(store: &KgStore, trust_file: bool) -> Result<ViewIndex, StoreError> {
        if trust_file
            && let Some(path) = index_path(store)
            && let Some(file) = LazyIndex::open_file(&path)
        {
            let file = std::sync::Arc::new(file);
            // the record heads are decoded while the store is asked whether it holds the
            // documents the file lists (one lookup per document); the facts stay on file
            let (read, current) = rayon::join(
                || {
                    let _t = super::timing::span("index.read_records");
                    read_file(&file)
                },
                || {
                    let _t = super::timing::span("index.check_documents");
                    lists_the_documents_of(file.docs.iter().map(|d| (&d.id, &d.hash)), file.docs.len(), store)
                },
            );
            if current?
                && let Some((records, unloaded, mut on_file, corpus)) = read
            {
                let records = records.into_iter().map(|r| (r.document.id.clone(), r)).collect();
                let corpus_linked = file.header.corpus_linked;
                on_file.file = Some(file);
                return Ok(ViewIndex {
                    records,
                    corpus,
                    corpus_linked,
                    added: Some(Default::default()),
                    saved: true,
                    on_file: Some(on_file),
                    unloaded,
                    corpus_changed: Some(FxHashSet::default()),
                });
            }
        }
        Self::read_from_store(store)
    }

    /// The index read from the store's graphs (every record with its facts).
    fn read_from_store(store: &KgStore) -> Result<ViewIndex, StoreError> {
        let records = read::read_records(store)?;
        let corpus = read::corpus_overlay(store)?;
        let records = records.into_iter().map(|r| (r.document.id.clone(), r)).collect();
        Ok(ViewIndex {
            records,
            corpus,
            corpus_linked: false,
            added: None,
            saved: false,
            on_file: None,
            unloaded: HashMap::new(),
            corpus_changed: None,
        })
    }

    /// Decodes the facts of the records whose facts are still on file: what the full merge,
    /// the full corpus link and a full write of the file need. Facts that do not decode (a
    /// damaged section) make the whole index read from the store again.
    /// Returns whether the index was read from the store.
    pub fn ensure_facts(&mut self, store: &KgStore) -> Result<bool, StoreError> {
        if self.unloaded.is_empty() {
            return Ok(false);
        }
        let _t = super::timing::span("index.read_facts");
        let file = self.on_file.as_ref().and_then(|f| f.file.clone());
        let unloaded = std::mem::take(&mut self.unloaded);
        let decoded: Option<Vec<(String, Vec<Fact>)>> = file.and_then(|file| {
            unloaded.par_iter().map(|(id, u)| Some((id.clone(), file.section::<Vec<Fact>>(u.facts).filter(|f| f.len() == u.count)?))).collect()
        });
        match decoded {
            Some(decoded) => {
                for (id, facts) in decoded {
                    if let Some(r) = self.records.get_mut(&id) {
                        r.facts = facts;
                    }
                }
                Ok(false)
            }
            None => {
                *self = Self::read_from_store(store)?;
                Ok(true)
            }
        }
    }

    /// Takes in a committed load: drops the documents it replaced, adds the new record.
    pub fn apply(&mut self, loaded: Loaded) {
        for id in &loaded.replaced {
            self.remove(id);
        }
        if let Some(record) = loaded.record {
            self.forget_on_file(&record.document.id);
            self.unloaded.remove(&record.document.id);
            if let Some(added) = &mut self.added {
                added.insert(record.document.id.clone());
            }
            self.records.insert(record.document.id.clone(), record);
            self.saved = false;
        }
    }

    /// Takes in a committed removal.
    pub fn remove(&mut self, id: &str) {
        if self.records.contains_key(id) {
            self.added = None;
        }
        self.saved &= self.records.remove(id).is_none();
        self.unloaded.remove(id);
        self.forget_on_file(id);
    }

    /// The file's record section of `id` no longer is the document's record.
    fn forget_on_file(&mut self, id: &str) {
        if let Some(on_file) = &mut self.on_file {
            on_file.records.remove(id);
        }
    }

    /// Takes in a refreshed corpus graph: the link of the records as they are.
    pub fn set_corpus(&mut self, corpus: CorpusOverlay) {
        if corpus != self.corpus || !self.corpus_linked {
            if let Some(changed) = &mut self.corpus_changed {
                changed_nodes(&self.corpus.nodes, &corpus.nodes, changed);
            }
            self.corpus = corpus;
            self.saved = false;
        }
        self.corpus_linked = true;
        self.added = Some(Default::default());
    }

    /// The ids of the entities of the documents added since the corpus graph was linked, when
    /// documents were only added since and the corpus overlay is that link: what a refresh
    /// relinks the group of ([`KgStore::refresh_corpus_added`]).
    pub fn added_entities(&self) -> Option<std::collections::BTreeSet<&str>> {
        let added = self.added.as_ref().filter(|_| self.corpus_linked)?;
        Some(added.iter().filter_map(|id| self.records.get(id)).flat_map(|r| r.entities.iter().map(|e| e.id.as_str())).collect())
    }

    /// What every document graph says about every entity, as [`KgStore::entity_records`] reads
    /// it from the store (sorted by entity, then document).
    pub fn entity_records(&self) -> Vec<crate::corpus::EntityRecord> {
        use crate::corpus::group::GroupRecord;
        // (entity, document) is unique, so the borrowed ones' unstable sort is exact
        self.entity_refs().par_iter().map(|r| r.record().into_owned()).collect()
    }

    /// What every document graph says about every entity, borrowed, in the order of
    /// [`ViewIndex::entity_records`]: what an add looks for the group it relinks in.
    pub fn entity_refs(&self) -> Vec<EntityRef<'_>> {
        let mut out: Vec<EntityRef<'_>> =
            self.records.values().flat_map(|r| r.entities.iter().map(|entity| EntityRef { doc: &r.document.id, entity })).collect();
        out.par_sort_unstable_by(|a, b| (&a.entity.id, a.doc).cmp(&(&b.entity.id, b.doc)));
        out
    }

    /// The open relations (`rel:` IRIs) the documents' facts use, sorted: what the corpus
    /// graph labels ([`KgStore::open_relations`] without the store). Every record's facts must
    /// be decoded ([`ViewIndex::ensure_facts`]).
    pub fn open_relations(&self) -> Vec<String> {
        debug_assert!(self.unloaded.is_empty(), "open relations asked of facts not decoded");
        relations_of(self.records.values())
    }

    /// The open relations of the documents added since the corpus graph was linked, sorted:
    /// with those the linked corpus graph labels, the open relations of all documents.
    pub fn added_relations(&self) -> Vec<String> {
        let added = self.added.iter().flatten().filter_map(|id| self.records.get(id));
        relations_of(added)
    }

    /// Whether a save would likely take the summary sections by difference ([`delta`]): the
    /// file is open and documents were only added since it was written. The records are then
    /// not merged for the save ahead of time (the difference merges only what it touches).
    pub fn delta_likely(&self) -> bool {
        let Some(on_file) = &self.on_file else { return false };
        let Some(file) = &on_file.file else { return false };
        self.corpus_changed.is_some()
            && on_file.records.len() == file.docs.len()
            && self.records.len() > file.docs.len()
            && file.docs.iter().all(|d| self.records.contains_key(&d.id))
    }

    /// Whether every record's facts are in memory.
    pub fn facts_decoded(&self) -> bool {
        self.unloaded.is_empty()
    }

    /// How many documents the index holds.
    pub fn document_count(&self) -> usize {
        self.records.len()
    }

    /// The records; their facts are empty until [`ViewIndex::ensure_facts`] decodes them.
    pub fn records(&self) -> impl Iterator<Item = &DocumentRecord> {
        self.records.values()
    }

    pub fn corpus(&self) -> &CorpusOverlay {
        &self.corpus
    }

    /// Writes the file if it is not current (a store in memory has none): merges the view once
    /// for the summary sections.
    pub fn save(&mut self, store: &KgStore) -> Result<(), StoreError> {
        self.save_merged(store, None)
    }

    /// Whether [`ViewIndex::save`] would write the file.
    pub fn needs_saving(&self, store: &KgStore) -> bool {
        !self.saved && index_path(store).is_some()
    }

    /// [`ViewIndex::save`], given [`read::merge_outline`] of these records when the caller has it.
    pub fn save_merged(&mut self, store: &KgStore, mut merged: Option<Outline>) -> Result<(), StoreError> {
        let Some(path) = index_path(store) else { return Ok(()) };
        if self.saved {
            return Ok(());
        }
        let labels = store.property_labels()?;
        let _t = super::timing::span("index.save");
        let on_file = self.on_file.take().filter(|on_file| std::fs::metadata(&path).map(|m| m.len()).ok() == Some(BODY + on_file.body_len));
        let mostly_unused = |on_file: &OnFile| {
            let kept: u64 = on_file.records.values().map(|s| s.head.len + s.facts.len).sum();
            on_file.body_len - kept > kept
        };
        // after adds alone, the summary sections by difference from the file's, when exact
        if let Some(old) = &on_file {
            let t = super::timing::span("index.delta");
            let delta = delta::summary_sections(self, old, &labels);
            drop(t);
            if let Some((sections, summary)) = delta {
                let _t = super::timing::span("index.write");
                // appended, or, when the file is mostly unused, a new file with the kept
                // record sections copied over as they are
                let compact = mostly_unused(old);
                let encoded = match compact {
                    false => self.encode_file(sections, summary, old.body_len, &old.records, None),
                    true => self.encode_file(sections, summary, 0, &old.records, old.file.as_deref()),
                };
                if let Some((head, body, mut on_file)) = encoded.map_err(|e| io_error(&path, e))? {
                    #[cfg(test)]
                    DELTA_SAVES.with(|n| n.set(n.get() + 1));
                    let written = match compact {
                        false => append_in_place(&path, old.body_len, &head, &body),
                        true => write_atomically(&path, &body.after(&head)),
                    };
                    written.map_err(|source| StoreError::Io { path: path.clone(), source })?;
                    on_file.file = LazyIndex::open_file(&path).map(std::sync::Arc::new);
                    self.on_file = Some(on_file);
                    self.saved = true;
                    self.corpus_changed = Some(FxHashSet::default());
                    return Ok(());
                }
            }
        }
        // append when the file is the one this index knows and is not mostly unused already
        // (summary sections and records replaced by earlier appends): otherwise write it anew
        let mut appendable = on_file.filter(|on_file| !mostly_unused(on_file));
        // from every fact: decoded first (read from the store if they do not decode, and
        // then the file's record sections are not kept)
        if !self.unloaded.is_empty() {
            merged = None;
            if self.ensure_facts(store)? {
                appendable = None;
            }
        }
        // (a merge made while some facts were on file only lacks their origins)
        if merged.as_ref().is_some_and(|(_, origins)| origins.len() != self.records.values().map(|r| r.facts.len()).sum::<usize>()) {
            merged = None;
        }
        let mut encode = |at: u64, kept: &HashMap<String, RecordSpans>| {
            let merged = merged.take().unwrap_or_else(|| read::merge_outline(self.records.values()));
            // (nothing is copied, so every record is written)
            self.encode_merged(merged, &labels, at, kept)?.ok_or(postcard::Error::SerializeBufferFull)
        };
        let (head, body, on_file) = match appendable {
            Some(old) => {
                let (head, body, on_file) = encode(old.body_len, &old.records).map_err(|e| io_error(&path, e))?;
                append_in_place(&path, old.body_len, &head, &body).map_err(|source| StoreError::Io { path: path.clone(), source })?;
                (head, body, on_file)
            }
            None => {
                let (head, body, on_file) = encode(0, &HashMap::new()).map_err(|e| io_error(&path, e))?;
                write_atomically(&path, &body.after(&head)).map_err(|source| StoreError::Io { path: path.clone(), source })?;
                (head, body, on_file)
            }
        };
        drop((head, body));
        let mut on_file = on_file;
        on_file.file = LazyIndex::open_file(&path).map(std::sync::Arc::new);
        self.on_file = Some(on_file);
        self.saved = true;
        self.corpus_changed = Some(FxHashSet::default());
        Ok(())
    }

    /// The file's preamble with the header, and the sections to write from body offset `at`
    /// on (0: the whole file; else after the body of the file as it is), given `merged`, the
    /// records merged ([`read::merge_outline`] of these records, the corpus not yet applied: a
    /// build merges them while it relinks the corpus): the record of each document in `kept` is
    /// not encoded again, its section is pointed at where it lies. The facts are not copied:
    /// the summary sections are computed from the records' facts in place (a fact that the
    /// corpus graph's `kg:sameAs` folds is copied and moved), two at a time on the thread pool,
    /// which halves an incremental add's wall time on two cores. The merged view and the graph
    /// are dropped as soon as their sections are encoded, before the records are, to keep a
    /// corpus build's peak memory down.
    fn encode_merged(
        &self,
        merged: Outline,
        labels: &HashMap<String, String>,
        at: u64,
        kept: &HashMap<String, RecordSpans>,
    ) -> Result<Option<(Vec<u8>, Body, OnFile)>, postcard::Error> {
        let _t = super::timing::span("index.encode");
        let t = super::timing::span("index.encode.overlay");
        let (mut entities, origins) = merged;
        // the records' distinct entity ids, before `kg:sameAs` folds drop some: what `stats` counts
        let distinct_entities = entities.len();
        let moves = read::apply_overlay_to_entities(&self.corpus, &mut entities);
        let records: Vec<&DocumentRecord> = self.records.values().collect();
        let facts_in_place: Vec<&Fact> = origins.iter().map(|&(r, p)| &records[r as usize].facts[p as usize]).collect();
        let moved = moved_facts(&facts_in_place, &moves);
        let mut facts = facts_in_place;
        for (i, f) in &moved {
            facts[*i] = f;
        }
        drop(t);
        let t = super::timing::span("index.encode.sections");
        let ((skeleton, stats), (entities_bytes, subjects)) = rayon::join(
            || {
                let t = super::timing::span("index.encode.skeleton");
                let skeleton = Skeleton::of_facts(&entities, &facts, |p| read::fill_label(p, labels));
                drop(t);
                let _t = super::timing::span("index.encode.stats");
                (skeleton, self.counted(0, Some(distinct_entities)))
            },
            || {
                let t = super::timing::span("index.encode.counts");
                let counts = fact_counts_in_store_order(&facts);
                let rows: Vec<EntityRowRef<'_>> = entities
                    .iter()
                    .map(|e| {
                        let (facts, docs) = counts.get(e.id.as_str()).map_or((0, 0), |(f, d, _)| (*f, *d));
                        EntityRowRef { entity: e, facts, documents: docs }
                    })
                    .collect();
                drop(counts);
                drop(t);
                let t = super::timing::span("index.encode.rows");
                let rows = postcard::to_allocvec(&rows);
                drop(t);
                let _t = super::timing::span("index.encode.subjects");
                // hashed, then sorted by subject once (as a map kept in order would give them)
                let mut by_subject: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
                for (i, f) in facts.iter().enumerate() {
                    by_subject.entry(f.subject.as_str()).or_default().push(i as u32);
                }
                let mut subjects: Vec<(&str, Vec<u32>)> = by_subject.into_iter().collect();
                subjects.sort_unstable_by(|a, b| a.0.cmp(b.0));
                (rows, postcard::to_allocvec(&subjects))
            },
        );
        let summary = Summary::of(&stats, &skeleton);
        drop(t);
        let _t2 = super::timing::span("index.encode.bytes");
        drop(facts);
        drop((moved, entities));
        let (graph_bytes, facts_bytes) = rayon::join(
            || postcard::to_allocvec(&skeleton),
            || postcard::to_allocvec(&FactSources { origins, moves }),
        );
        drop(skeleton);
        let sections = SummarySections {
            summary: postcard::to_allocvec(&summary)?,
            entities: entities_bytes?,
            subjects: subjects?,
            graph: graph_bytes?,
            facts: facts_bytes?,
        };
        self.encode_file(sections, summary, at, kept, None)
    }

    /// The file's preamble with the header, and the sections to write from body offset `at`
    /// on: the summary sections given, the corpus overlay, each record not in `kept` (head and
    /// facts; a kept one is pointed at where it lies, or with `copy_from`, the file it lies in,
    /// copied from there as it is) and the document list. `None` when a kept record's bytes
    /// could not be copied (they do not hash right).
    fn encode_file(
        &self,
        sections: SummarySections,
        summary_counts: Summary,
        at: u64,
        kept: &HashMap<String, RecordSpans>,
        copy_from: Option<&LazyIndex>,
    ) -> Result<Option<(Vec<u8>, Body, OnFile)>, postcard::Error> {
        // the sections as they were encoded, written one after the other (not copied into one
        // buffer: an add's are some 50 MB)
        let mut body = Body::default();
        let mut section = |bytes: Vec<u8>| {
            let span = Span { start: at + body.len, len: bytes.len() as u64, hash: section_hash(&bytes) };
            body.len += bytes.len() as u64;
            body.parts.push(bytes);
            span
        };
        let summary = section(sections.summary);
        let entities = section(sections.entities);
        let subjects = section(sections.subjects);
        let graph = section(sections.graph);
        let facts = section(sections.facts);
        let corpus = section(postcard::to_allocvec(&self.corpus)?);
        let mut docs = Vec::with_capacity(self.records.len());
        let mut on_file = OnFile::default();
        for r in self.records.values() {
            let d = &r.document;
            let record = match (kept.get(&d.id), copy_from) {
                (Some(spans), None) => *spans,
                (Some(spans), Some(file)) => {
                    let (Some(head), Some(facts)) = (file.bytes(spans.head), file.bytes(spans.facts)) else { return Ok(None) };
                    RecordSpans { head: section(head), facts: section(facts) }
                }
                (None, _) => {
                    debug_assert!(!self.unloaded.contains_key(&d.id), "a record written without its facts");
                    let head = section(postcard::to_allocvec(&RecordHeadRef::of(r))?);
                    RecordSpans { head, facts: section(postcard::to_allocvec(&r.facts)?) }
                }
            };
            on_file.records.insert(d.id.clone(), record);
            docs.push(DocEntryRef {
                id: &d.id,
                source: &d.source,
                title: d.title.as_deref(),
                date: d.date.as_deref(),
                url: d.url.as_deref(),
                hash: &d.hash,
                sentences: d.sentences,
                record,
            });
        }
        let docs = section(postcard::to_allocvec(&docs)?);
        let header = Header {
            store_format: crate::store::STORE_FORMAT_VERSION,
            docs,
            summary,
            entities,
            subjects,
            graph,
            facts,
            corpus,
            corpus_linked: self.corpus_linked,
        };
        let header = postcard::to_allocvec(&header)?;
        assert!(header.len() <= HEADER_SLOT, "view index header over its slot");
        let mut head = Vec::with_capacity(BODY as usize);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&INDEX_VERSION.to_le_bytes());
        head.extend_from_slice(&(header.len() as u32).to_le_bytes());
        head.extend_from_slice(&section_hash(&header).to_le_bytes());
        head.extend_from_slice(&header);
        head.resize(BODY as usize, 0);
        on_file.body_len = at + body.len;
        on_file.summary = Some(summary_counts);
        Ok(Some((head, body, on_file)))
    }

    /// Deletes the file of `store`: a write is about to change the store behind the records.
    pub fn discard(store: &KgStore) -> Result<(), StoreError> {
        let Some(path) = index_path(store) else { return Ok(()) };
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Io { path, source: e }),
            _ => Ok(()),
        }
    }

    /// The store's counts, from the records and the corpus overlay (whose triples describe
    /// entities, so they may repeat what document graphs state); `ontology_triples` from the store.
    pub fn stats(&self, ontology_triples: usize) -> StoreStats {
        // counted when the file was written, if nothing changed since (a build asks right after)
        if self.saved
            && let Some(summary) = self.on_file.as_ref().and_then(|f| f.summary)
        {
            return summary.store_stats(ontology_triples);
        }
        self.counted(ontology_triples, None)
    }

    /// [`stats`](Self::stats) counted from the records, given the number of distinct entity
    /// ids among them when the caller has it (the merged outline's).
    fn counted(&self, ontology_triples: usize, distinct_entities: Option<usize>) -> StoreStats {
        let capacity = self.corpus.triple_hashes.len() + self.records.values().map(|r| r.shared_triples.len()).sum::<usize>();
        let mut shared: FxHashSet<u64> = FxHashSet::with_capacity_and_hasher(capacity, Default::default());
        shared.extend(self.corpus.triple_hashes.iter().copied());
        let mut stats = StoreStats { documents: self.records.len(), ontology_triples, ..StoreStats::default() };
        for r in self.records.values() {
            shared.extend(r.shared_triples.iter().copied());
            match self.unloaded.get(&r.document.id) {
                Some(u) => {
                    stats.facts += u.count;
                    stats.plain_facts += u.plain;
                }
                None => {
                    stats.facts += r.facts.len();
                    stats.plain_facts += r.facts.iter().filter(|f| f.is_plain()).count();
                }
            }
            stats.triples += r.own_triples;
        }
        stats.entities = distinct_entities.unwrap_or_else(|| {
            let ids: FxHashSet<&str> = self.records.values().flat_map(|r| r.entities.iter().map(|e| e.id.as_str())).collect();
            ids.len()
        });
        stats.triples += shared.len();
        stats
    }
}

/// Adds to `changed` the id of every node that `old` and `new` (both sorted by id) do not hold
/// alike: in one of them only, or different in the two.
fn changed_nodes(old: &[read::CorpusNode], new: &[read::CorpusNode], changed: &mut FxHashSet<String>) {
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a.id == b.id => {
                if a != b {
                    changed.insert(b.id.clone());
                }
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a.id < b.id => {
                changed.insert(a.id.clone());
                i += 1;
            }
            (Some(a), None) => {
                changed.insert(a.id.clone());
                i += 1;
            }
            (_, Some(b)) => {
                changed.insert(b.id.clone());
                j += 1;
            }
            (None, None) => break,
        }
    }
}

/// The open relations (`rel:` IRIs) the facts of `records` use, sorted.
fn relations_of<'a>(records: impl Iterator<Item = &'a DocumentRecord>) -> Vec<String> {
    let set: std::collections::BTreeSet<&str> = records
        .flat_map(|r| r.facts.iter().map(|f| f.predicate.iri.as_str()))
        .filter(|iri| iri.starts_with(crate::ontology::vocab::REL))
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// Per entity id, the facts it takes part in (as subject, or as an entity object other than the
/// subject) and the documents they come from, as [`super::inspect::fact_counts`] counts them, for
/// `facts` in store order: each document's facts lie together, so an entity's documents are
/// counted as its facts move from one document to the next, without a set per entity (the
/// last document seen is the third value).
pub(super) fn fact_counts_in_store_order<'a>(facts: &[&'a Fact]) -> FxHashMap<&'a str, (usize, usize, &'a str)> {
    let mut counts: FxHashMap<&str, (usize, usize, &str)> = FxHashMap::default();
    for f in facts {
        let object = match &f.object {
            FactObject::Entity(o) if *o != f.subject => Some(o.as_str()),
            _ => None,
        };
        let doc = f.provenance.doc.as_str();
        for id in std::iter::once(f.subject.as_str()).chain(object) {
            let (n, docs, last) = counts.entry(id).or_insert((0, 0, ""));
            *n += 1;
            if *docs == 0 || *last != doc {
                *docs += 1;
                *last = doc;
            }
        }
    }
    counts
}

/// The facts among `facts` that a `kg:sameAs` fold in `moves` moves (by position), copied and
/// moved ([`read::move_fact`]): the few the view index's summary sections cannot read in place.
fn moved_facts(facts: &[&Fact], moves: &[(String, String)]) -> Vec<(usize, Fact)> {
    if moves.is_empty() {
        return Vec::new();
    }
    let map: HashMap<&str, &str> = moves.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect();
    let moves_it = |f: &Fact| map.contains_key(f.subject.as_str()) || matches!(&f.object, FactObject::Entity(o) if map.contains_key(o.as_str()));
    facts
        .iter()
        .enumerate()
        .filter(|(_, f)| moves_it(f))
        .map(|(i, f)| {
            let mut f = (*f).clone();
            read::move_fact(&mut f, &map);
            (i, f)
        })
        .collect()
}

/// Whether `docs` (id and hash, `len` of them) are the documents `store` holds now.
fn lists_the_documents_of<'a>(
    docs: impl Iterator<Item = (&'a String, &'a String)>,
    len: usize,
    store: &KgStore,
) -> Result<bool, StoreError> {
    read::holds_exactly_documents(store, docs.map(|(id, hash)| (id.as_str(), hash.as_str())), len)
}

/// The checksum of a section or of the header: FNV-1a taken a little-endian 8-byte word at a
/// time instead of a byte (each word xored in, then multiplied by an odd constant and rotated,
/// so that high bits reach low ones; the last few bytes as one word padded with zeros; the
/// length first, so that padding cannot collide). Each step is one-to-one, so any one changed
/// word changes the hash. Every open hashes every record section it decodes (170 MB at 19k
/// documents): a byte at a time, that was a quarter of a second of CPU.
pub(super) fn section_hash(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    const MUL: u64 = 0x9e37_79b9_7f4a_7c15;
    let step = |h: u64, word: u64| (h ^ word).wrapping_mul(MUL).rotate_left(29);
    let mut words = bytes.chunks_exact(8);
    let mut h = step(SEED, bytes.len() as u64);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        h = step(h, u64::from_le_bytes(w));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(w));
    }
    h
}

/// Where a reader notes the store files it found the index file current for (see [`files_stamp`]).
pub(super) const STAMP_FILE: &str = "kgraph-view.stamp";

/// The names, lengths, inodes and modification times of the store's files, and the hash of the
/// index's document list: checking the index against the store reads one hash per document
/// (0.15 s at 19k documents), so a reader that found them to match notes this listing and the
/// next one with the same listing skips the check. Every write to RocksDB appends to its log or
/// manifest or adds a file, so a changed store never lists the same; the info logs and locks
/// (touched by opens that write nothing) and the stamp itself are left out.
pub(super) fn files_stamp(dir: &Path, docs_hash: u64) -> Option<String> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name().into_string().ok()?;
        let skipped = [STAMP_FILE, "kgraph.lock", "LOCK"].contains(&name.as_str()) || name.starts_with("LOG") || name.contains(".tmp-");
        if skipped {
            continue;
        }
        let meta = entry.metadata().ok()?;
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
        rows.push(format!("{name}\t{}\t{}\t{modified}", meta.len(), inode(&meta)));
    }
    rows.sort_unstable();
    rows.push(format!("documents\t{docs_hash}"));
    Some(rows.join("\n"))
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// The file opened for reading section by section; what is read is decoded, never trusted
/// blindly: a section that does not decode reads as `None`.
#[derive(Debug)]
pub(crate) struct LazyIndex {
    file: Mutex<std::fs::File>,
    /// Offset of the first section, and the file's length.
    body: u64,
    file_len: u64,
    header: Header,
    docs: Vec<DocEntry>,
}

impl LazyIndex {
    /// The file of `store` when it is there, of this version, and lists exactly the store's
    /// documents; `None` otherwise (the caller reads the store).
    pub fn open(store: &KgStore) -> Result<Option<LazyIndex>, StoreError> {
        let Some(path) = index_path(store) else { return Ok(None) };
        let Some(index) = LazyIndex::open_file(&path) else { return Ok(None) };
        let stamp = store.path().and_then(|dir| files_stamp(dir, index.header.docs.hash));
        let stamp_path = path.with_file_name(STAMP_FILE);
        if stamp.is_some() && stamp == std::fs::read_to_string(&stamp_path).ok() {
            return Ok(Some(index));
        }
        let current = lists_the_documents_of(index.docs.iter().map(|d| (&d.id, &d.hash)), index.docs.len(), store)?;
        if let (true, Some(stamp)) = (current, stamp) {
            // a reader that cannot write here checks the documents again next time
            let _ = write_atomically(&stamp_path, &[stamp.as_bytes()]);
        }
        Ok(current.then_some(index))
    }

    fn open_file(path: &Path) -> Option<LazyIndex> {
        let mut file = std::fs::File::open(path).ok()?;
        let file_len = file.metadata().ok()?.len();
        let mut preamble = [0u8; PREAMBLE];
        file.read_exact(&mut preamble).ok()?;
        let rest = preamble.strip_prefix(MAGIC.as_slice())?;
        let (version, rest) = rest.split_at(4);
        let (header_len, header_hash) = rest.split_at(4);
        if version != INDEX_VERSION.to_le_bytes() {
            return None;
        }
        let header_len = u32::from_le_bytes(header_len.try_into().ok()?) as usize;
        if header_len > HEADER_SLOT {
            return None;
        }
        let mut header = vec![0u8; header_len];
        file.read_exact(&mut header).ok()?;
        // a header being rewritten in place as it is read does not hash to what it says
        if section_hash(&header).to_le_bytes() != header_hash {
            return None;
        }
        let header: Header = postcard::from_bytes(&header).ok()?;
        if header.store_format != crate::store::STORE_FORMAT_VERSION {
            return None;
        }
        let mut index = LazyIndex { file: Mutex::new(file), body: BODY, file_len, docs: Vec::new(), header };
        index.docs = index.section(index.header.docs)?;
        Some(index)
    }

    /// The bytes of `span`, if the file holds them.
    fn bytes(&self, span: Span) -> Option<Vec<u8>> {
        let start = self.body.checked_add(span.start)?;
        if start.checked_add(span.len)? > self.file_len {
            return None;
        }
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut bytes = vec![0u8; usize::try_from(span.len).ok()?];
        file.read_exact(&mut bytes).ok()?;
        (section_hash(&bytes) == span.hash).then_some(bytes)
    }

    fn section<T: DeserializeOwned>(&self, span: Span) -> Option<T> {
        postcard::from_bytes(&self.bytes(span)?).ok()
    }

    /// The summary sections' and the corpus overlay's bytes, as on file (a test compares the
    /// file an add wrote with a fresh build's).
    #[cfg(test)]
    pub(super) fn summary_bytes(path: &Path) -> Option<Vec<Vec<u8>>> {
        let index = LazyIndex::open_file(path)?;
        let h = &index.header;
        [h.summary, h.entities, h.subjects, h.graph, h.facts, h.corpus].into_iter().map(|span| index.bytes(span)).collect()
    }

    /// The documents, sorted by id.
    pub fn documents(&self) -> Vec<StoredDocument> {
        self.docs.iter().map(DocEntry::document).collect()
    }

    pub fn summary(&self) -> Option<Summary> {
        self.section(self.header.summary)
    }

    /// The merged entities (sorted by id) with their fact and document counts.
    pub fn entities(&self) -> Option<Vec<EntityRow>> {
        self.section(self.header.entities)
    }

    /// Every fact subject (sorted) with its facts' numbers in the merged order.
    pub fn subjects(&self) -> Option<Vec<(String, Vec<u32>)>> {
        self.section(self.header.subjects)
    }

    pub fn skeleton(&self) -> Option<Skeleton> {
        self.section(self.header.graph)
    }

    /// The merged facts numbered `numbers` (ascending: store order), as the full view has them:
    /// read from their documents' records only, predicate labels from `labels`, `kg:sameAs`
    /// folds applied.
    pub fn facts(&self, numbers: &[u32], labels: &HashMap<String, String>) -> Option<Vec<Fact>> {
        let sources: FactSources = self.section(self.header.facts)?;
        let moves: HashMap<&str, &str> = sources.moves.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect();
        let mut by_record: BTreeMap<u32, Vec<(usize, u32)>> = BTreeMap::new();
        for (slot, &n) in numbers.iter().enumerate() {
            let (record, position) = *sources.origins.get(n as usize)?;
            by_record.entry(record).or_default().push((slot, position));
        }
        let mut facts: Vec<Option<Fact>> = vec![None; numbers.len()];
        for (record, wanted) in by_record {
            let record_facts: Vec<Fact> = self.section(self.docs.get(record as usize)?.record.facts)?;
            for (slot, position) in wanted {
                let mut fact = read::labelled(record_facts.get(position as usize)?.clone(), labels);
                read::move_fact(&mut fact, &moves);
                facts[slot] = Some(fact);
            }
        }
        facts.into_iter().collect()
    }
}

/// The records (their heads: no facts) and corpus overlay in the opened file, if every section
/// read decodes, with where the records' facts lie and what the file holds.
type FileRead = (Vec<DocumentRecord>, HashMap<String, Unloaded>, OnFile, CorpusOverlay);

fn read_file(index: &LazyIndex) -> Option<FileRead> {
    let corpus: CorpusOverlay = index.section(index.header.corpus)?;
    let summary = index.summary()?;
    let on_file = OnFile {
        records: index.docs.iter().map(|d| (d.id.clone(), d.record)).collect(),
        body_len: index.file_len.checked_sub(BODY)?,
        summary: Some(summary),
        file: None,
    };
    // decoded on the thread pool (the reads take turns on the file; decoding is most of the work)
    let heads = index
        .docs
        .par_iter()
        .map(|d| {
            let head: RecordHead = index.section(d.record.head)?;
            let unloaded = Unloaded { facts: d.record.facts, count: head.facts, plain: head.plain_facts };
            let record = DocumentRecord {
                document: d.document(),
                entities: head.entities,
                facts: Vec::new(),
                own_triples: head.own_triples,
                shared_triples: head.shared_triples,
            };
            Some((record, unloaded))
        })
        .collect::<Option<Vec<_>>>()?;
    let unloaded = heads.iter().map(|(r, u)| (r.document.id.clone(), *u)).collect();
    let records = heads.into_iter().map(|(r, _)| r).collect();
    Some((records, unloaded, on_file, corpus))
}

/// Appends `body` to the file at `path`, whose body is `body_len` long, then writes `head` (the
/// preamble and the header, which point into both the old body and the appended one) over the
/// file's start. A reader that opened the file before still finds every section it points at;
/// one that reads the header while it is written finds it does not hash right and reads the
/// store instead; a crash before the header is written leaves the old file with some bytes
/// after its end.
fn append_in_place(path: &Path, body_len: u64, head: &[u8], body: &Body) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.seek(SeekFrom::Start(BODY + body_len))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, &mut file);
    body.parts.iter().try_for_each(|part| out.write_all(part))?;
    out.flush()?;
    drop(out);
    file.seek(SeekFrom::Start(0))?;
    file.write_all(head)
}

/// The body a save writes: its sections in order, each as it was encoded.
#[derive(Default)]
struct Body {
    parts: Vec<Vec<u8>>,
    len: u64,
}

impl Body {
    /// `head`, then the sections.
    fn after<'a>(&'a self, head: &'a [u8]) -> Vec<&'a [u8]> {
        std::iter::once(head).chain(self.parts.iter().map(Vec::as_slice)).collect()
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: readers see
/// the old file or the new one, never half of one.
fn write_atomically(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        // a cache checked against the store on every open: no fsync
        parts.iter().try_for_each(|part| file.write_all(part))?;
        file.flush()
    };
    let written = write().and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
