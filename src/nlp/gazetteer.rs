//! Gazetteer: countries (names, aliases, demonyms, capitals), cities, international organisations
//! and seats of government, compiled from `../shared/gazetteers` by our own code into
//! `models/gazetteer.bin` (an `fst` map from normalised names to candidate lists, plus a record
//! table). Used by `nlp::ner` (features) and `resolve` (typing, aliases, linking, metonymy).
//!
//! In: token forms (`&[&str]`) or a name. Out: [`GazMatch`]es / [`GazEntry`]s.
//!
//! Matching is case-insensitive on letters and diacritics (`Bogota` = `Bogotá`), ignores full stops
//! (`U.S.` = `US`), but checks capitalisation so common words do not match: acronyms (`US`, `UN`,
//! `NATO`) must be written in capitals (so the pronoun `us` is never the United States), other names
//! must start with a capital letter on every content word.
//!
//! File format (inside the [`crate::nlp::model_file`] envelope, magic `KGGAZETT`, version
//! [`FORMAT_VERSION`]): entry table, candidate lists, then the fst bytes. An fst value holds the
//! candidate list index + 1 in its low 32 bits (0: the key is only the start of longer names) and
//! [`HAS_LONGER`] when a longer name continues the key with another word, so that one lookup per
//! word drives the longest-match scan.

use crate::document::EntityType;
use crate::nlp::model_file::{self, ModelError, Reader, Writer};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub const MAGIC: &[u8; 8] = b"KGGAZETT";
pub const FORMAT_VERSION: u32 = 2;
/// Longest name in tokens that [`Gazetteer::find_spans`] tries.
const MAX_TOKENS: usize = 8;
/// Flag in an fst value: some longer key starts with this key and a space.
const HAS_LONGER: u64 = 1 << 32;

fn cand_index(v: u64) -> Option<usize> {
    let i = (v & 0xffff_ffff) as usize;
    i.checked_sub(1)
}

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../models/gazetteer.bin");

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
    /// Canonical label (`United States`, `Colombia`, `United Nations`, `Bogotá`).
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
    Fst(String),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> GazetteerError + '_ {
    move |source| GazetteerError::Io { path: path.to_owned(), source }
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/// Folds one character for keys into `out`: lowercase, common Latin diacritics removed, curly
/// apostrophes made straight; full stops are dropped.
fn fold_char(c: char, out: &mut String) {
    match c {
        '.' => {}
        '’' | '‘' | '`' | '´' => out.push('\''),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(c),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => out.push('a'),
        'æ' | 'Æ' => out.push_str("ae"),
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => out.push('c'),
        'ď' | 'đ' | 'Đ' | 'Ď' => out.push('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => out.push('e'),
        'ğ' | 'Ğ' => out.push('g'),
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => out.push('i'),
        'ł' | 'Ł' | 'ľ' | 'Ľ' => out.push('l'),
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => out.push('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => out.push('o'),
        'œ' | 'Œ' => out.push_str("oe"),
        'ř' | 'Ř' => out.push('r'),
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => out.push('s'),
        'ß' => out.push_str("ss"),
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => out.push('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => out.push('u'),
        'ý' | 'ÿ' | 'Ý' => out.push('y'),
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => out.push('z'),
        'þ' | 'Þ' => out.push_str("th"),
        'ð' | 'Ð' => out.push('d'),
        c => {
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    }
}

/// Appends the key form of one word (lowercased, folded, full stops dropped).
pub fn push_key_word(word: &str, out: &mut String) {
    for c in word.chars() {
        fold_char(c, out);
    }
}

/// The key of a whole name: words split on whitespace, each folded, joined by one space.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        let before = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        push_key_word(w, &mut out);
        if out.len() == start {
            out.truncate(before);
        }
    }
    out
}

/// Lowercase words that may appear inside a name without a capital (`Republic of Colombia`).
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "for" | "on" | "de" | "da" | "do" | "del" | "la" | "le" | "el" | "al" | "du" | "des"
            | "di" | "in" | "&" | "-" | "y" | "'s" | "’s" | "to" | "at" | "an"
    )
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// All letters uppercase and at least one letter.
fn all_caps(w: &str) -> bool {
    let mut any = false;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            any = true;
        }
    }
    any
}

