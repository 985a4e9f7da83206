//! The knowledge base: the store-side front door. A [`KnowledgeBase`] owns an open store and
//! everything done with a built graph — building documents into it, SPARQL queries and updates,
//! removing documents, counts, the entity list, `why`, paths, rankings and exports — and the
//! petgraph view those need, read from the store once and cached for the life of the value.
//!
//! In: a store directory (read-write, read-only) or nothing (in memory); [`Inputs`] run through
//! a [`Pipeline`] by [`KnowledgeBase::build`]. Out: [`BuildSummary`], SPARQL results, typed
//! answers ([`Explanation`], [`PathStep`], rankings) and exports on any writer.
//!
//! The [`GraphView`] (entities, facts and documents as typed structs, plus the petgraph graph) is
//! built on the first call to [`KnowledgeBase::view`] and dropped by every write made through
//! this type. It is merged from the view index ([`index`]): each document's graph read back,
//! kept up to date by every load and removal and persisted next to the store, so that a read
//! command does not scan the store. Until the view or the whole index is in memory, the counts,
//! the entity list, `why`, rankings and an uncapped `--focus` neighbourhood answer from the index
//! file's sections instead (`index::LazyIndex`: no fact is read but those shown), with the
//! same results. How all this is done is this module's business: callers only ask.
//!
//! ```
//! use kgraph::kb::{BuildOptions, KnowledgeBase};
//! use kgraph::pipeline::{Inputs, Pipeline, PipelineOptions, SourceText};
//!
//! let kb = KnowledgeBase::in_memory(kgraph::ontology::vocab::DEFAULT_BASE)?;
//! let pipeline = Pipeline::new(PipelineOptions::default())?;
//! let text = SourceText::from_string("note.txt", "Peru expelled the ambassador of Venezuela.");
//! let summary = kb.build(&pipeline, Inputs::from_texts([text]), &BuildOptions::default(), &mut ())?;
//! assert_eq!(summary.added, 1);
//! assert!(kb.stats()?.store.facts >= 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`Inputs`]: crate::pipeline::Inputs
//! [`Pipeline`]: crate::pipeline::Pipeline
//! [`PathStep`]: crate::graph::PathStep

mod build;
mod dates;
mod export;
pub mod index;
mod inspect;
pub(crate) mod timing;

pub use build::{BuildOptions, BuildProgress, BuildSummary};
pub use export::{
    Diagram, DiagramReport, ExportOptions, ExportsWritten, FOCUS_MAX_NODES, MAIN_EXPORTS, OVERVIEW_MAX_NODES,
    PICTURE_MAX_POINTS,
};
pub use inspect::{EntityCounts, Explanation, Ranking};
pub use dates::{DateRange, DateRangeError};
pub use crate::store::{BulkSummary, LoadOutcome, StoreStats};
pub use crate::store::read::StoredDocument;
pub use crate::ontology::vocab::DEFAULT_BASE;

use crate::document::{Entity, Fact};
use crate::export::{ExportError, ExportFormat, write_query_results};
use crate::graph::{GraphError, KnowledgeGraph};
use crate::pipeline::ProcessedDocument;
use crate::source::SourceError;
use crate::store::read::{self, GraphData};
use crate::store::{KgStore, StoreError};
use index::{LazyIndex, ViewIndex};
use oxigraph::sparql::QueryResults;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Errors at the knowledge-base boundary; each keeps its cause and names the file or document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Bulk(#[from] crate::store::BulkError),
    #[error(transparent)]
    Graph(#[from] GraphError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error("{document}: {source}")]
    Load { document: String, source: StoreError },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("ontology: {0}")]
    Ontology(String),
    #[error("unknown type {name:?}; known: {known}")]
    UnknownType { name: String, known: String },
    #[error("no fact matches subject {subject:?}{}{}", predicate.as_ref().map(|p| format!(" predicate {p:?}")).unwrap_or_default(), object.as_ref().map(|o| format!(" object {o:?}")).unwrap_or_default())]
    NoFact { subject: String, predicate: Option<String>, object: Option<String> },
    #[error("no document matches {doc:?}{}", if matches.is_empty() { " (give its id, an id prefix, its source path or file name; `kgraph stats --documents` lists them)".to_owned() } else { format!("; it is ambiguous between {}", matches.join(", ")) })]
    UnknownDocument { doc: String, matches: Vec<String> },
    #[error("no path between {from:?} and {to:?}")]
    NoPath { from: String, to: String },
    #[error("--focus {entity:?}: {source}")]
    Focus { entity: String, source: GraphError },
    #[error("--construct needs a CONSTRUCT or DESCRIBE query")]
    NotConstruct,
    #[error("--construct exports RDF formats only ({})", ExportFormat::rdf_graph_names())]
    ConstructFormat { format: ExportFormat },
}

