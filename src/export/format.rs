//! Every output format kgraph writes, in one table ([`FORMATS`]): its names, file extensions,
//! media types (with the order `kgraph serve` offers them in content negotiation), what it holds
//! and the function that writes it.
//!
//! The export formats ([`ExportFormat`]: `kgraph export`, `kgraph extract --format ttl`) come
//! first, then the SPARQL results formats ([`ResultsFormat`]: `kgraph query --format`, the
//! `/sparql` endpoint). `kgraph export` finds a format by name or by the `-o` extension,
//! `kgraph query` by name among the formats that fit the result (SELECT/ASK or CONSTRUCT),
//! `kgraph serve` by media type, `kgraph push` sends its graphs as [`ExportFormat::NTriples`].

use super::{ExportError, render_with_graphviz, write_csv, write_dot, write_graphml, write_json};
use crate::graph::KnowledgeGraph;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// What a format holds, which decides where it is written from and where it may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatKind {
    /// A drawing of the petgraph view (DOT, and SVG/PNG rendered by Graphviz).
    Diagram,
    /// The petgraph view for graph tools (GraphML, node-link JSON).
    PropertyGraph,
    /// The petgraph view as tables (two CSV files: nodes and edges).
    Tabular,
    /// RDF triples: the union of the data graphs (also CONSTRUCT/DESCRIBE results).
    RdfGraph,
    /// RDF quads: every named graph kept apart.
    RdfDataset,
    /// SPARQL SELECT/ASK results.
    SparqlResults,
}

/// Writes the (already narrowed) petgraph view.
pub type ViewWriter = fn(&KnowledgeGraph, &mut dyn Write) -> Result<(), ExportError>;

/// How a format is written.
#[derive(Clone, Copy)]
pub enum Writer {
    /// From the petgraph view, by this function.
    View(ViewWriter),
    /// From the store, by oxigraph's RDF serializer in this format.
    Rdf(RdfFormat),
    /// SPARQL results, by oxigraph's results serializer in this format.
    Results(QueryResultsFormat),
}

impl fmt::Debug for Writer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Writer::View(_) => f.write_str("View"),
            Writer::Rdf(r) => write!(f, "Rdf({r})"),
            Writer::Results(r) => write!(f, "Results({r})"),
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct FormatSpec {
    /// `names[0]` is the name (`--format NAME`); the others are accepted only where formats of
    /// this kind alone make sense (`kgraph query --format json` for a CONSTRUCT is JSON-LD).
    pub names: &'static [&'static str],
    /// File extensions without the dot; the first is the one written.
    pub extensions: &'static [&'static str],
    /// Media types with their rank in `kgraph serve`'s content negotiation (lower is offered
    /// first among formats of the same kind); the first is the canonical one.
    pub media_types: &'static [(&'static str, u8)],
    pub kind: FormatKind,
    /// Bytes that must not be printed to a terminal.
    pub binary: bool,
    pub writer: Writer,
}

impl FormatSpec {
    pub fn name(&self) -> &'static str {
        self.names[0]
    }

    pub fn extension(&self) -> &'static str {
        self.extensions[0]
    }

    pub fn media_type(&self) -> &'static str {
        self.media_types[0].0
    }
}

/// Not offered by `kgraph serve`.
const NOT_SERVED: u8 = u8::MAX;
const JSON_LD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

