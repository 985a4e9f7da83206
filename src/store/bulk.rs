//! Loading N-Quads written by `kgraph extract --format nquads` (or a distributed job running it)
//! with the per-document semantics of [`KgStore::load_document`].
//!
//! In: N-Quads files (or standard input), each document's quads contiguous and led by its
//! `<doc> rdf:type kg:Document` quad, as the filter writes them. Out: the store holding exactly
//! what `kgraph build` of the same documents holds, and a [`BulkSummary`].
//!
//! A document's run of lines ends where the graph changes, or where that leading quad comes
//! again: two corpus lines with the same text are one graph (its id is a hash of the text), so
//! the filter writes it twice in a row when they are neighbours, and each copy is a document of
//! its own (the first stored, the second unchanged, as in `build`) — not one merged graph.
//!
//! Two passes. The first reads and checks everything — a quad outside a document graph or the
//! ontology graph, or a document graph without its `kg:sha256` and `kg:sourcePath`, refuses the
//! whole input, naming the file and line — and replays `load_document`'s decisions on a small
//! model of the store (unchanged document: skipped; new version of a source: the older one
//! goes). The second writes: documents new to the store through oxigraph's bulk loader in one
//! atomic commit, each replacement in its own transaction, as `build` does.

use super::{KgStore, LoadOutcome, StoreError, StoreStats};
use crate::ontology::vocab::{self, prov_terms};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// What [`KgStore::load_nquads`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BulkSummary {
    /// Document graphs read (a graph repeated in the input counts each time).
    pub documents: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Quads written (documents and ontology).
    pub quads: usize,
    /// Whether the input held ontology quads (which replaced the ontology graph).
    pub ontology: bool,
    /// The store's counts afterwards (set by the caller once the corpus graph is refreshed:
    /// entity types live there).
    pub store: StoreStats,
}

/// Errors of reading the N-Quads input: each names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum BulkError {
    #[error("{path}:{line}: {message}")]
    Line { path: String, line: usize, message: String },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One document's run of lines in one input.
#[derive(Debug)]
struct Group {
    input: usize,
    first_line: usize,
    last_line: usize,
    id: String,
    hash: Option<String>,
    source: Option<String>,
    /// Whether the run holds its document node's `rdf:type kg:Document` quad (a second one
    /// starts the next document of the same graph).
    typed: bool,
}

/// Which graph a quad belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Document(String),
    Ontology,
}

/// An input: a file, or standard input spooled to a temporary file (read twice).
struct Input {
    name: String,
    path: PathBuf,
    spooled: bool,
}

