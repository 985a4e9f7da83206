//! Which entities the corpus link ([`super::link::link`]) can settle differently when records
//! are added: the link's rules look entities up by name (a surname, a first name, an acronym,
//! an other name, a place or product name, an id without its field), so an entity's corpus view
//! depends only on the entities it shares such a name key with, and on theirs in turn. The
//! entities fall into groups (connected by shared keys) that the link settles independently:
//! the link of the whole corpus, restricted to one group, is the link of that group's records.
//!
//! In: entity records (one per entity and document). Out: each id's name keys
//! ([`link_keys`]), and the group of ids connected by keys to some given ids ([`group_of`]):
//! an add relinks only that group and keeps every other entity's corpus view as it was.
//!
//! The keys are a superset of the lookups the rules make (every name of an entity, whatever
//! type the link settles on), so that a group is never cut where a rule looks across: more keys
//! only make groups larger, never the result wrong.

use super::alias::{initials, is_acronym};
use super::identity::CONTEXT_INFIX;
use super::link::{EntityRecord, LoneSurname, is_document_scoped, unqualified};
use super::types::{name_key, product_base, settle_type};
use crate::document::EntityType;
use crate::resolve::names;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeSet, HashMap};

/// A name key and whether the entity looks it up (a rule reads the entities kept under it for
/// this one) or only is kept under it: a key no entity looks up ties no entities together.
pub type LinkKey = (String, bool);

/// The name keys of the entity `id`, given its records (every document's label and names for
/// it): what the link rules keep it under, and what they look up for it.
pub fn link_keys<'a>(id: &str, records: impl IntoIterator<Item = &'a EntityRecord>) -> BTreeSet<LinkKey> {
    let records: Vec<&EntityRecord> = records.into_iter().collect();
    let mut keys = Keys::default();
    // the type the documents' votes settle on; the link changes it to a product only
    let kind = settle_type(&records).0;
    let scoped = is_document_scoped(id);
    let qualified = id.contains(CONTEXT_INFIX);
    let labels: BTreeSet<&str> = records.iter().map(|r| r.label.as_str()).collect();
    let mut names = labels.clone();
    names.extend(records.iter().flat_map(|r| r.aliases.iter().map(String::as_str)));
    // a qualified id may take a name of its aliases as its label (`Senate (Ruritania)`)
    let label_like = if qualified { &names } else { &labels };
    // `corpus-same-name`: a bare full name looks up the same name with a field
    if unqualified(id) != id {
        keys.keep(format!("uq\t{}", unqualified(id)));
    } else if kind == EntityType::Person {
        keys.look(format!("uq\t{id}"));
    }
    if !scoped {
        // retyped as a product by another name of it (`Quillix 9`, `the Quillix app`)
        label_like.iter().for_each(|l| keys.look(format!("pb\t{}", name_key(l))));
        // `corpus-alias` and `corpus-initials`: kept under each name and the initials of a
        // proper name; a specific name looks up the entities others call so
        if !matches!(kind, EntityType::Date | EntityType::Money | EntityType::Quantity) {
            names.iter().for_each(|n| keys.keep(format!("nm\t{n}")));
            label_like.iter().filter(|l| l.split_whitespace().count() >= 3).for_each(|l| keys.keep(format!("in\t{}", initials(l))));
        }
        if !qualified {
            for l in label_like.iter().filter(|l| specific(l)) {
                keys.look(format!("nm\t{l}"));
                if is_acronym(l) {
                    keys.look(format!("in\t{}", l.replace('.', "")));
                }
            }
        }
        if matches!(kind, EntityType::Country | EntityType::City | EntityType::Location) {
            names.iter().for_each(|n| keys.keep(format!("pl\t{}", name_key(n))));
        }
    }
    for name in &names {
        if let Some((base, _)) = product_base(name) {
            keys.keep(format!("pb\t{base}"));
        }
    }
    if kind == EntityType::Person {
        for l in label_like.iter() {
            person_keys(l, scoped || qualified, &mut keys);
        }
    }
    keys.0
}

