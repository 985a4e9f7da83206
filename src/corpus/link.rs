//! The corpus layer: what holds across documents, recomputed from the set of document graphs
//! (never from their order) and written to its own named graph.
//!
//! In: one [`EntityRecord`] per (entity, document) — the label, type and names that document
//! gives the entity. Out: one [`CorpusEntity`] per entity id: its one `rdfs:label` (the name most
//! documents give it), its one `rdf:type` (settled by the number of documents for each type, a
//! named type before `Concept`; conflicts are recorded), its other names as `skos:altLabel`, and
//! the cross-document links (`kg:sameAs`), each with the rule that made it:
//! - `corpus-surname`: a person named by one word in a document (`Morgan`) is the one person of
//!   the corpus with that surname (`Alex Morgan`) — only when there is exactly one such person;
//!   with two or more (Boris Johnson, Dustin Johnson) it stays its document's own node, noted
//!   `corpus-ambiguous`.

use crate::document::EntityType;
use crate::resolve::names;
use std::collections::{BTreeMap, BTreeSet};

/// What one document says about one entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntityRecord {
    pub id: String,
    pub doc: String,
    pub label: String,
    pub kind: EntityType,
    pub aliases: Vec<String>,
}

/// A cross-document link from a document's node to a corpus node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameAs {
    pub target: String,
    pub rule: &'static str,
}

/// The corpus view of one entity id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusEntity {
    pub id: String,
    pub label: String,
    pub kind: EntityType,
    pub alt_labels: Vec<String>,
    /// `Person: 3 documents; Organization: 1 document` when documents disagree on the type.
    pub type_evidence: Option<String>,
    pub same_as: Option<SameAs>,
    /// `rule<TAB>alias` notes for `kgraph entities --explain`.
    pub notes: Vec<String>,
    pub documents: usize,
}

