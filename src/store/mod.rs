//! The persistent knowledge graph: an oxigraph RDF store on disk (RocksDB).
//!
//! In: a [`Document`] with its [`Entity`]s and [`Fact`]s (from the pipeline), the ontology's Turtle.
//! Out: SPARQL results, RDF dumps, and the entities and facts read back (for the petgraph view).
//!
//! Each document lives in its own named graph (the document IRI), written in one transaction:
//! re-loading an unchanged document is a no-op, a changed one replaces its graph, a failed load
//! leaves the store as it was. A build stages new documents and writes them in large atomic
//! batches instead ([`Staging`]). The modelling is written down in `ontology/README.md`; the
//! conversion to quads is in [`rdf`], the conversion back in [`read`].

pub mod bulk;
pub mod corpus;
mod error;
pub mod rdf;
pub mod read;
mod staged;

pub use bulk::{BulkError, BulkSummary};
pub use error::StoreError;
pub use staged::Staging;

use crate::document::{Document, Entity, Fact};
use crate::ontology::vocab;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use crate::guard::{self, QueryLimits};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The file that marks a directory as a kgraph store and records its format version.
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
const MARKER_FILE: &str = "kgraph-store.json";
/// Bumped when the RDF modelling changes incompatibly.
/// 2: sentence nodes hold the provenance a sentence's facts share; default flags left out.
/// 3: a document's own node has its one label and type in its document's graph, not the corpus
///    graph's (an older store's own nodes would lose theirs when the corpus graph is refreshed).
/// 4: fewer triples per fact: no `rdf:type kg:Fact` (kg:sentence's domain says it), only
///    non-default flags, no sentence index (the sentence IRI's) nor document (the
///    graph's) on sentence nodes, no end offset (start + evidence length), no `rdf:type
///    kg:Concept` on a document's own concept nodes.
/// 5: no `kg:surfaceRelation` where it is the predicate label (a format 4 reader would take it
///    for empty); no `kg:predicateLabel` where an open relation's label is its name's words,
///    which the corpus graph states once as the relation's `rdfs:label` (a format 4 store's
///    corpus graph lacks those labels).
/// 6: the paragraph in the sentence node's IRI (`sentence/{document}/{paragraph}/{index}`), not
///    stated on it; no `kg:extractor` for the default extractor of the object's kind
///    (store::rdf::default_extractor), no `kg:time` (a one-day time's
///    `kg:timeStart`, equal to its `kg:timeEnd`), no `kg:predicateLabel` that is the ontology
///    property's own label, no `rdf:type prov:Entity` on documents (kg:Document is a subclass),
///    no `kg:documentCount` in the corpus graph (the number of document graphs describing the
///    entity). A format 5 reader would read no paragraphs and empty extractors.
/// 7: no `kg:metadata "id=…"` where the id is what follows the last `#` of the document's
///    `kg:sourcePath` (a JSON Lines document's `FILE#ID`, store::rdf::metadata_is_source_id);
///    no `kg:charStart 0` on the sentence node of a sentence that opens the text (absent, the
///    start is 0, as store::read already took it).
pub const STORE_FORMAT_VERSION: u32 = 7;

/// The named graph of a document and the quads [`KgStore::load_document`] writes into it: the
/// one place that turns an analysed document into stored RDF (`kgraph build`, and the
/// `kgraph extract --format nquads` filter whose output `kgraph load` stores, both call it).
/// `labels`: the ontology's property labels ([`rdf::document_quads`]).
pub fn document_graph_quads(base: &str, doc: &Document, entities: &[Entity], facts: &[Fact], labels: &rdf::PropertyLabels) -> (NamedNode, Vec<Quad>) {
    let graph = document_graph_iri(base, &doc.id);
    let quads = rdf::document_quads(base, &graph, doc, entities, facts, labels);
    (graph, quads)
}

/// The IRI of a document's named graph.
fn document_graph_iri(base: &str, doc_id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}doc/{doc_id}"))
}

/// A document's graph made ready to load, away from the writer (a build prepares it on the
/// thread that analysed the document): its name, its quads, and its record as the store will
/// read it back.
#[derive(Debug, Clone)]
pub struct PreparedGraph {
    pub graph: NamedNode,
    pub quads: Vec<Quad>,
    pub record: Option<read::DocumentRecord>,
}

