//! Building documents into the knowledge base: documents are read and analysed in parallel in
//! batches, their graphs prepared as quads on the same threads, then loaded in input order while
//! the next batch is analysed. A document new to the store is staged and written with others
//! through the bulk loader ([`Staging`]); an unchanged one is skipped, a changed one replaces its
//! graph in its own transaction. Either way a document is wholly in the store or not at all, and
//! a failed load leaves what the store held before.
//!
//! In: [`Inputs`] and the [`Pipeline`] that analyses them. Out: a [`BuildSummary`]; progress goes
//! to a [`BuildProgress`] as it happens. A file that cannot be read is reported and the others
//! go on; a store error stops the build.

use super::{KbError, KnowledgeBase};
use crate::pipeline::{DEFAULT_MAX_BYTES, Input, Inputs, Pipeline, ProcessedDocument};
use crate::source::{SourceError, SourceText};
use crate::store::{LoadOutcome, Loaded, PreparedGraph, Staging, StoreStats};
use rayon::prelude::*;
use std::collections::VecDeque;

/// Facts loaded between two flushes of the store to disk during a build. RocksDB keeps what it
/// has not flushed in memory tables (several hundred MB per column family before it flushes
/// by itself): flushing every ~400k quads keeps a corpus build's memory flat.
const FLUSH_EVERY_FACTS: usize = 20_000;

/// Settings of [`KnowledgeBase::build`].
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Largest input file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Documents analysed in parallel before they are loaded (in input order).
    pub batch: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { max_file_bytes: DEFAULT_MAX_BYTES, batch: 32 }
    }
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildSummary {
    /// Documents read (a `.jsonl` input counts one per line), failed ones included.
    pub documents: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Inputs that could not be read (each also went to [`BuildProgress::failed`]).
    pub failures: Vec<SourceError>,
    /// Sentences and facts of the documents loaded.
    pub sentences: usize,
    /// Over-long sentences cut into pieces (see [`crate::text::MAX_SENTENCE_TOKENS`]).
    pub long_sentences_cut: usize,
    pub facts: usize,
    /// The store's counts afterwards.
    pub store: StoreStats,
}

impl BuildSummary {
    pub fn failed(&self) -> usize {
        self.failures.len()
    }
}

/// Hears about a build as it goes (a progress bar, a log). Every method does nothing by default;
/// `()` is the silent observer.
pub trait BuildProgress {
    /// Before the first document: how many inputs there are.
    fn start(&mut self, _documents: usize) {}
    /// An input turned out to hold `extra` more documents than counted (a `.jsonl` file).
    fn more(&mut self, _extra: usize) {}
    /// A document was analysed and loaded.
    fn loaded(&mut self, _source: &str, _outcome: LoadOutcome) {}
    /// An input could not be read; the build goes on with the others.
    fn failed(&mut self, _error: &SourceError) {}
    /// After the last document.
    fn finish(&mut self) {}
}

impl BuildProgress for () {}

impl KnowledgeBase {
    /// Runs `inputs` through `pipeline` and loads every document, each wholly or not at all
    /// (see the module documentation); the pipeline's ontology replaces the store's ontology
    /// graph first.
    pub fn build(
        &self,
        pipeline: &Pipeline,
        inputs: Inputs,
        options: &BuildOptions,
        progress: &mut dyn BuildProgress,
    ) -> Result<BuildSummary, KbError> {
        let t = super::timing::span("build.load_all");
        let built = self.load_all(pipeline, inputs, options, progress);
        drop(t);
        let t = super::timing::span("build.refresh_corpus_merging");
        // the corpus graph follows whatever was loaded, also when a later document failed
        // (merging the records for the index file meanwhile: the merge waits for nothing else)
        let linked = self.refresh_corpus_merging(true);
        drop(t);
        // The ontology was reloaded: predicate labels in the view may change.
        self.drop_view();
        // The loads that committed are in the index, even when a later one failed.
        let t = super::timing::span("build.flush");
        self.store.flush()?;
        drop(t);
        let t = super::timing::span("build.save_index");
        let linked = match linked {
            Ok(merged) => self.save_index_merged(merged).map(|()| Ok(())),
            Err(e) => self.save_index().map(|()| Err(e)),
        }?;
        drop(t);
        let mut summary = built?;
        linked?;
        let _t = super::timing::span("build.store_stats");
        summary.store = self.store_stats()?;
        Ok(summary)
    }

