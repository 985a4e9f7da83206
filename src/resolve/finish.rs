//! The end of resolution: gives each cluster its id (the slug of its canonical label, so the same
//! label in two documents is the same node), merges clusters that share an id, turns pending
//! triples into [`ResolvedTriple`]s and keeps only the entities something refers to.
//!
//! In: the [`State`] after every sentence and triple. Out: the [`ResolvedDocument`](super::ResolvedDocument).

use super::names::{self};
use super::ResolvedDocument;
use super::state::*;
use crate::document::{Entity, EntityId, EntityType, ResolvedTriple};
use crate::nlp::gazetteer::Via;
use std::collections::{BTreeMap, HashSet};

impl State<'_> {
    pub(super) fn finish(mut self, triples: Vec<Pending>) -> ResolvedDocument {
        merge_bare_heads(&mut self.clusters);
        let ids: Vec<String> = self.clusters.iter().map(slug_of).collect();
        let labels: Vec<String> = (0..self.clusters.len()).map(|c| self.display_label(c)).collect();
        let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
        for (c, cl) in self.clusters.iter().enumerate() {
            let id = ids[c].clone();
            let e = entities.entry(id.clone()).or_insert_with(|| Entity {
                id,
                label: labels[c].clone(),
                kind: cl.kind,
                aliases: Vec::new(),
                wikidata: cl.wikidata.clone(),
                merges: Vec::new(),
            });
            if e.kind == EntityType::Concept && cl.kind != EntityType::Concept {
                e.kind = cl.kind;
                e.label = labels[c].clone();
            }
            if labels[c] != cl.label {
                e.aliases.push(cl.label.clone());
            }
            if e.wikidata.is_none() {
                e.wikidata = cl.wikidata.clone();
            }
            e.aliases.extend(cl.aliases.iter().cloned());
            e.merges.extend(cl.merges.iter().cloned());
        }
        for e in entities.values_mut() {
            let label = e.label.clone();
            e.aliases.retain(|a| *a != label);
            e.aliases.sort();
            e.aliases.dedup();
        }
        let mut mentions = self.mentions;
        for m in &mut mentions {
            if let Some(c) = m.entity.as_ref().and_then(|s| s.parse::<usize>().ok()) {
                m.entity = ids.get(c).cloned();
            }
        }
        mentions.sort_by_key(|m| (m.sentence, m.tokens.start, m.tokens.end));
        let triples = triples
            .into_iter()
            .map(|(t, s, o, q, a, notes)| ResolvedTriple {
                subject: ids[s[0]].clone(),
                object: o.map(|o| ids[o].clone()),
                qualifiers: q.into_iter().map(|(k, c, arg)| (k, c.map(|c| ids[c].clone()), arg)).collect(),
                attribution: a,
                notes: notes
                    .into_iter()
                    .map(|(text, cs)| {
                        if cs.is_empty() {
                            text
                        } else {
                            format!("{text}→{}", cs.iter().map(|&c| ids[c].as_str()).collect::<Vec<_>>().join("+"))
                        }
                    })
                    .collect(),
                triple: t,
            })
            .collect();
        // keep only entities that something refers to
        let used: HashSet<&EntityId> = mentions.iter().filter_map(|m| m.entity.as_ref()).collect();
        let mut keep: HashSet<String> = used.into_iter().cloned().collect();
        for t in &triples {
            let t: &ResolvedTriple = t;
            keep.insert(t.subject.clone());
            if let Some(o) = &t.object {
                keep.insert(o.clone());
            }
            for (_, q, _) in &t.qualifiers {
                if let Some(q) = q {
                    keep.insert(q.clone());
                }
            }
        }
        let entities = entities.into_values().filter(|e| keep.contains(&e.id)).collect();
        ResolvedDocument { entities, mentions, triples }
    }
}

/// `the government` after `the government of Samoa`: a concept named by a bare singular noun is
/// the one concept of the document named `N of …`, when there is exactly one; it takes that
/// label (and so its id).
fn merge_bare_heads(clusters: &mut [Cluster]) {
    const QUANTIFIERS: &[&str] = &["many", "some", "all", "few", "several", "most", "more", "other", "another", "each", "every", "any", "no"];
    let heads_of = |label: &str, n: &str| -> bool {
        let words: Vec<&str> = label.split_whitespace().collect();
        // only a noun named by a name in its complement (`government of Samoa`): a noun with
        // modifiers in front (`measles outbreak`, `fourth bus crash`) or a described complement
        // (`invention of a new coating`) is often one of several of its kind
        let named = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        words.len() > 2
            && words[0].to_lowercase() == n
            && words[1] == "of"
            && !QUANTIFIERS.contains(&words[2])
            && (named(&words[2]) || (words[2] == "the" && words.get(3).is_some_and(named)))
    };
    for c in 0..clusters.len() {
        let label = clusters[c].label.to_lowercase();
        let bare = clusters[c].kind == EntityType::Concept
            && label.chars().count() >= 4
            && label.chars().all(|ch| ch.is_alphabetic() || ch == '-')
            && !label.ends_with('s');
        if !bare {
            continue;
        }
        let cands: Vec<usize> = (0..clusters.len())
            .filter(|&o| o != c && clusters[o].kind == EntityType::Concept && heads_of(&clusters[o].label, &label))
            .collect();
        let mut labels: Vec<String> = cands.iter().map(|&o| clusters[o].label.to_lowercase()).collect();
        labels.dedup();
        if let [only] = labels.as_slice() {
            let full = clusters[cands[0]].label.clone();
            let old = std::mem::replace(&mut clusters[c].label, full);
            debug_assert_eq!(&clusters[c].label.to_lowercase(), only);
            clusters[c].aliases.insert(old);
        }
    }
}

impl State<'_> {
    /// The label a reader of this document knows a gazetteer place by: the gazetteer's name when
    /// the document writes it, else the full name (an alias, never an acronym or demonym) the
    /// document uses most (`Turkey` for the gazetteer's `Türkiye`). The id stays the gazetteer's.
    fn display_label(&self, c: usize) -> String {
        let cl = &self.clusters[c];
        let Some(entry) = cl.gaz else { return cl.label.clone() };
        if !matches!(cl.kind, EntityType::Country | EntityType::City | EntityType::Location) {
            return cl.label.clone();
        }
        let key = c.to_string();
        let label_key = crate::nlp::gazetteer::name_key(&cl.label);
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for m in self.mentions.iter().filter(|m| m.entity.as_deref() == Some(key.as_str())) {
            let text = m.text.trim();
            if crate::nlp::gazetteer::name_key(text) == label_key {
                return cl.label.clone();
            }
            let full_name = self.gaz.candidates(text).iter().any(|&(id, via)| id == entry && matches!(via, Via::Name | Via::Alias));
            if !full_name || text.chars().filter(|ch| ch.is_alphabetic()).all(char::is_uppercase) {
                continue;
            }
            match counts.iter_mut().find(|(t, _)| *t == text) {
                Some((_, n)) => *n += 1,
                None => counts.push((text, 1)),
            }
        }
        // most used, the first written on ties
        let best = counts.iter().enumerate().max_by_key(|&(i, &(_, n))| (n, std::cmp::Reverse(i)));
        best.map_or_else(|| cl.label.clone(), |(_, &(t, _))| t.to_owned())
    }
}

pub(super) fn slug_of(c: &Cluster) -> String {
    names::slug(&c.label)
}
