//! Gazetteer tests: matching on the shipped file, typed errors, and (feature `train`) the
//! compiler against the sources.

use super::*;
#[cfg(feature = "train")]
use super::compile::{csv_fields, read_org_yaml};
#[cfg(feature = "train")]
use std::path::PathBuf;

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
    let got = spans("Quillen met officials of the United States and the U.N. in Brasilia , not us");
    let labels: Vec<(&str, &str)> = got.iter().map(|(s, _, l, _)| (s.as_str(), l.as_str())).collect();
    assert_eq!(labels, vec![("United States", "United States"), ("U.N.", "United Nations"), ("Brasilia", "Brasília")]);
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
    for (seat, country) in [("Kremlin", "Russia"), ("Downing Street", "United Kingdom"), ("Oval Office", "United States"), ("Brasilia", "Brazil")] {
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

#[cfg(feature = "train")]
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
#[cfg(feature = "train")]
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
    // The shipped file adds a provenance block to these bytes; the payloads must agree.
    let payload = |b: &[u8]| model_file::payload_of("gazetteer.bin", b).unwrap().to_vec();
    assert!(payload(&bytes) == payload(EMBEDDED_BYTES), "models/gazetteer.bin is stale: rebuild it with compile_gazetteer");
    // compiling is deterministic
    assert!(compile_bytes(&shared).unwrap() == bytes);
    // The written file: the same payload, after a block naming the command and every source.
    let tmp = tempfile::tempdir().unwrap();
    let n = compile_gazetteer(&shared, &tmp.path().join("gazetteer.bin")).unwrap();
    assert_eq!(n, fresh.len());
    let written = std::fs::read(tmp.path().join("gazetteer.bin")).unwrap();
    assert!(payload(&written) == payload(&bytes));
    let prov = model_file::provenance_of("gazetteer.bin", &written).unwrap().expect("provenance block");
    assert_eq!(prov.command, format!("kgraph train gazetteer --source {} --out {}", shared.display(), tmp.path().display()));
    assert_eq!(prov.corpora.len(), 4, "{:?}", prov.corpora);
    assert!(prov.corpora.iter().all(|c| c.path.starts_with(&shared.display().to_string()) && c.sha256.len() == 64));
}

#[test]
fn only_wikidata_item_ids_become_links() {
    assert_eq!(wikidata_id("Q30").as_deref(), Some("Q30"));
    for bad in ["", "Q", "[No code found.]", "Q12a", "P31", "q30"] {
        assert_eq!(wikidata_id(bad), None, "{bad}");
    }
    // no embedded entry carries a placeholder as its Wikidata id
    assert!(g().lookup("International Development Association").is_none_or(|e| e.wikidata.as_deref().is_none_or(|q| q.starts_with('Q'))));
}
