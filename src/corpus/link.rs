//! The corpus layer: what holds across documents, recomputed from the set of document graphs
//! (never from their order) and written to its own named graph.
//!
//! In: one [`EntityRecord`] per (entity, document) — the label, type and names that document
//! gives the entity. Out: one [`CorpusEntity`] per entity id: its one `rdfs:label` (the name most
//! documents give it), its one `rdf:type` (settled by evidence, see [`super::types`]:
//! what the names say, then the documents' types weighed by what stands behind them, a named
//! type before `Concept`; conflicts are recorded), its other names as `skos:altLabel`, and
//! the cross-document links (`kg:sameAs`), each with the rule that made it:
//! - `corpus-surname`: a person named by one word in a document (`Morgan`) is the one person of
//!   the corpus with that surname (`Alex Morgan`) — only when there is exactly one such person;
//!   with two or more (Boris Johnson, Dustin Johnson) it stays its document's own node, noted
//!   `corpus-ambiguous`.

use crate::document::EntityType;
use super::identity;
use super::types::name_key;
use crate::resolve::names::{self, Gender};
use rayon::prelude::*;
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

/// The document id of a document-scoped entity id.
pub fn document_of(id: &str) -> Option<&str> {
    if !is_document_scoped(id) {
        return None;
    }
    id.rsplit_once(super::identity::DOCUMENT_SEPARATOR).map(|(_, d)| d)
}

fn field(id: &str) -> &str {
    id.strip_prefix(unqualified(id)).unwrap_or("")
}

/// A person's full-name id without its field (`alex_morgan.athlete` → `alex_morgan`).
pub(super) fn unqualified(id: &str) -> &str {
    match id.rsplit_once(super::identity::DOCUMENT_SEPARATOR) {
        Some((name, field)) if !is_document_scoped(id) && !id.contains(super::identity::CONTEXT_INFIX) && field.bytes().all(|b| b.is_ascii_lowercase()) => name,
        _ => id,
    }
}

