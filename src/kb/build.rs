//! Building documents into the knowledge base: documents are read and analysed in parallel in
//! batches, then loaded in input order, each in its own transaction (an unchanged document is
//! skipped, a changed one replaces its graph, a failed one leaves the store as it was).
//!
//! In: [`Inputs`] and the [`Pipeline`] that analyses them. Out: a [`BuildSummary`]; progress goes
//! to a [`BuildProgress`] as it happens. A file that cannot be read is reported and the others
//! go on; a store error stops the build.

use super::{KbError, KnowledgeBase};
use crate::pipeline::{DEFAULT_MAX_BYTES, Input, Inputs, Pipeline, ProcessedDocument};
use crate::source::{SourceError, SourceText};
use crate::store::{LoadOutcome, StoreStats};
use rayon::prelude::*;

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
    /// Runs `inputs` through `pipeline` and loads every document, one transaction each; the
    /// pipeline's ontology replaces the store's ontology graph first.
    pub fn build(
        &self,
        pipeline: &Pipeline,
        inputs: Inputs,
        options: &BuildOptions,
        progress: &mut dyn BuildProgress,
    ) -> Result<BuildSummary, KbError> {
        let built = self.load_all(pipeline, inputs, options, progress);
        // the corpus graph follows whatever was loaded, also when a later document failed
        let linked = self.store.refresh_corpus();
        // The ontology was reloaded: predicate labels in the view may change.
        self.drop_view();
        // The loads that committed are in the index, even when a later one failed.
        self.store.flush()?;
        self.save_index()?;
        let mut summary = built?;
        linked?;
        summary.store = self.store_stats()?;
        Ok(summary)
    }

    fn load_all(
        &self,
        pipeline: &Pipeline,
        inputs: Inputs,
        options: &BuildOptions,
        progress: &mut dyn BuildProgress,
    ) -> Result<BuildSummary, KbError> {
        self.store.load_ontology(&pipeline.ontology().turtle_sources())?;
        let mut summary = BuildSummary::default();
        progress.start(inputs.len());
        let max_bytes = options.max_file_bytes;
        let batch_size = options.batch.max(1);
        let mut items = inputs.into_items().into_iter();
        let mut pending: std::collections::VecDeque<Result<SourceText, SourceError>> = std::collections::VecDeque::new();
        loop {
            // Text files are read in parallel; a JSON Lines file adds all its documents at once.
            while pending.len() < batch_size {
                let inputs: Vec<Input> = items.by_ref().take(batch_size).collect();
                if inputs.is_empty() {
                    break;
                }
                for docs in inputs.into_par_iter().map(|input| input.read(max_bytes)).collect::<Vec<_>>() {
                    if docs.len() > 1 {
                        progress.more(docs.len() - 1);
                    }
                    pending.extend(docs);
                }
            }
            if pending.is_empty() {
                break;
            }
            let batch: Vec<Result<SourceText, SourceError>> = pending.drain(..batch_size.min(pending.len())).collect();
            summary.documents += batch.len();
            let processed: Vec<Result<ProcessedDocument, SourceError>> =
                batch.into_par_iter().map(|source| source.map(|s| pipeline.process(s))).collect();
            for result in processed {
                match result {
                    Ok(doc) => self.load_one(doc, &mut summary, progress)?,
                    Err(e) => {
                        progress.failed(&e);
                        summary.failures.push(e);
                    }
                }
            }
        }
        progress.finish();
        Ok(summary)
    }

    fn load_one(&self, doc: ProcessedDocument, summary: &mut BuildSummary, progress: &mut dyn BuildProgress) -> Result<(), KbError> {
        let outcome = self.load_without_corpus(&doc)?;
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
}
