//! `kgraph query` (SPARQL, results as a table or in a results/RDF format) and `kgraph update`.

use super::args::StoreArgs;
use super::{open_read, open_write};
use anyhow::Result;
use std::io::{BufWriter, Write};

pub(super) fn query(sparql: &str, format: &str, store: &StoreArgs) -> Result<()> {
    let kb = open_read(store)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    kb.write_query(sparql, format, &mut out)?;
    out.flush()?;
    Ok(())
}

pub(super) fn update(sparql: &str, store: &StoreArgs) -> Result<()> {
    open_write(store)?.update(sparql)?;
    Ok(())
}