#[derive(Default)]
struct Keys(BTreeSet<LinkKey>);

impl Keys {
    fn keep(&mut self, key: String) {
        self.0.insert((key, false));
    }

    fn look(&mut self, key: String) {
        self.0.insert((key, true));
    }
}

/// Whether an entity of this label may be linked to another by its name (`corpus-alias`): an
/// acronym, or a name of several words that is not a generic institution name.
fn specific(label: &str) -> bool {
    let words: Vec<String> = label.split_whitespace().map(names::word_key).collect();
    is_acronym(label) || (words.len() >= 2 && !super::IdentityMinter::new(None).is_generic(&words))
}

/// The keys of a person's label: a corpus-wide person is kept under its full name, surname,
/// first name, and first and last names (`corpus-surname`, a lone first name,
/// `corpus-middle-name`, `corpus-place-prefix`) and looks up a fuller name and each split of its
/// name into a place and a person; a document's own person looks up its lone surname.
fn person_keys(label: &str, own: bool, keys: &mut Keys) {
    let words: Vec<String> = label.split_whitespace().map(names::word_key).collect();
    if own {
        if let Some(lone) = LoneSurname::of(label, &[]) {
            keys.look(format!("sur\t{}", lone.surname));
            keys.look(format!("fn\t{}", lone.surname));
        }
        return;
    }
    keys.keep(format!("pp\t{}", name_key(label)));
    if let [first, .., last] = words.as_slice() {
        keys.keep(format!("sur\t{last}"));
        keys.keep(format!("fn\t{first}"));
        let fl = format!("fl\t{first}\t{last}");
        if words.len() == 2 { keys.look(fl) } else { keys.keep(fl) }
    }
    for head in 1..words.len().saturating_sub(1) {
        keys.look(format!("pl\t{}", words[..head].join(" ")));
        keys.look(format!("pp\t{}", words[head..].join(" ")));
    }
}

/// The ids of `records` connected to some id of `seeds` through shared name keys (the seeds
/// among them), sorted. `records` sorted by id, as [`super::link::link`] takes them.
pub fn group_of(records: &[EntityRecord], seeds: &BTreeSet<&str>) -> BTreeSet<String> {
    let by_id: Vec<&[EntityRecord]> = records.chunk_by(|a, b| a.id == b.id).collect();
    let keys: Vec<BTreeSet<LinkKey>> = {
        use rayon::prelude::*;
        by_id.par_iter().map(|rs| link_keys(&rs[0].id, rs.iter())).collect()
    };
    // the entities under each key, and whether any looks it up
    let mut holders: HashMap<&str, (Vec<usize>, bool)> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for (k, looks) in ks {
            let h = holders.entry(k.as_str()).or_default();
            h.0.push(i);
            h.1 |= looks;
        }
    }
    let mut seen = vec![false; by_id.len()];
    let mut queue: Vec<usize> = (0..by_id.len()).filter(|&i| seeds.contains(by_id[i][0].id.as_str())).collect();
    queue.iter().for_each(|&i| seen[i] = true);
    let mut keys_done: BTreeSet<&str> = BTreeSet::new();
    while let Some(i) = queue.pop() {
        for (k, _) in &keys[i] {
            let (under, looked_up) = &holders[k.as_str()];
            if !looked_up || !keys_done.insert(k.as_str()) {
                continue;
            }
            for &j in under {
                if !seen[j] {
                    seen[j] = true;
                    queue.push(j);
                }
            }
        }
    }
    (0..by_id.len()).filter(|&i| seen[i]).map(|i| by_id[i][0].id.clone()).collect()
}