/// The records merged without their facts (`read::merge_outline`), the corpus graph not yet
/// laid over them.
type Merged = index::Outline;

/// Counts of `kgraph stats`: the store's, and the petgraph view's nodes and edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbStats {
    pub store: StoreStats,
    pub nodes: usize,
    pub edges: usize,
}

/// What the store holds, as typed structs, and the petgraph graph over it.
#[derive(Debug)]
pub struct GraphView {
    data: GraphData,
    graph: KnowledgeGraph,
}

impl GraphView {
    fn merge(index: &ViewIndex, store: &KgStore) -> Result<GraphView, StoreError> {
        let mut data = read::merge_records(index.records(), &*store.property_labels()?);
        read::apply_overlay(index.corpus(), &mut data);
        let graph = KnowledgeGraph::from_facts(&data.entities, &data.facts);
        Ok(GraphView { data, graph })
    }

    /// Documents, sorted by id.
    pub fn documents(&self) -> &[StoredDocument] {
        &self.data.documents
    }

    /// Entities, sorted by id.
    pub fn entities(&self) -> &[Entity] {
        &self.data.entities
    }

    /// Facts, by document then number.
    pub fn facts(&self) -> &[Fact] {
        &self.data.facts
    }

    /// The petgraph graph of plain facts ([`KnowledgeGraph::from_facts`]).
    pub fn graph(&self) -> &KnowledgeGraph {
        &self.graph
    }
}

/// An open knowledge base: the store plus the view index and the cached graph view.
pub struct KnowledgeBase {
    store: KgStore,
    view: Mutex<Option<Arc<GraphView>>>,
    /// Opened on first use; always taken after `view` when both are held.
    index: Mutex<Option<ViewIndex>>,
    /// The index file read section by section, for reads before anything is merged or loaded.
    lazy: Mutex<Lazy>,
    /// A section of the index file did not decode: the next index is read from the store.
    file_broken: AtomicBool,
}

/// Whether the index file has been opened for section reads.
#[derive(Debug, Default)]
enum Lazy {
    #[default]
    Untried,
    Unusable,
    Open(Arc<LazyIndex>),
}

impl From<KgStore> for KnowledgeBase {
    fn from(store: KgStore) -> KnowledgeBase {
        KnowledgeBase { store, view: Mutex::new(None), index: Mutex::new(None), lazy: Mutex::new(Lazy::Untried), file_broken: AtomicBool::new(false) }
    }
}

impl AsRef<KgStore> for KnowledgeBase {
    fn as_ref(&self) -> &KgStore {
        &self.store
    }
}

impl KnowledgeBase {
    /// Opens (creating if needed) the store in `dir` for reading and writing; one writer at a time.
    pub fn open(dir: &Path, base: &str) -> Result<KnowledgeBase, KbError> {
        Ok(KgStore::open(dir, base)?.into())
    }

    /// Opens an existing store for reading only (several readers may share it).
    pub fn open_read_only(dir: &Path, base: &str) -> Result<KnowledgeBase, KbError> {
        Ok(KgStore::open_read_only(dir, base)?.into())
    }

    /// A knowledge base held in memory only.
    pub fn in_memory(base: &str) -> Result<KnowledgeBase, KbError> {
        Ok(KgStore::in_memory(base)?.into())
    }

    /// The store underneath, for what speaks RDF directly (the SPARQL and Graph Store protocols,
    /// `push`). Writes made through it must be preceded and followed by
    /// [`invalidate_view`](Self::invalidate_view).
    pub fn store(&self) -> &KgStore {
        &self.store
    }

    /// The base IRI of entities, documents and facts.
    pub fn base(&self) -> &str {
        self.store.base()
    }

    /// The graph view, merged from the view index on first use and kept until the next write.
    pub fn view(&self) -> Result<Arc<GraphView>, KbError> {
        let mut cached = self.view.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(view) = cached.as_ref() {
            return Ok(Arc::clone(view));
        }
        let view = Arc::new(self.with_index(|index| {
            index.ensure_facts(&self.store)?;
            GraphView::merge(index, &self.store)
        })??);
        *cached = Some(Arc::clone(&view));
        Ok(view)
    }

