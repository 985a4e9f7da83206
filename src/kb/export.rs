//! Exports, written when asked for: any format of the format table to a writer, the subgraph a
//! SPARQL CONSTRUCT selects, and the main exports (`graph.{dot,svg,ttl,nt,graphml,json}`, what
//! `make demo` writes into `exports/`).
//!
//! In: an [`ExportFormat`] and [`ExportOptions`] (which part of the graph to draw). Out: bytes
//! on a writer, or files in a directory. RDF formats come from the store, diagrams and graph-tool
//! formats from the cached view, narrowed by the options.

use super::{KbError, KnowledgeBase};
use crate::export::{ExportError, ExportFormat, FormatKind, Writer, write_csv, write_query_results};
use crate::graph::KnowledgeGraph;
use oxigraph::sparql::QueryResults;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which part of the graph to export, and whether RDF exports carry the ontology graph.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Centre on this entity (label, alias or id)…
    pub focus: Option<String>,
    /// …and keep its neighbourhood to this depth.
    pub depth: usize,
    /// Keep only these predicates (label or local name); empty keeps all.
    pub predicates: Vec<String>,
    /// Drop nodes with fewer edges than this.
    pub min_degree: usize,
    /// Keep at most this many nodes (highest degree first).
    pub max_nodes: Option<usize>,
    /// Include the ontology graph in RDF exports.
    pub with_ontology: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { focus: None, depth: 1, predicates: Vec::new(), min_degree: 0, max_nodes: None, with_ontology: false }
    }
}

/// The main exports: file name and format.
pub const MAIN_EXPORTS: [(&str, ExportFormat); 6] = [
    ("graph.dot", ExportFormat::Dot),
    ("graph.svg", ExportFormat::Svg),
    ("graph.ttl", ExportFormat::Turtle),
    ("graph.nt", ExportFormat::NTriples),
    ("graph.graphml", ExportFormat::GraphMl),
    ("graph.json", ExportFormat::Json),
];

/// Diagrams above this size are unreadable and slow to lay out; the main exports cap them.
const DIAGRAM_MAX_NODES: usize = 150;

/// What [`KnowledgeBase::write_exports`] did.
#[derive(Debug, Default)]
pub struct ExportsWritten {
    pub files: Vec<PathBuf>,
    /// Files not written because Graphviz is missing or failed (the others were written).
    pub skipped: Vec<(PathBuf, ExportError)>,
}

impl KnowledgeBase {
    /// Writes the knowledge base in `format` to `out`. CSV gives the nodes, a blank line and the
    /// edges ([`export_csv`](Self::export_csv) writes them apart).
    pub fn export(&self, format: ExportFormat, options: &ExportOptions, out: &mut dyn Write) -> Result<(), KbError> {
        match format.spec().writer {
            Writer::Rdf(rdf) => self.store.dump(rdf, options.with_ontology, out)?,
            Writer::View(write) => write(&self.selected_view(options)?, out)?,
            Writer::Results(_) => unreachable!("export formats are not SPARQL results formats"),
        }
        Ok(())
    }

    /// The CSV export as its two files: nodes and edges (`neo4j-admin database import` headers).
    pub fn export_csv(&self, options: &ExportOptions, nodes: &mut dyn Write, edges: &mut dyn Write) -> Result<(), KbError> {
        write_csv(&self.selected_view(options)?, nodes, edges)?;
        Ok(())
    }

    /// Writes the triples a CONSTRUCT or DESCRIBE query returns, in an RDF graph format.
    pub fn export_construct(&self, sparql: &str, format: ExportFormat, out: &mut dyn Write) -> Result<(), KbError> {
        let results = self.store.query(sparql)?;
        if !matches!(results, QueryResults::Graph(_)) {
            return Err(KbError::NotConstruct);
        }
        if !format.is_rdf() {
            return Err(KbError::ConstructFormat { format });
        }
        write_query_results(results, format.name(), &self.store.prefixes(), out)?;
        Ok(())
    }

    /// The view narrowed by `options`: the focus neighbourhood, then the predicate, degree and
    /// size filters.
    pub fn selected_view(&self, options: &ExportOptions) -> Result<KnowledgeGraph, KbError> {
        let view = self.view()?;
        let focused;
        let graph = match &options.focus {
            Some(entity) => {
                focused = view
                    .graph()
                    .focus(entity, options.depth)
                    .map_err(|source| KbError::Focus { entity: entity.clone(), source })?;
                &focused
            }
            None => view.graph(),
        };
        Ok(graph.filter(&options.predicates, options.min_degree, options.max_nodes))
    }

    /// Writes the [`MAIN_EXPORTS`] into `dir` (created if needed): diagrams of the entities with
    /// a drawn edge (at most 150, the best connected), every other file of the whole graph.
    pub fn write_exports(&self, dir: &Path) -> Result<ExportsWritten, KbError> {
        std::fs::create_dir_all(dir).map_err(|source| KbError::Io { path: dir.to_owned(), source })?;
        // Nodes whose only facts are negated or hedged have no drawn edge: leave them out of the picture.
        let diagram = ExportOptions { min_degree: 1, max_nodes: Some(DIAGRAM_MAX_NODES), ..ExportOptions::default() };
        let whole = ExportOptions::default();
        let mut written = ExportsWritten::default();
        for (name, format) in MAIN_EXPORTS {
            let path = dir.join(name);
            let options = if format.kind() == FormatKind::Diagram { &diagram } else { &whole };
            let mut bytes = Vec::new();
            match self.export(format, options, &mut bytes) {
                Ok(()) => {
                    std::fs::write(&path, &bytes).map_err(|source| KbError::Io { path: path.clone(), source })?;
                    written.files.push(path);
                }
                Err(KbError::Export(e)) if format.needs_graphviz() => written.skipped.push((path, e)),
                Err(e) => return Err(e),
            }
        }
        Ok(written)
    }
}
