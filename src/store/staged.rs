//! Loading many documents at once (`kgraph build`): documents new to the store are staged and
//! written through oxigraph's bulk loader in large batches (sorted files handed to RocksDB)
//! instead of one write batch each; every other document takes [`KgStore::load_prepared`]'s
//! transactional path, as a single load does.
//!
//! In: documents with their [`PreparedGraph`]s, in input order. Out: each document's
//! [`LoadOutcome`] at once, and the [`Loaded`] records of the documents that reached the store,
//! as they reach it (a staged document's only when its batch commits).
//!
//! A document is wholly in the store or not at all: a batch commits atomically (one ingestion
//! across every index) or not at all, and a batch that is dropped (an error, a panic) leaves
//! nothing behind. Staged documents are invisible to the store's lookups until they commit, so
//! [`Staging`] keeps their ids, hashes and sources: a later document that is a copy of a staged
//! one is unchanged, as it would be after the commit, and one that would replace a staged one
//! waits for the staged documents to commit and then goes through the transactional path.
//! Decisions are therefore the ones loading the documents one by one in order would make.
//!
//! One batch is turned into sorted files on a thread of the bulk loader while the next batch is
//! being staged; the batch is committed when the next is handed over, or by [`Staging::finish`].

use super::{KgStore, LoadOutcome, Loaded, Placement, PreparedGraph, StoreError};
use crate::document::Document;
use oxigraph::model::Quad;
use oxigraph::store::BulkLoader;
use std::collections::{HashMap, HashSet};

/// Quads staged before they are handed to the bulk loader: a batch's sorted files then hold a
/// few hundred thousand keys per index, and the loader's memory stays around 200 MB.
const BATCH_QUADS: usize = 400_000;

/// A last batch of at least this many quads is sorted on several threads ([`Staging::finish`]);
/// a smaller one is not worth the extra files.
const SPLIT_QUADS: usize = 20_000;

/// A staged document: what identifies it to later documents, and its record for the caller.
struct StagedDocument {
    id: String,
    source: String,
    loaded: Loaded,
}

/// A batch handed to the bulk loader and not yet committed.
struct InFlight<'a> {
    loader: BulkLoader<'a>,
    documents: Vec<StagedDocument>,
}

/// Documents on their way into a store; see the module documentation.
pub struct Staging<'a> {
    store: &'a KgStore,
    /// Quads of the documents staged since the last batch was handed over, one vector per
    /// document as it was prepared: moved in whole, never appended to one growing vector (every
    /// doubling of that copied the batch so far into freshly faulted memory), and copied once,
    /// into the bulk loader's own batch.
    quads: Vec<Vec<Quad>>,
    /// How many quads `quads` holds.
    staged_quads: usize,
    documents: Vec<StagedDocument>,
    in_flight: Option<InFlight<'a>>,
    /// Id → hash and the sources of every document staged or in flight.
    hashes: HashMap<String, String>,
    sources: HashSet<String>,
    batch_quads: usize,
    /// A last batch of at least this many quads is sorted on every core ([`SPLIT_QUADS`]).
    split_quads: usize,
}

