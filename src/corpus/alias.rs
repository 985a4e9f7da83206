//! Cross-document names of organisations, places and things: an acronym or other name that one
//! document defines for an entity (`the Harbor Freight Authority (HFA)`: `HFA` is one of its
//! names there), used alone in another document, is that entity.
//!
//! In: the corpus view once each node has its one label and type (and the names its documents
//! gave it as other names). Out: `kg:sameAs` links from the lone name's node to the entity, with
//! the rule that made each:
//! - `corpus-alias`: some document names the entity so (its `skos:altLabel`), and no other
//!   entity of the corpus has that name;
//! - `corpus-initials`: an acronym no document defines, made of the initials of exactly one
//!   entity's name (`HFA` → `Harbor Freight Authority`; `of`, `the`, `and` skipped).
//!
//! With two or more candidates the lone name stays apart, noted `corpus-ambiguous`. People are
//! left to the surname rules of [`super::link`]; gazetteer places and international
//! organisations are canonical already and never linked away.

use super::link::{CorpusEntity, is_document_scoped, record_same_as};
use crate::document::EntityType;
use crate::resolve::names;
use std::collections::BTreeMap;

/// Coarse kinds that may name one thing: a lone acronym typed `Concept` by the tagger can be an
/// organisation, but an organisation's name is never a place's.
fn kind_group(k: EntityType) -> Option<u8> {
    use EntityType::*;
    match k {
        Organization | GovernmentBody | InternationalOrganization | Company | ArmedGroup => Some(1),
        Location | City | Country => Some(2),
        Event => Some(3),
        Product => Some(4),
        Concept => Some(0),
        Person | Date | Money | Quantity => None,
    }
}

fn kinds_fit(a: EntityType, b: EntityType) -> bool {
    match (kind_group(a), kind_group(b)) {
        (Some(x), Some(y)) => x == y || x == 0 || y == 0,
        _ => false,
    }
}

/// Whether a node may be linked away to another: a corpus-wide name of a non-person that is not
/// canonical already (gazetteer places and international organisations are), nor an
/// institution qualified by its country.
fn may_be_linked(e: &CorpusEntity) -> bool {
    // one capitalised word (`University`, `House`) may be any such thing; an acronym or a name
    // of several words (`Northern Gas`) less so, unless it is a generic institution name
    let words: Vec<String> = e.label.split_whitespace().map(names::word_key).collect();
    let specific = is_acronym(&e.label) || (words.len() >= 2 && !super::IdentityMinter::new(None).is_generic(&words));
    specific
        && e.same_as.is_none()
        && kind_group(e.kind).is_some()
        && !matches!(e.kind, EntityType::Country | EntityType::City | EntityType::InternationalOrganization)
        && !is_document_scoped(&e.id)
        && !e.id.contains(super::identity::CONTEXT_INFIX)
}