/// Computes the corpus view from every record; the result depends on the set of records only.
pub fn link(records: &[EntityRecord]) -> Vec<CorpusEntity> {
    // each id's records, in input order, ids ascending (the caller's records usually come
    // sorted by id: then the sort is one pass); each id is settled on its own, in parallel
    let mut by_id: Vec<&EntityRecord> = records.iter().collect();
    if !by_id.is_sorted_by(|a, b| a.id <= b.id) {
        by_id.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let groups: Vec<&[&EntityRecord]> = by_id.chunk_by(|a, b| a.id == b.id).collect();
    let settled: Vec<(String, CorpusEntity)> = groups.par_iter().map(|rs| (rs[0].id.clone(), settle(&rs[0].id, rs))).collect();
    let mut out: BTreeMap<String, CorpusEntity> = settled.into_iter().collect();
    retype_products(records, &mut out);

    // A bare full name is the one person of that name whose field some document gave.
    let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for id in groups.iter().map(|rs| rs[0].id.as_str()).filter(|id| unqualified(id) != *id) {
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

    link_place_prefixed(&mut out);

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
    // Their first names too: a lone `Marlow` may be Marlow Quell as well as Ada Marlow.
    let mut by_surname: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut by_first_name: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in out.values().filter(|e| e.kind == EntityType::Person && e.same_as.is_none() && !is_document_scoped(&e.id) && !e.id.contains(super::identity::CONTEXT_INFIX)) {
        let words: Vec<&str> = e.label.split_whitespace().collect();
        if words.len() >= 2 {
            by_surname.entry(names::word_key(words[words.len() - 1])).or_default().insert(e.id.clone());
            by_first_name.entry(names::word_key(words[0])).or_default().insert(e.id.clone());
        }
    }
    let mut merged_in: BTreeMap<String, Vec<(String, &'static str)>> = BTreeMap::new();
    for e in out.values_mut().filter(|e| e.kind == EntityType::Person && is_document_scoped(&e.id)) {
        let Some(lone) = LoneSurname::of(&e.label, &e.alt_labels) else { continue };
        let Some(candidates) = by_surname.get(&lone.surname) else { continue };
        let mut fitting: Vec<&String> = candidates.iter().filter(|c| lone.fits(c, &labels[*c])).collect();
        if lone.untitled {
            // a word alone may be a first name: those who bear it so are candidates too
            fitting.extend(by_first_name.get(&lone.surname).into_iter().flatten().filter(|c| !candidates.contains(*c)));
        }
        match fitting.as_slice() {
            [target] => {
                // with two people of the surname, the title decided (`Senator Morgan`: the politician)
                let rule = if candidates.len() == 1 { "corpus-surname" } else { "corpus-title-surname" };
                let target = (*target).clone();
                merged_in.entry(target.clone()).or_default().push((e.label.clone(), rule));
                e.notes.push(format!("{rule}\t{} = {}", e.label, labels[&target]));
                e.same_as = Some(SameAs { target, rule });
            }
            [] => {
                let names: Vec<&str> = candidates.iter().map(|c| labels[c].as_str()).collect();
                e.notes.push(format!("corpus-apart\t{} could be none of {} (its title says otherwise)", e.label, names.join(", ")));
            }
            _ => {
                let names: Vec<&str> = fitting.iter().map(|c| labels[*c].as_str()).collect();
                e.notes.push(format!("corpus-ambiguous\t{} could be {}", e.label, names.join(", ")));
            }
        }
    }
    for (target, aliases) in merged_in {
        if let Some(t) = out.get_mut(&target) {
            for (a, rule) in aliases {
                t.notes.push(format!("{rule}\t{a}"));
                if a != t.label && !t.alt_labels.contains(&a) {
                    t.alt_labels.push(a);
                }
            }
            t.notes.sort();
            t.notes.dedup();
            t.alt_labels.sort();
        }
    }
    super::alias::link_aliases(&mut out);
    follow_chains(&mut out);
    out.into_values().collect()
}

/// Whether two people's ids allow one person: no field, or the same field.
fn fields_fit(a: &str, b: &str) -> bool {
    field(a).is_empty() || field(b).is_empty() || field(a) == field(b)
}


/// `Ostland Anna Vorst`, `Ruritania Tomas Brandt`: the tagger glued a place to the full name
/// after it (`the Senator from Vermont Bernie Sanders`). Such a name is the corpus's one person
/// of the full name that follows a place name of the corpus (a country, city or location), of
/// a fitting field; rule `corpus-place-prefix`.
fn link_place_prefixed(out: &mut BTreeMap<String, CorpusEntity>) {
    let corpus_person = |e: &CorpusEntity| {
        e.kind == EntityType::Person && e.same_as.is_none() && !is_document_scoped(&e.id) && !e.id.contains(super::identity::CONTEXT_INFIX)
    };
    let places: BTreeSet<String> = out
        .values()
        .filter(|e| matches!(e.kind, EntityType::Country | EntityType::City | EntityType::Location) && !is_document_scoped(&e.id))
        .flat_map(|e| std::iter::once(&e.label).chain(&e.alt_labels))
        .map(|l| name_key(l))
        .collect();
    let mut people: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for e in out.values().filter(|e| corpus_person(e)) {
        people.entry(name_key(&e.label)).or_default().push(e.id.as_str());
    }
    let mut links: Vec<(String, String)> = Vec::new();
    for e in out.values().filter(|e| corpus_person(e)) {
        let words: Vec<String> = e.label.split_whitespace().map(names::word_key).collect();
        for head in 1..words.len().saturating_sub(1) {
            if !places.contains(&words[..head].join(" ")) {
                continue;
            }
            let fitting: Vec<&&str> =
                people.get(&words[head..].join(" ")).into_iter().flatten().filter(|t| **t != e.id && fields_fit(&e.id, t)).collect();
            if let [target] = fitting.as_slice() {
                links.push((e.id.clone(), (**target).to_owned()));
                break;
            }
        }
    }
    for (from, target) in links {
        record_same_as(out, &from, &target, "corpus-place-prefix");
    }
}

/// A person or place that a name of the corpus shows to be a product (`Quillix 7`, `Quillix
/// operating system`, `the Quillix app`, in any document) is a product, unless a document names
/// it with a title (`Dr Quillix`): the tagger's types for software are people and places, and
/// organisations (a project's name), which only software's own evidence retypes (a version
/// number, `operating system`, `distribution`; `the Orbis app` is the company's).
fn retype_products(records: &[EntityRecord], out: &mut BTreeMap<String, CorpusEntity>) {
    // per base name, the names that show it and whether one is software's own evidence
    let mut bases: BTreeMap<String, (BTreeSet<&str>, bool)> = BTreeMap::new();
    for r in records {
        for name in std::iter::once(&r.label).chain(&r.aliases) {
            if let Some((base, software)) = super::types::product_base(name) {
                let b = bases.entry(base).or_default();
                b.0.insert(name.as_str());
                b.1 |= software;
            }
        }
    }
    let titled: BTreeSet<&str> = records.iter().filter(|r| super::types::titled(r)).map(|r| r.id.as_str()).collect();
    for e in out.values_mut() {
        if is_document_scoped(&e.id) || titled.contains(e.id.as_str()) {
            continue;
        }
        // its own name with a version (`Quillix 7` typed as a person; a place, `Area 51`, stays one)
        let own = (e.kind == EntityType::Person && super::types::product_base(&e.label).is_some()).then(|| vec![e.label.as_str()]);
        // a person or place; an organisation only by software's own evidence (`the Vell app` is the company's)
        let kind = e.kind;
        let from_base = bases
            .get(&name_key(&e.label))
            .filter(|(_, software)| matches!(kind, EntityType::Person | EntityType::Location) || (kind == EntityType::Organization && *software))
            .map(|(names, _)| names.iter().copied().collect::<Vec<&str>>());
        let Some(shown) = own.or(from_base) else { continue };
        let shown = shown.join(", ");
        let was = e.kind;
        e.kind = EntityType::Product;
        let evidence = format!("Product: named so ({shown}); {}", e.type_evidence.take().unwrap_or_else(|| format!("{}: {} document{}", was.class_name(), e.documents, if e.documents == 1 { "" } else { "s" })));
        e.notes.retain(|n| !n.starts_with("corpus-type\t"));
        e.notes.push(format!("corpus-type\tProduct ({evidence})"));
        e.type_evidence = Some(evidence);
    }
}

/// Records that `from` is `target` by `rule`: `from` gets the `kg:sameAs` and a note naming both,
/// `target` a note naming `from` and `from`'s label as an alternative name (what `kgraph entities
/// --explain` shows).
pub(super) fn record_same_as(out: &mut BTreeMap<String, CorpusEntity>, from: &str, target: &str, rule: &'static str) {
    let (Some(from_label), Some(target_label)) = (out.get(from).map(|e| e.label.clone()), out.get(target).map(|e| e.label.clone())) else {
        return;
    };
    if let Some(e) = out.get_mut(from) {
        e.notes.push(format!("{rule}\t{from_label} = {target_label}"));
        e.same_as = Some(SameAs { target: target.to_owned(), rule });
    }
    if let Some(t) = out.get_mut(target) {
        t.notes.push(format!("{rule}\t{from_label}"));
        t.notes.sort();
        if !t.alt_labels.contains(&from_label) {
            t.alt_labels.push(from_label);
            t.alt_labels.sort();
        }
    }
}

/// Points every `kg:sameAs` at the end of its chain (a node linked to a node linked on), so
/// that folding one hop is enough; a link into a cycle is dropped.
fn follow_chains(out: &mut BTreeMap<String, CorpusEntity>) {
    let next: BTreeMap<String, String> = out.values().filter_map(|e| e.same_as.as_ref().map(|s| (e.id.clone(), s.target.clone()))).collect();
    for (from, first) in &next {
        let mut at = first;
        let mut hops = 0;
        while let Some(n) = next.get(at) {
            at = n;
            hops += 1;
            if hops > next.len() || at == from {
                break;
            }
        }
        if at == first {
            continue;
        }
        if let Some(e) = out.get_mut(from) {
            if at == from || next.contains_key(at) {
                e.same_as = None;
            } else if let Some(s) = &mut e.same_as {
                s.target = at.clone();
            }
        }
    }
}

/// A person named by a surname alone, perhaps after titles (`Morgan`, `Mr Morgan`, `Senator
/// Morgan`), and what the titles say about who it can be.
pub(super) struct LoneSurname {
    pub(super) surname: String,
    /// The field a title gives (`Senator` → politician).
    field: Option<&'static str>,
    /// The gender a title gives (`Mrs`).
    gender: Gender,
    /// No title: the word may be a first name as well.
    untitled: bool,
}

impl LoneSurname {
    /// `aliases`: the other names the document gave the person (`the judge`), whose role
    /// words say its field when its titles do not and they name one field only.
    pub(super) fn of(label: &str, aliases: &[String]) -> Option<LoneSurname> {
        let words: Vec<String> = label.split_whitespace().map(names::word_key).filter(|w| !w.is_empty()).collect();
        let titles = words.iter().take_while(|w| identity::is_title_before_surname(w)).count();
        let [surname] = &words[titles..] else { return None };
        let titles = &words[..titles];
        let alias_fields: BTreeSet<&'static str> =
            aliases.iter().flat_map(|a| a.split_whitespace().map(names::word_key)).filter_map(|w| identity::field_of(&w)).collect();
        let alias_field = match alias_fields.len() {
            1 => alias_fields.into_iter().next(),
            _ => None,
        };
        Some(LoneSurname {
            surname: surname.clone(),
            field: titles.iter().find_map(|w| identity::field_of(w)).or(alias_field),
            gender: titles.iter().map(|w| names::title_gender(w)).find(|g| *g != Gender::Unknown).unwrap_or(Gender::Unknown),
            untitled: titles.is_empty(),
        })
    }

    /// Whether the full-named person `id` (labelled `label`) can be the one the titles describe:
    /// no other field in its id, no other gender by its first name.
    fn fits(&self, id: &str, label: &str) -> bool {
        let field_fits = self.field.is_none_or(|f| field(id).is_empty() || field(id).strip_prefix(identity::DOCUMENT_SEPARATOR) == Some(f));
        let gender_fits = self.gender == Gender::Unknown || {
            let first = label.split_whitespace().next().map(names::word_key).unwrap_or_default();
            let g = names::first_name_gender(&first);
            g == Gender::Unknown || g == self.gender
        };
        field_fits && gender_fits
    }
}

/// One label and one type for an id, from the documents' votes.
fn settle(id: &str, rs: &[&EntityRecord]) -> CorpusEntity {
    let mut label_votes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut docs: BTreeSet<&str> = BTreeSet::new();
    for r in rs {
        *label_votes.entry(r.label.as_str()).or_default() += 1;
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
    let (kind, type_evidence) = super::types::settle_type(rs);
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
    fn a_lone_word_that_is_also_a_first_name_of_the_corpus_stays_apart() {
        let records = vec![
            rec("ada_marlow", "d1", "Ada Marlow", EntityType::Person),
            rec("marlow_quell", "d2", "Marlow Quell", EntityType::Person),
            rec("marlow.00000000000000d3", "d3", "Marlow", EntityType::Person),
            rec("mrs_marlow.00000000000000d4", "d4", "Mrs Marlow", EntityType::Person),
        ];
        let out = link(&records);
        let get = |id: &str| out.iter().find(|e| e.id == id).unwrap();
        assert_eq!(get("marlow.00000000000000d3").same_as, None);
        assert!(get("marlow.00000000000000d3").notes[0].contains("could be Ada Marlow, Marlow Quell"));
        // a title goes with a surname: `Mrs Marlow` is Ada Marlow, the one Marlow by surname
        assert_eq!(get("mrs_marlow.00000000000000d4").same_as.as_ref().map(|s| s.target.as_str()), Some("ada_marlow"));
    }

    #[test]
    fn a_place_glued_before_a_full_name_is_that_person() {
        let records = vec![
            rec("nadia_quell.politician", "d1", "Nadia Quell", EntityType::Person),
            rec("ruritania", "d1", "Ruritania", EntityType::Location),
            rec("ruritania_nadia_quell.politician", "d2", "Ruritania Nadia Quell", EntityType::Person),
            rec("quell.00000000000000d3", "d3", "Quell", EntityType::Person),
        ];
        let out = link(&records);
        let get = |id: &str| out.iter().find(|e| e.id == id).unwrap();
        assert_eq!(
            get("ruritania_nadia_quell.politician").same_as,
            Some(SameAs { target: "nadia_quell.politician".into(), rule: "corpus-place-prefix" })
        );
        // the glued name is no second Quell: the lone surname has one candidate
        assert_eq!(get("quell.00000000000000d3").same_as.as_ref().map(|s| s.rule), Some("corpus-surname"));
        // a first name that is no place keeps a three-word name apart
        let mut other = records.clone();
        other.push(rec("otto_nadia_quell", "d4", "Otto Nadia Quell", EntityType::Person));
        assert_eq!(link(&other).iter().find(|e| e.id == "otto_nadia_quell").unwrap().same_as, None);
    }

    #[test]
    fn a_chain_of_links_ends_at_one_node() {
        let mut out: BTreeMap<String, CorpusEntity> = BTreeMap::new();
        for (id, target) in [("a", Some("b")), ("b", Some("c")), ("c", None), ("x", Some("y")), ("y", Some("x"))] {
            let mut e = settle(id, &[&rec(id, "d1", id, EntityType::Concept)]);
            e.same_as = target.map(|t| SameAs { target: t.into(), rule: "corpus-alias" });
            out.insert(id.into(), e);
        }
        follow_chains(&mut out);
        assert_eq!(out["a"].same_as.as_ref().map(|s| s.target.as_str()), Some("c"));
        assert_eq!(out["b"].same_as.as_ref().map(|s| s.target.as_str()), Some("c"));
        assert_eq!(out["x"].same_as, None);
        assert_eq!(out["y"].same_as, None);
    }

    #[test]
    fn a_title_before_a_surname_picks_the_person_of_its_field() {
        let records = vec![
            rec("alex_morgan.athlete", "d1", "Alex Morgan", EntityType::Person),
            rec("alex_morgan.politician", "d2", "Alex Morgan", EntityType::Person),
            rec("senator_morgan.00000000000000d3", "d3", "Senator Morgan", EntityType::Person),
            rec("mr_morgan.00000000000000d4", "d4", "Mr Morgan", EntityType::Person),
            rec("nadia_quell.artist", "d5", "Nadia Quell", EntityType::Person),
            rec("senator_quell.00000000000000d6", "d6", "Senator Quell", EntityType::Person),
        ];
        let out = link(&records);
        let get = |id: &str| out.iter().find(|e| e.id == id).unwrap();
        assert_eq!(
            get("senator_morgan.00000000000000d3").same_as,
            Some(SameAs { target: "alex_morgan.politician".into(), rule: "corpus-title-surname" })
        );
        // `Mr` says no field: two Alex Morgans, so no link
        assert_eq!(get("mr_morgan.00000000000000d4").same_as, None);
        assert!(get("mr_morgan.00000000000000d4").notes[0].starts_with("corpus-ambiguous\tMr Morgan could be "));
        // the one Quell of the corpus is an artist, not a senator
        assert_eq!(get("senator_quell.00000000000000d6").same_as, None);
        // nor a judge, as the document called its `Quell`
        let mut judged = records.clone();
        judged.push(EntityRecord { aliases: vec!["the judge".into()], ..rec("quell.00000000000000d7", "d7", "Quell", EntityType::Person) });
        assert_eq!(link(&judged).iter().find(|e| e.id == "quell.00000000000000d7").unwrap().same_as, None);
        assert!(get("senator_quell.00000000000000d6").notes[0].starts_with("corpus-apart"));
        assert_eq!(document_of("senator_quell.00000000000000d6"), Some("00000000000000d6"));
        assert_eq!(document_of("alex_morgan.athlete"), None);
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
    fn a_name_that_the_corpus_gives_a_version_or_a_product_noun_is_a_product() {
        let records = vec![
            rec("quillix", "d1", "Quillix", EntityType::Person),
            rec("quillix", "d2", "Quillix", EntityType::Person),
            rec("quillix_9", "d3", "Quillix 9", EntityType::Person),
            rec("tarn_os", "d4", "Tarn OS", EntityType::Location),
            EntityRecord { aliases: vec!["the Tarn OS operating system".into()], ..rec("tarn_os", "d5", "Tarn OS", EntityType::Location) },
            // a person a document names with a title stays one, whatever app bears the name
            EntityRecord { aliases: vec!["Dr Orin Vale".into()], ..rec("orin_vale", "d6", "Orin Vale", EntityType::Person) },
            rec("orin_vale_app", "d7", "Orin Vale app", EntityType::Concept),
            // a place with a number is no product
            rec("area_12", "d8", "Area 12", EntityType::Location),
            // an organisation by a version number or `operating system`, not by an app
            rec("vell_linux", "d9", "Vell Linux", EntityType::Organization),
            rec("vell_linux_7", "d9", "next Vell Linux 7", EntityType::Concept),
            rec("orbis", "d10", "Orbis", EntityType::Organization),
            rec("orbis_app", "d10", "the Orbis app", EntityType::Concept),
        ];
        let out = link(&records);
        let get = |id: &str| out.iter().find(|e| e.id == id).unwrap();
        assert_eq!(get("quillix").kind, EntityType::Product);
        assert_eq!(get("quillix").type_evidence.as_deref(), Some("Product: named so (Quillix 9); Person: 2 documents"));
        assert!(get("quillix").notes.iter().any(|n| n.starts_with("corpus-type\tProduct (Product: named so")));
        assert_eq!(get("quillix_9").kind, EntityType::Product);
        assert_eq!(get("tarn_os").kind, EntityType::Product);
        assert_eq!(get("orin_vale").kind, EntityType::Person);
        assert_eq!(get("area_12").kind, EntityType::Location);
        assert_eq!(get("vell_linux").kind, EntityType::Product);
        assert_eq!(get("orbis").kind, EntityType::Organization);
    }

    #[test]
    fn records_of_one_id_apart_in_the_input_are_settled_together() {
        // ids interleaved (not sorted): each id still gets every one of its records' votes
        let records = vec![
            rec("orbis", "d1", "Orbis", EntityType::Organization),
            rec("vell", "d1", "Vell", EntityType::Person),
            rec("orbis", "d2", "ORBIS", EntityType::Organization),
            rec("vell", "d2", "Vell", EntityType::Person),
            rec("orbis", "d3", "ORBIS", EntityType::Organization),
        ];
        let out = link(&records);
        assert_eq!(out.iter().map(|e| (e.id.as_str(), e.label.as_str(), e.documents)).collect::<Vec<_>>(), [("orbis", "ORBIS", 3), ("vell", "Vell", 2)]);
        let mut sorted = records.clone();
        sorted.sort();
        assert_eq!(link(&sorted), out);
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
        assert_eq!(
            a[0].type_evidence.as_deref(),
            Some("Organization: 2 documents (weight 2); Person: 1 document (weight 1); Concept: 1 document (weight 0)")
        );
    }
}
