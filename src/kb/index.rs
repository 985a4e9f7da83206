//! The persisted view index: every document's graph read back ([`DocumentRecord`]) and the
//! corpus graph parsed ([`CorpusOverlay`]), kept in a file next to the store (`kgraph-view.bin`)
//! so that read commands start from it instead of scanning the store.
//!
//! In: the store, and each load, removal and corpus-graph refresh made through the knowledge
//! base. Out: the records and overlay the graph view is merged from, and the store's counts.
//!
//! The file is a cache of the store, never the truth. It is trusted only when its format version
//! matches and it lists exactly the documents (ids and SHA-256) the store lists, which the store
//! answers from its predicate index (two triples per document); otherwise the records and the
//! corpus graph are read from the store again and the file rewritten. The corpus graph is
//! derived from the document graphs, so it is current whenever they are. A build updates the
//! records in memory, one document at a time after each document's transaction commits, takes
//! in the corpus graph once it is refreshed, and writes the file once at the end (write to a
//! temporary file, then rename). Writes that bypass the records (SPARQL updates, the Graph
//! Store Protocol) delete the file before and after they run.

use crate::document::{Entity, Fact};
use crate::store::read::{self, CorpusOverlay, DocumentRecord, StoredDocument};
use crate::store::{KgStore, Loaded, StoreError, StoreStats};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The index file, in the store directory.
pub const INDEX_FILE: &str = "kgraph-view.bin";
/// Bumped whenever the file layout or what a record holds changes.
/// 2: the corpus overlay.
const INDEX_VERSION: u32 = 2;
const MAGIC: &[u8; 8] = b"KGVIEW\0\0";

/// The records of every document, by id.
#[derive(Debug, Default)]
pub(crate) struct ViewIndex {
    records: BTreeMap<String, DocumentRecord>,
    /// The corpus graph, as of the last refresh.
    corpus: CorpusOverlay,
    /// Whether the file holds exactly these records.
    saved: bool,
}

#[derive(Deserialize)]
struct IndexFile {
    store_format: u32,
    records: Vec<RecordFile>,
    corpus: CorpusOverlay,
}

/// A [`DocumentRecord`] as read (every field present: the encoding is not self-describing).
#[derive(Deserialize)]
struct RecordFile {
    id: String,
    source: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    hash: String,
    sentences: usize,
    entities: Vec<Entity>,
    facts: Vec<Fact>,
    own_triples: usize,
    shared_triples: Vec<u64>,
}

/// [`IndexFile`] as written: borrowed from the index (no copy of the records).
#[derive(Serialize)]
struct IndexFileRef<'a> {
    store_format: u32,
    records: Vec<RecordRef<'a>>,
    corpus: &'a CorpusOverlay,
}

/// [`RecordFile`] borrowed from a [`DocumentRecord`]: the same encoding, field for field.
#[derive(Serialize)]
struct RecordRef<'a> {
    id: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    hash: &'a str,
    sentences: usize,
    entities: &'a [Entity],
    facts: &'a [Fact],
    own_triples: usize,
    shared_triples: &'a [u64],
}

impl<'a> From<&'a DocumentRecord> for RecordRef<'a> {
    fn from(r: &'a DocumentRecord) -> RecordRef<'a> {
        let d = &r.document;
        RecordRef {
            id: &d.id,
            source: &d.source,
            title: d.title.as_deref(),
            date: d.date.as_deref(),
            url: d.url.as_deref(),
            hash: &d.hash,
            sentences: d.sentences,
            entities: &r.entities,
            facts: &r.facts,
            own_triples: r.own_triples,
            shared_triples: &r.shared_triples,
        }
    }
}

impl From<RecordFile> for DocumentRecord {
    fn from(r: RecordFile) -> DocumentRecord {
        let document =
            StoredDocument { id: r.id, source: r.source, title: r.title, date: r.date, url: r.url, hash: r.hash, sentences: r.sentences };
        DocumentRecord { document, entities: r.entities, facts: r.facts, own_triples: r.own_triples, shared_triples: r.shared_triples }
    }
}

fn index_path(store: &KgStore) -> Option<PathBuf> {
    store.path().map(|dir| dir.join(INDEX_FILE))
}