impl<'a> Staging<'a> {
    pub fn new(store: &'a KgStore) -> Staging<'a> {
        Staging::with_batch(store, BATCH_QUADS)
    }

    /// A staging that hands over a batch every `batch_quads` quads (tests use small batches).
    pub fn with_batch(store: &'a KgStore, batch_quads: usize) -> Staging<'a> {
        Staging {
            store,
            quads: Vec::new(),
            staged_quads: 0,
            documents: Vec::new(),
            in_flight: None,
            hashes: HashMap::new(),
            sources: HashSet::new(),
            batch_quads: batch_quads.max(1),
            split_quads: SPLIT_QUADS,
        }
    }

    /// Loads one document: an unchanged one is skipped, a new one is staged, any other is
    /// written now in its own transaction. Documents that reached the store during the call
    /// are pushed onto `committed`, also when the call then fails.
    pub fn load(&mut self, doc: &Document, prepared: PreparedGraph, committed: &mut Vec<Loaded>) -> Result<LoadOutcome, StoreError> {
        if let Some(hash) = self.hashes.get(&doc.id) {
            if *hash == doc.hash {
                return Ok(LoadOutcome::Unchanged);
            }
        }
        if self.hashes.contains_key(&doc.id) || (doc.source != "-" && self.sources.contains(&doc.source)) {
            // it replaces a staged document: that one must be in the store first
            self.commit(committed)?;
        }
        match self.store.placement(doc, &prepared.graph)? {
            Placement::Unchanged => Ok(LoadOutcome::Unchanged),
            Placement::Fresh => {
                self.stage(doc, prepared, committed)?;
                Ok(LoadOutcome::Added)
            }
            Placement::Replace { outcome, older } => {
                // an in-memory store's bulk loader holds its one write lock until it commits
                self.land(committed)?;
                committed.push(self.store.replace_prepared(prepared, outcome, older)?);
                Ok(outcome)
            }
        }
    }

    /// Commits everything staged; pushes the documents onto `committed`.
    pub fn finish(mut self, committed: &mut Vec<Loaded>) -> Result<(), StoreError> {
        self.commit(committed)
    }

    fn stage(&mut self, doc: &Document, prepared: PreparedGraph, committed: &mut Vec<Loaded>) -> Result<(), StoreError> {
        self.hashes.insert(doc.id.clone(), doc.hash.clone());
        if doc.source != "-" {
            self.sources.insert(doc.source.clone());
        }
        self.staged_quads += prepared.quads.len();
        self.quads.push(prepared.quads);
        let loaded = Loaded { outcome: LoadOutcome::Added, replaced: Vec::new(), record: prepared.record };
        self.documents.push(StagedDocument { id: doc.id.clone(), source: doc.source.clone(), loaded });
        if self.staged_quads >= self.batch_quads {
            self.hand_over(committed, 1)?;
        }
        Ok(())
    }

    /// Commits the batch in flight, then hands the staged quads to a new bulk loader, which
    /// sorts them on `threads` threads of its own (each takes a part of the quads; the parts
    /// still commit as one ingestion).
    fn hand_over(&mut self, committed: &mut Vec<Loaded>, threads: usize) -> Result<(), StoreError> {
        self.land(committed)?;
        if self.documents.is_empty() {
            return Ok(());
        }
        let threads = if self.staged_quads >= self.split_quads { threads.max(1) } else { 1 };
        let mut loader = self.store.store.bulk_loader().with_num_threads(threads);
        let documents = std::mem::take(&mut self.documents);
        let mut chunks = std::mem::take(&mut self.quads).into_iter().peekable();
        let part = std::mem::take(&mut self.staged_quads).div_ceil(threads).max(1);
        // one call per part of about `part` quads (whole documents): each starts a sorting thread
        // (oxigraph's loader sorts what one call hands it on one thread)
        while chunks.peek().is_some() {
            let mut taken = 0;
            let in_part = std::iter::from_fn(|| {
                if taken >= part {
                    return None;
                }
                let chunk = chunks.next()?;
                taken += chunk.len();
                Some(chunk)
            });
            loader.load_quads(in_part.flatten()).map_err(StoreError::Storage)?;
        }
        self.in_flight = Some(InFlight { loader, documents });
        Ok(())
    }

    /// Commits the batch in flight, if any.
    fn land(&mut self, committed: &mut Vec<Loaded>) -> Result<(), StoreError> {
        let Some(batch) = self.in_flight.take() else { return Ok(()) };
        batch.loader.commit().map_err(StoreError::Storage)?;
        for doc in batch.documents {
            self.hashes.remove(&doc.id);
            self.sources.remove(&doc.source);
            committed.push(doc.loaded);
        }
        Ok(())
    }

    /// Everything staged reaches the store. Nothing else runs meanwhile (the caller waits for
    /// the commit), so the last batch is sorted on every core.
    fn commit(&mut self, committed: &mut Vec<Loaded>) -> Result<(), StoreError> {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        self.hand_over(committed, cores)?;
        self.land(committed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Entity, EntityType};
    use crate::ontology::vocab::DEFAULT_BASE;

    /// An invented document of `source` holding `text`, describing one entity.
    fn doc(source: &str, text: &str, entity: &str) -> (Document, Vec<Entity>) {
        let document = crate::source::SourceText::from_string(source, text).into_document();
        let id = entity.to_lowercase().replace(' ', "_");
        let entity = Entity { id, label: entity.into(), kind: EntityType::Person, aliases: vec![], wikidata: None, merges: vec![] };
        (document, vec![entity])
    }

    /// New files, a copy of a staged one, a new version of a staged one, a new version of
    /// one the store held before, and standard input twice.
    fn sequence() -> Vec<(Document, Vec<Entity>)> {
        vec![
            doc("a.txt", "Mira Olsen visited the harbour.", "Mira Olsen"),
            doc("b.txt", "Tomas Brill opened a bakery.", "Tomas Brill"),
            doc("copy-of-a.txt", "Mira Olsen visited the harbour.", "Mira Olsen"),
            doc("a.txt", "Mira Olsen left the harbour.", "Mira Olsen"),
            doc("held.txt", "Ines Varga sold the mill again.", "Ines Varga"),
            doc("-", "Pavel Ruud painted a fence.", "Pavel Ruud"),
            doc("-", "Pavel Ruud painted a gate.", "Pavel Ruud"),
            doc("c.txt", "Lena Hovik repaired the bridge.", "Lena Hovik"),
        ]
    }

    /// A store holding an older version of `held.txt`.
    fn seeded(store: &KgStore) {
        let (held, entities) = doc("held.txt", "Ines Varga bought the mill.", "Ines Varga");
        store.load_document(&held, &entities, &[]).unwrap();
    }

    /// What loading one by one does, and what staging with `batch_quads` does: the outcomes,
    /// the records that reached the store (by id, with what each replaced), the quads.
    fn both_ways(one_by_one: &KgStore, staged: &KgStore, batch_quads: usize, split_quads: usize) {
        seeded(one_by_one);
        seeded(staged);
        let mut expected = (Vec::new(), Vec::new());
        for (d, entities) in sequence() {
            let loaded = one_by_one.load_document_record(&d, &entities, &[]).unwrap();
            expected.0.push(loaded.outcome);
            if let Some(r) = &loaded.record {
                expected.1.push((r.document.id.clone(), loaded.replaced.clone()));
            }
        }
        let mut staging = Staging::with_batch(staged, batch_quads);
        staging.split_quads = split_quads;
        let (mut outcomes, mut committed) = (Vec::new(), Vec::new());
        for (d, entities) in sequence() {
            let prepared = PreparedGraph::new(staged.base(), &d, &entities, &[], &Default::default());
            outcomes.push(staging.load(&d, prepared, &mut committed).unwrap());
        }
        staging.finish(&mut committed).unwrap();
        use LoadOutcome::*;
        assert_eq!(expected.0, [Added, Added, Unchanged, Replaced, Replaced, Added, Added, Added]);
        assert_eq!(outcomes, expected.0, "batch of {batch_quads} quads");
        let mut got: Vec<(String, Vec<String>)> =
            committed.iter().map(|l| (l.record.as_ref().unwrap().document.id.clone(), l.replaced.clone())).collect();
        got.sort();
        expected.1.sort();
        assert_eq!(got, expected.1, "batch of {batch_quads} quads");
        assert_eq!(staged.sorted_quads(true).unwrap(), one_by_one.sorted_quads(true).unwrap(), "batch of {batch_quads} quads");
        assert_eq!(read::read_records(staged).unwrap(), read::read_records(one_by_one).unwrap());
    }

    use super::super::read;

    #[test]
    fn staging_decides_and_stores_as_loading_one_by_one() {
        // the last batch sorted in parts (split_quads 1) stores the same
        for (batch_quads, split_quads) in [(1, SPLIT_QUADS), (7, SPLIT_QUADS), (1_000_000, SPLIT_QUADS), (1_000_000, 1)] {
            let (a, b) = (KgStore::in_memory(DEFAULT_BASE).unwrap(), KgStore::in_memory(DEFAULT_BASE).unwrap());
            both_ways(&a, &b, batch_quads, split_quads);
        }
    }

    #[cfg(feature = "rocksdb")]
    #[test]
    fn staging_on_disk_decides_and_stores_as_loading_one_by_one() {
        for (batch_quads, split_quads) in [(1, SPLIT_QUADS), (7, SPLIT_QUADS), (1_000_000, SPLIT_QUADS), (1_000_000, 1)] {
            let dir = tempfile::tempdir().unwrap();
            let a = KgStore::open(&dir.path().join("one-by-one"), DEFAULT_BASE).unwrap();
            let b = KgStore::open(&dir.path().join("staged"), DEFAULT_BASE).unwrap();
            both_ways(&a, &b, batch_quads, split_quads);
        }
    }

    /// Files of batches that were sorted but not ingested.
    #[cfg(feature = "rocksdb")]
    fn unfinished_batches(path: &std::path::Path) -> Vec<String> {
        let names = std::fs::read_dir(path).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.filter(|n| n.starts_with("bulk-")).collect()
    }

    #[cfg(feature = "rocksdb")]
    #[test]
    fn documents_whose_batch_does_not_commit_leave_the_store_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let store = KgStore::open(&path, DEFAULT_BASE).unwrap();
        seeded(&store);
        let before = store.sorted_quads(true).unwrap();
        // dropped before it commits (a later document's error, a panic): its batch handed over
        // to the loader (1 quad a batch) or still staged (a million)
        for batch_quads in [1, 1_000_000] {
            let mut staging = Staging::with_batch(&store, batch_quads);
            let mut committed = Vec::new();
            let (d, entities) = doc("new.txt", "Ada Kern planted an orchard.", "Ada Kern");
            let prepared = PreparedGraph::new(store.base(), &d, &entities, &[], &Default::default());
            assert_eq!(staging.load(&d, prepared, &mut committed).unwrap(), LoadOutcome::Added);
            drop(staging);
            assert!(committed.is_empty());
            assert_eq!(store.sorted_quads(true).unwrap(), before);
            assert_eq!(unfinished_batches(&path), Vec::<String>::new());
        }
        store.flush().unwrap();
        drop(store);

        // a store that cannot take the batch (opened read-only): the commit fails, nothing lands
        let store = KgStore::open_read_only(&path, DEFAULT_BASE).unwrap();
        let mut staging = Staging::with_batch(&store, 1);
        let mut committed = Vec::new();
        let (d, entities) = doc("new.txt", "Ada Kern planted an orchard.", "Ada Kern");
        let prepared = PreparedGraph::new(store.base(), &d, &entities, &[], &Default::default());
        assert_eq!(staging.load(&d, prepared, &mut committed).unwrap(), LoadOutcome::Added);
        assert!(staging.finish(&mut committed).is_err());
        assert!(committed.is_empty());
        assert_eq!(store.sorted_quads(true).unwrap(), before);
        drop(store);
        assert_eq!(unfinished_batches(&path), Vec::<String>::new());
        let store = KgStore::open(&path, DEFAULT_BASE).unwrap();
        assert_eq!(store.sorted_quads(true).unwrap(), before);
        assert_eq!(read::documents(&store).unwrap().len(), 1);
    }
}
