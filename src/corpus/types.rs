//! One type per corpus-wide entity, settled by evidence rather than by a count of documents.
//!
//! Each document gives the entity a type; the documents' types are weighed by what stands behind
//! them, and what the names themselves say overrules the weighing:
//! - **the name** — a storm noun before a name (`Hurricane Ilsa`, `Tropical Storm Ilsa`) is an
//!   event; a title that goes with a given name before one name (`Pope Linus`, `King Olaf V`) a
//!   person; a name's head noun rules out some types: an organisation's (`Quill University`,
//!   `Chamber of Commerce of Vell`) is no person, place or concept, an event's (`Vellish War`,
//!   `Quill Cup`) no person, place, organisation or concept, a building's (`Vell Palace`,
//!   `Quill Complex`) no concept, and a lowercase head (`Quell virus`) no named thing at all;
//!   a name that some name of the corpus gives a version number or a product noun
//!   (`Quillix 7`, `Quillix operating system`, `the Quillix app`) a product, when its documents
//!   typed it as a person or a place (the tagger's usual mistake for software);
//! - **the documents' types, weighed** — a type only evidence in the text gives counts most: a
//!   product or an event (a version number, a product noun, a storm noun), and a country, city
//!   or international organisation (the gazetteer), 4 each; a company, government body or armed
//!   group (a describing noun or the name's own head word), and a person whose document names
//!   them with a title (`Senator Alex Morgan`), 3; a person whose name is shaped like one
//!   (`Alex Morgan`), 2; a bare person, organisation or place (the tagger's class alone, often
//!   no more than being the subject of a verb), a date or an amount, 1; `Concept` only when no
//!   document gives a named type.
//!
//! Disagreements are recorded as `kg:typeEvidence` (`Product: 1 document (weight 4); Person: 2
//! documents (weight 2)`), a name's verdict first (`named so: Hurricane Ilsa`).
//!
//! Word lists here are closed classes of general English (storm nouns, titles that go with a
//! given name, product nouns); the names of the tests are invented.

use super::link::EntityRecord;
use crate::document::EntityType;
use crate::resolve::names;
use std::collections::{BTreeMap, BTreeSet};

/// Titles written before a given name, that make the two one person's name (`Pope Linus`).
fn is_given_name_title(w: &str) -> bool {
    matches!(w, "pope" | "king" | "queen" | "prince" | "princess" | "sheikh" | "emir" | "sultan" | "tsar" | "czar" | "ayatollah")
}

/// Nouns that call a name a product when they follow it (`Quillix operating system`,
/// `Quillix app`): general English names of kinds of software and devices.
const PRODUCT_NOUNS: &[&str] = &[
    "app", "application", "software", "distribution", "distro", "browser", "firmware", "release", "version", "game",
    "console", "smartphone", "phone", "tablet", "laptop", "os",
];

/// Head nouns of organisations' names (`… University`, `University of …`, `… Chamber of
/// Commerce`, `… Federation`). General English.
const ORGANISATION_HEADS: &[&str] = &[
    "university", "college", "institute", "academy", "foundation", "association", "federation", "chamber", "society",
    "league", "committee", "party", "union", "confederation", "institution", "conservatory", "school",
];
/// Head nouns of events' names (`Vellish War`, `Quill Cup`, `Quill Open Tournament`). General English.
const EVENT_HEADS: &[&str] = &["war", "championship", "championships", "olympics", "cup", "festival", "summit", "marathon", "tournament"];
/// Head nouns of buildings' and places' names (`… Palace`, `… Complex`). General English;
/// nouns that are also common surnames (`Park`, `Lake`, `Hill`, `Street`) are left out.
const PLACE_HEADS: &[&str] = &[
    "palace", "cathedral", "castle", "complex", "airport", "stadium", "arena", "reservation", "peninsula", "canyon",
    "archipelago", "volcano", "glacier", "basilica", "monastery", "mosque", "temple",
];

/// The head word of a name: the word before its first `of` (`University of Quill`), else its
/// last word.
fn head_word(keys: &[String]) -> Option<&str> {
    let before_of = keys.iter().position(|k| k == "of").filter(|&i| i > 0).map(|i| &keys[i - 1]);
    before_of.or(keys.last()).map(String::as_str)
}