    /// The index file opened for section reads, while neither the view nor the whole index is
    /// in memory (a read command's first question); `None` when there is no current file.
    fn lazy(&self) -> Option<Arc<LazyIndex>> {
        if self.view.lock().unwrap_or_else(PoisonError::into_inner).is_some()
            || self.index.lock().unwrap_or_else(PoisonError::into_inner).is_some()
        {
            return None;
        }
        let mut lazy = self.lazy.lock().unwrap_or_else(PoisonError::into_inner);
        if matches!(*lazy, Lazy::Untried) {
            *lazy = match LazyIndex::open(&self.store) {
                Ok(Some(index)) => Lazy::Open(Arc::new(index)),
                _ => Lazy::Unusable,
            };
        }
        match &*lazy {
            Lazy::Open(index) => Some(Arc::clone(index)),
            _ => None,
        }
    }

    /// Answers with `f` from the index file's sections when they can be read; `None` sends the
    /// caller to the full view. A section that does not decode marks the file broken: the view
    /// is then read from the store and the file rewritten.
    fn from_lazy<T>(&self, f: impl FnOnce(&LazyIndex) -> Option<T>) -> Option<T> {
        let index = self.lazy()?;
        let answer = f(&index);
        if answer.is_none() {
            self.file_broken.store(true, Ordering::Relaxed);
            *self.lazy.lock().unwrap_or_else(PoisonError::into_inner) = Lazy::Unusable;
        }
        answer
    }

    /// Runs `f` on the view index, opening it first if needed. An index read from the store
    /// (its file was missing, stale or broken) is written back for the next command when the
    /// directory allows; a reader that cannot write it just goes on.
    fn with_index<T>(&self, f: impl FnOnce(&mut ViewIndex) -> T) -> Result<T, KbError> {
        let mut guard = self.index.lock().unwrap_or_else(PoisonError::into_inner);
        let index = match guard.take() {
            Some(index) => guard.insert(index),
            None => {
                *self.lazy.lock().unwrap_or_else(PoisonError::into_inner) = Lazy::Unusable;
                let mut index = ViewIndex::open(&self.store, !self.file_broken.swap(false, Ordering::Relaxed))?;
                let _ = index.save(&self.store);
                guard.insert(index)
            }
        };
        Ok(f(index))
    }

    /// Forgets the cached view and the view index, and deletes the index file: the store was
    /// changed (or is about to be) other than by loading or removing documents here.
    pub fn invalidate_view(&self) {
        *self.view.lock().unwrap_or_else(PoisonError::into_inner) = None;
        *self.index.lock().unwrap_or_else(PoisonError::into_inner) = None;
        *self.lazy.lock().unwrap_or_else(PoisonError::into_inner) = Lazy::Untried;
        self.store.forget_labels();
        let _ = ViewIndex::discard(&self.store);
    }

    /// Forgets the cached view only: the view index was updated.
    fn drop_view(&self) {
        *self.view.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Runs a SPARQL query. Without FROM clauses, the default graph is the union of all documents.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, KbError> {
        Ok(self.store.query(sparql)?)
    }

    /// Runs a query and writes its results in the format named `format` (`table`, or a name from
    /// the format table that fits the result: see [`write_query_results`]).
    pub fn write_query(&self, sparql: &str, format: &str, out: &mut dyn Write) -> Result<(), KbError> {
        let results = self.query(sparql)?;
        write_query_results(results, format, &self.store.prefixes(), out)?;
        Ok(())
    }

    /// [`KnowledgeBase::write_query`] under `limits` (deadline, memory budget, big stack): the
    /// query runs and its results are written on a guarded thread, so `out` must be owned.
    pub fn write_query_guarded<W: Write + Send + 'static>(
        &self,
        sparql: &str,
        format: &str,
        limits: &crate::guard::QueryLimits,
        mut out: W,
    ) -> Result<W, KbError> {
        let prefixes = self.store.prefixes();
        let format = format.to_owned();
        let written = self.store.query_guarded(sparql, limits, move |results| {
            write_query_results(results, &format, &prefixes, &mut out).map(|()| out)
        })?;
        Ok(written?)
    }

