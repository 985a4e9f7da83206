//! Gazetteer: countries (names, aliases, demonyms, capitals), cities, international organisations
//! and seats of government, compiled from `../shared/gazetteers` by our own code into
//! `models/gazetteer.bin` (an `fst` map from normalised names to candidate lists, plus a record
//! table). Used by `nlp::ner` (features) and `resolve` (typing, aliases, linking, metonymy).
//!
//! In: token forms (`&[&str]`) or a name. Out: [`GazMatch`]es / [`GazEntry`]s.
//!
//! Matching is case-insensitive on letters and diacritics (`Brasilia` = `Brasília`), ignores full stops
//! (`U.S.` = `US`), but checks capitalisation so common words do not match: acronyms (`US`, `UN`,
//! `NATO`) must be written in capitals (so the pronoun `us` is never the United States), other names
//! must start with a capital letter on every content word.
//!
//! File format (inside the [`crate::nlp::model_file`] envelope, magic `KGGAZETT`, version
//! [`FORMAT_VERSION`]): entry table, candidate lists, then the fst bytes. An fst value holds the
//! candidate list index + 1 in its low 32 bits (0: the key is only the start of longer names) and
//! [`HAS_LONGER`] when a longer name continues the key with another word, so that one lookup per
//! word drives the longest-match scan.
//!
//! Files: this one owns the types and loading the file format; `matching` the key folding,
//! capitalisation checks and lookups; `compile` (feature `train`, `kgraph train gazetteer`)
//! builds the file from the sources in `../shared/gazetteers`.

use crate::document::EntityType;
use crate::nlp::model_file::{self, ModelError, Reader};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[cfg(feature = "train")]
mod compile;
mod matching;

#[cfg(feature = "train")]
pub use compile::{command_line, compile_bytes, compile_gazetteer};
pub use matching::{name_key, push_key_word};
use matching::cand_index;

pub const MAGIC: &[u8; 8] = b"KGGAZETT";
pub const FORMAT_VERSION: u32 = 2;
/// Longest name in tokens that [`Gazetteer::find_spans`] tries.
const MAX_TOKENS: usize = 8;
/// Flag in an fst value: some longer key starts with this key and a space.
const HAS_LONGER: u64 = 1 << 32;

pub(crate) static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../models/gazetteer.bin");

/// How a name reached its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Via {
    /// The canonical or official name.
    Name = 0,
    /// An alternative name or spelling (`United States of America`, `Britain`).
    Alias = 1,
    /// An all-capitals abbreviation (`US`, `UN`, `NATO`); matches only when written in capitals.
    Acronym = 2,
    /// A demonym (`Colombian` → Colombia).
    Demonym = 3,
}

impl Via {
    fn from_u8(v: u8) -> Option<Via> {
        Some(match v {
            0 => Via::Name,
            1 => Via::Alias,
            2 => Via::Acronym,
            3 => Via::Demonym,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Name => "gazetteer-name",
            Via::Alias => "gazetteer-alias",
            Via::Acronym => "gazetteer-acronym",
            Via::Demonym => "demonym",
        }
    }
}

/// One gazetteer record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GazEntry {
    /// Canonical label (`United States`, `Colombia`, `United Nations`, `Brasília`).
    pub label: String,
    pub kind: EntityType,
    /// Wikidata id (`Q30`) when the source has one.
    pub wikidata: Option<String>,
    /// For cities and seats of government: the entry id of their country.
    pub country: Option<u32>,
    pub is_capital: bool,
    /// For seats of government (`White House`, `Kremlin`) and capitals: the country they stand for
    /// when used as an agent (metonymy).
    pub seat_of: Option<u32>,
    /// GeoNames id for cities.
    pub geonames: Option<u32>,
    /// ISO 3166 alpha-2 code for countries, abbreviation for organisations (`UN`), else empty.
    pub code: String,
    /// The main English demonym for countries (`Colombian`), else empty.
    pub demonym: String,
    /// Population for cities (0 when unknown).
    pub population: u64,
}

