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
use std::collections::{BTreeMap, HashMap, HashSet};

impl State<'_> {
    pub(super) fn finish(mut self, triples: Vec<Pending>) -> ResolvedDocument {
        merge_bare_heads(&mut self.clusters);
        let runs = proper_name_runs(&self.doc.sentences);
        merge_short_names(&mut self.clusters, &runs);
        // the merges rewrote labels and names behind the index's back: a later lookup rebuilds it
        *self.index.get_mut() = Default::default();
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
    // The concepts named `N of …` by `N`, so each bare noun looks up its candidates instead of
    // testing every cluster: the scan made this step quadratic in a document's concepts.
    let mut by_head: HashMap<String, Vec<usize>> = HashMap::new();
    for (o, cl) in clusters.iter().enumerate() {
        if let Some(head) = named_complement_head(cl) {
            by_head.entry(head).or_default().push(o);
        }
    }
    for c in 0..clusters.len() {
        let label = clusters[c].label.to_lowercase();
        let bare = clusters[c].kind == EntityType::Concept
            && label.chars().count() >= 4
            && label.chars().all(|ch| ch.is_alphabetic() || ch == '-')
            && !label.ends_with('s');
        if !bare {
            continue;
        }
        let cands: Vec<usize> = by_head.get(&label).map_or(Vec::new(), |os| os.iter().copied().filter(|&o| o != c).collect());
        let mut labels: Vec<String> = cands.iter().map(|&o| clusters[o].label.to_lowercase()).collect();
        labels.dedup();
        if let [only] = labels.as_slice() {
            let full = clusters[cands[0]].label.clone();
            let old = std::mem::replace(&mut clusters[c].label, full);
            debug_assert_eq!(&clusters[c].label.to_lowercase(), only);
            clusters[c].aliases.insert(old);
            // its new label is `N of …`: a candidate for the bare nouns after it, in cluster order
            if let Some(head) = named_complement_head(&clusters[c])
                && let Some(os) = by_head.get_mut(&head)
                && let Err(at) = os.binary_search(&c)
            {
                os.insert(at, c);
            }
        }
    }
}

/// Short forms of a document's longer names that the NER left as plain capitalised words: `the
/// Comets` after `the Dayton Comets`, `ZRF` before or after `Zenith Rowing Federation`. A
/// concept written as a name (every word capitalised) takes the one longer name of the document
/// (a cluster's label, or a run of capitalised words in `runs`) that ends with its words, or,
/// written as an acronym, the one name whose capitalised words give its letters. Two candidates
/// (`the Ravens` with two Ravens teams) leave it alone.
fn merge_short_names(clusters: &mut [Cluster], runs: &[String]) {
    let labels = clusters
        .iter()
        .filter(|cl| !matches!(cl.kind, EntityType::Date | EntityType::Money | EntityType::Quantity))
        .map(|cl| cl.label.clone());
    let mut longer: Vec<String> = labels.chain(runs.iter().cloned()).collect();
    longer.sort_unstable_by_key(|l| l.to_lowercase());
    longer.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut by_tail: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (o, name) in longer.iter().enumerate() {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 || !is_written_as_name(&words) {
            continue;
        }
        for k in 1..words.len() {
            let tail = &words[words.len() - k..];
            // `America` is not `Bank of America`: a tail starts after a capitalised word
            if starts_upper(tail[0]) && starts_upper(words[words.len() - k - 1]) {
                by_tail.entry(tail.join(" ").to_lowercase()).or_default().push(o);
            }
        }
        let initials: String = words.iter().filter(|w| starts_upper(w)).filter_map(|w| w.chars().next()).collect();
        if initials.chars().count() >= 2 {
            by_initials.entry(initials).or_default().push(o);
        }
    }
    // a stated alias's name is written as the text gave it (`N`, not a later `Mister N`)
    for cl in clusters.iter_mut().filter(|cl| cl.kind == EntityType::Concept && !cl.stated_name) {
        let words: Vec<&str> = cl.label.split_whitespace().collect();
        if words.is_empty() || !words.iter().all(|w| starts_upper(w)) {
            continue;
        }
        // `President` alone is a post, not a short form of `Vice President`
        let first = words[0].to_lowercase();
        if words.len() == 1 && (names::is_title_word(&first) || names::is_role_noun(&first)) {
            continue;
        }
        let acronym = words.len() == 1 && super::named::is_capital_acronym(&cl.label);
        let cands = if acronym { by_initials.get(&cl.label) } else { by_tail.get(&cl.label.to_lowercase()) };
        if let Some(&[only]) = cands.map(Vec::as_slice) {
            let short = std::mem::replace(&mut cl.label, longer[only].clone());
            cl.aliases.insert(short);
        }
    }
}