impl PreparedGraph {
    pub fn new(base: &str, doc: &Document, entities: &[Entity], facts: &[Fact], labels: &rdf::PropertyLabels) -> PreparedGraph {
        let (graph, quads) = document_graph_quads(base, doc, entities, facts, labels);
        let record = read::record_from_quad_refs(base, graph.as_str(), &quads);
        PreparedGraph { graph, quads, record }
    }
}

/// Where a document's graph goes ([`KgStore::placement`]).
#[derive(Debug)]
enum Placement {
    /// The store holds this version already.
    Unchanged,
    /// No graph of that name and no other version of the file: nothing to read or remove.
    Fresh,
    /// Earlier versions (`older`: other ids of the same file) or the graph itself are replaced.
    Replace { outcome: LoadOutcome, older: Vec<String> },
}

/// What happened to a document on load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    Added,
    Replaced,
    Unchanged,
}

/// A load in detail: what happened, the ids of the documents it replaced, and the document's
/// graph as read back (`None` when unchanged), for callers that keep an index of the store.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub outcome: LoadOutcome,
    pub replaced: Vec<String>,
    pub record: Option<read::DocumentRecord>,
}

impl Loaded {
    fn unchanged() -> Loaded {
        Loaded { outcome: LoadOutcome::Unchanged, replaced: Vec::new(), record: None }
    }
}

/// The kgraph store: an oxigraph [`Store`] plus the base IRI used for data.
pub struct KgStore {
    store: Store,
    path: Option<PathBuf>,
    base: String,
    /// Held for the store's lifetime: exclusive for writers, shared for readers, so that
    /// `kgraph build` fails clearly while `kgraph serve` holds the directory.
    _lock: Option<std::fs::File>,
    /// The ontology's property labels ([`KgStore::property_labels`]).
    labels: std::sync::Mutex<Option<std::sync::Arc<std::collections::HashMap<String, String>>>>,
}

/// Counts reported by `kgraph stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoreStats {
    pub documents: usize,
    pub entities: usize,
    pub facts: usize,
    pub plain_facts: usize,
    pub triples: usize,
    pub ontology_triples: usize,
}

impl AsRef<KgStore> for KgStore {
    fn as_ref(&self) -> &KgStore {
        self
    }
}

impl KgStore {
    /// Opens (creating if needed) the store in `dir`.
    #[cfg(feature = "rocksdb")]
    pub fn open(dir: &Path, base: &str) -> Result<KgStore, StoreError> {
        if !dir.join(MARKER_FILE).exists() {
            Self::create(dir)?;
        }
        Self::check_marker(dir)?;
        let lock = Self::lock(dir, true)?;
        let store = Store::open(dir).map_err(|e| StoreError::open(dir, e))?;
        Ok(KgStore { store, path: Some(dir.to_owned()), base: base.to_owned(), _lock: Some(lock), labels: Default::default() })
    }

    /// Opens an existing store for reading only (several readers may share it).
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(dir: &Path, base: &str) -> Result<KgStore, StoreError> {
        if !dir.join(MARKER_FILE).exists() {
            return Err(if looks_half_created(dir) { StoreError::Incomplete { path: dir.to_owned() } } else { StoreError::NoStore { path: dir.to_owned() } });
        }
        Self::check_marker(dir)?;
        let lock = Self::lock(dir, false)?;
        let store = Store::open_read_only(dir).map_err(|e| StoreError::open(dir, e))?;
        Ok(KgStore { store, path: Some(dir.to_owned()), base: base.to_owned(), _lock: Some(lock), labels: Default::default() })
    }

    /// Without the `rocksdb` feature there is no on-disk store: opening one is an error that says so.
    #[cfg(not(feature = "rocksdb"))]
    pub fn open(dir: &Path, _base: &str) -> Result<KgStore, StoreError> {
        Err(StoreError::NoDiskStore { path: dir.to_owned() })
    }

    /// See [`KgStore::open`] without the `rocksdb` feature.
    #[cfg(not(feature = "rocksdb"))]
    pub fn open_read_only(dir: &Path, _base: &str) -> Result<KgStore, StoreError> {
        Err(StoreError::NoDiskStore { path: dir.to_owned() })
    }

