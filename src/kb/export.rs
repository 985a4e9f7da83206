//! Exports, written when asked for: any format of the format table to a writer, the subgraph a
//! SPARQL CONSTRUCT selects, and the main exports (`graph.{dot,svg,ttl,nt,graphml,json}`, what
//! `make demo` writes into `exports/`).
//!
//! In: an [`ExportFormat`] and [`ExportOptions`] (which part of the graph to draw). Out: bytes
//! on a writer, or files in a directory. RDF formats come from the store, diagrams and graph-tool
//! formats from the cached view, narrowed by the options.

use super::index::LazyIndex;
use super::{KbError, KnowledgeBase};
use crate::document::Entity;
use crate::graph::NodeIndex;
use crate::export::{
    DotOptions, ExportError, ExportFormat, FormatKind, Layout, RenderOptions, SFDP_EDGE_THRESHOLD, Writer,
    drawn_edge_count, render_with, write_csv, write_dot_with, write_query_results,
};
use crate::graph::{FactFilter, KnowledgeGraph};
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
    /// Keep only these predicates (lemma, label, local or prefixed name, IRI); empty keeps all.
    pub predicates: Vec<String>,
    /// Keep only the facts of this document (id, id prefix or source path).
    pub doc: Option<String>,
    /// Keep only facts with at least this confidence.
    pub min_confidence: Option<f32>,
    /// Drop nodes with fewer edges than this.
    pub min_degree: usize,
    /// Keep at most this many nodes: around --focus the most strongly tied neighbours, else the
    /// most connected nodes. `None`: pictures (SVG, PNG) get [`FOCUS_MAX_NODES`] or
    /// [`OVERVIEW_MAX_NODES`], the other formats everything. `Some(0)`: no cap.
    pub max_nodes: Option<usize>,
    /// Include the ontology graph in RDF exports.
    pub with_ontology: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            focus: None,
            depth: 1,
            predicates: Vec::new(),
            doc: None,
            min_confidence: None,
            min_degree: 0,
            max_nodes: None,
            with_ontology: false,
        }
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

/// What the graph shows for an id that no entity describes (see [`KnowledgeGraph::from_facts`]).
fn placeholder(id: &str) -> Entity {
    Entity { id: id.to_owned(), label: id.to_owned(), kind: crate::document::EntityType::Concept, aliases: Vec::new(), wikidata: None, merges: Vec::new() }
}

/// Diagrams above this size are unreadable and slow to lay out; the main exports cap them.
const DIAGRAM_MAX_NODES: usize = 150;

/// Nodes a focus picture (SVG, PNG, viewer) shows unless told otherwise.
pub const FOCUS_MAX_NODES: usize = 40;

/// Nodes a picture of the whole graph shows unless told otherwise: the most connected.
pub const OVERVIEW_MAX_NODES: usize = 100;

/// Most nodes a picture (SVG, PNG) draws, whatever `--max-nodes` asks: `sfdp` takes 0.65 s CPU
/// at 2000 nodes, 2.8 s at 5000 and 13 s on all 10,163 nodes of the 293-article Wikinews store
/// (its overlap removal grows with the square of the nodes). DOT, GraphML and JSON keep everything.
pub const PICTURE_NODE_LIMIT: usize = 2000;

/// Largest side of a rendered picture, in pixels at 72 dpi; a bigger layout is scaled down.
pub const PICTURE_MAX_POINTS: u32 = 2000;

/// The part of the graph a diagram or graph export shows, and what it says about the rest.
#[derive(Debug, Clone)]
pub struct Diagram {
    pub graph: KnowledgeGraph,
    /// The picture's title (the focus and depth).
    pub title: Option<String>,
    /// What was left out, when anything was ("40 of 172 nodes shown: +132 more neighbours").
    pub note: Option<String>,
}

