//! `kgraph query` (SPARQL, results as a table or in a results/RDF format) and `kgraph update`.

use super::args::StoreArgs;
use super::{open_read, open_write};
use anyhow::Result;
use std::io::{BufWriter, Write};

/// `kgraph query`: under `--timeout` and `--max-query-mb`, like a query to `kgraph serve`.
pub(super) fn query(sparql: &str, format: &str, timeout: f64, max_query_mb: usize, store: &StoreArgs) -> Result<()> {
    let timeout = crate::guard::parse_timeout(timeout, "--timeout").map_err(anyhow::Error::msg)?;
    let limits = crate::guard::QueryLimits::new(timeout, max_query_mb);
    let kb = open_read(store)?;
    let mut out = kb.write_query_guarded(sparql, format, &limits, BufWriter::new(std::io::stdout()))?;
    out.flush()?;
    Ok(())
}

pub(super) fn update(sparql: &str, store: &StoreArgs) -> Result<()> {
    if let Some(note) = open_write(store)?.update(sparql)?.note() {
        eprintln!("kgraph: {note}");
    }
    Ok(())
}