/// Every output format: the rows of [`ExportFormat::ALL`] in order, then those of
/// [`ResultsFormat::ALL`].
pub static FORMATS: [FormatSpec; 16] = [
    FormatSpec {
        names: &["dot"],
        extensions: &["dot", "gv"],
        media_types: &[("text/vnd.graphviz", NOT_SERVED)],
        kind: FormatKind::Diagram,
        binary: false,
        writer: Writer::View(write_dot),
    },
    FormatSpec {
        names: &["svg"],
        extensions: &["svg"],
        media_types: &[("image/svg+xml", NOT_SERVED)],
        kind: FormatKind::Diagram,
        binary: false,
        writer: Writer::View(write_svg),
    },
    FormatSpec {
        names: &["png"],
        extensions: &["png"],
        media_types: &[("image/png", NOT_SERVED)],
        kind: FormatKind::Diagram,
        binary: true,
        writer: Writer::View(write_png),
    },
    FormatSpec {
        names: &["ttl", "turtle"],
        extensions: &["ttl", "turtle"],
        media_types: &[("text/turtle", 0), ("application/x-turtle", 5)],
        kind: FormatKind::RdfGraph,
        binary: false,
        writer: Writer::Rdf(RdfFormat::Turtle),
    },
    FormatSpec {
        names: &["nt", "ntriples"],
        extensions: &["nt", "ntriples"],
        media_types: &[("application/n-triples", 1), ("text/plain", 4)],
        kind: FormatKind::RdfGraph,
        binary: false,
        writer: Writer::Rdf(RdfFormat::NTriples),
    },
    FormatSpec {
        names: &["nq"],
        extensions: &["nq", "nquads"],
        media_types: &[("application/n-quads", NOT_SERVED)],
        kind: FormatKind::RdfDataset,
        binary: false,
        writer: Writer::Rdf(RdfFormat::NQuads),
    },
    FormatSpec {
        names: &["trig"],
        extensions: &["trig"],
        media_types: &[("application/trig", NOT_SERVED)],
        kind: FormatKind::RdfDataset,
        binary: false,
        writer: Writer::Rdf(RdfFormat::TriG),
    },
    FormatSpec {
        names: &["rdfxml", "xml"],
        extensions: &["rdf", "rdfxml", "owl", "xml"],
        media_types: &[("application/rdf+xml", 3), ("application/xml", 7)],
        kind: FormatKind::RdfGraph,
        binary: false,
        writer: Writer::Rdf(RdfFormat::RdfXml),
    },
    FormatSpec {
        names: &["jsonld", "json"],
        extensions: &["jsonld", "json-ld"],
        media_types: &[("application/ld+json", 2), ("application/json", 6)],
        kind: FormatKind::RdfGraph,
        binary: false,
        writer: Writer::Rdf(JSON_LD),
    },
    FormatSpec {
        names: &["graphml"],
        extensions: &["graphml"],
        media_types: &[("application/graphml+xml", NOT_SERVED)],
        kind: FormatKind::PropertyGraph,
        binary: false,
        writer: Writer::View(write_graphml),
    },
    FormatSpec {
        names: &["csv"],
        extensions: &["csv"],
        media_types: &[("text/csv", NOT_SERVED)],
        kind: FormatKind::Tabular,
        binary: false,
        writer: Writer::View(write_csv_stream),
    },
    FormatSpec {
        names: &["json"],
        extensions: &["json"],
        media_types: &[("application/json", NOT_SERVED)],
        kind: FormatKind::PropertyGraph,
        binary: false,
        writer: Writer::View(write_json),
    },
    // SPARQL results: the order of `kgraph query --help`; `kgraph serve` offers JSON first.
    FormatSpec {
        names: &["csv"],
        extensions: &["csv"],
        media_types: &[("text/csv", 2)],
        kind: FormatKind::SparqlResults,
        binary: false,
        writer: Writer::Results(QueryResultsFormat::Csv),
    },
    FormatSpec {
        names: &["tsv"],
        extensions: &["tsv"],
        media_types: &[("text/tab-separated-values", 3)],
        kind: FormatKind::SparqlResults,
        binary: false,
        writer: Writer::Results(QueryResultsFormat::Tsv),
    },
    FormatSpec {
        names: &["json"],
        extensions: &["srj", "json"],
        media_types: &[("application/sparql-results+json", 0), ("application/json", 4)],
        kind: FormatKind::SparqlResults,
        binary: false,
        writer: Writer::Results(QueryResultsFormat::Json),
    },
    FormatSpec {
        names: &["xml"],
        extensions: &["srx", "xml"],
        media_types: &[("application/sparql-results+xml", 1), ("application/xml", 5), ("text/xml", 6)],
        kind: FormatKind::SparqlResults,
        binary: false,
        writer: Writer::Results(QueryResultsFormat::Xml),
    },
];

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

    /// This format's row of [`FORMATS`].
    pub fn spec(self) -> &'static FormatSpec {
        &FORMATS[self as usize]
    }

    /// The CLI name (`--format NAME`).
    pub fn name(self) -> &'static str {
        self.spec().name()
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.spec().extension()
    }

    /// The media type, for HTTP.
    pub fn media_type(self) -> &'static str {
        self.spec().media_type()
    }

    pub fn kind(self) -> FormatKind {
        self.spec().kind
    }

    /// Format from a file extension (`ttl`, `.ttl`, `TTL`; also `gv`, `turtle`, `ntriples`,
    /// `owl`/`xml`/`rdfxml` for RDF/XML, `json-ld`).
    pub fn from_extension(ext: &str) -> Option<ExportFormat> {
        let e = ext.trim().trim_start_matches('.').to_ascii_lowercase();
        ExportFormat::ALL.into_iter().find(|f| f.spec().extensions.contains(&e.as_str()))
    }

    /// Format from an output path's extension; the error names the path and the known formats.
    pub fn from_path(path: &Path) -> Result<ExportFormat, ExportError> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(ExportFormat::from_extension)
            .ok_or_else(|| ExportError::UnknownExtension { path: path.to_path_buf(), known: Self::known_names() })
    }

    /// Format from a CLI name (the names of [`name`](Self::name); extensions are accepted too).
    pub fn from_name(name: &str) -> Result<ExportFormat, ExportError> {
        let n = name.trim().to_ascii_lowercase();
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name() == n)
            .or_else(|| ExportFormat::from_extension(&n))
            .ok_or_else(|| ExportError::UnknownFormat { name: name.to_string(), known: Self::known_names() })
    }

    /// An RDF graph format (Turtle, N-Triples, RDF/XML, JSON-LD) by any of its names; for
    /// CONSTRUCT and DESCRIBE results, where `json` means JSON-LD and `xml` RDF/XML.
    pub fn rdf_graph_from_name(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.kind() == FormatKind::RdfGraph && f.spec().names.contains(&name))
    }

    /// `dot, svg, png, ttl, …` — for error and help messages.
    pub fn known_names() -> String {
        names_of(ExportFormat::ALL.iter().map(|f| f.spec()))
    }

    /// `ttl, nt, rdfxml, jsonld`: the formats of CONSTRUCT and DESCRIBE results.
    pub fn rdf_graph_names() -> String {
        names_of(ExportFormat::ALL.iter().map(|f| f.spec()).filter(|s| s.kind == FormatKind::RdfGraph))
    }

    /// oxigraph's serializer format, for formats written from the store.
    pub fn rdf_format(self) -> Option<RdfFormat> {
        match self.spec().writer {
            Writer::Rdf(f) => Some(f),
            _ => None,
        }
    }

    /// Written from the RDF store (oxigraph serializers) rather than from the petgraph view.
    pub fn is_rdf(self) -> bool {
        self.rdf_format().is_some()
    }

    /// Rendered by the Graphviz `dot` program (SVG, PNG).
    pub fn needs_graphviz(self) -> bool {
        matches!(self, ExportFormat::Svg | ExportFormat::Png)
    }

    /// Binary output (do not print to a terminal).
    pub fn is_binary(self) -> bool {
        self.spec().binary
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

/// SPARQL SELECT/ASK results formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultsFormat {
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultsFormat {
    pub const ALL: [ResultsFormat; 4] = [ResultsFormat::Csv, ResultsFormat::Tsv, ResultsFormat::Json, ResultsFormat::Xml];

    /// This format's row of [`FORMATS`].
    pub fn spec(self) -> &'static FormatSpec {
        &FORMATS[ExportFormat::ALL.len() + self as usize]
    }

    pub fn name(self) -> &'static str {
        self.spec().name()
    }

    pub fn from_name(name: &str) -> Option<ResultsFormat> {
        ResultsFormat::ALL.into_iter().find(|f| f.spec().names.contains(&name))
    }

    /// `csv, tsv, json, xml`.
    pub fn known_names() -> String {
        names_of(ResultsFormat::ALL.iter().map(|f| f.spec()))
    }

    /// oxigraph's serializer format.
    pub fn results_format(self) -> QueryResultsFormat {
        match self.spec().writer {
            Writer::Results(f) => f,
            _ => unreachable!("every ResultsFormat row has a results writer"),
        }
    }
}