/// What [`KnowledgeBase::export_diagram`] drew.
#[derive(Debug, Clone)]
pub struct DiagramReport {
    pub nodes: usize,
    pub edges: usize,
    /// What was left out, as drawn in the picture.
    pub note: Option<String>,
    /// The Graphviz layout used (pictures only).
    pub layout: Option<Layout>,
}

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
        if format.kind() == FormatKind::Diagram {
            self.export_diagram(format, options, out)?;
            return Ok(());
        }
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

    /// The view narrowed by `options` (no default cap): for GraphML, JSON and CSV.
    pub fn selected_view(&self, options: &ExportOptions) -> Result<KnowledgeGraph, KbError> {
        Ok(self.diagram(options, None)?.graph)
    }

    /// The facts `options` keeps, then the focus neighbourhood or the most connected nodes up to
    /// the cap (`options.max_nodes`, else `default_cap`; 0 means none), then the degree filter.
    pub fn diagram(&self, options: &ExportOptions, default_cap: Option<usize>) -> Result<Diagram, KbError> {
        let filter = self.fact_filter(&options.predicates, options.doc.as_deref(), options.min_confidence)?;
        let cap = match options.max_nodes {
            Some(0) => None,
            Some(n) => Some(n),
            None => default_cap,
        };
        // An uncapped neighbourhood of all facts is read from the index file when it can be.
        let neighbourhood = match (&options.focus, filter.is_empty() && cap.is_none()) {
            (Some(entity), true) => self.from_lazy(|index| self.neighbourhood(index, entity, options.depth)).transpose()?,
            _ => None,
        };
        let filtered = match &neighbourhood {
            Some(Some((graph, _))) => graph.clone(),
            _ => self.view()?.graph().filter_facts(&filter),
        };
        let (graph, title, note) = match &options.focus {
            Some(entity) => {
                let start = match &neighbourhood {
                    Some(Some((_, start))) => *start,
                    _ => filtered.find_entity_or_err(entity).map_err(|source| KbError::Focus { entity: entity.clone(), source })?,
                };
                let picked = filtered.focus_capped(start, options.depth, cap);
                let title = format!("{}: neighbourhood to depth {}", filtered.node(start).label, options.depth);
                let note = (picked.omitted() > 0).then(|| {
                    format!(
                        "{} of {} nodes shown, the most strongly tied: +{} more neighbours (--max-nodes to change)",
                        picked.graph.node_count(),
                        picked.candidates,
                        picked.omitted()
                    )
                });
                (picked.graph, Some(title), note)
            }
            None => match cap {
                Some(cap) => {
                    let picked = filtered.top_nodes(Some(cap));
                    let note = (picked.omitted() > 0).then(|| {
                        format!(
                            "{} of {} connected nodes shown, the most connected: +{} more (--focus or --max-nodes to change)",
                            picked.graph.node_count(),
                            picked.candidates,
                            picked.omitted()
                        )
                    });
                    (picked.graph, None, note)
                }
                None => (filtered, None, None),
            },
        };
        let graph = if options.min_degree > 0 { graph.filter(&[], options.min_degree, None) } else { graph };
        Ok(Diagram { graph, title, note })
    }

    /// The neighbourhood of `entity` to `depth` as the full view's graph has it (every node
    /// within `depth` hops, literal nodes not expanded through, every edge among them), built
    /// from the index file's skeleton and the records of the documents its edges come from;
    /// `Ok(None)` inside when no entity matches (the caller asks the full view, which also
    /// suggests names). `None` when a section could not be read.
    fn neighbourhood(&self, index: &LazyIndex, entity: &str, depth: usize) -> Option<Result<Option<(KnowledgeGraph, NodeIndex)>, KbError>> {
        let skeleton = index.skeleton()?;
        let rows = index.entities()?;
        let row = |id: &str| rows.binary_search_by(|r| r.entity.id.as_str().cmp(id)).ok().map(|i| &rows[i].entity);
        let Some(start) = skeleton.find_entity(entity, |id| row(id).map_or(&[][..], |e| &e.aliases[..])) else { return Some(Ok(None)) };
        let (keep, numbers) = skeleton.neighbourhood(start, depth);
        let labels = match self.store.property_labels() {
            Ok(labels) => labels,
            Err(e) => return Some(Err(e.into())),
        };
        let facts = index.facts(&numbers, &labels)?;
        let entities: Vec<Entity> = keep
            .iter()
            .map(|&ix| &skeleton.nodes[ix])
            .filter(|n| !n.literal)
            .map(|n| row(&n.id).cloned().unwrap_or_else(|| placeholder(&n.id)))
            .collect();
        let graph = KnowledgeGraph::from_facts(&entities, &facts);
        let start = graph.node_by_id(&skeleton.nodes[start].id)?;
        Some(Ok(Some((graph, start))))
    }

    /// Writes a diagram format: DOT of the selection (everything unless capped by
    /// `options.max_nodes`), or a picture (SVG, PNG) capped at [`FOCUS_MAX_NODES`] around a focus
    /// or [`OVERVIEW_MAX_NODES`] otherwise and never above [`PICTURE_NODE_LIMIT`], at most
    /// [`PICTURE_MAX_POINTS`] on a side, laid out with `sfdp` above [`SFDP_EDGE_THRESHOLD`] drawn
    /// edges. The picture says what it left out.
    pub fn export_diagram(&self, format: ExportFormat, options: &ExportOptions, out: &mut dyn Write) -> Result<DiagramReport, KbError> {
        let picture = format.needs_graphviz();
        let default_cap = match (picture, &options.focus) {
            (false, _) => None,
            (true, Some(_)) => Some(FOCUS_MAX_NODES),
            (true, None) => Some(OVERVIEW_MAX_NODES),
        };
        // A picture asked for more than PICTURE_NODE_LIMIT nodes (or for no cap) gets the limit.
        let asked = match options.max_nodes {
            Some(0) => usize::MAX,
            Some(n) => n,
            None => 0,
        };
        let limited = picture && asked > PICTURE_NODE_LIMIT;
        let options = &ExportOptions { max_nodes: if limited { Some(PICTURE_NODE_LIMIT) } else { options.max_nodes }, ..options.clone() };
        let diagram = self.diagram(options, default_cap)?;
        let edges = drawn_edge_count(&diagram.graph);
        let layout = picture.then_some(if edges > SFDP_EDGE_THRESHOLD { Layout::Sfdp } else { Layout::Dot });
        let mut note = diagram.note.clone();
        if limited && let Some(n) = &note {
            note = Some(format!(
                "{n}; pictures draw at most {PICTURE_NODE_LIMIT} nodes (layout time grows with the square of the nodes): --format dot, graphml or json keeps everything"
            ));
        }
        if layout == Some(Layout::Sfdp) {
            let sfdp = format!("{edges} edges: laid out with sfdp, which is fast but draws no legend");
            note = Some(note.map_or(sfdp.clone(), |n| format!("{n}; {sfdp}")));
        }
        let dot_options = DotOptions {
            title: diagram.title.clone(),
            note: note.clone(),
            max_points: picture.then_some(PICTURE_MAX_POINTS),
            ..DotOptions::default()
        };
        let mut dot = Vec::new();
        write_dot_with(&diagram.graph, &dot_options, &mut dot)?;
        if picture {
            let rendered = render_with(&dot, format.name(), &RenderOptions { layout, ..RenderOptions::default() })?;
            out.write_all(&rendered.bytes).map_err(ExportError::from)?;
        } else {
            out.write_all(&dot).map_err(ExportError::from)?;
        }
        out.flush().map_err(ExportError::from)?;
        Ok(DiagramReport { nodes: diagram.graph.node_count(), edges, note, layout })
    }

    /// The [`FactFilter`] of what a user typed: predicates read against the ontology lexicon,
    /// the document resolved to its id.
    pub fn fact_filter(&self, predicates: &[String], doc: Option<&str>, min_confidence: Option<f32>) -> Result<FactFilter, KbError> {
        let lexicon = crate::ontology::Ontology::embedded();
        let entries = lexicon.lexicon_entries();
        let pairs: Vec<(&str, &str)> = entries.iter().map(|e| (e.pattern.as_str(), e.iri.as_str())).collect();
        let docs = match doc {
            Some(d) => Some(std::iter::once(self.resolve_document(d)?).collect()),
            None => None,
        };
        Ok(FactFilter {
            predicates: predicates.iter().map(|p| crate::graph::PredicateQuery::new(p, pairs.iter().copied())).collect(),
            docs,
            min_confidence,
        })
    }

    /// The id of the document named by its id, a unique id prefix, its source path or file name.
    pub fn resolve_document(&self, doc: &str) -> Result<String, KbError> {
        let docs = self.documents()?;
        let exact = docs.iter().find(|d| d.id == doc || d.source == doc);
        if let Some(d) = exact {
            return Ok(d.id.clone());
        }
        let file_name = |s: &str| std::path::Path::new(s).file_name().is_some_and(|n| n == doc);
        let partial: Vec<&str> =
            docs.iter().filter(|d| d.id.starts_with(doc) || file_name(&d.source)).map(|d| d.id.as_str()).collect();
        match partial.as_slice() {
            [one] => Ok((*one).to_owned()),
            [] => Err(KbError::UnknownDocument { doc: doc.to_owned(), matches: Vec::new() }),
            many => Err(KbError::UnknownDocument { doc: doc.to_owned(), matches: many.iter().take(5).map(|s| (*s).to_owned()).collect() }),
        }
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