/// What [`small_group_of`] reads of one document's record of an entity: its id and names for
/// every entity, the whole record only for the few whose keys it works out. An [`EntityRecord`]
/// is one; a caller that holds the documents' entities in memory passes borrowed ones instead
/// of copying some 300k records at 19k documents for a group of a few.
pub trait GroupRecord: Sync {
    fn id(&self) -> &str;
    /// The label, then the aliases.
    fn names(&self) -> impl Iterator<Item = &String>;
    /// The record as [`super::link::link`] takes it.
    fn record(&self) -> std::borrow::Cow<'_, EntityRecord>;
}

impl GroupRecord for EntityRecord {
    fn id(&self) -> &str {
        &self.id
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.label).chain(&self.aliases)
    }

    fn record(&self) -> std::borrow::Cow<'_, EntityRecord> {
        std::borrow::Cow::Borrowed(self)
    }
}

/// [`link_keys`] of the entity whose records are `rs`.
fn keys_of<R: GroupRecord>(rs: &[R]) -> BTreeSet<LinkKey> {
    let records: Vec<std::borrow::Cow<'_, EntityRecord>> = rs.iter().map(GroupRecord::record).collect();
    link_keys(rs[0].id(), records.iter().map(|r| r.as_ref()))
}

/// [`group_of`] without working out every entity's keys: each round looks only at the
/// entities whose names bear every word of a key the group holds and no round has looked for
/// yet (or the name, initials or id such a key is), works out their keys, and takes in those
/// that hold a key some holder looks up. What an add costs when its documents' names are
/// rare; `None` when the group grows past `limit` ids (a full link is then as cheap).
/// `records` sorted by id (each id's records together).
pub fn small_group_of<R: GroupRecord>(records: &[R], seeds: &BTreeSet<&str>, limit: usize) -> Option<BTreeSet<String>> {
    use rayon::prelude::*;
    let by_id: Vec<&[R]> = records.chunk_by(|a, b| a.id() == b.id()).collect();
    let mut members: BTreeSet<usize> = (0..by_id.len()).filter(|&i| seeds.contains(by_id[i][0].id())).collect();
    let mut looked_for: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut fresh: Vec<usize> = members.iter().copied().collect();
    while !fresh.is_empty() {
        let _t = crate::kb::timing::span("corpus.group_round");
        let wanted: BTreeSet<String> = fresh.iter().flat_map(|&i| keys_of(by_id[i])).map(|(k, _)| k).filter(|k| !looked_for.contains(k)).collect();
        let filter = KeyFilter::of(&wanted);
        let held: Vec<(usize, Vec<LinkKey>)> = by_id
            .par_iter()
            .enumerate()
            .filter(|(_, rs)| filter.may_hold(rs))
            .filter_map(|(i, rs)| {
                let hits: Vec<LinkKey> = keys_of(rs).into_iter().filter(|(k, _)| wanted.contains(k)).collect();
                (!hits.is_empty()).then_some((i, hits))
            })
            .collect();
        let mut holders: HashMap<&str, (Vec<usize>, bool)> = HashMap::new();
        for (i, hits) in &held {
            for (k, looks) in hits {
                let h = holders.entry(k.as_str()).or_default();
                h.0.push(*i);
                h.1 |= looks;
            }
        }
        fresh = holders.values().filter(|(_, looked_up)| *looked_up).flat_map(|(under, _)| under).copied().filter(|&i| members.insert(i)).collect();
        fresh.sort_unstable();
        fresh.dedup();
        if members.len() > limit {
            return None;
        }
        looked_for.extend(wanted);
    }
    Some(members.into_iter().map(|i| by_id[i][0].id().to_owned()).collect())
}

/// What an entity must bear to hold one of some keys: a name, initials or an id without its
/// field that a key is, or every word of a key's words. The word keys are filed under their
/// first word, so an entity is checked against the keys that share a word with its names, not
/// against every key: a round of a large group looks for thousands of keys over some 200k
/// entities (an add whose group grew so spent 13 s here).
struct KeyFilter {
    names: FxHashSet<String>,
    initials: FxHashSet<String>,
    unqualified: FxHashSet<String>,
    /// Each word key's words, under its first word.
    words: FxHashMap<String, Vec<Vec<String>>>,
    /// Whether a key has no words (every entity bears all of them).
    wordless: bool,
}