    /// A store held in memory only (tests, `--no-store` runs).
    pub fn in_memory(base: &str) -> Result<KgStore, StoreError> {
        let store = Store::new().map_err(StoreError::Storage)?;
        Ok(KgStore { store, path: None, base: base.to_owned(), _lock: None, labels: Default::default() })
    }

    /// Creates a store at `dir` all at once: RocksDB and the marker are made in a hidden
    /// sibling directory, which is then renamed to `dir`. A kill during creation leaves only
    /// that sibling (removed by the next creation); `dir` is either absent or complete, and a
    /// process racing to create the same store finds the winner's.
    #[cfg(feature = "rocksdb")]
    fn create(dir: &Path) -> Result<(), StoreError> {
        let io = |path: &Path, e| StoreError::Io { path: path.to_owned(), source: e };
        if dir.exists() {
            let mut entries = std::fs::read_dir(dir).map_err(|_| StoreError::NotAStore { path: dir.to_owned() })?;
            if entries.next().is_some() {
                return Err(if looks_half_created(dir) { StoreError::Incomplete { path: dir.to_owned() } } else { StoreError::NotAStore { path: dir.to_owned() } });
            }
        }
        let name = dir.file_name().ok_or_else(|| StoreError::NotAStore { path: dir.to_owned() })?.to_string_lossy().into_owned();
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        remove_stale_creations(parent, &name);
        let tmp = parent.join(format!(".{name}.kgraph-creating-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir(&tmp).map_err(|e| io(&tmp, e))?;
        let built = (|| {
            let store = Store::open(&tmp).map_err(|e| StoreError::open(&tmp, e))?;
            store.flush().map_err(StoreError::Storage)?;
            drop(store);
            let marker = tmp.join(MARKER_FILE);
            let body = format!("{{\"format_version\": {STORE_FORMAT_VERSION}, \"generator\": \"kgraph {}\"}}\n", env!("CARGO_PKG_VERSION"));
            std::fs::write(&marker, body).map_err(|e| io(&marker, e))
        })();
        if let Err(e) = built {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
        // rename(2) also replaces an empty directory the user made beforehand.
        let renamed = std::fs::rename(&tmp, dir);
        if renamed.is_ok() {
            return Ok(());
        }
        let _ = std::fs::remove_dir_all(&tmp);
        if dir.join(MARKER_FILE).exists() {
            // Another process created it first: use theirs.
            return Ok(());
        }
        Err(io(dir, renamed.unwrap_err()))
    }

    #[cfg(not(feature = "rocksdb"))]
    #[allow(dead_code)]
    fn create(dir: &Path) -> Result<(), StoreError> {
        Err(StoreError::NoDiskStore { path: dir.to_owned() })
    }

    /// Takes the directory lock (`kgraph.lock`): exclusive for a writer, shared for a reader.
    #[cfg(feature = "rocksdb")]
    fn lock(dir: &Path, exclusive: bool) -> Result<std::fs::File, StoreError> {
        let path = dir.join("kgraph.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::Io { path: path.clone(), source: e })?;
        let taken = if exclusive { file.try_lock() } else { file.try_lock_shared() };
        match taken {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked { path: dir.to_owned() }),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io { path, source: e }),
        }
    }

    /// Checks the marker file: a kgraph store of our format version.
    #[cfg(feature = "rocksdb")]
    fn check_marker(dir: &Path) -> Result<(), StoreError> {
        let marker = dir.join(MARKER_FILE);
        let text = match std::fs::read_to_string(&marker) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StoreError::NoStore { path: dir.to_owned() }),
            Err(e) => return Err(StoreError::Io { path: marker, source: e }),
        };
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|_| StoreError::Corrupt { path: marker.clone(), what: "unreadable marker file".into() })?;
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(STORE_FORMAT_VERSION) => Ok(()),
            Some(v) => Err(StoreError::Version { path: dir.to_owned(), found: v as u32, expected: STORE_FORMAT_VERSION }),
            None => Err(StoreError::Corrupt { path: marker, what: "marker file has no format_version".into() }),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The underlying oxigraph store (the server and advanced users query it directly).
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// The named graph of a document.
    pub fn document_graph(&self, doc_id: &str) -> NamedNode {
        document_graph_iri(&self.base, doc_id)
    }