/// What `kgraph serve` offers for SELECT/ASK results, in its order of preference.
pub fn results_offers() -> Vec<(&'static str, QueryResultsFormat)> {
    offers(FormatKind::SparqlResults, |w| match w {
        Writer::Results(f) => Some(f),
        _ => None,
    })
}

/// What `kgraph serve` offers for graphs (CONSTRUCT/DESCRIBE, Graph Store), in its order of
/// preference.
pub fn graph_offers() -> Vec<(&'static str, RdfFormat)> {
    offers(FormatKind::RdfGraph, |w| match w {
        Writer::Rdf(f) => Some(f),
        _ => None,
    })
}

fn offers<T: Copy>(kind: FormatKind, format: impl Fn(Writer) -> Option<T>) -> Vec<(&'static str, T)> {
    let mut ranked: Vec<(u8, &'static str, T)> = Vec::new();
    for spec in FORMATS.iter().filter(|s| s.kind == kind) {
        if let Some(f) = format(spec.writer) {
            ranked.extend(spec.media_types.iter().filter(|(_, rank)| *rank != NOT_SERVED).map(|&(media, rank)| (rank, media, f)));
        }
    }
    ranked.sort_by_key(|(rank, _, _)| *rank);
    ranked.into_iter().map(|(_, media, f)| (media, f)).collect()
}

fn names_of<'a>(specs: impl Iterator<Item = &'a FormatSpec>) -> String {
    specs.map(FormatSpec::name).collect::<Vec<_>>().join(", ")
}