    /// Runs a SPARQL update (atomically) and flushes it to disk; reports what it did to the
    /// ontology graph.
    pub fn update(&self, sparql: &str) -> Result<crate::store::UpdateReport, KbError> {
        self.invalidate_view();
        let done = self.store.update(sparql);
        self.invalidate_view();
        let report = done?;
        self.store.flush()?;
        Ok(report)
    }

    /// Loads one processed document in one transaction, replacing an earlier version of it, and
    /// updates the view index in memory ([`save_index`](Self::save_index) writes it). The corpus
    /// graph is recomputed after it (see [`KnowledgeBase::build`] for many documents).
    pub fn load(&self, document: &ProcessedDocument) -> Result<LoadOutcome, KbError> {
        let outcome = self.load_without_corpus(document)?;
        self.refresh_corpus()?;
        Ok(outcome)
    }

    /// [`KnowledgeBase::load`] leaving the corpus graph as it was (a build refreshes it once at the end).
    pub(crate) fn load_without_corpus(&self, document: &ProcessedDocument) -> Result<LoadOutcome, KbError> {
        self.with_index(|index| {
            let loaded = self.store.load_document_record(&document.document, &document.entities, &document.facts);
            let loaded = loaded.map_err(|source| KbError::Load { document: document.document.source.clone(), source })?;
            let outcome = loaded.outcome;
            index.apply(loaded);
            Ok(outcome)
        })
        .and_then(|outcome| {
            self.drop_view();
            outcome
        })
    }

    /// Recomputes the corpus graph from the document graphs and takes it into the view index
    /// (read commands lay it over the document records without reading the store).
    pub(crate) fn refresh_corpus(&self) -> Result<(), KbError> {
        self.refresh_corpus_merging(false).map(drop)
    }

    /// [`refresh_corpus`](Self::refresh_corpus); with `merge`, also merges the records for the
    /// index file's summary sections on the other core meanwhile, when the file is to be written
    /// (both read the records only; the merge does not need the corpus graph), for
    /// [`save_index_merged`](Self::save_index_merged).
    fn refresh_corpus_merging(&self, merge: bool) -> Result<Option<Merged>, KbError> {
        // what the document graphs say about their entities, from the index (no store scan)
        // only the entities whose corpus triples changed are rewritten (the index knows the
        // corpus graph as it stands), and the new overlay is parsed from the quads in memory
        let (refreshed, merged) = self.with_index(|index| {
            // (an add's save takes the difference, which merges only what the add touches)
            let merge = merge && index.needs_saving(&self.store) && !index.delta_likely();
            // the full link labels the open relations of every fact: decoded first
            if index.added_entities().is_none() {
                index.ensure_facts(&self.store)?;
            }
            let index = &*index;
            Ok::<_, StoreError>(rayon::join(
                || {
                    let _t = timing::span("corpus.refresh_corpus_over");
                    // after adds alone, only the group of entities the added ones share names
                    // with (the open relations the linked corpus graph does not label yet are
                    // the added documents'), found among the records' entities borrowed
                    if let Some(seeds) = index.added_entities() {
                        let t = timing::span("corpus.entity_refs");
                        let refs = index.entity_refs();
                        drop(t);
                        if let Some(overlay) = self.store.refresh_corpus_added(&refs, &seeds, &index.added_relations(), index.corpus())? {
                            return Ok(Some(overlay));
                        }
                    }
                    if !index.facts_decoded() {
                        return Ok(None);
                    }
                    let t = timing::span("corpus.entity_records");
                    let records = index.entity_records();
                    drop(t);
                    self.store.refresh_corpus_over(&records, &index.open_relations(), index.corpus()).map(Some)
                },
                || {
                    let _t = timing::span("corpus.merge_records");
                    merge.then(|| read::merge_outline(index.records()))
                },
            ))
        })??;
        // a group too large to relink alone: the whole corpus, every fact decoded
        let refreshed = match refreshed {
            Ok(None) => self.with_index(|index| {
                index.ensure_facts(&self.store)?;
                self.store.refresh_corpus_over(&index.entity_records(), &index.open_relations(), index.corpus())
            })?,
            other => other.map(|o| o.unwrap_or_default()),
        };
        self.drop_view();
        let overlay = match refreshed {
            Ok(overlay) => overlay,
            Err(e) => {
                // the corpus graph may be half way: the index must not claim to know it
                self.invalidate_view();
                return Err(e.into());
            }
        };
        self.with_index(|index| index.set_corpus(overlay))?;
        Ok(merged)
    }