impl KeyFilter {
    fn of(keys: &BTreeSet<String>) -> KeyFilter {
        let mut filter = KeyFilter {
            names: FxHashSet::default(),
            initials: FxHashSet::default(),
            unqualified: FxHashSet::default(),
            words: FxHashMap::default(),
            wordless: false,
        };
        for key in keys {
            let (tag, text) = key.split_once('\t').unwrap_or((key.as_str(), ""));
            match tag {
                "nm" => drop(filter.names.insert(text.to_owned())),
                "in" => drop(filter.initials.insert(text.to_owned())),
                "uq" => drop(filter.unqualified.insert(text.to_owned())),
                _ => {
                    let words: Vec<String> = text.split(['\t', ' ']).filter(|w| !w.is_empty()).map(str::to_owned).collect();
                    match words.first() {
                        Some(first) => filter.words.entry(first.clone()).or_default().push(words),
                        None => filter.wordless = true,
                    }
                }
            }
        }
        filter
    }

    /// Whether the entity of `records` may hold a key (never `false` when it does).
    fn may_hold<R: GroupRecord>(&self, records: &[R]) -> bool {
        if self.unqualified.contains(unqualified(records[0].id())) {
            return true;
        }
        let names = || records.iter().flat_map(|r| r.names());
        let named = |n: &String| {
            self.names.contains(n)
                || (!self.initials.is_empty()
                    && ((is_acronym(n) && self.initials.contains(&n.replace('.', "")))
                        || (n.split_whitespace().count() >= 3 && self.initials.contains(&initials(n)))))
        };
        if names().any(named) {
            return true;
        }
        if self.wordless {
            return true;
        }
        if self.words.is_empty() {
            return false;
        }
        let keys: Vec<String> = names().map(|n| name_key(n)).collect();
        let words: FxHashSet<&str> = keys.iter().flat_map(|k| k.split(' ')).collect();
        words.iter().filter_map(|w| self.words.get(*w)).flatten().any(|key| key.iter().all(|w| words.contains(w.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::link::{CorpusEntity, link};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// Names that set off every link rule (invented): a full name with and without a field, a
    /// fuller name, lone surnames with and without titles, a first name alone, a place glued
    /// before a name, an acronym defined or made of initials, a product's names, a qualified id.
    const POOL: &[(&str, &str, EntityType, &[&str], bool)] = &[
        ("ada_marlow", "Ada Marlow", EntityType::Person, &[], false),
        ("ada_marlow.politician", "Ada Marlow", EntityType::Person, &["Senator Ada Marlow"], false),
        ("ada_j_marlow", "Ada J. Marlow", EntityType::Person, &[], false),
        ("marlow_quell", "Marlow Quell", EntityType::Person, &[], false),
        ("marlow", "Marlow", EntityType::Person, &[], true),
        ("senator_marlow", "Senator Marlow", EntityType::Person, &[], true),
        ("mrs_quell", "Mrs Quell", EntityType::Person, &["the judge"], true),
        ("ruritania", "Ruritania", EntityType::Country, &["Ruritanian Republic"], false),
        ("ruritania_ada_marlow", "Ruritania Ada Marlow", EntityType::Person, &[], false),
        ("harbor_freight_authority", "Harbor Freight Authority", EntityType::Organization, &["HFA"], false),
        ("hfa", "HFA", EntityType::Concept, &[], false),
        ("highland_farmers_association", "Highland Farmers Association", EntityType::Organization, &[], false),
        ("quillix", "Quillix", EntityType::Person, &[], false),
        ("quillix_9", "Quillix 9", EntityType::Person, &[], false),
        ("quillix_app", "the Quillix app", EntityType::Concept, &[], false),
        ("senate.in.ruritania", "Senate", EntityType::GovernmentBody, &["Senate (Ruritania)"], false),
        ("ostrava_water_board", "Ostrava Water Board", EntityType::Organization, &["OWB", "the board"], false),
        ("owb", "OWB", EntityType::Organization, &[], false),
        ("water_board", "Water Board", EntityType::Organization, &[], false),
        ("tomas_kordel", "Tomas Kordel", EntityType::Person, &[], false),
        ("kordel", "Kordel", EntityType::Organization, &[], false),
    ];

    fn records(picks: &[(usize, usize)]) -> Vec<EntityRecord> {
        let mut out: Vec<EntityRecord> = picks
            .iter()
            .map(|&(p, d)| {
                let (id, label, kind, aliases, scoped) = POOL[p];
                let doc = format!("{:016x}", 0xd0 + d);
                let id = if scoped { format!("{id}.{doc}") } else { id.to_owned() };
                EntityRecord { id, doc, label: label.into(), kind, aliases: aliases.iter().map(|a| (*a).to_owned()).collect() }
            })
            .collect();
        out.sort();
        out.dedup_by(|a, b| (&a.id, &a.doc) == (&b.id, &b.doc));
        out
    }

    proptest! {
        #[test]
        fn the_link_of_a_group_alone_is_the_corpus_link_of_its_entities(picks in proptest::collection::vec((0..POOL.len(), 0..6usize), 1..30)) {
            let records = records(&picks);
            let all: BTreeMap<String, CorpusEntity> = link(&records).into_iter().map(|e| (e.id.clone(), e)).collect();
            for id in all.keys() {
                let group = group_of(&records, &[id.as_str()].into());
                prop_assert!(group.contains(id));
                let small = small_group_of(&records, &[id.as_str()].into(), usize::MAX);
                prop_assert_eq!(Some(&group), small.as_ref());
                let own: Vec<EntityRecord> = records.iter().filter(|r| group.contains(&r.id)).cloned().collect();
                for e in link(&own) {
                    prop_assert_eq!(Some(&e), all.get(&e.id), "group of {}: {:?}", id, group);
                }
            }
        }
    }

    fn rec(id: &str, doc: &str, label: &str, kind: EntityType, aliases: &[&str]) -> EntityRecord {
        EntityRecord { id: id.into(), doc: doc.into(), label: label.into(), kind, aliases: aliases.iter().map(|a| (*a).to_owned()).collect() }
    }

    #[test]
    fn a_lone_surname_ties_a_document_to_the_people_of_that_name_and_nothing_else() {
        let mut records = vec![
            rec("mara_vellin", "d1", "Mara Vellin", EntityType::Person, &[]),
            rec("vellin.00000000000000d2", "00000000000000d2", "Vellin", EntityType::Person, &[]),
            rec("tomas_vellin", "d3", "Tomas Vellin", EntityType::Person, &[]),
            rec("ostrava_water_board", "d3", "Ostrava Water Board", EntityType::Organization, &["OWB"]),
            rec("owb", "d4", "OWB", EntityType::Organization, &[]),
            rec("lenmark_port_authority", "d5", "Lenmark Port Authority", EntityType::Organization, &["the authority"]),
        ];
        records.sort();
        let group = group_of(&records, &["vellin.00000000000000d2"].into());
        assert_eq!(group.into_iter().collect::<Vec<_>>(), ["mara_vellin", "tomas_vellin", "vellin.00000000000000d2"]);
        let group = group_of(&records, &["owb"].into());
        assert_eq!(group.into_iter().collect::<Vec<_>>(), ["ostrava_water_board", "owb"]);
        // kept under names no entity looks up, an organisation is a group of its own
        assert_eq!(group_of(&records, &["lenmark_port_authority"].into()).len(), 1);
        assert_eq!(small_group_of(&records, &["vellin.00000000000000d2"].into(), 2), None, "over the limit");
        // without the lone surname, the two people of one surname are not tied
        records.retain(|r| r.doc != "00000000000000d2");
        assert_eq!(group_of(&records, &["mara_vellin"].into()).len(), 1);
    }
}