fn write_svg(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), ExportError> {
    write_rendered(graph, "svg", out)
}

fn write_png(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), ExportError> {
    write_rendered(graph, "png", out)
}

fn write_rendered(graph: &KnowledgeGraph, format: &str, out: &mut dyn Write) -> Result<(), ExportError> {
    let mut dot = Vec::new();
    write_dot(graph, &mut dot)?;
    out.write_all(&render_with_graphviz(&dot, format)?)?;
    out.flush()?;
    Ok(())
}

/// Both CSV files on one stream: the nodes, a blank line, the edges (`kgraph export --format
/// csv` to standard output).
fn write_csv_stream(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), ExportError> {
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    write_csv(graph, &mut nodes, &mut edges)?;
    out.write_all(&nodes)?;
    out.write_all(b"\n")?;
    out.write_all(&edges)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_line_up_with_the_enums() {
        let names: Vec<&str> = FORMATS.iter().map(FormatSpec::name).collect();
        let enums: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).chain(ResultsFormat::ALL.iter().map(|f| f.name())).collect();
        assert_eq!(names, enums);
        for f in ExportFormat::ALL {
            assert_ne!(f.kind(), FormatKind::SparqlResults, "{f}");
        }
        for f in ResultsFormat::ALL {
            assert_eq!(f.spec().kind, FormatKind::SparqlResults);
        }
    }

    #[test]
    fn offers_are_in_preference_order() {
        let graph: Vec<&str> = graph_offers().iter().map(|(m, _)| *m).collect();
        assert_eq!(
            graph,
            [
                "text/turtle",
                "application/n-triples",
                "application/ld+json",
                "application/rdf+xml",
                "text/plain",
                "application/x-turtle",
                "application/json",
                "application/xml"
            ]
        );
        let results: Vec<&str> = results_offers().iter().map(|(m, _)| *m).collect();
        assert_eq!(
            results,
            [
                "application/sparql-results+json",
                "application/sparql-results+xml",
                "text/csv",
                "text/tab-separated-values",
                "application/json",
                "application/xml",
                "text/xml"
            ]
        );
    }

    #[test]
    fn construct_result_names() {
        assert_eq!(ExportFormat::rdf_graph_from_name("json"), Some(ExportFormat::JsonLd));
        assert_eq!(ExportFormat::rdf_graph_from_name("xml"), Some(ExportFormat::RdfXml));
        assert_eq!(ExportFormat::rdf_graph_from_name("turtle"), Some(ExportFormat::Turtle));
        assert_eq!(ExportFormat::rdf_graph_from_name("nq"), None);
        assert_eq!(ExportFormat::rdf_graph_names(), "ttl, nt, rdfxml, jsonld");
        assert_eq!(ResultsFormat::known_names(), "csv, tsv, json, xml");
        assert_eq!(ExportFormat::from_name("json").unwrap(), ExportFormat::Json);
    }
}