    /// The SHA-256 recorded for the document with this id, if it is in the store.
    pub fn document_hash(&self, doc_id: &str) -> Result<Option<String>, StoreError> {
        let doc = self.document_graph(doc_id);
        let sha = NamedNode::new_unchecked(format!("{}{}", vocab::KG, vocab::prov_terms::SHA256));
        let graph = GraphNameRef::NamedNode(doc.as_ref());
        for quad in self.store.quads_for_pattern(Some(doc.as_ref().into()), Some(sha.as_ref()), None, Some(graph)) {
            let quad = quad.map_err(StoreError::Storage)?;
            if let Term::Literal(l) = quad.object {
                return Ok(Some(l.value().to_owned()));
            }
        }
        Ok(None)
    }

    /// Writes one document's graph in a single transaction, replacing any earlier version.
    pub fn load_document(&self, doc: &Document, entities: &[Entity], facts: &[Fact]) -> Result<LoadOutcome, StoreError> {
        Ok(self.load_document_record(doc, entities, facts)?.outcome)
    }

    /// [`load_document`](Self::load_document), also returning what it replaced and the
    /// document's graph as read back.
    pub fn load_document_record(&self, doc: &Document, entities: &[Entity], facts: &[Fact]) -> Result<Loaded, StoreError> {
        self.load_prepared(doc, PreparedGraph::new(&self.base, doc, entities, facts, &*self.property_labels()?))
    }

    /// [`load_document_record`](Self::load_document_record) of a graph prepared beforehand.
    pub fn load_prepared(&self, doc: &Document, prepared: PreparedGraph) -> Result<Loaded, StoreError> {
        match self.placement(doc, &prepared.graph)? {
            Placement::Unchanged => Ok(Loaded::unchanged()),
            Placement::Fresh => {
                // A new graph (not even one written by hand without its hash) has nothing to
                // read or remove first: a plain write batch, still atomic, costs about half of
                // a transaction that indexes its own writes for reading.
                self.store.extend(prepared.quads).map_err(StoreError::Storage)?;
                Ok(Loaded { outcome: LoadOutcome::Added, replaced: Vec::new(), record: prepared.record })
            }
            Placement::Replace { outcome, older } => self.replace_prepared(prepared, outcome, older),
        }
    }

    /// Writes `prepared` in one transaction that first drops the graphs of `older` and the
    /// graph's earlier content.
    fn replace_prepared(&self, prepared: PreparedGraph, outcome: LoadOutcome, older: Vec<String>) -> Result<Loaded, StoreError> {
        let older_graphs: Vec<NamedNode> = older.iter().map(|id| self.document_graph(id)).collect();
        self.replace_graphs(prepared.graph, &older_graphs, &prepared.quads)?;
        Ok(Loaded { outcome, replaced: older, record: prepared.record })
    }

    /// Where a document's graph goes: nowhere (the store holds this version), into a graph
    /// the store does not have, or over the graphs it replaces.
    fn placement(&self, doc: &Document, graph: &NamedNode) -> Result<Placement, StoreError> {
        let previous = self.document_hash(&doc.id)?;
        if previous.as_deref() == Some(doc.hash.as_str()) {
            return Ok(Placement::Unchanged);
        }
        // An earlier version of the same file (other content, so another id) is replaced.
        let older: Vec<String> = if doc.source == "-" {
            Vec::new()
        } else {
            self.documents_from_source(&doc.source)?.into_iter().filter(|id| *id != doc.id).collect()
        };
        if previous.is_some() || !older.is_empty() {
            return Ok(Placement::Replace { outcome: LoadOutcome::Replaced, older });
        }
        if self.store.contains_named_graph(graph.as_ref()).map_err(StoreError::Storage)? {
            // a graph written without its hash (by hand, or a SPARQL update) is overwritten
            return Ok(Placement::Replace { outcome: LoadOutcome::Added, older });
        }
        Ok(Placement::Fresh)
    }

    /// The ontology's property labels, read once per ontology load.
    pub fn property_labels(&self) -> Result<std::sync::Arc<std::collections::HashMap<String, String>>, StoreError> {
        let mut cached = self.labels.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(labels) = cached.as_ref() {
            return Ok(std::sync::Arc::clone(labels));
        }
        let labels = std::sync::Arc::new(read::property_labels(self)?);
        *cached = Some(std::sync::Arc::clone(&labels));
        Ok(labels)
    }

