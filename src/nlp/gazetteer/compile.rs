//! Compiling the gazetteer (`kgraph train gazetteer`): reads the country, city and organisation
//! sources in `../shared/gazetteers` (CSV, JSON, YAML), adds the general-English tables below
//! (seats of government, regions, extra aliases, city names that are common words), and writes
//! the entry table, candidate lists and fst map in the model-file format that [`super`] loads.
//!
//! In: the sources directory. Out: `models/gazetteer.bin` (or its bytes). Deterministic.

use super::*;
use crate::nlp::model_file::Writer;
use std::collections::{BTreeMap, HashMap};

/// Seats of government and other buildings that stand for a country's government:
/// (name, aliases, ISO alpha-2 of the country, Wikidata id or "", kind).
pub(super) const SEATS: &[(&str, &[&str], &str, &str, EntityType)] = &[
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
pub(super) const REGIONS: &[(&str, &[&str], &str)] = &[
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
pub(super) const COUNTRY_ALIASES: &[(&str, &str)] = &[
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
pub(super) const TWO_LETTER_KEEP: &[&str] = &["US", "UK"];

/// Extra city aliases: (alias, city name as in GeoNames, ISO alpha-2).
pub(super) const CITY_ALIASES: &[(&str, &str, &str)] = &[
    ("Washington D.C.", "Washington", "US"),
    ("Washington DC", "Washington", "US"),
    ("Kiev", "Kyiv", "UA"),
    ("New York", "New York City", "US"),
    ("Peking", "Beijing", "CN"),
    ("Bombay", "Mumbai", "IN"),
];

/// Non-capital city names that are common words or first names (`Mobile`, `Eugene`): dropped.
pub(super) const CITY_STOP: &[&str] = &[
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
            fb.insert(key.as_bytes(), *v)?;
        }
        let fst_bytes = fb.into_inner()?;
        w.bytes(&fst_bytes);
        Ok(model_file::wrap(MAGIC, FORMAT_VERSION, &w.buf))
    }
}

/// Minimal CSV record splitter (RFC 4180 quotes, no embedded newlines).
pub(super) fn csv_fields(line: &str) -> Vec<String> {
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

pub(super) fn yaml_scalar(v: &str) -> &str {
    let v = v.trim();
    let v = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')).unwrap_or(v);
    let v = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(v);
    if v == "null" || v == "~" { "" } else { v }
}

/// Reads the SupraVerden list: top-level `Name:` keys with indented `Field: value` lines.
pub(super) fn read_org_yaml(path: &Path) -> Result<Vec<HashMap<String, String>>, GazetteerError> {
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

/// The source files under the gazetteers directory, in the order [`compile_bytes`] reads them.
const SOURCES: [&str; 4] = [
    "country-codes/country-codes.csv",
    "countries/countries.json",
    "international-organizations/general_list.yaml",
    "geonames/cities15000-pop100k.tsv",
];

/// The `kgraph train gazetteer` command that [`compile_gazetteer`] records in the model file.
pub fn command_line(shared_dir: &Path, out_dir: &Path) -> String {
    format!("kgraph train gazetteer --source {} --out {}", shared_dir.display(), out_dir.display())
}

/// Compiles the shared gazetteers (`shared_dir` = `…/shared/gazetteers`) into `out_path`, with a
/// provenance block (the `kgraph train gazetteer` command and the SHA-256 of each source file).
/// Returns the number of entries written.
pub fn compile_gazetteer(shared_dir: &Path, out_path: &Path) -> Result<usize, GazetteerError> {
    let bytes = compile_bytes(shared_dir)?;
    let payload = model_file::unwrap("gazetteer.bin", MAGIC, FORMAT_VERSION, &bytes)?;
    let n = u32::from_le_bytes(payload[..4].try_into().expect("entry count"));
    let out_dir = out_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut corpora = Vec::with_capacity(SOURCES.len());
    for source in SOURCES {
        let path = shared_dir.join(source);
        corpora.push(model_file::CorpusFile::hash(&path).map_err(io_err(&path))?);
    }
    let provenance = model_file::Provenance {
        command: command_line(shared_dir, out_dir),
        corpora,
        notes: [("entries".to_owned(), n.to_string())].into(),
    };
    std::fs::create_dir_all(out_dir).map_err(io_err(out_dir))?;
    let file = model_file::wrap_with_provenance(MAGIC, FORMAT_VERSION, Some(&provenance), payload);
    std::fs::write(out_path, &file).map_err(io_err(out_path))?;
    Ok(n as usize)
}

/// Compiles the gazetteer into the bytes of a model file.
pub fn compile_bytes(shared_dir: &Path) -> Result<Vec<u8>, GazetteerError> {
    let mut b = Builder { entries: Vec::new(), keys: BTreeMap::new() };

    // --- country codes: cca3 → (wikidata, capital name, CLDR display name, UNTERM short)
    let cc_path = shared_dir.join(SOURCES[0]);
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
    let c_path = shared_dir.join(SOURCES[1]);
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
    let o_path = shared_dir.join(SOURCES[2]);
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
    let g_path = shared_dir.join(SOURCES[3]);
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

fn kind_to_u8(k: EntityType) -> u8 {
    EntityType::ALL.iter().position(|&t| t == k).unwrap_or(0) as u8
}