/// Whether an id is scoped to one document (`morgan.0123abcd…`: a document id is 16 hex digits).
pub fn is_document_scoped(id: &str) -> bool {
    id.rsplit_once(super::identity::DOCUMENT_SEPARATOR)
        .is_some_and(|(_, d)| d.len() == 16 && d.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
}

fn field(id: &str) -> &str {
    id.strip_prefix(unqualified(id)).unwrap_or("")
}

/// A person's full-name id without its field (`alex_morgan.athlete` → `alex_morgan`).
fn unqualified(id: &str) -> &str {
    match id.rsplit_once(super::identity::DOCUMENT_SEPARATOR) {
        Some((name, field)) if !is_document_scoped(id) && !id.contains(super::identity::CONTEXT_INFIX) && field.bytes().all(|b| b.is_ascii_lowercase()) => name,
        _ => id,
    }
}

/// Computes the corpus view from every record; the result depends on the set of records only.
pub fn link(records: &[EntityRecord]) -> Vec<CorpusEntity> {
    let mut by_id: BTreeMap<&str, Vec<&EntityRecord>> = BTreeMap::new();
    for r in records {
        by_id.entry(r.id.as_str()).or_default().push(r);
    }
    let mut out: BTreeMap<String, CorpusEntity> = by_id.iter().map(|(id, rs)| ((*id).to_owned(), settle(id, rs))).collect();

    // A bare full name is the one person of that name whose field some document gave.
    let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for id in by_id.keys().filter(|id| unqualified(id) != **id) {
        by_name.entry(unqualified(id)).or_default().push(id);
    }
    let mut joined: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in out.values_mut().filter(|e| e.kind == EntityType::Person) {
        match by_name.get(e.id.as_str()).map(Vec::as_slice) {
            Some([target]) => {
                joined.entry((*target).to_owned()).or_default().push(e.label.clone());
                e.notes.push(format!("corpus-same-name\t{} = {}", e.label, target));
                e.same_as = Some(SameAs { target: (*target).to_owned(), rule: "corpus-same-name" });
            }
            Some(many) if many.len() > 1 => e.notes.push(format!("corpus-ambiguous\t{} could be {}", e.label, many.join(", "))),
            _ => {}
        }
    }
    for (target, names) in joined {
        if let Some(t) = out.get_mut(&target) {
            for n in names {
                t.notes.push(format!("corpus-same-name\t{n}"));
            }
        }
    }

    let labels: BTreeMap<String, String> = out.values().map(|e| (e.id.clone(), e.label.clone())).collect();
    // `Brian Carroll` is the one `Brian T. Carroll` of the corpus (same first and last name).
    let mut fuller: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let person_name = |e: &CorpusEntity| -> Option<Vec<String>> {
        let plain = e.kind == EntityType::Person && e.same_as.is_none() && !is_document_scoped(&e.id) && !e.id.contains(super::identity::CONTEXT_INFIX);
        plain.then(|| e.label.split_whitespace().map(names::word_key).collect())
    };
    for e in out.values() {
        if let Some(words) = person_name(e).filter(|w| w.len() >= 3) {
            fuller.entry((words[0].clone(), words[words.len() - 1].clone())).or_default().push(e.id.clone());
        }
    }
    let mut middle: Vec<(String, String)> = Vec::new();
    for e in out.values() {
        let Some(words) = person_name(e).filter(|w| w.len() == 2) else { continue };
        if let Some([target]) = fuller.get(&(words[0].clone(), words[1].clone())).map(Vec::as_slice) {
            let compatible = unqualified(&e.id) == e.id || unqualified(target) == target.as_str() || field(&e.id) == field(target);
            if compatible {
                middle.push((e.id.clone(), target.clone()));
            }
        }
    }
    for (from, target) in middle {
        let target_label = labels[&target].clone();
        let from_label = out[&from].label.clone();
        if let Some(e) = out.get_mut(&from) {
            e.notes.push(format!("corpus-middle-name\t{from_label} = {target_label}"));
            e.same_as = Some(SameAs { target: target.clone(), rule: "corpus-middle-name" });
        }
        if let Some(t) = out.get_mut(&target) {
            t.notes.push(format!("corpus-middle-name\t{from_label}"));
            if !t.alt_labels.contains(&from_label) {
                t.alt_labels.push(from_label);
                t.alt_labels.sort();
            }
        }
    }

    // Surnames of the corpus's full-named people (one node per person: linked names left out).
    let mut by_surname: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in out.values().filter(|e| e.kind == EntityType::Person && e.same_as.is_none() && !is_document_scoped(&e.id) && !e.id.contains(super::identity::CONTEXT_INFIX)) {
        let words: Vec<&str> = e.label.split_whitespace().collect();
        if words.len() >= 2 {
            by_surname.entry(names::word_key(words[words.len() - 1])).or_default().insert(e.id.clone());
        }
    }
    let mut merged_in: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in out.values_mut().filter(|e| e.kind == EntityType::Person && is_document_scoped(&e.id)) {
        let words: Vec<&str> = e.label.split_whitespace().collect();
        let [word] = words.as_slice() else { continue };
        let Some(candidates) = by_surname.get(&names::word_key(word)) else { continue };
        if candidates.len() == 1 {
            let target = candidates.iter().next().expect("one").clone();
            merged_in.entry(target.clone()).or_default().push(e.label.clone());
            e.notes.push(format!("corpus-surname\t{} = {}", e.label, labels[&target]));
            e.same_as = Some(SameAs { target, rule: "corpus-surname" });
        } else {
            let names: Vec<&str> = candidates.iter().map(|c| labels[c].as_str()).collect();
            e.notes.push(format!("corpus-ambiguous\t{} could be {}", e.label, names.join(", ")));
        }
    }
    for (target, aliases) in merged_in {
        if let Some(t) = out.get_mut(&target) {
            for a in aliases {
                t.notes.push(format!("corpus-surname\t{a}"));
                if a != t.label && !t.alt_labels.contains(&a) {
                    t.alt_labels.push(a);
                }
            }
            t.notes.sort();
            t.notes.dedup();
            t.alt_labels.sort();
        }
    }
    out.into_values().collect()
}

/// One label and one type for an id, from the documents' votes.
fn settle(id: &str, rs: &[&EntityRecord]) -> CorpusEntity {
    let mut label_votes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut type_votes: BTreeMap<EntityType, BTreeSet<&str>> = BTreeMap::new();
    let mut docs: BTreeSet<&str> = BTreeSet::new();
    for r in rs {
        *label_votes.entry(r.label.as_str()).or_default() += 1;
        type_votes.entry(r.kind).or_default().insert(r.doc.as_str());
        docs.insert(r.doc.as_str());
    }
    if id.contains(super::identity::CONTEXT_INFIX) {
        // `Senate (Philippines)`: the qualified name the minter added, over the bare `Senate`
        for r in rs {
            for a in r.aliases.iter().filter(|a| a.ends_with(')') && a.starts_with(r.label.as_str())) {
                *label_votes.entry(a.as_str()).or_default() += rs.len() + 1;
            }
        }
    }
    let label = label_votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.chars().count().cmp(&b.0.chars().count())).then(b.0.cmp(a.0)))
        .map(|(l, _)| (*l).to_owned())
        .unwrap_or_else(|| id.to_owned());
    let named = type_votes.keys().any(|k| *k != EntityType::Concept);
    let kind = type_votes
        .iter()
        .filter(|(k, _)| !named || **k != EntityType::Concept)
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(type_rank(*b.0).cmp(&type_rank(*a.0))))
        .map(|(k, _)| *k)
        .unwrap_or_default();
    let type_evidence = (type_votes.len() > 1).then(|| {
        let mut parts: Vec<(usize, EntityType)> = type_votes.iter().map(|(k, d)| (d.len(), *k)).collect();
        parts.sort_by(|a, b| b.0.cmp(&a.0).then(type_rank(a.1).cmp(&type_rank(b.1))));
        parts
            .iter()
            .map(|(n, k)| format!("{}: {n} document{}", k.class_name(), if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let mut alt: BTreeSet<String> = BTreeSet::new();
    for r in rs {
        alt.insert(r.label.clone());
        alt.extend(r.aliases.iter().cloned());
    }
    alt.remove(&label);
    let mut notes = Vec::new();
    if let Some(ev) = &type_evidence {
        notes.push(format!("corpus-type\t{} ({ev})", kind.class_name()));
    }
    CorpusEntity {
        id: id.to_owned(),
        label,
        kind,
        alt_labels: alt.into_iter().collect(),
        type_evidence,
        same_as: None,
        notes,
        documents: docs.len(),
    }
}

/// Tie-break between types with as many documents: the more specific first.
fn type_rank(k: EntityType) -> usize {
    EntityType::ALL.iter().position(|t| *t == k).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, doc: &str, label: &str, kind: EntityType) -> EntityRecord {
        EntityRecord { id: id.into(), doc: doc.into(), label: label.into(), kind, aliases: Vec::new() }
    }

    #[test]
    fn a_surname_links_only_to_the_one_person_who_bears_it() {
        let records = vec![
            rec("alex_morgan", "d1", "Alex Morgan", EntityType::Person),
            rec("morgan.00000000000000d2", "d2", "Morgan", EntityType::Person),
            rec("boris_johnson", "d3", "Boris Johnson", EntityType::Person),
            rec("dustin_johnson", "d4", "Dustin Johnson", EntityType::Person),
            rec("johnson.00000000000000d5", "d5", "Johnson", EntityType::Person),
        ];
        let out = link(&records);
        let get = |id: &str| out.iter().find(|e| e.id == id).unwrap();
        assert_eq!(get("morgan.00000000000000d2").same_as, Some(SameAs { target: "alex_morgan".into(), rule: "corpus-surname" }));
        assert!(get("alex_morgan").alt_labels.contains(&"Morgan".to_owned()));
        assert_eq!(get("johnson.00000000000000d5").same_as, None);
        assert!(get("johnson.00000000000000d5").notes[0].starts_with("corpus-ambiguous"));
    }

    #[test]
    fn a_bare_name_joins_the_one_person_of_that_name_and_a_shorter_name_the_fuller() {
        let records = vec![
            rec("alex_morgan.athlete", "d1", "Alex Morgan", EntityType::Person),
            rec("alex_morgan", "d2", "Alex Morgan", EntityType::Person),
            rec("kim_rho", "d3", "Kim Rho", EntityType::Person),
            rec("kim_j_rho", "d4", "Kim J. Rho", EntityType::Person),
        ];
        let out = link(&records);
        let get = |id: &str| out.iter().find(|e| e.id == id).unwrap();
        assert_eq!(get("alex_morgan").same_as.as_ref().map(|s| s.target.as_str()), Some("alex_morgan.athlete"));
        assert_eq!(get("kim_rho").same_as.as_ref().map(|s| s.rule), Some("corpus-middle-name"));
        let mut two = records.clone();
        two.push(rec("alex_morgan.politician", "d5", "Alex Morgan", EntityType::Person));
        let out = link(&two);
        assert_eq!(out.iter().find(|e| e.id == "alex_morgan").unwrap().same_as, None, "two candidates: no link");
    }

    #[test]
    fn one_label_and_one_type_by_document_votes_in_any_order() {
        let mut records = vec![
            rec("orbis", "d1", "Orbis", EntityType::Organization),
            rec("orbis", "d2", "ORBIS", EntityType::Person),
            rec("orbis", "d3", "Orbis", EntityType::Organization),
            rec("orbis", "d4", "Orbis", EntityType::Concept),
        ];
        let a = link(&records);
        records.reverse();
        assert_eq!(a, link(&records));
        assert_eq!(a[0].label, "Orbis");
        assert_eq!(a[0].alt_labels, vec!["ORBIS".to_owned()]);
        assert_eq!(a[0].kind, EntityType::Organization);
        assert_eq!(a[0].type_evidence.as_deref(), Some("Organization: 2 documents; Person: 1 document; Concept: 1 document"));
    }
}