/// An acronym: one word of two to eight capital letters (full stops and `&` allowed), `HFA`,
/// `U.N.`, `AT&T`.
pub fn is_acronym(label: &str) -> bool {
    let letters = label.chars().filter(char::is_ascii_alphabetic).count();
    (2..=8).contains(&letters)
        && !label.contains(char::is_whitespace)
        && label.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

/// The initials of a name's words, connectors skipped (`Department of Fire Protection` → `DFP`).
pub(crate) fn initials(label: &str) -> String {
    label
        .split_whitespace()
        .filter(|w| !names::is_name_connector(&w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Adds the `corpus-alias` and `corpus-initials` links to `out`; the result depends on the set
/// of entities only (every map is ordered, every choice needs exactly one candidate).
pub fn link_aliases(out: &mut BTreeMap<String, CorpusEntity>) {
    let eligible: Vec<&CorpusEntity> =
        out.values().filter(|e| e.same_as.is_none() && kind_group(e.kind).is_some() && !is_document_scoped(&e.id)).collect();
    let mut named: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_initials: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for e in &eligible {
        for a in &e.alt_labels {
            named.entry(a.as_str()).or_default().push(e.id.as_str());
        }
        // a proper name: every word but the connectors capitalised (not `city of Omsk`)
        let proper = e.label.split_whitespace().all(|w| names::is_name_connector(&w.to_lowercase()) || w.starts_with(char::is_uppercase));
        if proper && e.label.split_whitespace().count() >= 3 {
            by_initials.entry(initials(&e.label)).or_default().push(e.id.as_str());
        }
    }
    let kind_of: BTreeMap<&str, EntityType> = eligible.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    let mut links: Vec<(String, String, &'static str)> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    for e in out.values().filter(|e| may_be_linked(e)) {
        let fit = |ids: Option<&Vec<&str>>| -> Vec<String> {
            let mut v: Vec<String> =
                ids.into_iter().flatten().filter(|t| **t != e.id && kinds_fit(e.kind, kind_of[**t])).map(|t| (*t).to_owned()).collect();
            v.dedup();
            v
        };
        let acronym = is_acronym(&e.label);
        // a country or city stands for a name only as its acronym, not by metonymy (`White House`)
        let mut defined = fit(named.get(e.label.as_str()));
        defined.retain(|t| acronym || !matches!(kind_of[t.as_str()], EntityType::Country | EntityType::City));
        let (candidates, rule) = if !defined.is_empty() || !acronym {
            (defined, "corpus-alias")
        } else {
            // initials: three letters at least, of an organisation's proper name
            let letters = e.label.replace('.', "");
            let mut by_letters = if letters.len() >= 3 { fit(by_initials.get(&letters)) } else { Vec::new() };
            by_letters.retain(|t| kind_group(kind_of[t.as_str()]) == Some(1));
            (by_letters, "corpus-initials")
        };
        match candidates.as_slice() {
            [] => {}
            [target] => links.push((e.id.clone(), target.clone(), rule)),
            many => {
                let labels: Vec<&str> = many.iter().map(|t| out[t].label.as_str()).collect();
                notes.push((e.id.clone(), format!("corpus-ambiguous\t{} could be {}", e.label, labels.join(", "))));
            }
        }
    }
    // a link to a node that is linked on itself is followed to the end; a cycle links nothing
    let next: BTreeMap<&str, &str> = links.iter().map(|(f, t, _)| (f.as_str(), t.as_str())).collect();
    let end = |from: &str| -> Option<String> {
        let mut at = next.get(from).copied()?;
        for _ in 0..next.len() {
            match next.get(at) {
                Some(n) if *n == from => return None,
                Some(n) => at = n,
                None => return Some(at.to_owned()),
            }
        }
        None
    };
    let resolved: Vec<(String, String, &'static str)> = links.iter().filter_map(|(f, _, r)| end(f).map(|t| (f.clone(), t, *r))).collect();
    for (from, target, rule) in resolved {
        record_same_as(out, &from, &target, rule);
    }
    for (id, note) in notes {
        if let Some(e) = out.get_mut(&id) {
            e.notes.push(note);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::link::{EntityRecord, link};

    fn rec(id: &str, doc: &str, label: &str, kind: EntityType, aliases: &[&str]) -> EntityRecord {
        EntityRecord { id: id.into(), doc: doc.into(), label: label.into(), kind, aliases: aliases.iter().map(|a| (*a).to_owned()).collect() }
    }

    fn target<'a>(out: &'a [CorpusEntity], id: &str) -> Option<(&'a str, &'static str)> {
        out.iter().find(|e| e.id == id).and_then(|e| e.same_as.as_ref()).map(|s| (s.target.as_str(), s.rule))
    }

    #[test]
    fn an_acronym_defined_in_one_document_is_that_entity_in_another() {
        let records = vec![
            rec("harbor_freight_authority", "d1", "Harbor Freight Authority", EntityType::Organization, &["HFA"]),
            rec("hfa", "d2", "HFA", EntityType::Concept, &[]),
            rec("quill_river_trust", "d3", "Quill River Trust", EntityType::Organization, &[]),
            rec("qrt", "d4", "QRT", EntityType::Organization, &[]),
        ];
        let out = link(&records);
        assert_eq!(target(&out, "hfa"), Some(("harbor_freight_authority", "corpus-alias")));
        assert_eq!(target(&out, "qrt"), Some(("quill_river_trust", "corpus-initials")));
        assert!(out.iter().find(|e| e.id == "harbor_freight_authority").unwrap().notes.iter().any(|n| n == "corpus-alias\tHFA"));
    }

    #[test]
    fn an_acronym_with_two_meanings_stays_apart() {
        let records = vec![
            rec("harbor_freight_authority", "d1", "Harbor Freight Authority", EntityType::Organization, &["HFA"]),
            rec("highland_farmers_association", "d2", "Highland Farmers Association", EntityType::Organization, &["HFA"]),
            rec("hfa", "d3", "HFA", EntityType::Organization, &[]),
            rec("quill_river_trust", "d4", "Quill River Trust", EntityType::Organization, &[]),
            rec("quarry_road_tunnel", "d5", "Quarry Road Tunnel", EntityType::Location, &[]),
            rec("queen_of_rivers_trophy", "d7", "queen of rivers trophy", EntityType::Organization, &[]),
            rec("qrt", "d6", "QRT", EntityType::Organization, &[]),
        ];
        let out = link(&records);
        assert_eq!(target(&out, "hfa"), None);
        assert!(out.iter().find(|e| e.id == "hfa").unwrap().notes[0].starts_with("corpus-ambiguous\tHFA could be "));
        // the tunnel is a place, the lone QRT an organisation: only the trust fits
        assert_eq!(target(&out, "qrt"), Some(("quill_river_trust", "corpus-initials")));
    }

    #[test]
    fn the_result_does_not_depend_on_the_order_of_the_records() {
        let mut records = vec![
            rec("harbor_freight_authority", "d1", "Harbor Freight Authority", EntityType::Organization, &["HFA", "the Authority"]),
            rec("hfa", "d2", "HFA", EntityType::Organization, &[]),
            rec("hfa", "d3", "HFA", EntityType::Concept, &[]),
            rec("zentra_power_and_light", "d4", "Zentra Power and Light", EntityType::Company, &["Zentra Power", "Zentra"]),
            rec("zentra_power", "d5", "Zentra Power", EntityType::Company, &[]),
            // one word alone is not linked
            rec("zentra", "d6", "Zentra", EntityType::Company, &[]),
        ];
        let forward = link(&records);
        records.reverse();
        assert_eq!(forward, link(&records));
        assert_eq!(target(&forward, "zentra_power"), Some(("zentra_power_and_light", "corpus-alias")));
        assert_eq!(target(&forward, "zentra"), None);
    }

    #[test]
    fn a_metonymy_does_not_fold_a_name_into_a_country() {
        let records = vec![
            rec("ruritania", "d1", "Ruritania", EntityType::Country, &["Palace Gardens"]),
            rec("palace_gardens", "d2", "Palace Gardens", EntityType::Location, &[]),
        ];
        assert_eq!(target(&link(&records), "palace_gardens"), None);
    }

    #[test]
    fn acronyms_and_initials() {
        assert!(is_acronym("HFA") && is_acronym("U.N.") && is_acronym("AT&T"));
        assert!(!is_acronym("Hfa") && !is_acronym("A") && !is_acronym("HFA Group"));
        assert_eq!(initials("Department of Fire Protection"), "DFP");
    }
}