/// What a name's head noun says it is, for a name the documents typed as something the head
/// rules out; `None` when the voted type may stand. Names of two words or more only (one word,
/// `Party`, is no name).
fn kind_of_head(label: &str, voted: EntityType) -> Option<(EntityType, &'static str)> {
    use EntityType::*;
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let keys: Vec<String> = words.iter().map(|w| names::word_key(w)).collect();
    let last = words[words.len() - 1];
    // `Quell virus`: a proper name's head is capitalised; a lowercase head noun makes it a thing
    let lowercase_head = last.chars().next().is_some_and(char::is_lowercase)
        && last.chars().all(char::is_alphabetic)
        && !names::is_name_connector(last);
    if lowercase_head {
        return matches!(voted, Person | Location | Organization | Company | GovernmentBody | ArmedGroup).then_some((Concept, "a lowercase head noun"));
    }
    let head = head_word(&keys)?;
    if ORGANISATION_HEADS.contains(&head) && matches!(voted, Person | Location | Concept) {
        return Some((Organization, "an organisation's head noun"));
    }
    if EVENT_HEADS.contains(&head) && matches!(voted, Person | Location | Concept | Organization) {
        return Some((Event, "an event's head noun"));
    }
    if PLACE_HEADS.contains(&head) && voted == Concept {
        return Some((Location, "a place's head noun"));
    }
    None
}

/// The type a name says by itself, and why: a storm noun before it, a title that goes with a
/// given name.
pub fn kind_of_name(label: &str) -> Option<(EntityType, &'static str)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let keys: Vec<String> = words.iter().map(|w| names::word_key(w)).collect();
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    // `Hurricane Ilsa`, `Tropical Storm Ilsa`, `Super Typhoon Ilsa`: the storm nouns, then a name
    let storm_words = keys.iter().take_while(|k| names::is_storm_noun(k)).count();
    let storm_head = keys[..storm_words].iter().any(|k| matches!(k.as_str(), "hurricane" | "typhoon" | "cyclone" | "storm" | "superstorm"));
    if storm_head && words.len() == storm_words + 1 && words.iter().all(capitalised) && person_word(words[storm_words]) {
        return Some((EntityType::Event, "a storm noun before a name"));
    }
    // `Pope Linus`, `King Olaf V`: one title and one given name, perhaps a regnal number
    if let [title, name, rest @ ..] = words.as_slice()
        && is_given_name_title(&keys[0])
        && capitalised(title)
        && person_word(name)
        && rest.iter().all(|w| is_regnal_number(w))
        && rest.len() <= 1
    {
        return Some((EntityType::Person, "a title that goes with a given name"));
    }
    None
}

/// A capitalised word of letters, not all capitals (`Olaf`, not `NASA` or `V`).
fn person_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic) && w.chars().skip(1).any(char::is_lowercase)
}