/// Lowercase words inside a name (`Bank of Veltria`, `Commission on Ferry Safety`); `and` and
/// `the` are left out, since they join two names in a list more often than they sit inside one.
const RUN_CONNECTORS: &[&str] = &["of", "for", "on", "de", "du", "des", "&"];

/// Determiners that do not open a name when capitalised inside a sentence (quoted speech or
/// titles: `No Person`, `This Time`).
const NOT_NAME_OPENERS: &[&str] = &["No", "This", "That", "These", "Those", "Each", "Every", "Any", "Some", "Another", "A", "An", "Which", "What", "Whose"];

/// Runs of capitalised words in the text (`San Marco Comets`, `Bank of Veltria`), with
/// lowercase connectors inside; a sentence's first word counts only when tagged a proper noun.
fn proper_name_runs(sentences: &[crate::document::Sentence]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sentences {
        let named = |i: usize| {
            let t = &s.tokens[i];
            starts_upper(&t.form) && t.upos != "PUNCT" && (i > 0 || t.upos == "PROPN")
        };
        // a name opens with a content word or a determiner that can start one (`The Verge`,
        // `All Saints Hospital`), not with `Why`, `My`, `No` or `This`
        let opens = |i: usize| {
            named(i)
                && match s.tokens[i].upos.as_str() {
                    "PROPN" | "NOUN" | "ADJ" | "NUM" | "X" => true,
                    "DET" => !NOT_NAME_OPENERS.contains(&s.tokens[i].form.as_str()),
                    _ => false,
                }
        };
        let mut i = 0;
        while i < s.tokens.len() {
            if !opens(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            let mut j = i + 1;
            while j < s.tokens.len() {
                if named(j) {
                    end = j + 1;
                } else if !RUN_CONNECTORS.contains(&s.tokens[j].form.as_str()) {
                    break;
                }
                j += 1;
            }
            if end - start >= 2 {
                out.push(join_tokens(s, start..end));
            }
            i = end;
        }
    }
    out
}

/// Words written as a name: capitalised, with lowercase connectors (`of`, `and`) only inside.
fn is_written_as_name(words: &[&str]) -> bool {
    starts_upper(words[0])
        && starts_upper(words[words.len() - 1])
        && words.iter().all(|w| starts_upper(w) || names::is_name_connector(w))
}

/// `N` (lowercased) of a concept named `N of Name` or `N of the Name`: only a noun named by a name
/// in its complement (`government of Samoa`); a noun with modifiers in front (`measles
/// outbreak`, `fourth bus crash`) or a described complement (`invention of a new coating`) is
/// often one of several of its kind.
fn named_complement_head(cl: &Cluster) -> Option<String> {
    const QUANTIFIERS: &[&str] = &["many", "some", "all", "few", "several", "most", "more", "other", "another", "each", "every", "any", "no"];
    if cl.kind != EntityType::Concept {
        return None;
    }
    let words: Vec<&str> = cl.label.split_whitespace().collect();
    let named = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (words.len() > 2
        && words[1] == "of"
        && !QUANTIFIERS.contains(&words[2])
        && (named(&words[2]) || (words[2] == "the" && words.get(3).is_some_and(named))))
    .then(|| words[0].to_lowercase())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(labels: &[&str]) -> Vec<Cluster> {
        labels.iter().map(|l| Cluster::new((*l).to_owned(), EntityType::Concept)).collect()
    }

    fn labels(clusters: &[Cluster]) -> Vec<&str> {
        clusters.iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn a_bare_noun_takes_the_one_named_complement() {
        let mut cs = concepts(&["council", "Council of Veltria", "harbour"]);
        merge_bare_heads(&mut cs);
        assert_eq!(labels(&cs), ["Council of Veltria", "Council of Veltria", "harbour"]);
        assert!(cs[0].aliases.contains("council"));
    }

    #[test]
    fn two_named_complements_or_none_leave_the_noun_alone() {
        let mut cs = concepts(&["council of Veltria", "council", "council of Ostmark", "council of many towns", "council of a town"]);
        merge_bare_heads(&mut cs);
        assert_eq!(labels(&cs)[1], "council");
        let mut cs = concepts(&["bridge", "council of many towns", "bridge over the river"]);
        merge_bare_heads(&mut cs);
        assert_eq!(labels(&cs)[0], "bridge");
    }

    #[test]
    fn the_same_complement_twice_is_one_candidate() {
        let mut cs = concepts(&["mayor of the Veltria", "mayor", "mayor", "Mayor of the Veltria"]);
        merge_bare_heads(&mut cs);
        assert_eq!(labels(&cs), ["mayor of the Veltria", "mayor of the Veltria", "mayor of the Veltria", "Mayor of the Veltria"]);
    }

    #[test]
    fn a_short_name_takes_the_one_longer_name_ending_with_it() {
        let mut cs = concepts(&["Dayton Comets", "Comets", "harbour", "Harbour"]);
        merge_short_names(&mut cs, &[]);
        assert_eq!(labels(&cs), ["Dayton Comets", "Dayton Comets", "harbour", "Harbour"]);
        assert!(cs[1].aliases.contains("Comets"));
    }

    #[test]
    fn an_acronym_concept_takes_the_name_with_its_initials_in_either_order() {
        let mut cs = concepts(&["ZRF", "Zenith Rowing Federation", "Office of Ferry Safety", "OFS"]);
        merge_short_names(&mut cs, &[]);
        assert_eq!(labels(&cs), ["Zenith Rowing Federation", "Zenith Rowing Federation", "Office of Ferry Safety", "Office of Ferry Safety"]);
    }

    #[test]
    fn two_candidates_or_a_lowercase_word_leave_the_short_form_alone() {
        let mut cs = concepts(&["Dayton Ravens", "Boise Ravens", "Ravens", "comets", "Dayton Comets", "ZZ"]);
        merge_short_names(&mut cs, &[]);
        assert_eq!(labels(&cs)[2..], ["Ravens", "comets", "Dayton Comets", "ZZ"]);
        // a word after `of` is no short form, nor is a lone title
        let mut cs = concepts(&["Bank of Ostmark", "Ostmark", "Vice Chairman", "Chairman"]);
        merge_short_names(&mut cs, &[]);
        assert_eq!(labels(&cs), ["Bank of Ostmark", "Ostmark", "Vice Chairman", "Chairman"]);
        // a named cluster keeps its own name
        let mut cs = vec![Cluster::new("Comets".into(), EntityType::Organization), Cluster::new("Dayton Comets".into(), EntityType::Concept)];
        merge_short_names(&mut cs, &[]);
        assert_eq!(labels(&cs), ["Comets", "Dayton Comets"]);
    }

    #[test]
    fn short_names_find_their_long_form_among_the_capitalised_runs_of_the_text() {
        let d = super::super::tests::doc(&["Garner joined the Dayton Comets and the Union of Ferry Pilots .", "The UFP thanked the Comets , My Pilots said ."]);
        let runs = proper_name_runs(&d.sentences);
        assert_eq!(runs, ["Dayton Comets", "Union of Ferry Pilots"]);
        let mut cs = concepts(&["Comets", "UFP", "Garner", "Pilots"]);
        merge_short_names(&mut cs, &runs);
        assert_eq!(labels(&cs), ["Dayton Comets", "Union of Ferry Pilots", "Garner", "Union of Ferry Pilots"]);
    }

    #[test]
    fn named_complement_head_needs_a_name_after_of() {
        let head = |l: &str| named_complement_head(&Cluster::new(l.to_owned(), EntityType::Concept));
        assert_eq!(head("Office of the Ombud").as_deref(), Some("office"));
        assert_eq!(head("office of several towns"), None);
        assert_eq!(head("office of"), None);
        assert_eq!(head("office for Ostmark"), None);
        assert_eq!(named_complement_head(&Cluster::new("Office of Ostmark".into(), EntityType::Organization)), None);
    }
}
