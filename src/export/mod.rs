//! Exports of the petgraph view ([`KnowledgeGraph`]) for people and other tools.
//!
//! **In:** a `&KnowledgeGraph` (usually already narrowed with `focus`/`filter`). **Out:** bytes
//! on any `&mut dyn Write`:
//! - [`write_dot`] — Graphviz DOT (dot-writer), nodes styled by entity type with a legend, edge
//!   labels = predicate labels, evidence sentences as tooltips; every id and label quoted and
//!   escaped ([`dot_quote`]). [`render_with_graphviz`] turns DOT into SVG/PNG with the `dot`
//!   program (or `sfdp` for large graphs).
//! - [`write_graphml`] — GraphML with typed keys (NetworkX, Gephi, yEd, Cytoscape).
//! - [`write_csv`] — two CSV files with `neo4j-admin database import` headers.
//! - [`write_json`] — node-link JSON (NetworkX `node_link_graph(data, edges="links")`, D3).
//!
//! RDF formats ([`ExportFormat::is_rdf`]) are written by the store through oxigraph, not here.
//! All writers are deterministic: the same graph gives byte-identical output. None of them
//! unwraps on I/O: dot-writer (which does) only ever writes into an in-memory buffer.

mod csv;
mod dot;
mod graphml;
mod json;
mod xml;

pub use self::csv::{csv_paths, write_csv, write_csv_files};
pub use self::dot::{
    DotOptions, Layout, RenderOptions, Rendered, SFDP_EDGE_THRESHOLD, count_dot_edges, dot_escape,
    dot_quote, render_with, render_with_graphviz, write_dot, write_dot_with,
};
pub use self::graphml::write_graphml;
pub use self::json::write_json;

use crate::graph::KnowledgeGraph;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every output format of `kgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExportFormat {
    Dot,
    Svg,
    Png,
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
    GraphMl,
    Csv,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 12] = [
        ExportFormat::Dot,
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Turtle,
        ExportFormat::NTriples,
        ExportFormat::NQuads,
        ExportFormat::TriG,
        ExportFormat::RdfXml,
        ExportFormat::JsonLd,
        ExportFormat::GraphMl,
        ExportFormat::Csv,
        ExportFormat::Json,
    ];

    /// The CLI name (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Dot => "dot",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Turtle => "ttl",
            ExportFormat::NTriples => "nt",
            ExportFormat::NQuads => "nq",
            ExportFormat::TriG => "trig",
            ExportFormat::RdfXml => "rdfxml",
            ExportFormat::JsonLd => "jsonld",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::RdfXml => "rdf",
            other => other.name(),
        }
    }

    /// The media type, for HTTP responses.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Dot => "text/vnd.graphviz",
            ExportFormat::Svg => "image/svg+xml",
            ExportFormat::Png => "image/png",
            ExportFormat::Turtle => "text/turtle",
            ExportFormat::NTriples => "application/n-triples",
            ExportFormat::NQuads => "application/n-quads",
            ExportFormat::TriG => "application/trig",
            ExportFormat::RdfXml => "application/rdf+xml",
            ExportFormat::JsonLd => "application/ld+json",
            ExportFormat::GraphMl => "application/graphml+xml",
            ExportFormat::Csv => "text/csv",
            ExportFormat::Json => "application/json",
        }
    }

    /// Format from a file extension (`ttl`, `.ttl`, `TTL`; also `gv`, `turtle`, `ntriples`,
    /// `owl`/`xml`/`rdfxml` for RDF/XML, `json-ld`).
    pub fn from_extension(ext: &str) -> Option<ExportFormat> {
        let e = ext.trim().trim_start_matches('.').to_ascii_lowercase();
        Some(match e.as_str() {
            "dot" | "gv" => ExportFormat::Dot,
            "svg" => ExportFormat::Svg,
            "png" => ExportFormat::Png,
            "ttl" | "turtle" => ExportFormat::Turtle,
            "nt" | "ntriples" => ExportFormat::NTriples,
            "nq" | "nquads" => ExportFormat::NQuads,
            "trig" => ExportFormat::TriG,
            "rdf" | "rdfxml" | "owl" | "xml" => ExportFormat::RdfXml,
            "jsonld" | "json-ld" => ExportFormat::JsonLd,
            "graphml" => ExportFormat::GraphMl,
            "csv" => ExportFormat::Csv,
            "json" => ExportFormat::Json,
            _ => return None,
        })
    }

    /// Format from an output path's extension; the error names the path and the known formats.
    pub fn from_path(path: &Path) -> Result<ExportFormat, ExportError> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(ExportFormat::from_extension)
            .ok_or_else(|| ExportError::UnknownExtension {
                path: path.to_path_buf(),
                known: Self::known_names(),
            })
    }

    /// Format from a CLI name (the names of [`name`](Self::name); extensions are accepted too).
    pub fn from_name(name: &str) -> Result<ExportFormat, ExportError> {
        let n = name.trim().to_ascii_lowercase();
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name() == n)
            .or_else(|| ExportFormat::from_extension(&n))
            .ok_or_else(|| ExportError::UnknownFormat {
                name: name.to_string(),
                known: Self::known_names(),
            })
    }

    /// `dot, svg, png, ttl, …` — for error and help messages.
    pub fn known_names() -> String {
        ExportFormat::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Written from the RDF store (oxigraph serializers) rather than from the petgraph view.
    pub fn is_rdf(self) -> bool {
        matches!(
            self,
            ExportFormat::Turtle
                | ExportFormat::NTriples
                | ExportFormat::NQuads
                | ExportFormat::TriG
                | ExportFormat::RdfXml
                | ExportFormat::JsonLd
        )
    }

    /// Rendered by the Graphviz `dot` program (SVG, PNG).
    pub fn needs_graphviz(self) -> bool {
        matches!(self, ExportFormat::Svg | ExportFormat::Png)
    }

    /// Binary output (do not print to a terminal).
    pub fn is_binary(self) -> bool {
        self == ExportFormat::Png
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportFormat::from_name(s)
    }
}

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
}

/// Writes `graph` in `format` to `out`: DOT, SVG/PNG (via Graphviz), GraphML, JSON. CSV needs
/// two outputs ([`write_csv`]) and RDF formats come from the store; both give an error here.
pub fn export(
    graph: &KnowledgeGraph,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        ExportFormat::Dot => write_dot(graph, out),
        ExportFormat::Svg | ExportFormat::Png => {
            let mut dot = Vec::new();
            write_dot(graph, &mut dot)?;
            let bytes = render_with_graphviz(&dot, format.name())?;
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
        ExportFormat::GraphMl => write_graphml(graph, out),
        ExportFormat::Json => write_json(graph, out),
        ExportFormat::Csv => Err(ExportError::CsvNeedsTwoOutputs),
        rdf => Err(ExportError::RdfFormat(rdf)),
    }
}

/// Shortest text for an `f32` (`0.9`, not `0.8999999762`), used by every writer.
pub(crate) fn fmt_f32(x: f32) -> String {
    format!("{x}")
}

#[cfg(test)]
mod tests;