/// `II`, `XVI`: a regnal number in Roman numerals.
fn is_regnal_number(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The name that a product-shaped name is made from: `Quillix 7`, `Quillix 7.2`, `Quillix
/// operating system`, `the Quillix app`, `next Quillix release` → `quillix` (as a
/// [`name_key`]: the capitalised words right before the number or noun), and whether the
/// evidence is software's own (a version number, `operating system`, `distribution`), which
/// may retype an organisation too (a project's name is often tagged as one).
pub fn product_base(label: &str) -> Option<(String, bool)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let (&last, rest) = words.split_last()?;
    let version = last.chars().all(|c| c.is_ascii_digit() || c == '.')
        && last.split('.').next().is_some_and(|major| (1..=2).contains(&major.len()))
        && !last.ends_with('.');
    let key = names::word_key(last);
    let operating_system = key == "system" && rest.last().is_some_and(|w| names::word_key(w) == "operating");
    let base: &[&str] = if operating_system {
        &rest[..rest.len() - 1]
    } else if version || PRODUCT_NOUNS.contains(&key.as_str()) {
        rest
    } else {
        return None;
    };
    let software = version || operating_system || matches!(key.as_str(), "distribution" | "distro" | "firmware");
    // the name: the capitalised words right before (`the Quillix app`: the article aside)
    let named = base.iter().rev().take_while(|w| w.starts_with(char::is_uppercase)).count();
    (named > 0).then(|| (name_key(&base[base.len() - named..].join(" ")), software))
}

/// Lowercase words of a name joined by one space.
pub fn name_key(label: &str) -> String {
    label.split_whitespace().map(names::word_key).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// What one document's type for an entity weighs (see the module doc).
fn weight(r: &EntityRecord) -> usize {
    use EntityType::*;
    match r.kind {
        Product | Event | Country | City | InternationalOrganization => 4,
        Company | GovernmentBody | ArmedGroup => 3,
        Person if titled(r) => 3,
        Person if names::looks_like_person_name(&r.label) => 2,
        Person | Organization | Location | Date | Money | Quantity => 1,
        Concept => 0,
    }
}

/// Whether the document names the person with a title before the name (`Senator Alex Morgan`,
/// `Dr Morgan`) among its names for them.
pub(super) fn titled(r: &EntityRecord) -> bool {
    let last = r.label.split_whitespace().last().map(names::word_key).unwrap_or_default();
    r.aliases.iter().chain(std::iter::once(&r.label)).any(|a| {
        let keys: Vec<String> = a.split_whitespace().map(names::word_key).collect();
        keys.len() >= 2
            && (names::is_title_word(&keys[0]) || super::identity::field_of(&keys[0]).is_some())
            && keys.last() == Some(&last)
    })
}

/// One type for an entity from its documents' records: the name's verdict, else the weighed
/// votes (a named type before `Concept`; on a tie the more documents, then the more specific
/// type); and the evidence when the documents disagree.
pub fn settle_type(rs: &[&EntityRecord]) -> (EntityType, Option<String>) {
    // a document's weight for a type: the best of its records for that type
    let mut per_doc: BTreeMap<(EntityType, &str), usize> = BTreeMap::new();
    for r in rs {
        let w = per_doc.entry((r.kind, r.doc.as_str())).or_default();
        *w = (*w).max(weight(r));
    }
    let mut votes: BTreeMap<EntityType, BTreeSet<&str>> = BTreeMap::new();
    let mut scores: BTreeMap<EntityType, usize> = BTreeMap::new();
    for ((kind, doc), w) in &per_doc {
        votes.entry(*kind).or_default().insert(doc);
        *scores.entry(*kind).or_default() += w;
    }
    let named = votes.keys().any(|k| *k != EntityType::Concept);
    let documents = |k: &EntityType| votes.get(k).map_or(0, BTreeSet::len);
    let by_votes = scores
        .iter()
        .filter(|(k, _)| !named || **k != EntityType::Concept)
        .max_by(|a, b| a.1.cmp(b.1).then(documents(a.0).cmp(&documents(b.0))).then(type_rank(*b.0).cmp(&type_rank(*a.0))))
        .map(|(k, _)| *k)
        .unwrap_or_default();
    let labels: BTreeSet<&str> = rs.iter().map(|r| r.label.as_str()).collect();
    // a head noun speaks when every name the documents give agrees (`Vell Party`, `Vell party`)
    let heads: Vec<Option<EntityType>> = labels.iter().map(|l| kind_of_head(l, by_votes).map(|(k, _)| k)).collect();
    let by_head = match heads.first() {
        Some(Some(k)) if heads.iter().all(|h| *h == Some(*k)) => labels.first().map(|l| (*k, *l)),
        _ => None,
    };
    // the gazetteer's places and international organisations stand (`Sultan Vell`, a province)
    let gazetteer = matches!(by_votes, EntityType::Country | EntityType::City | EntityType::InternationalOrganization);
    let by_name = labels.iter().find_map(|l| kind_of_name(l).map(|(k, _)| (k, *l))).or(by_head).filter(|_| !gazetteer);
    let kind = by_name.map_or(by_votes, |(k, _)| k);
    let disagree = votes.len() > 1 || by_name.is_some_and(|(k, _)| !votes.contains_key(&k));
    let evidence = disagree.then(|| {
        let mut parts: Vec<(usize, usize, EntityType)> = scores.iter().map(|(k, s)| (*s, documents(k), *k)).collect();
        parts.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(type_rank(a.2).cmp(&type_rank(b.2))));
        let mut out: Vec<String> = by_name.map(|(k, l)| format!("{}: named so ({l})", k.class_name())).into_iter().collect();
        out.extend(parts.iter().map(|(s, n, k)| format!("{}: {n} document{} (weight {s})", k.class_name(), if *n == 1 { "" } else { "s" })));
        out.join("; ")
    });
    (kind, evidence)
}

/// Tie-break between types of equal weight and documents: the more specific first.
pub fn type_rank(k: EntityType) -> usize {
    EntityType::ALL.iter().position(|t| *t == k).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, doc: &str, label: &str, kind: EntityType, aliases: &[&str]) -> EntityRecord {
        EntityRecord { id: id.into(), doc: doc.into(), label: label.into(), kind, aliases: aliases.iter().map(|a| (*a).to_owned()).collect() }
    }

    fn settled(records: &[EntityRecord]) -> EntityType {
        let refs: Vec<&EntityRecord> = records.iter().collect();
        let (kind, _) = settle_type(&refs);
        let mut reversed = refs.clone();
        reversed.reverse();
        assert_eq!(settle_type(&reversed).0, kind, "the order of the documents does not matter");
        kind
    }

    #[test]
    fn a_storm_noun_or_a_title_of_a_given_name_says_what_a_name_is() {
        for storm in ["Hurricane Ilsa", "Tropical Storm Ilsa", "Super Typhoon Ilsa", "Cyclone Ilsa"] {
            assert_eq!(kind_of_name(storm).map(|k| k.0), Some(EntityType::Event), "{storm}");
        }
        for person in ["Pope Linus", "King Olaf V", "Sheikh Tamir", "Queen Ilse II"] {
            assert_eq!(kind_of_name(person).map(|k| k.0), Some(EntityType::Person), "{person}");
        }
        // a storm office, a place named after a prince, a title alone: no verdict
        for other in ["Storm Warning Center", "Prince Orin Island", "Pope", "King NASA", "Ilsa", "Hurricane"] {
            assert_eq!(kind_of_name(other), None, "{other}");
        }
    }

    #[test]
    fn a_head_noun_rules_out_some_types() {
        use EntityType::*;
        let cases = [
            ("Quill State University", Person, Some(Organization)),
            ("Vellish Chamber of Commerce", Concept, Some(Organization)),
            ("Orrin Federation", Location, Some(Organization)),
            ("Vellish War", Concept, Some(Event)),
            ("Quill Open Tournament", Organization, Some(Event)),
            ("Vell Council Complex", Concept, Some(Location)),
            ("Quell virus", Location, Some(Concept)),
            ("Quell virus", Person, Some(Concept)),
            // the voted type may stand: a company, a place already, one word, a capitalised head
            ("Quill Party", GovernmentBody, None),
            ("Vell Palace", Organization, None),
            ("Party", Person, None),
            ("Ada Marlow", Person, None),
            ("Vell Complex", Location, None),
            ("Quell virus", Concept, None),
            ("Ana de", Person, None),
        ];
        for (label, voted, want) in cases {
            assert_eq!(kind_of_head(label, voted).map(|k| k.0), want, "{label} voted {voted:?}");
        }
        let records = [
            rec("quill_state_university", "d1", "Quill State University", Person, &[]),
            rec("quill_state_university", "d2", "Quill State University", Person, &[]),
        ];
        assert_eq!(settled(&records), Organization);
        let refs: Vec<&EntityRecord> = records.iter().collect();
        assert_eq!(settle_type(&refs).1.as_deref(), Some("Organization: named so (Quill State University); Person: 2 documents (weight 4)"));
    }

    #[test]
    fn product_shaped_names_give_their_base() {
        let base = |l: &str| product_base(l);
        assert_eq!(base("Quillix 7"), Some(("quillix".into(), true)));
        assert_eq!(base("Quillix Server 7.2"), Some(("quillix server".into(), true)));
        assert_eq!(base("Quillix operating system"), Some(("quillix".into(), true)));
        assert_eq!(base("the Quillix app"), Some(("quillix".into(), false)));
        assert_eq!(base("next Quillix Server release"), Some(("quillix server".into(), false)));
        assert_eq!(base("Quillix game"), Some(("quillix".into(), false)));
        // a year, a bare name, a lowercase noun before the number: no product
        for other in ["Quillix 2019", "Quillix", "chapter 7", "app", "7", "the base operating system"] {
            assert_eq!(base(other), None, "{other}");
        }
    }

    #[test]
    fn a_product_document_outweighs_bare_person_votes() {
        // three documents' tagger calls the name a person; one shows a version number
        let records = [
            rec("quillix", "d1", "Quillix", EntityType::Person, &[]),
            rec("quillix", "d2", "Quillix", EntityType::Person, &[]),
            rec("quillix", "d3", "Quillix", EntityType::Person, &[]),
            rec("quillix", "d4", "Quillix", EntityType::Product, &[]),
        ];
        assert_eq!(settled(&records), EntityType::Product);
        let refs: Vec<&EntityRecord> = records.iter().collect();
        assert_eq!(settle_type(&refs).1.as_deref(), Some("Product: 1 document (weight 4); Person: 3 documents (weight 3)"));
    }

    #[test]
    fn a_titled_or_person_shaped_name_outweighs_bare_organisation_votes() {
        let titled = [
            rec("dana_quell", "d1", "Dana Quell", EntityType::Person, &["Senator Dana Quell"]),
            rec("dana_quell", "d2", "Dana Quell", EntityType::Organization, &[]),
            rec("dana_quell", "d3", "Dana Quell", EntityType::Organization, &[]),
        ];
        assert_eq!(settled(&titled), EntityType::Person);
        // one word, no title: as many votes each way, the documents decide by weight alone
        let bare = [
            rec("orbis", "d1", "Orbis", EntityType::Person, &[]),
            rec("orbis", "d2", "Orbis", EntityType::Organization, &[]),
            rec("orbis", "d3", "Orbis", EntityType::Organization, &[]),
        ];
        assert_eq!(settled(&bare), EntityType::Organization);
        // a company's describing noun outweighs two bare person votes
        let company = [
            rec("redwell", "d1", "Redwell", EntityType::Company, &[]),
            rec("redwell", "d2", "Redwell", EntityType::Person, &[]),
            rec("redwell", "d3", "Redwell", EntityType::Person, &[]),
        ];
        assert_eq!(settled(&company), EntityType::Company);
    }

    #[test]
    fn the_name_overrules_the_votes_and_is_recorded() {
        let storm = [
            rec("hurricane_ilsa", "d1", "Hurricane Ilsa", EntityType::Person, &[]),
            rec("hurricane_ilsa", "d2", "Hurricane Ilsa", EntityType::Concept, &[]),
        ];
        assert_eq!(settled(&storm), EntityType::Event);
        let refs: Vec<&EntityRecord> = storm.iter().collect();
        assert!(settle_type(&refs).1.unwrap().starts_with("Event: named so (Hurricane Ilsa); Person: 1 document"));
        // a gazetteer place keeps its type, a title in its name notwithstanding
        let province = [rec("sultan_vell", "d1", "Sultan Vell", EntityType::City, &[]), rec("sultan_vell", "d2", "Sultan Vell", EntityType::Person, &[])];
        assert_eq!(settled(&province), EntityType::City);
        // a head noun speaks only when every name agrees
        let party = [
            rec("vell_party", "d1", "Vell Party", EntityType::Organization, &[]),
            rec("vell_party", "d2", "Vell party", EntityType::Organization, &[]),
        ];
        assert_eq!(settled(&party), EntityType::Organization);
        let pope = [rec("pope_linus", "d1", "Pope Linus", EntityType::Organization, &[])];
        assert_eq!(settled(&pope), EntityType::Person);
        // all documents agree with the name: nothing to record
        let agreed = [rec("hurricane_ilsa", "d1", "Hurricane Ilsa", EntityType::Event, &[])];
        assert_eq!(settle_type(&agreed.iter().collect::<Vec<_>>()).1, None);
    }
}