impl Drop for Input {
    fn drop(&mut self) {
        if self.spooled {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl KgStore {
    /// Loads N-Quads files (`-`: standard input) as described in the module documentation;
    /// `ontology` is what `build` would set the ontology graph to, used when the input holds no
    /// ontology quads.
    pub fn load_nquads(&self, paths: &[PathBuf], ontology: &[(String, String)]) -> Result<BulkSummary, BulkError> {
        let inputs = paths.iter().map(|p| open_input(p)).collect::<Result<Vec<_>, _>>()?;
        let mut ontology_quads = Vec::new();
        let mut groups = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            self.scan(i, input, &mut groups, &mut ontology_quads)?;
        }
        let plan = self.plan(&groups)?;
        let mut summary = BulkSummary { documents: groups.len(), ontology: !ontology_quads.is_empty(), ..BulkSummary::default() };
        for outcome in &plan.outcomes {
            match outcome {
                LoadOutcome::Added => summary.added += 1,
                LoadOutcome::Replaced => summary.replaced += 1,
                LoadOutcome::Unchanged => summary.unchanged += 1,
            }
        }
        if ontology_quads.is_empty() {
            self.load_ontology(ontology)?;
        } else {
            summary.quads += ontology_quads.len();
            self.replace_graph(NamedNode::new_unchecked(vocab::KG_ONTOLOGY), &ontology_quads)?;
        }
        summary.quads += self.write(&inputs, &groups, &plan)?;
        self.flush()?;
        Ok(summary)
    }

    /// First pass over one input: checks every quad and records the document groups.
    fn scan(&self, index: usize, input: &Input, groups: &mut Vec<Group>, ontology: &mut Vec<Quad>) -> Result<(), BulkError> {
        let sha = super::kg(prov_terms::SHA256);
        let source_path = super::kg(prov_terms::SOURCE_PATH);
        let rdf_type = NamedNode::new_unchecked(format!("{}type", vocab::RDF));
        let document_class = Term::from(super::kg(prov_terms::DOCUMENT));
        let mut current: Option<Group> = None;
        for_each_quad(input, |line, quad| {
            let target = self.target(&quad.graph_name).map_err(|message| line_error(input, line, message))?;
            let id = match target {
                Target::Ontology => {
                    ontology.push(quad);
                    return Ok(());
                }
                Target::Document(id) => id,
            };
            let about_document = matches!(&quad.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == self.document_graph(&id).as_str());
            let leading = about_document && quad.predicate == rdf_type && quad.object == document_class;
            if current.as_ref().is_none_or(|g| g.id != id || (leading && g.typed)) {
                if let Some(done) = current.take() {
                    groups.push(check_group(input, done)?);
                }
                current = Some(Group { input: index, first_line: line, last_line: line, id, hash: None, source: None, typed: false });
            }
            let Some(group) = current.as_mut() else { return Ok(()) };
            group.last_line = line;
            group.typed |= leading;
            if let (true, Term::Literal(value)) = (about_document, &quad.object) {
                if quad.predicate == sha {
                    group.hash = Some(value.value().to_owned());
                } else if quad.predicate == source_path {
                    group.source = Some(value.value().to_owned());
                }
            }
            Ok(())
        })?;
        if let Some(done) = current {
            groups.push(check_group(input, done)?);
        }
        Ok(())
    }

    /// The graph a quad may go to, or why it may not.
    fn target(&self, graph: &GraphName) -> Result<Target, String> {
        let iri = match graph {
            GraphName::NamedNode(n) => n.as_str(),
            GraphName::DefaultGraph => return Err("quad in the default graph; kgraph load takes document graphs and the ontology graph only".into()),
            GraphName::BlankNode(b) => return Err(format!("quad in blank-node graph {b}; kgraph load takes document graphs and the ontology graph only")),
        };
        if iri == vocab::KG_ONTOLOGY {
            return Ok(Target::Ontology);
        }
        let prefix = format!("{}doc/", self.base);
        match iri.strip_prefix(&prefix) {
            Some(id) if !id.is_empty() && !id.contains(['/', '#', '?']) => Ok(Target::Document(id.to_owned())),
            _ => Err(format!("quad in graph <{iri}>, which is neither a document graph (<{prefix}ID>) nor the ontology graph <{}>", vocab::KG_ONTOLOGY)),
        }
    }

    /// Replays `load_document`'s decisions, in input order, on a model of the store.
    fn plan(&self, groups: &[Group]) -> Result<Plan, StoreError> {
        let mut model = StoreModel { store: self, hashes: HashMap::new(), by_source: HashMap::new() };
        let mut plan = Plan::default();
        for (i, group) in groups.iter().enumerate() {
            let (hash, source) = (group.hash.as_deref().unwrap_or_default(), group.source.as_deref().unwrap_or_default());
            let previous = model.hash(&group.id)?;
            if previous.as_deref() == Some(hash) {
                plan.outcomes.push(LoadOutcome::Unchanged);
                continue;
            }
            let older: Vec<String> = if source == "-" { Vec::new() } else { model.ids_of_source(source)?.into_iter().filter(|id| *id != group.id).collect() };
            for id in &older {
                model.hashes.insert(id.clone(), None);
                plan.winner.remove(id);
            }
            if let Some(ids) = model.by_source.get_mut(source) {
                ids.retain(|id| !older.contains(id));
                ids.insert(group.id.clone());
            }
            model.hashes.insert(group.id.clone(), Some(hash.to_owned()));
            plan.winner.insert(group.id.clone(), i);
            plan.outcomes.push(if previous.is_some() || !older.is_empty() { LoadOutcome::Replaced } else { LoadOutcome::Added });
        }
        // Graphs of the store the input replaces or removes: written in transactions.
        for (id, hash) in &model.hashes {
            if self.document_hash(id)?.is_some() && hash.as_deref() != self.document_hash(id)?.as_deref() {
                plan.store_removed.insert(id.clone());
            }
        }
        Ok(plan)
    }

    /// Second pass: writes the winning groups. Those whose source or graph the store already
    /// holds replace it in one transaction each; the rest are bulk-loaded in one commit.
    fn write(&self, inputs: &[Input], groups: &[Group], plan: &Plan) -> Result<usize, BulkError> {
        let mut replaces: HashMap<usize, Vec<NamedNode>> = HashMap::new();
        let mut leftover: HashSet<&String> = plan.store_removed.iter().collect();
        for &i in plan.winner.values() {
            let group = &groups[i];
            let source = group.source.as_deref().unwrap_or_default();
            let mut remove: Vec<NamedNode> = Vec::new();
            if let Some(ids) = (source != "-").then(|| self.documents_from_source(source)).transpose()? {
                for id in ids.iter().filter(|id| plan.store_removed.contains(*id) && **id != group.id) {
                    leftover.remove(id);
                    remove.push(self.document_graph(id));
                }
            }
            if remove.is_empty() && self.document_hash(&group.id)?.is_none() {
                continue;
            }
            leftover.remove(&group.id);
            replaces.insert(i, remove);
        }
        let mut loader = self.store.bulk_loader().with_max_memory_size_in_megabytes(512);
        let mut written = 0;
        let mut batch: Vec<Quad> = Vec::new();
        for (index, input) in inputs.iter().enumerate() {
            let mut runs = groups.iter().enumerate().filter(|(i, g)| g.input == index && plan.winner.get(&g.id) == Some(i)).peekable();
            let mut pending: Vec<Quad> = Vec::new();
            for_each_quad(input, |line, quad| {
                while let Some((i, _)) = runs.next_if(|(_, g)| g.last_line < line) {
                    self.finish_run(i, &mut pending, &mut batch, &replaces)?;
                }
                if matches!(runs.peek(), Some((_, g)) if g.first_line <= line) && quad.graph_name != GraphName::NamedNode(NamedNode::new_unchecked(vocab::KG_ONTOLOGY)) {
                    pending.push(quad);
                    written += 1;
                }
                if batch.len() >= 1_000_000 {
                    loader.load_quads(batch.drain(..)).map_err(StoreError::Storage)?;
                }
                Ok(())
            })?;
            for (i, _) in runs {
                self.finish_run(i, &mut pending, &mut batch, &replaces)?;
            }
        }
        loader.load_quads(batch).map_err(StoreError::Storage)?;
        loader.commit().map_err(StoreError::Storage)?;
        if !leftover.is_empty() {
            let mut tx = self.store.start_transaction().map_err(StoreError::Storage)?;
            for id in leftover {
                tx.remove_named_graph(self.document_graph(id).as_ref()).map_err(StoreError::Storage)?;
            }
            tx.commit().map_err(StoreError::Storage)?;
        }
        Ok(written)
    }

    /// A winning group's quads are complete: a replacement is written now, in one
    /// transaction; a new document joins the bulk batch.
    fn finish_run(&self, i: usize, pending: &mut Vec<Quad>, batch: &mut Vec<Quad>, replaces: &HashMap<usize, Vec<NamedNode>>) -> Result<(), BulkError> {
        match replaces.get(&i) {
            Some(remove) => {
                let graph = match pending.first().map(|q| &q.graph_name) {
                    Some(GraphName::NamedNode(n)) => n.clone(),
                    _ => return Ok(()),
                };
                self.replace_graphs(graph, remove, pending)?;
                pending.clear();
            }
            None => batch.append(pending),
        }
        Ok(())
    }
}

/// The decisions of [`KgStore::plan`].
#[derive(Debug, Default)]
struct Plan {
    /// Per group, what `build` would report.
    outcomes: Vec<LoadOutcome>,
    /// Document id → the group whose quads the store ends up with.
    winner: HashMap<String, usize>,
    /// Ids of documents in the store now that are gone or different afterwards.
    store_removed: HashSet<String>,
}

/// The store as the plan changes it: overlays on hashes (None: removed) and on source → ids.
struct StoreModel<'a> {
    store: &'a KgStore,
    hashes: HashMap<String, Option<String>>,
    by_source: HashMap<String, HashSet<String>>,
}

impl StoreModel<'_> {
    fn hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        match self.hashes.get(id) {
            Some(h) => Ok(h.clone()),
            None => self.store.document_hash(id),
        }
    }

    fn ids_of_source(&mut self, source: &str) -> Result<Vec<String>, StoreError> {
        if !self.by_source.contains_key(source) {
            let ids: HashSet<String> = self.store.documents_from_source(source)?.into_iter().collect();
            self.by_source.insert(source.to_owned(), ids);
        }
        let mut ids: Vec<String> = self.by_source[source].iter().cloned().collect();
        ids.sort();
        Ok(ids)
    }
}