/// A gazetteer hit in a token sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazMatch {
    /// Token range (end exclusive) in the input words.
    pub tokens: Range<usize>,
    /// Entity type: the entry's kind (`Country` for demonyms too).
    pub kind: EntityType,
    /// Entry id, for [`Gazetteer::entry`].
    pub entry: u32,
    pub via: Via,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    entries: Vec<GazEntry>,
    /// Candidate lists: (entry, via), best first.
    cands: Vec<Vec<(u32, Via)>>,
    map: fst::Map<Vec<u8>>,
}

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{path}:{line}: {msg}")]
    Parse { path: PathBuf, line: usize, msg: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("building the name index: {0}")]
    Fst(#[from] fst::Error),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> GazetteerError + '_ {
    move |source| GazetteerError::Io { path: path.to_owned(), source }
}

impl Gazetteer {
    /// The gazetteer compiled into the binary (loaded once).
    ///
    /// # Panics
    /// Only if the embedded file is corrupt, which the tests rule out for the committed file.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_bytes("models/gazetteer.bin", EMBEDDED_BYTES)
                .expect("embedded models/gazetteer.bin is valid (rebuild with `kgraph train gazetteer`)")
        })
    }

    /// Loads a compiled gazetteer file.
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let bytes = std::fs::read(path).map_err(io_err(path))?;
        Ok(Gazetteer::from_bytes(&path.display().to_string(), &bytes)?)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Gazetteer, ModelError> {
        let payload = model_file::unwrap(name, MAGIC, FORMAT_VERSION, bytes)?;
        let corrupt = |what: &str| ModelError::Corrupt { name: name.to_owned(), what: what.to_owned() };
        let mut r = Reader::new(name, payload);
        let n = r.u32()? as usize;
        if n > payload.len() {
            return Err(corrupt("entry count"));
        }
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let label = r.str()?.to_owned();
            let kind = kind_from_u8(r.u8()?).ok_or_else(|| corrupt("entity kind"))?;
            let wikidata = wikidata_id(r.str()?);
            let country = opt_u32(r.u32()?);
            let is_capital = r.u8()? != 0;
            let seat_of = opt_u32(r.u32()?);
            let geonames = opt_u32(r.u32()?);
            let code = r.str()?.to_owned();
            let demonym = r.str()?.to_owned();
            let population = r.u64()?;
            entries.push(GazEntry { label, kind, wikidata, country, is_capital, seat_of, geonames, code, demonym, population });
        }
        let m = r.u32()? as usize;
        if m > payload.len() {
            return Err(corrupt("candidate list count"));
        }
        let mut cands = Vec::with_capacity(m);
        for _ in 0..m {
            let k = r.u32()? as usize;
            if k > 1024 {
                return Err(corrupt("candidate list length"));
            }
            let mut list = Vec::with_capacity(k);
            for _ in 0..k {
                let e = r.u32()?;
                let via = Via::from_u8(r.u8()?).ok_or_else(|| corrupt("match kind"))?;
                if e as usize >= entries.len() {
                    return Err(corrupt("entry id out of range"));
                }
                list.push((e, via));
            }
            cands.push(list);
        }
        for e in &entries {
            for id in [e.country, e.seat_of].into_iter().flatten() {
                if id as usize >= entries.len() {
                    return Err(corrupt("country id out of range"));
                }
            }
        }
        let fst_bytes = r.bytes()?.to_vec();
        let map = fst::Map::new(fst_bytes).map_err(|e| corrupt(&format!("fst: {e}")))?;
        {
            use fst::{IntoStreamer, Streamer};
            let mut st = map.stream().into_stream();
            while let Some((_, v)) = st.next() {
                if cand_index(v).is_some_and(|i| i >= cands.len()) {
                    return Err(corrupt("candidate index out of range"));
                }
            }
        }
        Ok(Gazetteer { entries, cands, map })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    ///
    /// # Panics
    /// If `id` did not come from this gazetteer.
    pub fn entry(&self, id: u32) -> &GazEntry {
        &self.entries[id as usize]
    }
}

#[cfg(feature = "train")]
fn opt_str(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// A Wikidata item id (`Q` and digits), or nothing: a source row's placeholder such as
/// `[No code found.]` must not become an `owl:sameAs` IRI that RDF parsers reject.
fn wikidata_id(s: &str) -> Option<String> {
    let digits = s.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| s.to_owned())
}
fn opt_u32(v: u32) -> Option<u32> {
    (v != u32::MAX).then_some(v)
}

fn kind_from_u8(v: u8) -> Option<EntityType> {
    EntityType::ALL.get(v as usize).copied()
}

#[cfg(test)]
mod tests;