impl ViewIndex {
    /// The index of `store`: from its file when that is current, else read from the store.
    pub fn open(store: &KgStore) -> Result<ViewIndex, StoreError> {
        if let Some(path) = index_path(store) {
            if let Some((records, corpus)) = read_file(&path) {
                let index = ViewIndex { records: records.into_iter().map(|r| (r.document.id.clone(), r)).collect(), corpus, saved: true };
                if index.lists_the_documents_of(store)? {
                    return Ok(index);
                }
            }
        }
        let records = read::read_records(store)?;
        let corpus = read::corpus_overlay(store)?;
        Ok(ViewIndex { records: records.into_iter().map(|r| (r.document.id.clone(), r)).collect(), corpus, saved: false })
    }

    /// Whether the records are those of the documents `store` holds now (same ids and hashes).
    fn lists_the_documents_of(&self, store: &KgStore) -> Result<bool, StoreError> {
        let keys = read::document_keys(store)?;
        Ok(keys.len() == self.records.len()
            && keys.iter().all(|(id, hash, _)| self.records.get(id).is_some_and(|r| r.document.hash == *hash)))
    }

    /// Takes in a committed load: drops the documents it replaced, adds the new record.
    pub fn apply(&mut self, loaded: &Loaded) {
        for id in &loaded.replaced {
            self.saved &= self.records.remove(id).is_none();
        }
        if let Some(record) = &loaded.record {
            self.records.insert(record.document.id.clone(), record.clone());
            self.saved = false;
        }
    }

    /// Takes in a committed removal.
    pub fn remove(&mut self, id: &str) {
        self.saved &= self.records.remove(id).is_none();
    }

    /// Takes in a refreshed corpus graph.
    pub fn set_corpus(&mut self, corpus: CorpusOverlay) {
        if corpus != self.corpus {
            self.corpus = corpus;
            self.saved = false;
        }
    }

    pub fn records(&self) -> impl Iterator<Item = &DocumentRecord> {
        self.records.values()
    }

    pub fn corpus(&self) -> &CorpusOverlay {
        &self.corpus
    }

    /// Writes the file if it is not current (a store in memory has none).
    pub fn save(&mut self, store: &KgStore) -> Result<(), StoreError> {
        let Some(path) = index_path(store) else { return Ok(()) };
        if self.saved {
            return Ok(());
        }
        let file = IndexFileRef {
            store_format: crate::store::STORE_FORMAT_VERSION,
            records: self.records.values().map(RecordRef::from).collect(),
            corpus: &self.corpus,
        };
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&INDEX_VERSION.to_le_bytes());
        let body = postcard::to_allocvec(&file).map_err(|e| StoreError::Io { path: path.clone(), source: std::io::Error::other(e) })?;
        bytes.extend_from_slice(&body);
        write_atomically(&path, &bytes).map_err(|source| StoreError::Io { path, source })?;
        self.saved = true;
        Ok(())
    }

    /// Deletes the file of `store`: a write is about to change the store behind the records.
    pub fn discard(store: &KgStore) -> Result<(), StoreError> {
        let Some(path) = index_path(store) else { return Ok(()) };
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Io { path, source: e }),
            _ => Ok(()),
        }
    }

    /// The store's counts, from the records and the corpus overlay (whose triples describe
    /// entities, so they may repeat what document graphs state); `ontology_triples` from the store.
    pub fn stats(&self, ontology_triples: usize) -> StoreStats {
        let mut entities = HashSet::new();
        let mut shared: HashSet<u64> = self.corpus.triple_hashes.iter().copied().collect();
        let mut stats = StoreStats { documents: self.records.len(), ontology_triples, ..StoreStats::default() };
        for r in self.records.values() {
            entities.extend(r.entities.iter().map(|e| e.id.as_str()));
            shared.extend(r.shared_triples.iter().copied());
            stats.facts += r.facts.len();
            stats.plain_facts += r.facts.iter().filter(|f| f.is_plain()).count();
            stats.triples += r.own_triples;
        }
        stats.entities = entities.len();
        stats.triples += shared.len();
        stats
    }
}

/// The records and corpus overlay in the file at `path`, if it is there and of this version.
fn read_file(path: &Path) -> Option<(Vec<DocumentRecord>, CorpusOverlay)> {
    let bytes = std::fs::read(path).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, body) = rest.split_at_checked(4)?;
    if version != INDEX_VERSION.to_le_bytes() {
        return None;
    }
    let file: IndexFile = postcard::from_bytes(body).ok()?;
    (file.store_format == crate::store::STORE_FORMAT_VERSION)
        .then(|| (file.records.into_iter().map(DocumentRecord::from).collect(), file.corpus))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: readers see
/// the old file or the new one, never half of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
