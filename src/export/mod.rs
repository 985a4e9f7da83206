//! Output formats: the one table of every format kgraph writes ([`FORMATS`]: names, extensions,
//! media types, writer), the writers of the petgraph view ([`KnowledgeGraph`]) for people and
//! other tools, and the writer of SPARQL query results ([`write_query_results`]).
//!
//! **In:** a `&KnowledgeGraph` (usually already narrowed with `focus`/`filter`), or SPARQL
//! results. **Out:** bytes on any `&mut dyn Write`:
//! - [`write_dot`] — Graphviz DOT (dot-writer), nodes styled by entity type with a legend, edge
//!   labels = predicate labels, evidence sentences as tooltips; every id and label quoted and
//!   escaped ([`dot_quote`]). [`render_with_graphviz`] turns DOT into SVG/PNG with the `dot`
//!   program (or `sfdp` for large graphs).
//! - [`write_graphml`] — GraphML with typed keys (NetworkX, Gephi, yEd, Cytoscape).
//! - [`write_csv`] — two CSV files with `neo4j-admin database import` headers.
//! - [`write_json`] — node-link JSON (NetworkX `node_link_graph(data, edges="links")`, D3).
//!
//! - [`write_query_results`] — SELECT/ASK results as a text table or a SPARQL results format,
//!   CONSTRUCT/DESCRIBE results in an RDF graph format.
//!
//! RDF formats ([`ExportFormat::is_rdf`]) are written by the store through oxigraph, not here.
//! All writers are deterministic: the same graph gives byte-identical output. None of them
//! unwraps on I/O: dot-writer (which does) only ever writes into an in-memory buffer.

mod csv;
mod dot;
mod format;
mod graphml;
mod json;
mod results;
mod xml;

pub use self::csv::{csv_paths, write_csv, write_csv_files};
pub use self::dot::{
    DotOptions, Layout, RenderOptions, Rendered, SFDP_EDGE_THRESHOLD, count_dot_edges, dot_escape,
    drawn_edge_count,
    dot_quote, render_with, render_with_graphviz, write_dot, write_dot_with,
};
pub use self::format::{
    ExportFormat, FORMATS, FormatKind, FormatSpec, ResultsFormat, ViewWriter, Writer, graph_offers,
    results_offers,
};
pub use self::graphml::write_graphml;
pub use self::json::write_json;
pub use self::results::write_query_results;

use crate::graph::KnowledgeGraph;
use std::io::Write;
use std::path::PathBuf;

/// Everything that can go wrong in an export.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error("unknown export format `{name}`: expected one of {known}")]
    UnknownFormat { name: String, known: String },
    #[error("cannot tell the export format from `{}`: use one of the extensions {known}, or --format", path.display())]
    UnknownExtension { path: PathBuf, known: String },
    #[error(
        "Graphviz `{program}` not found: install the `graphviz` package (apt-get install graphviz)"
    )]
    GraphvizNotFound { program: String },
    #[error("Graphviz `{program}` failed ({status}): {stderr}")]
    Graphviz {
        program: String,
        status: String,
        stderr: String,
    },
    #[error(
        "Graphviz `{program}` did not finish within {seconds} s on a graph of {edges} edges: narrow it with --focus, --predicate or --max-nodes"
    )]
    GraphvizTimeout {
        program: String,
        seconds: u64,
        edges: usize,
    },
    #[error("Graphviz can render `svg` or `png` here, not `{0}`")]
    UnsupportedRender(String),
    #[error("`{0}` is an RDF format: it is written from the store, not from the graph view")]
    RdfFormat(ExportFormat),
    #[error("the CSV export writes two files (nodes and edges): use write_csv or write_csv_files")]
    CsvNeedsTwoOutputs,
    #[error("cannot write `{}`: {source}", path.display())]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("JSON serialization failed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown result format {name:?} (use table, {known})")]
    UnknownResultsFormat { name: String, known: String },
    #[error("unknown graph result format {name:?} (use {known})")]
    UnknownGraphResultsFormat { name: String, known: String },
    #[error(transparent)]
    Query(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("prefix: {0}")]
    Prefix(#[from] oxigraph::model::IriParseError),
}

/// Writes `graph` in `format` to `out`: DOT, SVG/PNG (via Graphviz), GraphML, JSON. CSV needs
/// two outputs ([`write_csv`]) and RDF formats come from the store; both give an error here.
pub fn export(
    graph: &KnowledgeGraph,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format.spec().writer {
        _ if format == ExportFormat::Csv => Err(ExportError::CsvNeedsTwoOutputs),
        Writer::View(write) => write(graph, out),
        _ => Err(ExportError::RdfFormat(format)),
    }
}

/// Shortest text for an `f32` (`0.9`, not `0.8999999762`), used by every writer.
pub(crate) fn fmt_f32(x: f32) -> String {
    format!("{x}")
}

#[cfg(test)]
mod tests;
