//! `kgraph export`: one format to a file or standard output (format from --format or the -o
//! extension), the subgraph of a CONSTRUCT query, or the main exports into a directory (--dir).

use super::args::{DateArgs, SelectArgs, StoreArgs};
use super::open_read;
use crate::export::{ExportFormat, FormatKind};
use crate::kb::{ExportOptions, KbError, KnowledgeBase};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn export(
    format: Option<&str>,
    output: Option<&Path>,
    select: &SelectArgs,
    construct: Option<&Path>,
    with_ontology: bool,
    dates: &DateArgs,
    store: &StoreArgs,
) -> Result<()> {
    let range = super::inspect::date_range(dates)?;
    if construct.is_some() && !range.is_open() {
        bail!("--since/--until do not apply to --construct: filter on kg:timeStart/kg:timeEnd in the query (see README)");
    }
    let format = match (format, output) {
        (Some(f), _) => ExportFormat::from_name(f)?,
        (None, Some(o)) => {
            let ext = o.extension().and_then(|e| e.to_str()).unwrap_or("");
            ExportFormat::from_extension(ext).with_context(|| format!("{}: cannot tell the format from the extension", o.display()))?
        }
        (None, None) => bail!("give --format or an -o file with a known extension"),
    };
    let kb = open_read(store)?;
    let options = ExportOptions {
        focus: select.focus.clone(),
        depth: select.depth,
        predicates: select.facts.predicate.clone(),
        doc: select.facts.doc.clone(),
        min_confidence: select.facts.min_confidence,
        min_degree: select.min_degree,
        max_nodes: select.max_nodes,
        with_ontology,
    };
    let mut bytes = Vec::new();
    if let Some(q) = construct {
        let query = std::fs::read_to_string(q).with_context(|| format!("{}", q.display()))?;
        // Errors about the query name its file; errors about the format do not.
        kb.export_construct(&query, format, &mut bytes).map_err(|e| match e {
            KbError::Store(_) | KbError::NotConstruct => anyhow::Error::new(e).context(q.display().to_string()),
            other => other.into(),
        })?;
    } else if format == ExportFormat::Csv {
        let (mut nodes, mut edges) = (Vec::new(), Vec::new());
        kb.export_csv_in(&options, &range, &mut nodes, &mut edges)?;
        return write_csv_pair(output, &nodes, &edges);
    } else if format.kind() == FormatKind::Diagram {
        let report = kb.export_diagram(format, &options, &mut bytes)?;
        // Say on the terminal what the picture says about what it left out.
        if let Some(note) = &report.note {
            eprintln!("kgraph: {} nodes, {} edges drawn; {note}", report.nodes, report.edges);
        }
    } else {
        kb.export_in(format, &options, &range, &mut bytes)?;
    }
    match output {
        Some(path) => write_file(path, &bytes),
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(&bytes)?;
            lock.flush()?;
            Ok(())
        }
    }
}

/// `kgraph export --dir DIR`.
pub(super) fn export_dir(dir: &Path, store: &StoreArgs) -> Result<()> {
    write_exports(&open_read(store)?, dir)?;
    eprintln!("exports written to {}/", dir.display());
    Ok(())
}

/// The main exports into `dir`; a diagram Graphviz could not render is a warning.
pub(super) fn write_exports(kb: &KnowledgeBase, dir: &Path) -> Result<()> {
    let written = kb.write_exports(dir)?;
    for (path, e) in &written.skipped {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        eprintln!("kgraph: warning: {name} not written: {e}");
    }
    Ok(())
}

/// CSV to `FILE_nodes.csv` and `FILE_edges.csv`, or both to standard output.
fn write_csv_pair(output: Option<&Path>, nodes: &[u8], edges: &[u8]) -> Result<()> {
    match output {
        Some(path) => {
            let stem = path.with_extension("");
            let nodes_path = PathBuf::from(format!("{}_nodes.csv", stem.display()));
            let edges_path = PathBuf::from(format!("{}_edges.csv", stem.display()));
            write_file(&nodes_path, nodes)?;
            write_file(&edges_path, edges)?;
            eprintln!("wrote {} and {}", nodes_path.display(), edges_path.display());
            Ok(())
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(nodes)?;
            out.write_all(b"\n")?;
            out.write_all(edges)?;
            Ok(())
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("{}", path.display()))
}