fn check_group(input: &Input, group: Group) -> Result<Group, BulkError> {
    let missing = match (&group.hash, &group.source) {
        (None, _) => "kg:sha256",
        (_, None) => "kg:sourcePath",
        _ => return Ok(group),
    };
    Err(line_error(
        input,
        group.first_line,
        format!("document graph {} has no {missing} on its document node; kgraph load reads what `kgraph extract --format nquads` writes", group.id),
    ))
}

fn line_error(input: &Input, line: usize, message: String) -> BulkError {
    BulkError::Line { path: input.name.clone(), line, message }
}

fn open_input(path: &Path) -> Result<Input, BulkError> {
    let name = path.display().to_string();
    if path.as_os_str() != "-" {
        if !path.is_file() {
            return Err(BulkError::Io { path: name, source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file") });
        }
        return Ok(Input { name, path: path.to_owned(), spooled: false });
    }
    let spool = std::env::temp_dir().join(format!("kgraph-load-{}.nq", std::process::id()));
    let io = |source| BulkError::Io { path: "-".into(), source };
    let mut file = std::fs::File::create(&spool).map_err(io)?;
    let input = Input { name, path: spool, spooled: true };
    std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(io)?;
    Ok(input)
}

/// Calls `each` with every quad of `input` and its line number (N-Quads: one statement a line).
fn for_each_quad(input: &Input, mut each: impl FnMut(usize, Quad) -> Result<(), BulkError>) -> Result<(), BulkError> {
    let io = |source| BulkError::Io { path: input.name.clone(), source };
    let file = std::fs::File::open(&input.path).map_err(io)?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(io)? == 0 {
            return Ok(());
        }
        number += 1;
        let text = line.trim_ascii();
        if text.is_empty() || text.starts_with(b"#") {
            continue;
        }
        // Lenient: IRIs are not re-validated. The input is what our filter wrote, and `build`
        // stores the same terms unchecked; a strict parse would refuse what build accepts.
        for quad in RdfParser::from_format(RdfFormat::NQuads).lenient().for_slice(text) {
            let quad = quad.map_err(|e| line_error(input, number, format!("not N-Quads: {e}")))?;
            each(number, quad)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, hash: &str, source: &str) -> Group {
        Group { input: 0, first_line: 1, last_line: 1, id: id.into(), hash: Some(hash.into()), source: Some(source.into()), typed: true }
    }

    #[test]
    fn the_plan_replays_build_in_input_order() {
        let store = KgStore::in_memory("http://example.org/").unwrap();
        // Version 1 of a file, version 2 of it, version 1 again, a copy of version 1 under
        // another name (same content, so same id: unchanged), and standard input twice.
        let groups = [group("a", "ha", "f.jsonl#x"), group("b", "hb", "f.jsonl#x"), group("a", "ha", "f.jsonl#x"), group("a", "ha", "g.jsonl#x"), group("c", "hc", "-"), group("d", "hd", "-")];
        let plan = store.plan(&groups).unwrap();
        use LoadOutcome::*;
        assert_eq!(plan.outcomes, [Added, Replaced, Replaced, Unchanged, Added, Added]);
        let mut winners: Vec<(&str, usize)> = plan.winner.iter().map(|(id, i)| (id.as_str(), *i)).collect();
        winners.sort();
        assert_eq!(winners, [("a", 2), ("c", 4), ("d", 5)]);
        assert!(plan.store_removed.is_empty());
    }

    #[test]
    fn a_graph_written_twice_in_a_row_is_two_documents_and_the_first_is_kept() {
        // Two neighbouring corpus lines with one text (one graph), other title and source.
        let store = KgStore::in_memory("http://example.org/").unwrap();
        let (g, kg) = ("<http://example.org/doc/a1>", vocab::KG);
        let copy = |source: &str, title: &str| {
            format!(
                "{g} <{}type> <{kg}Document> {g} .\n{g} <{kg}sourcePath> \"{source}\" {g} .\n{g} <{kg}sha256> \"a1b2\" {g} .\n\
                 {g} <http://purl.org/dc/terms/title> \"{title}\" {g} .\n<http://example.org/entity/x> <{kg}documentLabel> \"X\" {g} .\n",
                vocab::RDF
            )
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.nq");
        std::fs::write(&path, copy("f.jsonl#one", "First") + &copy("f.jsonl#two", "Second")).unwrap();
        let input = open_input(&path).unwrap();
        let (mut groups, mut ontology) = (Vec::new(), Vec::new());
        store.scan(0, &input, &mut groups, &mut ontology).unwrap();
        let runs: Vec<(usize, usize, Option<&str>)> = groups.iter().map(|g| (g.first_line, g.last_line, g.source.as_deref())).collect();
        assert_eq!(runs, [(1, 5, Some("f.jsonl#one")), (6, 10, Some("f.jsonl#two"))]);
        let plan = store.plan(&groups).unwrap();
        assert_eq!(plan.outcomes, [LoadOutcome::Added, LoadOutcome::Unchanged]);
        store.write(&[input], &groups, &plan).unwrap();
        let titles: Vec<String> = store
            .oxigraph()
            .quads_for_pattern(None, Some(NamedNode::new_unchecked("http://purl.org/dc/terms/title").as_ref()), None, None)
            .map(|q| q.unwrap().object.to_string())
            .collect();
        assert_eq!(titles, ["\"First\""]);
    }

    #[test]
    fn only_document_graphs_and_the_ontology_are_targets() {
        let store = KgStore::in_memory("http://example.org/").unwrap();
        let named = |iri: &str| GraphName::NamedNode(NamedNode::new_unchecked(iri));
        assert_eq!(store.target(&named("http://example.org/doc/0a1b")), Ok(Target::Document("0a1b".into())));
        assert_eq!(store.target(&named(vocab::KG_ONTOLOGY)), Ok(Target::Ontology));
        for bad in ["http://example.org/doc/", "http://example.org/doc/a/b", "http://example.org/other/x", "http://elsewhere.org/doc/a"] {
            assert!(store.target(&named(bad)).is_err(), "{bad}");
        }
        assert!(store.target(&GraphName::DefaultGraph).unwrap_err().contains("default graph"));
    }
}