    /// Forgets the cached ontology labels (the ontology graph changed).
    pub(crate) fn forget_labels(&self) {
        *self.labels.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    /// Ids of the documents recorded with this source path.
    fn documents_from_source(&self, source: &str) -> Result<Vec<String>, StoreError> {
        let prop = kg(vocab::prov_terms::SOURCE_PATH);
        let value = Literal::new_simple_literal(source);
        let prefix = format!("{}doc/", self.base);
        let mut ids = Vec::new();
        for q in self.store.quads_for_pattern(None, Some(prop.as_ref()), Some(value.as_ref().into()), None) {
            let q = q.map_err(StoreError::Storage)?;
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = &q.subject {
                if let Some(id) = n.as_str().strip_prefix(&prefix) {
                    ids.push(id.to_owned());
                }
            }
        }
        Ok(ids)
    }

    /// Replaces the content of `graph` with `quads` atomically.
    fn replace_graph(&self, graph: NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        self.replace_graphs(graph, &[], quads)
    }

    /// Makes `graph`, a graph derived from the others (the corpus graph), hold exactly `quads`,
    /// writing only the difference: adding one document changes a few of its quads, not all.
    /// Into an empty graph (a fresh build) the quads go through the bulk loader, in one atomic
    /// commit of sorted files rather than a transaction that indexes its writes for reading (its
    /// memory grows with the corpus) or write batches through RocksDB's memory tables.
    pub(crate) fn rewrite_derived_graph(&self, graph: NamedNode, quads: Vec<Quad>) -> Result<(), StoreError> {
        let mut old = std::collections::HashSet::new();
        for q in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
            old.insert(q.map_err(StoreError::Storage)?);
        }
        if old.is_empty() && !quads.is_empty() {
            let mut loader = self.store.bulk_loader();
            loader.load_quads(quads).map_err(StoreError::Storage)?;
            return loader.commit().map_err(StoreError::Storage);
        }
        let new: std::collections::HashSet<Quad> = quads.into_iter().collect();
        let mut tx = self.store.start_transaction().map_err(StoreError::Storage)?;
        for q in old.difference(&new) {
            tx.remove(q);
        }
        tx.insert_named_graph(graph.as_ref());
        for q in new.difference(&old) {
            tx.insert(q);
        }
        tx.commit().map_err(StoreError::Storage)
    }

    /// Drops `remove`, replaces the content of `graph` with `quads`: one transaction.
    fn replace_graphs(&self, graph: NamedNode, remove: &[NamedNode], quads: &[Quad]) -> Result<(), StoreError> {
        let mut tx = self.store.start_transaction().map_err(StoreError::Storage)?;
        for old in remove {
            tx.remove_named_graph(old.as_ref()).map_err(StoreError::Storage)?;
        }
        tx.clear_graph(graph.as_ref()).map_err(StoreError::Storage)?;
        tx.insert_named_graph(graph.as_ref());
        for q in quads {
            tx.insert(q);
        }
        tx.commit().map_err(StoreError::Storage)
    }

    /// Loads the ontology's Turtle sources into the ontology graph, replacing what was there.
    pub fn load_ontology(&self, sources: &[(String, String)]) -> Result<(), StoreError> {
        let graph = NamedNode::new_unchecked(vocab::KG_ONTOLOGY);
        let mut quads = Vec::new();
        for (name, text) in sources {
            let parser = RdfParser::from_format(RdfFormat::Turtle).with_default_graph(graph.clone());
            for quad in parser.for_slice(text.as_bytes()) {
                quads.push(quad.map_err(|source| StoreError::Ontology { name: name.clone(), source })?);
            }
        }
        self.forget_labels();
        self.replace_graph(graph, &quads)
    }

    /// Removes a document given its id, a unique id prefix, or its source path.
    /// Returns the id removed.
    pub fn remove_document(&self, key: &str) -> Result<String, StoreError> {
        let docs = read::document_keys(self)?;
        let matches: Vec<_> = docs
            .iter()
            .filter(|(id, _, source)| id == key || source == key || (key.len() >= 6 && id.starts_with(key)))
            .collect();
        match matches.as_slice() {
            [] => Err(StoreError::UnknownDocument { key: key.to_owned() }),
            [(id, _, _)] => {
                let graph = self.document_graph(id);
                let mut tx = self.store.start_transaction().map_err(StoreError::Storage)?;
                tx.remove_named_graph(graph.as_ref()).map_err(StoreError::Storage)?;
                tx.commit().map_err(StoreError::Storage)?;
                Ok(id.clone())
            }
            _ => Err(StoreError::AmbiguousDocument { key: key.to_owned(), count: matches.len() }),
        }
    }

