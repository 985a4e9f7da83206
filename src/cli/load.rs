//! `kgraph load`: N-Quads from `kgraph extract --format nquads` (or a Spark job running it) into
//! the store, with `build`'s per-document replace semantics.

use super::args::StoreArgs;
use super::open_write;
use anyhow::{Result, bail};
use std::path::PathBuf;
use std::time::Instant;

pub(super) fn load(paths: &[PathBuf], store: &StoreArgs, ontology: &[PathBuf], quiet: bool) -> Result<()> {
    let started = Instant::now();
    // A mistyped file name must not leave a new empty store behind.
    if let Some(missing) = paths.iter().find(|p| p.as_os_str() != "-" && !p.is_file()) {
        bail!("{}: no such file", missing.display());
    }
    let kb = open_write(store)?;
    let s = kb.load_nquads(paths, ontology)?;
    if !quiet {
        eprintln!(
            "{} documents ({} added, {} replaced, {} unchanged), {} quads written{}; store now holds {} documents, {} entities, {} facts, {} triples; {:.2} s",
            s.documents,
            s.added,
            s.replaced,
            s.unchanged,
            s.quads,
            if s.ontology { " (ontology graph from the input)" } else { "" },
            s.store.documents,
            s.store.entities,
            s.store.facts,
            s.store.triples,
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(())
}