    /// Reads and analyses batch N+1 on the thread pool while this thread loads batch N into
    /// the store (the store's writes are serial; the analysis keeps both cores busy meanwhile).
    fn load_all(
        &self,
        pipeline: &Pipeline,
        inputs: Inputs,
        options: &BuildOptions,
        progress: &mut dyn BuildProgress,
    ) -> Result<BuildSummary, KbError> {
        let mut summary = BuildSummary::default();
        let inputs_len = inputs.len();
        progress.start(inputs_len);
        let mut reader = BatchReader::new(inputs, options);
        let base = self.store.base();
        let first = reader.next_batch(progress);
        // a few documents (one batch): an add, or a small build, whose memory is fresh pages
        // faulted in once; ordinary pages are zeroed only where touched (the tagger's and
        // parser's tables, filled when the model was loaded, keep their huge pages)
        if reader.exhausted() {
            crate::guard::alloc::no_huge_pages();
        }
        summary.documents += first.as_ref().map_or(0, Vec::len);
        let first = first.map(|b| self.skip_stored(b, &mut summary, progress)).transpose()?;
        // The first batch is analysed while the ontology graph is loaded and the index is opened
        // (read from its file or the store) before anything is staged: opened later, it would
        // read back from the store what the build has just written.
        let mut analysed = std::thread::scope(|scope| {
            let worker = first.map(|batch| scope.spawn(move || analyse(pipeline, base, batch)));
            let t = super::timing::span("build.load_ontology");
            self.store.load_ontology(&pipeline.ontology().turtle_sources())?;
            drop(t);
            let _t = super::timing::span("build.open_index");
            // more documents stored than given: an add, whose cost is the work over the whole
            // store after it (open, link, merge, write the index), not the loads
            if self.with_index(|index| index.document_count())? > inputs_len {
                crate::guard::alloc::keep_freed_memory();
            }
            Ok::<_, KbError>(worker.map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))))
        })?;
        let mut staging = Staging::new(&self.store);
        let mut flushed_at = 0;
        loop {
            let batch = reader.next_batch(progress);
            if batch.is_none() && analysed.is_none() {
                break;
            }
            summary.documents += batch.as_ref().map_or(0, Vec::len);
            let batch = batch.map(|b| self.skip_stored(b, &mut summary, progress)).transpose()?;
            analysed = std::thread::scope(|scope| {
                let worker = batch.map(|batch| scope.spawn(move || analyse(pipeline, base, batch)));
                for result in analysed.take().into_iter().flatten() {
                    match result {
                        Ok(doc) => self.load_one(doc, &mut staging, &mut summary, progress)?,
                        Err(e) => {
                            progress.failed(&e);
                            summary.failures.push(e);
                        }
                    }
                }
                if summary.facts - flushed_at >= FLUSH_EVERY_FACTS {
                    self.store.flush()?;
                    flushed_at = summary.facts;
                }
                Ok::<_, KbError>(worker.map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))))
            })?;
        }
        let mut committed = Vec::new();
        let finished = staging.finish(&mut committed);
        self.take_in(committed)?;
        finished?;
        progress.finish();
        Ok(summary)
    }

    /// Drops from `batch` the texts the store already holds (the same content, so the same id
    /// and hash) before they are analysed: the load would keep the stored version and throw the
    /// analysis away, so re-running a build over a corpus costs only what is new in it.
    fn skip_stored(
        &self,
        batch: Vec<Result<SourceText, SourceError>>,
        summary: &mut BuildSummary,
        progress: &mut dyn BuildProgress,
    ) -> Result<Vec<Result<SourceText, SourceError>>, KbError> {
        let mut keep = Vec::with_capacity(batch.len());
        for item in batch {
            if let Ok(text) = &item {
                let hash = text.content_hash();
                if self.store.document_hash(crate::source::document_id(&hash))?.as_deref() == Some(hash.as_str()) {
                    summary.unchanged += 1;
                    progress.loaded(&text.source, LoadOutcome::Unchanged);
                    continue;
                }
            }
            keep.push(item);
        }
        Ok(keep)
    }

    fn load_one(&self, analysed: Analysed, staging: &mut Staging<'_>, summary: &mut BuildSummary, progress: &mut dyn BuildProgress) -> Result<(), KbError> {
        let Analysed { doc, prepared } = analysed;
        let mut committed = Vec::new();
        let loaded = staging.load(&doc.document, prepared, &mut committed);
        self.take_in(committed)?;
        let outcome = loaded.map_err(|source| KbError::Load { document: doc.document.source.clone(), source })?;
        match outcome {
            LoadOutcome::Added => summary.added += 1,
            LoadOutcome::Replaced => summary.replaced += 1,
            LoadOutcome::Unchanged => summary.unchanged += 1,
        }
        summary.sentences += doc.document.sentences.len();
        summary.long_sentences_cut += doc
            .document
            .metadata
            .iter()
            .filter(|(k, _)| k == crate::pipeline::LONG_SENTENCES_CUT)
            .filter_map(|(_, v)| v.parse::<usize>().ok())
            .sum::<usize>();
        summary.facts += doc.facts.len();
        progress.loaded(&doc.document.source, outcome);
        Ok(())
    }

    /// Takes documents that reached the store into the view index.
    fn take_in(&self, committed: Vec<Loaded>) -> Result<(), KbError> {
        if committed.is_empty() {
            return Ok(());
        }
        self.with_index(|index| committed.into_iter().for_each(|loaded| index.apply(loaded)))?;
        self.drop_view();
        Ok(())
    }
}