    /// A SPARQL evaluator with our base IRI and the usual prefixes predeclared.
    pub fn evaluator(&self) -> Result<SparqlEvaluator, StoreError> {
        let mut evaluator = SparqlEvaluator::new().with_base_iri(self.base.clone())?;
        for (prefix, iri) in self.prefixes() {
            evaluator = evaluator.with_prefix(prefix, iri)?;
        }
        Ok(evaluator)
    }

    /// A SPARQL parser with the same base IRI and predeclared prefixes as [`KgStore::evaluator`]
    /// (for callers that check the parsed query before evaluating it).
    pub fn sparql_parser(&self) -> Result<spargebra::SparqlParser, StoreError> {
        let mut parser = spargebra::SparqlParser::new().with_base_iri(self.base.clone())?;
        for (prefix, iri) in self.prefixes() {
            parser = parser.with_prefix(prefix, iri)?;
        }
        Ok(parser)
    }

    /// Runs a SPARQL query. Without FROM clauses, the default graph is the union of all graphs.
    /// The query's shape is checked first ([`crate::guard::query`]); the evaluation has no
    /// deadline (use [`KgStore::query_guarded`] for that).
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        let parsed = guard::query::parse_query(self.sparql_parser()?, sparql, &QueryLimits::default()).map_err(StoreError::from_refusal)?;
        let mut prepared = self.evaluator()?.for_query(parsed);
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }

    /// Runs a query on a guarded thread (a big stack, `limits.timeout`, `limits.max_memory_bytes`)
    /// and hands its results to `consume` there, so that reading them is under the limits too.
    pub fn query_guarded<T: Send + 'static>(
        &self,
        sparql: &str,
        limits: &QueryLimits,
        consume: impl FnOnce(QueryResults<'static>) -> T + Send + 'static,
    ) -> Result<T, StoreError> {
        guard::query::check_text(sparql, limits).map_err(StoreError::from_refusal)?;
        let (parser, evaluator, store) = (self.sparql_parser()?, self.evaluator()?, self.store.clone());
        let (sparql, job_limits) = (sparql.to_owned(), limits.clone());
        guard::run_guarded(limits, move |token| {
            let parsed = guard::query::parse_query(parser, &sparql, &job_limits).map_err(StoreError::from_refusal)?;
            let mut prepared = evaluator.with_cancellation_token(token.clone()).for_query(parsed);
            if prepared.dataset().is_default_dataset() {
                prepared.dataset_mut().set_default_graph_as_union();
            }
            let results = prepared.on_store(&store).execute()?;
            Ok(consume(results))
        })
        .map_err(StoreError::from_refusal)?
    }

    /// Runs a SPARQL update (atomically) on a guarded thread with no deadline, and reports what
    /// it did to the ontology graph.
    pub fn update(&self, sparql: &str) -> Result<UpdateReport, StoreError> {
        self.forget_labels();
        let limits = QueryLimits { timeout: Duration::from_secs_f64(guard::query::MAX_TIMEOUT_SECS), ..QueryLimits::default() };
        guard::query::check_text(sparql, &limits).map_err(StoreError::from_refusal)?;
        let (parser, evaluator, store) = (self.sparql_parser()?, self.evaluator()?, self.store.clone());
        let (sparql, job_limits) = (sparql.to_owned(), limits.clone());
        guard::run_guarded(&limits, move |token| {
            let parsed = guard::query::parse_update(parser, &sparql, &job_limits).map_err(StoreError::from_refusal)?;
            let before = ontology_triple_count(&store);
            evaluator.with_cancellation_token(token.clone()).for_update(parsed).on_store(&store).execute()?;
            Ok(UpdateReport { ontology_triples_removed: before.saturating_sub(ontology_triple_count(&store)) })
        })
        .map_err(StoreError::from_refusal)?
    }

    /// All data quads, sorted, excluding the ontology graph unless asked for.
    pub fn sorted_quads(&self, with_ontology: bool) -> Result<Vec<Quad>, StoreError> {
        let ontology = GraphName::NamedNode(NamedNode::new_unchecked(vocab::KG_ONTOLOGY));
        let mut quads = Vec::new();
        for q in self.store.iter() {
            let q = q.map_err(StoreError::Storage)?;
            if with_ontology || q.graph_name != ontology {
                quads.push(q);
            }
        }
        quads.sort_by_cached_key(|q| q.to_string());
        Ok(quads)
    }

    /// The union of the data graphs as a set of triples, sorted (deterministic exports).
    pub fn sorted_triples(&self, with_ontology: bool) -> Result<Vec<Triple>, StoreError> {
        let mut seen = std::collections::HashSet::new();
        let mut triples: Vec<(String, Triple)> = Vec::new();
        for q in self.sorted_quads(with_ontology)? {
            let t = Triple::from(q);
            let key = t.to_string();
            if seen.insert(key.clone()) {
                triples.push((key, t));
            }
        }
        triples.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(triples.into_iter().map(|(_, t)| t).collect())
    }

    /// Serializes the store in an RDF format: N-Quads and TriG keep the named graphs; Turtle,
    /// N-Triples, RDF/XML and JSON-LD get the union of the data graphs.
    pub fn dump(&self, format: RdfFormat, with_ontology: bool, out: &mut dyn Write) -> Result<(), StoreError> {
        self.write_quads(format, &self.sorted_quads(with_ontology)?, out)
    }

    /// Serializes `quads` (sorted) like [`dump`](Self::dump): N-Quads and TriG keep the named
    /// graphs, the other formats get the distinct triples.
    pub fn write_quads(&self, format: RdfFormat, quads: &[Quad], out: &mut dyn Write) -> Result<(), StoreError> {
        let mut serializer = RdfSerializer::from_format(format);
        for (prefix, iri) in self.prefixes() {
            serializer = serializer.with_prefix(prefix, iri)?;
        }
        let mut writer = serializer.for_writer(out);
        // JSON-LD could carry named graphs too, but graph-oriented tools (rdflib's Graph, most
        // JSON-LD consumers) read only the default graph: it gets the union, like Turtle.
        if matches!(format, RdfFormat::NQuads | RdfFormat::TriG) {
            for q in quads {
                writer.serialize_quad(q).map_err(StoreError::Write)?;
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            let mut triples: Vec<(String, Triple)> = Vec::new();
            for q in quads {
                let t = Triple::from(q.clone());
                let key = t.to_string();
                if seen.insert(key.clone()) {
                    triples.push((key, t));
                }
            }
            triples.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, t) in &triples {
                writer.serialize_triple(t).map_err(StoreError::Write)?;
            }
        }
        writer.finish().map_err(StoreError::Write)?;
        Ok(())
    }

    /// Prefixes used in Turtle-family output.
    pub fn prefixes(&self) -> Vec<(&'static str, String)> {
        vec![
            ("kg", vocab::KG.to_owned()),
            ("rel", vocab::REL.to_owned()),
            ("entity", format!("{}entity/", self.base)),
            ("fact", format!("{}fact/", self.base)),
            ("sentence", format!("{}sentence/", self.base)),
            ("doc", format!("{}doc/", self.base)),
            ("rdf", vocab::RDF.to_owned()),
            ("rdfs", vocab::RDFS.to_owned()),
            ("owl", vocab::OWL.to_owned()),
            ("xsd", vocab::XSD.to_owned()),
            ("skos", vocab::SKOS.to_owned()),
            ("prov", vocab::PROV.to_owned()),
            ("dcterms", vocab::DCTERMS.to_owned()),
            ("wd", vocab::WD.to_owned()),
        ]
    }

    /// Counts for `kgraph stats`.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        use oxigraph::model::NamedOrBlankNode;
        use std::collections::HashSet;
        let ontology = GraphName::NamedNode(NamedNode::new_unchecked(vocab::KG_ONTOLOGY));
        let rdf_type = NamedNode::new_unchecked(format!("{}type", vocab::RDF));
        // a document states its type; an entity its one label (a document's own plain concept
        // states no type); a statement its sentence (it states no type)
        let label = NamedNode::new_unchecked(format!("{}label", vocab::RDFS));
        let sentence = kg(vocab::prov_terms::SENTENCE);
        let (doc_prefix, entity_prefix, fact_prefix) =
            (format!("{}doc/", self.base), format!("{}entity/", self.base), format!("{}fact/", self.base));
        let (mut documents, mut entities, mut facts) = (HashSet::new(), HashSet::new(), HashSet::new());
        let mut hedged = HashSet::new();
        let (negated, modality) = (kg(vocab::prov_terms::NEGATED), kg(vocab::prov_terms::MODALITY));
        let mut triples = HashSet::new();
        let mut ontology_triples = 0;
        for q in self.store.iter() {
            let q = q.map_err(StoreError::Storage)?;
            if q.graph_name == ontology {
                ontology_triples += 1;
                continue;
            }
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                let iri = s.as_str();
                if q.predicate == rdf_type && iri.starts_with(&doc_prefix) {
                    documents.insert(iri.to_owned());
                } else if q.predicate == label && iri.starts_with(&entity_prefix) {
                    entities.insert(iri.to_owned());
                } else if q.predicate == sentence && iri.starts_with(&fact_prefix) {
                    facts.insert(iri.to_owned());
                } else if (q.predicate == negated && matches!(&q.object, Term::Literal(l) if l.value() == "true"))
                    || (q.predicate == modality && matches!(&q.object, Term::Literal(l) if l.value() != "asserted"))
                {
                    hedged.insert(iri.to_owned());
                }
            }
            triples.insert(Triple::from(q));
        }
        Ok(StoreStats {
            documents: documents.len(),
            entities: entities.len(),
            facts: facts.len(),
            plain_facts: facts.len() - hedged.len(),
            triples: triples.len(),
            ontology_triples,
        })
    }

    /// Flushes to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        if self.path.is_some() {
            self.store.flush().map_err(StoreError::Storage)?;
        }
        Ok(())
    }
}