fn case_ok(words: &[&str], via: Via) -> bool {
    match via {
        Via::Acronym => words.iter().all(|w| all_caps(w) || !w.chars().any(char::is_alphabetic)),
        _ => {
            starts_upper(words[0])
                && words[1..].iter().all(|w| starts_upper(w) || is_connector(w) || !w.chars().any(char::is_alphabetic))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Runtime

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
            let wikidata = opt_str(r.str()?);
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

    /// All candidates for a name, best first, ignoring capitalisation rules.
    pub fn candidates(&self, name: &str) -> &[(u32, Via)] {
        let key = name_key(name);
        match self.map.get(key.as_bytes()).and_then(cand_index) {
            Some(i) => &self.cands[i],
            None => &[],
        }
    }

    /// Best entry for a name (any spelling, alias or acronym; demonyms excluded).
    pub fn lookup(&self, name: &str) -> Option<&GazEntry> {
        self.lookup_id(name).map(|i| self.entry(i))
    }

    /// Like [`Gazetteer::lookup`], returning the id.
    pub fn lookup_id(&self, name: &str) -> Option<u32> {
        self.candidates(name).iter().find(|(_, v)| *v != Via::Demonym).map(|&(e, _)| e)
    }

    /// The country of a demonym (`Colombian`, `Colombians` → Colombia).
    pub fn demonym(&self, word: &str) -> Option<&GazEntry> {
        self.demonym_id(word).map(|i| self.entry(i))
    }

    pub fn demonym_id(&self, word: &str) -> Option<u32> {
        self.candidates(word).iter().find(|(_, v)| *v == Via::Demonym).map(|&(e, _)| e)
    }

    /// The country an entry stands for when it acts as an agent: itself for countries, the
    /// country for capitals and seats of government, `None` otherwise.
    pub fn agent_country(&self, id: u32) -> Option<u32> {
        let e = self.entry(id);
        match e.kind {
            EntityType::Country => Some(id),
            _ if e.seat_of.is_some() => e.seat_of,
            _ => None,
        }
    }

    /// Longest left-to-right matches in a token sequence. Each token belongs to at most one match.
    pub fn find_spans(&self, words: &[&str]) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < words.len() {
            if !starts_upper(words[i]) {
                i += 1;
                continue;
            }
            key.clear();
            let mut best: Option<GazMatch> = None;
            let mut j = i;
            while j < words.len() && j - i < MAX_TOKENS {
                let before = key.len();
                if j > i {
                    key.push(' ');
                }
                push_key_word(words[j], &mut key);
                if key.len() == before + usize::from(j > i) {
                    // the word was only full stops: not part of a name
                    break;
                }
                j += 1;
                let Some(v) = self.map.get(key.as_bytes()) else { break };
                if let Some(ci) = cand_index(v)
                    && let Some(&(e, via)) = self.cands[ci].iter().find(|&&(_, via)| case_ok(&words[i..j], via)) {
                        let kind = if via == Via::Demonym { EntityType::Country } else { self.entries[e as usize].kind };
                        best = Some(GazMatch { tokens: i..j, kind, entry: e, via });
                    }
                if v & HAS_LONGER == 0 {
                    break;
                }
            }
            match best {
                Some(m) => {
                    i = m.tokens.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }
}

fn opt_str(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}
fn opt_u32(v: u32) -> Option<u32> {
    (v != u32::MAX).then_some(v)
}

fn kind_to_u8(k: EntityType) -> u8 {
    EntityType::ALL.iter().position(|&t| t == k).unwrap_or(0) as u8
}
fn kind_from_u8(v: u8) -> Option<EntityType> {
    EntityType::ALL.get(v as usize).copied()
}

// ---------------------------------------------------------------------------------------------
// Compiler

/// Seats of government and other buildings that stand for a country's government:
/// (name, aliases, ISO alpha-2 of the country, Wikidata id or "", kind).
const SEATS: &[(&str, &[&str], &str, &str, EntityType)] = &[
    ("White House", &[], "US", "Q35525", EntityType::Location),
    ("Oval Office", &[], "US", "", EntityType::Location),
    ("Kremlin", &["Moscow Kremlin"], "RU", "", EntityType::Location),
    ("Downing Street", &["10 Downing Street", "Number 10"], "GB", "", EntityType::Location),
    ("Élysée Palace", &["Elysee", "Élysée"], "FR", "", EntityType::Location),
    ("Zhongnanhai", &[], "CN", "", EntityType::Location),
    ("Casa Rosada", &[], "AR", "", EntityType::Location),
    ("Casa de Nariño", &["Casa de Narino"], "CO", "", EntityType::Location),
    ("Miraflores Palace", &["Miraflores"], "VE", "", EntityType::Location),
    ("Pentagon", &[], "US", "", EntityType::GovernmentBody),
    ("Capitol Hill", &[], "US", "", EntityType::Location),
];

/// Continents and regions (kind Location), so that `South America` is not read as `America`:
/// (name, aliases, Wikidata id or "").
const REGIONS: &[(&str, &[&str], &str)] = &[
    ("Africa", &[], "Q15"),
    ("Europe", &[], "Q46"),
    ("Asia", &[], "Q48"),
    ("North America", &[], "Q49"),
    ("South America", &[], "Q18"),
    ("Antarctica", &[], "Q51"),
    ("Latin America", &[], "Q12585"),
    ("Central America", &[], "Q27611"),
    ("Middle East", &["Mideast"], "Q7204"),
    ("Oceania", &[], ""),
    ("Caribbean", &[], ""),
    ("Southeast Asia", &["South-East Asia"], ""),
    ("Central Asia", &[], ""),
    ("East Asia", &[], ""),
    ("Western Europe", &[], ""),
    ("Eastern Europe", &[], ""),
    ("Balkans", &[], ""),
    ("Sahel", &[], ""),
    ("Gaza Strip", &[], ""),
    ("West Bank", &[], ""),
    ("Persian Gulf", &[], ""),
    ("Horn of Africa", &[], ""),
    ("Sub-Saharan Africa", &[], ""),
    ("Arctic", &[], ""),
    ("Americas", &[], ""),
];

/// Extra aliases the sources lack: (alias, ISO alpha-2 of the country).
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("America", "US"),
    ("U.S.A.", "US"),
    ("United States of America", "US"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("UK", "GB"),
    ("Holland", "NL"),
    ("Czech Republic", "CZ"),
    ("Burma", "MM"),
    ("Ivory Coast", "CI"),
    ("Turkey", "TR"),
    ("UAE", "AE"),
    ("Congo-Kinshasa", "CD"),
];

/// Two-letter alternative spellings kept as acronyms (others, like `CO`, are codes, not names).
const TWO_LETTER_KEEP: &[&str] = &["US", "UK"];

/// Extra city aliases: (alias, city name as in GeoNames, ISO alpha-2).
const CITY_ALIASES: &[(&str, &str, &str)] = &[
    ("Washington D.C.", "Washington", "US"),
    ("Washington DC", "Washington", "US"),
    ("Kiev", "Kyiv", "UA"),
    ("New York", "New York City", "US"),
    ("Peking", "Beijing", "CN"),
    ("Bombay", "Mumbai", "IN"),
];

/// Non-capital city names that are common words or first names (`Mobile`, `Eugene`): dropped.
const CITY_STOP: &[&str] = &[
    "mobile", "split", "reading", "nice", "independence", "orange", "surprise", "temple", "bend", "batman", "norman",
    "irving", "eugene", "tyler", "allen", "gilbert", "warren", "jackson", "lincoln", "kent", "florence", "victoria",
    "hamilton", "march", "mission", "deal", "hope", "enterprise", "pearland", "aurora", "columbia", "cary",
    "concord", "chandler", "henderson", "murray", "sandy", "league city", "spring", "union", "paradise", "sale",
    "lagos de moreno", "of", "cape coral", "carmel", "troy", "marina", "santa", "victoria de durango", "bat",
    "gary", "taylor", "pasadena", "davis", "lawrence", "warwick", "preston", "luton", "salem", "lafayette",
];

struct Builder {
    entries: Vec<GazEntry>,
    /// key → (priority, entry, via); sorted and deduplicated at the end.
    keys: BTreeMap<String, Vec<(u32, u32, Via)>>,
}

impl Builder {
    fn add_entry(&mut self, e: GazEntry) -> u32 {
        self.entries.push(e);
        (self.entries.len() - 1) as u32
    }

    /// Adds a name for an entry; names with characters the tokenizer would split or that do not
    /// fold to ASCII are skipped.
    fn add_key(&mut self, name: &str, entry: u32, via: Via, prio: u32) {
        let name = name.trim();
        if name.is_empty() || name.contains([',', '(', ')', '/', ';', '"']) {
            return;
        }
        let key = name_key(name);
        if key.is_empty() || !key.is_ascii() {
            return;
        }
        let via = if via != Via::Demonym && name.chars().count() >= 2 && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && !name.contains(' ') {
            Via::Acronym
        } else {
            via
        };
        let list = self.keys.entry(key).or_default();
        if !list.iter().any(|&(_, e, v)| e == entry && v == via) {
            list.push((prio, entry, via));
        }
    }

    fn finish(mut self) -> Result<Vec<u8>, GazetteerError> {
        let mut w = Writer::default();
        w.u32(self.entries.len() as u32);
        for e in &self.entries {
            w.str(&e.label);
            w.u8(kind_to_u8(e.kind));
            w.str(e.wikidata.as_deref().unwrap_or(""));
            w.u32(e.country.unwrap_or(u32::MAX));
            w.u8(u8::from(e.is_capital));
            w.u32(e.seat_of.unwrap_or(u32::MAX));
            w.u32(e.geonames.unwrap_or(u32::MAX));
            w.str(&e.code);
            w.str(&e.demonym);
            w.u64(e.population);
        }
        // every key, and every word-prefix of a longer key, with its flags
        let mut values: BTreeMap<String, u64> = BTreeMap::new();
        w.u32(self.keys.len() as u32);
        for (i, (key, list)) in self.keys.iter_mut().enumerate() {
            list.sort_by_key(|&(p, e, v)| (p, v, e));
            let mut seen = Vec::new();
            list.retain(|&(_, e, v)| {
                let k = (e, v == Via::Demonym);
                if seen.contains(&k) {
                    false
                } else {
                    seen.push(k);
                    true
                }
            });
            list.truncate(64);
            w.u32(list.len() as u32);
            for &(_, e, v) in list.iter() {
                w.u32(e);
                w.u8(v as u8);
            }
            *values.entry(key.clone()).or_insert(0) |= i as u64 + 1;
            for (pos, _) in key.match_indices(' ') {
                *values.entry(key[..pos].to_owned()).or_insert(0) |= HAS_LONGER;
            }
        }
        let mut fb = fst::MapBuilder::memory();
        for (key, v) in &values {
            fb.insert(key.as_bytes(), *v).map_err(|e| GazetteerError::Fst(e.to_string()))?;
        }
        let fst_bytes = fb.into_inner().map_err(|e| GazetteerError::Fst(e.to_string()))?;
        w.bytes(&fst_bytes);
        Ok(model_file::wrap(MAGIC, FORMAT_VERSION, &w.buf))
    }
}

/// Minimal CSV record splitter (RFC 4180 quotes, no embedded newlines).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn yaml_scalar(v: &str) -> &str {
    let v = v.trim();
    let v = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')).unwrap_or(v);
    let v = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(v);
    if v == "null" || v == "~" { "" } else { v }
}

/// Reads the SupraVerden list: top-level `Name:` keys with indented `Field: value` lines.
fn read_org_yaml(path: &Path) -> Result<Vec<HashMap<String, String>>, GazetteerError> {
    let text = std::fs::read_to_string(path).map_err(io_err(path))?;
    let mut out: Vec<HashMap<String, String>> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') || line.starts_with("---") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("? ") {
            let mut m = HashMap::new();
            m.insert("_key".to_owned(), rest.trim().to_owned());
            out.push(m);
            continue;
        }
        let field = if let Some(rest) = line.strip_prefix(": ") {
            Some(rest)
        } else if line.starts_with(' ') {
            Some(line.trim_start())
        } else {
            let key = line.strip_suffix(':').ok_or_else(|| GazetteerError::Parse {
                path: path.to_owned(),
                line: n + 1,
                msg: "expected `Name:` at the start of a record".into(),
            })?;
            let mut m = HashMap::new();
            m.insert("_key".to_owned(), yaml_scalar(key).to_owned());
            out.push(m);
            None
        };
        if let Some(f) = field {
            if f.starts_with("- ") {
                continue; // list items (LEI_bic): not needed
            }
            let Some(rec) = out.last_mut() else {
                return Err(GazetteerError::Parse { path: path.to_owned(), line: n + 1, msg: "field before any record".into() });
            };
            if let Some((k, v)) = f.split_once(':') {
                rec.insert(k.trim().to_owned(), yaml_scalar(v).to_owned());
            }
        }
    }
    Ok(out)
}

/// Compiles the shared gazetteers (`shared_dir` = `…/shared/gazetteers`) into `out_path`.
/// Returns the number of entries written.
pub fn compile_gazetteer(shared_dir: &Path, out_path: &Path) -> Result<usize, GazetteerError> {
    let bytes = compile_bytes(shared_dir)?;
    let n = u32::from_le_bytes(bytes[12..16].try_into().expect("header"));
    if let Some(parent) = out_path.parent()
        && !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
    std::fs::write(out_path, &bytes).map_err(io_err(out_path))?;
    Ok(n as usize)
}

/// Compiles the gazetteer into the bytes of a model file.
pub fn compile_bytes(shared_dir: &Path) -> Result<Vec<u8>, GazetteerError> {
    let mut b = Builder { entries: Vec::new(), keys: BTreeMap::new() };

    // --- country codes: cca3 → (wikidata, capital name, CLDR display name, UNTERM short)
    let cc_path = shared_dir.join("country-codes/country-codes.csv");
    let cc_text = std::fs::read_to_string(&cc_path).map_err(io_err(&cc_path))?;
    let mut lines = cc_text.lines();
    let header = csv_fields(lines.next().unwrap_or_default());
    let col = |name: &str| -> Result<usize, GazetteerError> {
        header.iter().position(|h| h == name).ok_or_else(|| GazetteerError::Parse {
            path: cc_path.clone(),
            line: 1,
            msg: format!("missing column {name:?}"),
        })
    };
    let (c3, cwd, ccap, ccldr) = (col("ISO3166-1-Alpha-3")?, col("wikidata_id")?, col("Capital")?, col("CLDR display name")?);
    let mut codes: HashMap<String, (String, String, String)> = HashMap::new();
    for (n, line) in lines.enumerate() {
        let f = csv_fields(line);
        if f.len() < header.len() {
            return Err(GazetteerError::Parse { path: cc_path.clone(), line: n + 2, msg: format!("{} fields, expected {}", f.len(), header.len()) });
        }
        let wd = f[cwd].rsplit('/').next().unwrap_or("").to_owned();
        codes.insert(f[c3].clone(), (wd, f[ccap].clone(), f[ccldr].clone()));
    }

    // --- countries
    let c_path = shared_dir.join("countries/countries.json");
    let c_text = std::fs::read_to_string(&c_path).map_err(io_err(&c_path))?;
    let countries: serde_json::Value = serde_json::from_str(&c_text)
        .map_err(|e| GazetteerError::Parse { path: c_path.clone(), line: e.line(), msg: e.to_string() })?;
    let countries = countries.as_array().ok_or_else(|| GazetteerError::Parse { path: c_path.clone(), line: 1, msg: "expected a JSON array".into() })?;
    let mut by_cca2: HashMap<String, u32> = HashMap::new();
    let mut capitals: Vec<(u32, Vec<String>)> = Vec::new();
    for c in countries {
        let s = |p: &str| c.pointer(p).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        let common = s("/name/common");
        let cca2 = s("/cca2");
        let cca3 = s("/cca3");
        if common.is_empty() || cca2.is_empty() {
            continue;
        }
        let independent = c.get("independent").and_then(|v| v.as_bool()).unwrap_or(false);
        let prio = if independent { 0 } else { 3 };
        let (wd, cap_cc, cldr) = codes.get(&cca3).cloned().unwrap_or_default();
        let demonym = s("/demonyms/eng/m");
        let id = b.add_entry(GazEntry {
            label: common.clone(),
            kind: EntityType::Country,
            wikidata: opt_str(&wd),
            code: cca2.clone(),
            demonym: demonym.clone(),
            ..Default::default()
        });
        by_cca2.insert(cca2.clone(), id);
        b.add_key(&common, id, Via::Name, prio);
        b.add_key(&s("/name/official"), id, Via::Alias, prio + 1);
        if let Some(alts) = c.get("altSpellings").and_then(|v| v.as_array()) {
            for a in alts.iter().filter_map(|v| v.as_str()) {
                if a.chars().count() <= 2 && !TWO_LETTER_KEEP.contains(&a) {
                    continue;
                }
                b.add_key(a, id, Via::Alias, prio + 1);
            }
        }
        if cldr.chars().count() > 2 || TWO_LETTER_KEEP.contains(&cldr.as_str()) {
            b.add_key(&cldr, id, Via::Alias, prio + 1);
        }
        for g in ["m", "f"] {
            let d = s(&format!("/demonyms/eng/{g}"));
            if !d.is_empty() {
                b.add_key(&d, id, Via::Demonym, prio + 10);
                if d.ends_with("an") || d.ends_with("i") {
                    b.add_key(&format!("{d}s"), id, Via::Demonym, prio + 10);
                }
            }
        }
        let mut caps: Vec<String> =
            c.get("capital").and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default();
        if !cap_cc.is_empty() && !caps.contains(&cap_cc) {
            caps.push(cap_cc);
        }
        capitals.push((id, caps));
    }
    for &(alias, cc) in COUNTRY_ALIASES {
        if let Some(&id) = by_cca2.get(cc) {
            b.add_key(alias, id, Via::Alias, 1);
        }
    }

    // --- international organisations
    let o_path = shared_dir.join("international-organizations/general_list.yaml");
    for rec in read_org_yaml(&o_path)? {
        let g = |k: &str| rec.get(k).map(String::as_str).unwrap_or("");
        let name = if g("Name_en").is_empty() { g("_key") } else { g("Name_en") };
        if name.is_empty() {
            continue;
        }
        let id = b.add_entry(GazEntry {
            label: name.to_owned(),
            kind: EntityType::InternationalOrganization,
            wikidata: opt_str(g("Wikidata_code")),
            code: g("Abbreviation_en").to_owned(),
            ..Default::default()
        });
        b.add_key(name, id, Via::Name, 1);
        b.add_key(g("_key"), id, Via::Alias, 2);
        for k in ["Name_other_en", "Name_other_2_en", "Name_former_en"] {
            b.add_key(g(k), id, Via::Alias, 2);
        }
        for k in ["Abbreviation_en", "Abbreviation_other_en"] {
            let a = g(k);
            if a.chars().count() >= 2 {
                b.add_key(a, id, Via::Alias, 2);
                if a.chars().all(|c| c.is_ascii_uppercase()) && a.len() <= 4 {
                    // U.N., N.A.T.O.
                    let dotted: String = a.chars().flat_map(|c| [c, '.']).collect();
                    b.add_key(&dotted, id, Via::Alias, 2);
                }
            }
        }
    }

    // --- cities (GeoNames, population ≥ 100,000)
    let g_path = shared_dir.join("geonames/cities15000-pop100k.tsv");
    let g_text = std::fs::read_to_string(&g_path).map_err(io_err(&g_path))?;
    let mut city_by_name: HashMap<(String, String), u32> = HashMap::new();
    let mut capital_city: HashMap<u32, u32> = HashMap::new();
    for (n, line) in g_text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 19 {
            return Err(GazetteerError::Parse { path: g_path.clone(), line: n + 1, msg: format!("{} columns, expected 19", f.len()) });
        }
        let geonameid: u32 = f[0].parse().map_err(|_| GazetteerError::Parse { path: g_path.clone(), line: n + 1, msg: "bad geonameid".into() })?;
        let population: u64 = f[14].parse().unwrap_or(0);
        let capital = f[7] == "PPLC";
        let country = by_cca2.get(f[8]).copied();
        let id = b.add_entry(GazEntry {
            label: f[1].to_owned(),
            kind: EntityType::City,
            country,
            is_capital: capital,
            seat_of: if capital { country } else { None },
            geonames: Some(geonameid),
            population,
            ..Default::default()
        });
        if capital
            && let Some(c) = country {
                capital_city.insert(c, id);
            }
        city_by_name.entry((f[1].to_owned(), f[8].to_owned())).or_insert(id);
        // bigger cities first; capitals before all other cities
        let prio = if capital { 4 } else { 5 + (20 - (population as f64).log2().min(20.0) as u32) };
        for name in [f[1], f[2]] {
            if !capital && CITY_STOP.contains(&name_key(name).as_str()) {
                continue;
            }
            b.add_key(name, id, Via::Name, prio);
        }
    }
    // capitals named in the country sources (also those below 100,000 inhabitants)
    for (country, caps) in capitals {
        for cap in caps {
            let id = match capital_city.get(&country) {
                Some(&id) => id,
                None => {
                    let id = b.add_entry(GazEntry {
                        label: cap.clone(),
                        kind: EntityType::City,
                        country: Some(country),
                        is_capital: true,
                        seat_of: Some(country),
                        ..Default::default()
                    });
                    capital_city.insert(country, id);
                    id
                }
            };
            b.add_key(&cap, id, Via::Alias, 4);
        }
    }
    for &(alias, city, cc) in CITY_ALIASES {
        if let Some(&id) = city_by_name.get(&(city.to_owned(), cc.to_owned())) {
            b.add_key(alias, id, Via::Alias, 4);
        }
    }

    // --- regions
    for &(name, aliases, wd) in REGIONS {
        let id = b.add_entry(GazEntry { label: name.to_owned(), kind: EntityType::Location, wikidata: opt_str(wd), ..Default::default() });
        b.add_key(name, id, Via::Name, 2);
        for a in aliases {
            b.add_key(a, id, Via::Alias, 2);
        }
    }

    // --- seats of government
    for &(name, aliases, cc, wd, kind) in SEATS {
        let country = by_cca2.get(cc).copied();
        let id = b.add_entry(GazEntry {
            label: name.to_owned(),
            kind,
            wikidata: opt_str(wd),
            country,
            seat_of: country,
            ..Default::default()
        });
        b.add_key(name, id, Via::Name, 2);
        for a in aliases {
            b.add_key(a, id, Via::Alias, 2);
        }
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    fn spans(text: &str) -> Vec<(String, EntityType, String, Via)> {
        let words: Vec<&str> = text.split_whitespace().collect();
        g().find_spans(&words)
            .into_iter()
            .map(|m| (words[m.tokens.clone()].join(" "), m.kind, g().entry(m.entry).label.clone(), m.via))
            .collect()
    }

    #[test]
    fn us_aliases_all_reach_the_united_states() {
        for name in ["US", "U.S.", "USA", "U.S.A.", "America", "United States", "United States of America"] {
            let e = g().lookup(name).unwrap_or_else(|| panic!("{name} missing"));
            assert_eq!(e.label, "United States", "{name}");
            assert_eq!(e.wikidata.as_deref(), Some("Q30"));
            assert_eq!(e.kind, EntityType::Country);
        }
        assert_eq!(g().lookup("Colombia").unwrap().wikidata.as_deref(), Some("Q739"));
    }

    #[test]
    fn spans_are_longest_and_case_checked() {
        let got = spans("Petro met officials of the United States and the U.N. in Bogota , not us");
        let labels: Vec<(&str, &str)> = got.iter().map(|(s, _, l, _)| (s.as_str(), l.as_str())).collect();
        assert_eq!(labels, vec![("United States", "United States"), ("U.N.", "United Nations"), ("Bogota", "Bogotá")]);
        // the pronoun `us` and lowercase `america` are not names
        assert!(spans("let us go to america").is_empty());
        assert!(spans("he said it was a nice deal").is_empty());
    }

    #[test]
    fn demonyms_map_to_countries() {
        assert_eq!(g().demonym("Colombian").unwrap().label, "Colombia");
        assert_eq!(g().demonym("Ukrainian").unwrap().label, "Ukraine");
        assert_eq!(g().demonym("Colombians").unwrap().label, "Colombia");
        let got = spans("his Colombian counterpart");
        assert_eq!(got, vec![("Colombian".into(), EntityType::Country, "Colombia".into(), Via::Demonym)]);
        assert!(g().demonym("Colombia").is_none());
        assert!(g().lookup("Colombian").is_none(), "demonyms are not names");
    }

    #[test]
    fn capitals_and_seats_stand_for_their_country() {
        let w = g().lookup_id("Washington").unwrap();
        let e = g().entry(w);
        assert_eq!((e.kind, e.is_capital), (EntityType::City, true));
        assert_eq!(g().entry(g().agent_country(w).unwrap()).label, "United States");
        let wh = g().lookup_id("White House").unwrap();
        assert_eq!(g().entry(wh).wikidata.as_deref(), Some("Q35525"));
        assert_eq!(g().entry(g().agent_country(wh).unwrap()).label, "United States");
        for (seat, country) in [("Kremlin", "Russia"), ("Downing Street", "United Kingdom"), ("Oval Office", "United States"), ("Bogota", "Colombia")] {
            let id = g().lookup_id(seat).unwrap();
            assert_eq!(g().entry(g().agent_country(id).unwrap()).label, country, "{seat}");
        }
        // an ordinary city is no agent
        let lyon = g().lookup_id("Lyon").unwrap();
        assert_eq!(g().agent_country(lyon), None);
        assert_eq!(g().entry(g().entry(lyon).country.unwrap()).label, "France");
    }

    #[test]
    fn organisations_and_acronyms() {
        for (name, label, q) in [("UN", "United Nations", "Q1065"), ("United Nations", "United Nations", "Q1065"), ("NATO", "North Atlantic Treaty Organisation", "Q7184")] {
            let e = g().lookup(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!((e.label.as_str(), e.wikidata.as_deref()), (label, Some(q)), "{name}");
            assert_eq!(e.kind, EntityType::InternationalOrganization);
        }
        // acronyms must be written in capitals
        assert!(spans("the Who and the Un").is_empty());
        assert_eq!(spans("NATO allies")[0].3, Via::Acronym);
    }

    #[test]
    fn regions_are_not_countries() {
        let got = spans("allies in South America and Latin America , not America");
        let labels: Vec<&str> = got.iter().map(|(_, _, l, _)| l.as_str()).collect();
        assert_eq!(labels, vec!["South America", "Latin America", "United States"]);
        assert_eq!(got[0].1, EntityType::Location);
    }

    #[test]
    fn stoplisted_city_words_do_not_match() {
        assert!(g().lookup("Mobile").is_none());
        assert!(spans("Reading the news in Nice weather").is_empty());
    }

    #[test]
    fn corrupt_files_are_typed_errors() {
        assert!(matches!(Gazetteer::from_bytes("x", b"KGGAZETT"), Err(ModelError::BadMagic { .. })));
        let mut bad = EMBEDDED_BYTES[..40].to_vec();
        bad[8] = 9;
        assert!(matches!(Gazetteer::from_bytes("x", &bad), Err(ModelError::Version { found: 9, .. })));
        let trunc = &EMBEDDED_BYTES[..EMBEDDED_BYTES.len() / 2];
        assert!(Gazetteer::from_bytes("x", trunc).is_err());
    }

    #[test]
    fn yaml_and_csv_readers() {
        assert_eq!(csv_fields(r#"a,"b, c",,"d""e""#), vec!["a", "b, c", "", "d\"e"]);
        let dir = std::env::temp_dir().join(format!("kg-gaz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("o.yaml");
        std::fs::write(&p, "Foo Org:\n  Name_en: Foo Org\n  Abbreviation_en: FO\n  LEI_bic:\n  - X\n? Long Name\n: Wikidata_code: Q1\n").unwrap();
        let recs = read_org_yaml(&p).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0]["Abbreviation_en"], "FO");
        assert_eq!(recs[1]["Wikidata_code"], "Q1");
        std::fs::write(&p, "  orphan: 1\n").unwrap();
        assert!(matches!(read_org_yaml(&p), Err(GazetteerError::Parse { line: 1, .. })));
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Rebuilds from ../shared when present and checks the committed file is current.
    #[test]
    fn compiled_file_matches_sources() {
        let shared = PathBuf::from("../shared/gazetteers");
        let shared = if shared.exists() { shared } else { PathBuf::from("/work/shared/gazetteers") };
        if !shared.exists() {
            return;
        }
        let bytes = compile_bytes(&shared).unwrap();
        let fresh = Gazetteer::from_bytes("fresh", &bytes).unwrap();
        assert!(fresh.len() > 6000, "{}", fresh.len());
        assert!(bytes == EMBEDDED_BYTES, "models/gazetteer.bin is stale: rebuild it with compile_gazetteer");
        // compiling is deterministic
        assert!(compile_bytes(&shared).unwrap() == bytes);
    }
}
