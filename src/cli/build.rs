//! `kgraph build` (documents into the store, with a progress bar) and `kgraph remove`.

use super::args::{ExtractArgs, StoreArgs};
use super::{open_write, pipeline};
use crate::kb::{BuildOptions, BuildProgress, BuildSummary, KnowledgeBase, LoadOutcome};
use crate::pipeline::{Inputs, SourceError};
use anyhow::{Result, bail};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Input up to this size (some 40,000 words) is tagged and parsed in well under a second, so
/// the huge pages that speed up the tables' lookups save less than zeroing them costs
/// ([`crate::guard::alloc::no_huge_pages`]).
const SMALL_INPUT_BYTES: u64 = 256 * 1024;

pub(super) fn build(paths: &[PathBuf], store: &StoreArgs, extract: &ExtractArgs, export_dir: Option<&Path>, quiet: bool) -> Result<()> {
    let started = Instant::now();
    let inputs = Inputs::from_paths(paths)?;
    // a small input (an article added to a store): its cost is the fixed work around it, in
    // memory faulted in once, which ordinary pages make cheaper than huge ones; the tagger's
    // and parser's tables lose their huge pages too, which a small input does not feel
    if inputs.total_bytes().is_some_and(|bytes| bytes <= SMALL_INPUT_BYTES) {
        crate::guard::alloc::no_huge_pages();
    }
    // the models load on a second thread while the store opens (both are fixed costs of a build)
    let (kb, pipeline) = std::thread::scope(|s| {
        let models = s.spawn(|| pipeline(extract));
        let kb = open_write(store);
        (kb, models.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let (kb, pipeline) = (kb?, pipeline?);
    let options = BuildOptions { max_file_bytes: extract.max_file_mb * 1024 * 1024, ..BuildOptions::default() };
    let summary = kb.build(&pipeline, inputs, &options, &mut ProgressBar::new(quiet))?;
    if let Some(dir) = export_dir {
        super::export::write_exports(&kb, dir)?;
    }
    if !quiet {
        eprintln!("{}; {:.2} s", summary_line(&summary), started.elapsed().as_secs_f64());
        if let Some(dir) = export_dir {
            eprintln!("exports written to {}/", dir.display());
        }
    }
    // Each failure was printed as it happened; the final error only counts them.
    match summary.failed() {
        0 => Ok(()),
        n => bail!("{n} of {} documents failed (see above)", summary.documents),
    }
}

fn summary_line(s: &BuildSummary) -> String {
    let cut = match s.long_sentences_cut {
        0 => String::new(),
        n => format!(" ({n} sentences over {} tokens cut into pieces)", crate::text::MAX_SENTENCE_TOKENS),
    };
    format!(
        "{} documents ({} added, {} replaced, {} unchanged, {} failed), {} sentences{cut}, {} facts extracted; store now holds {} documents, {} entities, {} facts, {} triples",
        s.documents,
        s.added,
        s.replaced,
        s.unchanged,
        s.failed(),
        s.sentences,
        s.facts,
        s.store.documents,
        s.store.entities,
        s.store.facts,
        s.store.triples,
    )
}

pub(super) fn remove(doc: &str, store: &StoreArgs) -> Result<()> {
    let kb: KnowledgeBase = open_write(store)?;
    let id = kb.remove(doc)?;
    writeln!(std::io::stdout().lock(), "removed document {id}")?;
    Ok(())
}

/// The terminal progress bar (hidden when quiet, for one document, or when stderr is no
/// terminal); a document that fails is reported above it as it happens.
struct ProgressBar {
    quiet: bool,
    bar: indicatif::ProgressBar,
}

impl ProgressBar {
    fn new(quiet: bool) -> ProgressBar {
        ProgressBar { quiet, bar: indicatif::ProgressBar::hidden() }
    }
}

impl BuildProgress for ProgressBar {
    fn start(&mut self, documents: usize) {
        if self.quiet || documents < 2 || !std::io::stderr().is_terminal() {
            return;
        }
        self.bar = indicatif::ProgressBar::new(documents as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed} (eta {eta})") {
            self.bar.set_style(style);
        }
    }

    fn more(&mut self, extra: usize) {
        self.bar.inc_length(extra as u64);
    }

    fn loaded(&mut self, _source: &str, _outcome: LoadOutcome) {
        self.bar.inc(1);
    }

    fn failed(&mut self, error: &SourceError) {
        self.bar.inc(1);
        self.bar.suspend(|| eprintln!("kgraph: error: {error}"));
    }

    fn finish(&mut self) {
        self.bar.finish_and_clear();
    }
}