/// A directory that holds RocksDB or kgraph files but no marker: a creation that was killed
/// (before kgraph created stores atomically), or files copied without the marker.
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
fn looks_half_created(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    entries.filter_map(Result::ok).any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        matches!(name.as_str(), "CURRENT" | "LOCK" | "IDENTITY" | "kgraph.lock") || name.starts_with("MANIFEST-") || name.starts_with("OPTIONS-")
    })
}

/// Removes `.NAME.kgraph-creating-PID` directories of processes that no longer run.
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
fn remove_stale_creations(parent: &Path, name: &str) {
    let prefix = format!(".{name}.kgraph-creating-");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix).and_then(|p| p.parse::<u32>().ok()) else { continue };
        let alive = cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists();
        if !alive && pid != std::process::id() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// What an update did that the user should hear about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdateReport {
    /// Triples the update removed from the ontology graph (`DROP ALL`, `CLEAR ALL`, …).
    pub ontology_triples_removed: usize,
}

impl UpdateReport {
    /// A note for the user when the update touched the ontology graph.
    pub fn note(&self) -> Option<String> {
        (self.ontology_triples_removed > 0).then(|| ontology_removed_note(self.ontology_triples_removed))
    }
}

/// Triples in the ontology graph of an oxigraph store.
pub fn ontology_triple_count(store: &Store) -> usize {
    let graph = NamedNodeRef::new_unchecked(vocab::KG_ONTOLOGY);
    store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))).count()
}

/// The note shown when an update removed ontology triples. Like Fuseki and oxigraph, kgraph
/// runs `DROP ALL` as written; the ontology is derived data that every `kgraph build` reloads.
pub fn ontology_removed_note(removed: usize) -> String {
    format!(
        "note: this update removed {removed} triples of the ontology graph <{}> (classes, properties, labels); the next `kgraph build` loads it again",
        vocab::KG_ONTOLOGY
    )
}

/// Helper: an `xsd:` typed literal.
pub(crate) fn typed(value: impl Into<String>, xsd_local: &str) -> Literal {
    Literal::new_typed_literal(value, NamedNode::new_unchecked(format!("{}{xsd_local}", vocab::XSD)))
}

/// Helper: a `kg:` term.
pub(crate) fn kg(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", vocab::KG))
}

#[allow(dead_code)]
pub(crate) fn named(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

#[cfg(test)]
mod tests;