    /// Writes the view index file if loads changed it (a build does this once at the end).
    pub fn save_index(&self) -> Result<(), KbError> {
        Ok(self.with_index(|index| index.save(&self.store))??)
    }

    /// [`save_index`](Self::save_index) with the records merged by
    /// [`refresh_corpus_merging`](Self::refresh_corpus_merging) since the last load.
    fn save_index_merged(&self, merged: Option<Merged>) -> Result<(), KbError> {
        Ok(self.with_index(|index| index.save_merged(&self.store, merged))??)
    }

    /// Loads N-Quads written by `kgraph extract --format nquads` (`-`: standard input) with
    /// `build`'s per-document replace semantics; quads outside a document graph or the ontology
    /// graph refuse the input. Without ontology quads in the input, the ontology graph is set
    /// from `ontology_dirs` as `build` sets it.
    pub fn load_nquads(&self, paths: &[PathBuf], ontology_dirs: &[PathBuf]) -> Result<BulkSummary, KbError> {
        let ontology = crate::pipeline::load_ontology(ontology_dirs).map_err(|e| KbError::Ontology(e.to_string()))?;
        // The view index must not survive a direct write, even one that fails half way.
        self.invalidate_view();
        let loaded = self.store.load_nquads(paths, &ontology.turtle_sources());
        // as after a build: the corpus graph follows whatever was loaded
        let linked = self.store.refresh_corpus();
        self.invalidate_view();
        let mut loaded = loaded?;
        linked?;
        self.store.flush()?;
        // counted now that the corpus graph (entity types) is refreshed; one scan of the store
        // (rebuilding the view index here instead cost a 19k-document load a third more CPU)
        loaded.store = self.store.stats()?;
        Ok(loaded)
    }

    /// The quads [`KnowledgeBase::load`] stores for a processed document (its named graph),
    /// computed without a store: what `kgraph extract --format nquads` streams out.
    /// `ontology`: the pipeline's, whose property labels the statements leave to it.
    pub fn document_quads(base: &str, document: &ProcessedDocument, ontology: &crate::ontology::Ontology) -> Vec<oxigraph::model::Quad> {
        let labels = crate::store::rdf::ontology_labels(ontology);
        crate::store::document_graph_quads(base, &document.document, &document.entities, &document.facts, &labels).1
    }

    /// Removes a document given its id, a unique id prefix or its source path, with its facts;
    /// returns the id removed.
    pub fn remove(&self, document: &str) -> Result<String, KbError> {
        let id = self.with_index(|index| {
            let id = self.store.remove_document(document)?;
            index.remove(&id);
            Ok::<_, KbError>(id)
        })??;
        // (the records merged for the index file meanwhile, as after a build)
        let merged = self.refresh_corpus_merging(true)?;
        self.store.flush()?;
        self.save_index_merged(merged)?;
        Ok(id)
    }

    /// The store's counts (documents, entities, facts, distinct triples), from the view index.
    pub fn store_stats(&self) -> Result<StoreStats, KbError> {
        let ontology = crate::store::ontology_triple_count(self.store.oxigraph());
        if let Some(summary) = self.from_lazy(LazyIndex::summary) {
            return Ok(summary.store_stats(ontology));
        }
        self.with_index(|index| index.stats(ontology))
    }

    /// Counts: documents, entities, facts, triples; the view's nodes and edges.
    pub fn stats(&self) -> Result<KbStats, KbError> {
        let ontology = crate::store::ontology_triple_count(self.store.oxigraph());
        if let Some(summary) = self.from_lazy(LazyIndex::summary) {
            return Ok(KbStats { store: summary.store_stats(ontology), nodes: summary.nodes, edges: summary.edges });
        }
        let store = self.store_stats()?;
        let view = self.view()?;
        Ok(KbStats { store, nodes: view.graph().node_count(), edges: view.graph().edge_count() })
    }

    /// The documents in the store, sorted by id.
    pub fn documents(&self) -> Result<Vec<StoredDocument>, KbError> {
        if let Some(documents) = self.from_lazy(|index| Some(index.documents())) {
            return Ok(documents);
        }
        Ok(self.view()?.documents().to_vec())
    }

    /// Flushes to disk.
    pub fn flush(&self) -> Result<(), KbError> {
        Ok(self.store.flush()?)
    }
}

#[cfg(test)]
mod tests;