/// A document analysed, with its graph prepared for the store.
struct Analysed {
    doc: ProcessedDocument,
    prepared: PreparedGraph,
}

/// Runs `batch` through `pipeline` on the thread pool, keeping the input order, and prepares
/// each document's graph there too.
fn analyse(pipeline: &Pipeline, base: &str, batch: Vec<Result<SourceText, SourceError>>) -> Vec<Result<Analysed, SourceError>> {
    let labels = crate::store::rdf::ontology_labels(pipeline.ontology());
    batch
        .into_par_iter()
        .map(|source| {
            source.map(|s| {
                let doc = pipeline.process(s);
                let prepared = PreparedGraph::new(base, &doc.document, &doc.entities, &doc.facts, &labels);
                Analysed { doc, prepared }
            })
        })
        .collect()
}

/// The documents of the inputs, `batch` at a time: text files are read in parallel, a JSON
/// Lines file gives all its documents at once.
struct BatchReader {
    items: std::vec::IntoIter<Input>,
    pending: VecDeque<Result<SourceText, SourceError>>,
    batch: usize,
    max_bytes: u64,
}

impl BatchReader {
    fn new(inputs: Inputs, options: &BuildOptions) -> BatchReader {
        BatchReader {
            items: inputs.into_items().into_iter(),
            pending: VecDeque::new(),
            batch: options.batch.max(1),
            max_bytes: options.max_file_bytes,
        }
    }

    /// Whether every document has been handed out in a batch.
    fn exhausted(&self) -> bool {
        self.pending.is_empty() && self.items.len() == 0
    }

    /// The next batch of documents, `None` after the last.
    fn next_batch(&mut self, progress: &mut dyn BuildProgress) -> Option<Vec<Result<SourceText, SourceError>>> {
        while self.pending.len() < self.batch {
            let inputs: Vec<Input> = self.items.by_ref().take(self.batch).collect();
            if inputs.is_empty() {
                break;
            }
            let max_bytes = self.max_bytes;
            for docs in inputs.into_par_iter().map(|input| input.read(max_bytes)).collect::<Vec<_>>() {
                if docs.len() > 1 {
                    progress.more(docs.len() - 1);
                }
                self.pending.extend(docs);
            }
        }
        (!self.pending.is_empty()).then(|| self.pending.drain(..self.batch.min(self.pending.len())).collect())
    }
}
