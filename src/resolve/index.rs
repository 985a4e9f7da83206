//! Lookup tables over the clusters, so that finding "the person whose surname is X" or "the
//! name that ends with these words" costs the few clusters that share a word with the query,
//! not every cluster of the document. Without them, resolution grew with the square of a
//! document's length (each mention scanned every cluster): a 4 MB text spent more than half
//! of its extraction time here.
//!
//! The tables only propose candidates; callers test every candidate with the same condition
//! the full scan used, and pick among them in cluster order as the scan did, so results are
//! the scan's. That makes stale entries harmless: a table may list a cluster under a word its
//! label or name no longer has. What must hold is the other direction: every cluster is listed
//! under its current words. Clusters pushed since the last lookup are added lazily
//! ([`ClusterIndex::sync`]); a step that changes the label, name or other names of an existing
//! cluster calls [`super::state::State::reindex`].

use super::named::{initials, is_acronym};
use super::state::{Cluster, lower_key};
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct ClusterIndex {
    /// Clusters `0..synced` are in the tables.
    synced: usize,
    /// Word key of the last word of the label → clusters.
    label_last: HashMap<String, Vec<usize>>,
    /// Person-name word keys by position: last, first, and any word strictly between.
    name_last: HashMap<String, Vec<usize>>,
    name_first: HashMap<String, Vec<usize>>,
    name_middle: HashMap<String, Vec<usize>>,
    /// The last name word and each of its one-character deletions → clusters (a symmetric-
    /// deletion table: two words one edit apart share an entry).
    name_last_edits: HashMap<String, Vec<usize>>,
    /// Clusters with other names (`alt_names`).
    with_alt_names: Vec<usize>,
    /// A label that is an acronym, and the initials of a label of several words → clusters.
    acronym: HashMap<String, Vec<usize>>,
    /// The last space-separated word of a label of several words, ASCII-lowercased → clusters.
    label_head: HashMap<String, Vec<usize>>,
}

impl ClusterIndex {
    /// Adds the clusters pushed since the last call.
    pub(super) fn sync(&mut self, clusters: &[Cluster]) {
        while self.synced < clusters.len() {
            let c = self.synced;
            self.add(c, &clusters[c]);
            self.synced += 1;
        }
    }

    /// Lists cluster `c` under its current words (again, after a change; duplicates are
    /// removed at lookup). A cluster not yet synced is left to [`ClusterIndex::sync`].
    pub(super) fn add_changed(&mut self, c: usize, cl: &Cluster) {
        if c < self.synced {
            self.add(c, cl);
        }
    }

    fn add(&mut self, c: usize, cl: &Cluster) {
        if let Some(last) = cl.label.split_whitespace().next_back() {
            push(&mut self.label_last, lower_key(last), c);
        }
        if cl.label.contains(' ') {
            push(&mut self.acronym, initials(&cl.label), c);
            if let Some(head) = cl.label.rsplit(' ').next() {
                push(&mut self.label_head, head.to_ascii_lowercase(), c);
            }
        }
        if is_acronym(&cl.label) {
            push(&mut self.acronym, cl.label.clone(), c);
        }
        if let Some((last, rest)) = cl.name.split_last() {
            push(&mut self.name_last, last.clone(), c);
            for key in one_deletion_keys(last) {
                push(&mut self.name_last_edits, key, c);
            }
            if let Some((first, middle)) = rest.split_first() {
                push(&mut self.name_first, first.clone(), c);
                for w in middle {
                    push(&mut self.name_middle, w.clone(), c);
                }
            } else {
                push(&mut self.name_first, last.clone(), c);
            }
        }
        if !cl.alt_names.is_empty() {
            self.with_alt_names.push(c);
        }
    }

    /// Clusters whose label's last word has the key `key` (sorted, no duplicates).
    pub(super) fn by_label_last(&self, key: &str) -> Vec<usize> {
        sorted(self.label_last.get(key).into_iter().flatten().copied())
    }

    /// Clusters whose person name ends with the word `key`.
    pub(super) fn by_name_last(&self, key: &str) -> Vec<usize> {
        sorted(self.name_last.get(key).into_iter().flatten().copied())
    }

    /// Clusters whose person name starts with the word `key` (a one-word name starts with it too).
    pub(super) fn by_name_first(&self, key: &str) -> Vec<usize> {
        sorted(self.name_first.get(key).into_iter().flatten().copied())
    }

    /// Clusters whose person name has the word `key` strictly inside.
    pub(super) fn by_name_middle(&self, key: &str) -> Vec<usize> {
        sorted(self.name_middle.get(key).into_iter().flatten().copied())
    }

    /// Clusters whose person name's last word may be one edit from `word` (a superset).
    pub(super) fn by_name_last_near(&self, word: &str) -> Vec<usize> {
        let keys = one_deletion_keys(word);
        sorted(keys.iter().filter_map(|k| self.name_last_edits.get(k)).flatten().copied())
    }

    /// Clusters whose label is the acronym `key` or has the initials `key`.
    pub(super) fn by_acronym(&self, key: &str) -> Vec<usize> {
        sorted(self.acronym.get(key).into_iter().flatten().copied())
    }

    /// Clusters with a label of several words whose last space-separated word is `word`,
    /// ignoring ASCII case.
    pub(super) fn by_label_head(&self, word: &str) -> Vec<usize> {
        sorted(self.label_head.get(&word.to_ascii_lowercase()).into_iter().flatten().copied())
    }

    /// Clusters that have other names.
    pub(super) fn with_alt_names(&self) -> Vec<usize> {
        sorted(self.with_alt_names.iter().copied())
    }
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, c: usize) {
    let list = map.entry(key).or_default();
    if list.last() != Some(&c) {
        list.push(c);
    }
}

fn sorted(it: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = it.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The word and every string made by deleting one of its characters. Two words within one
/// substitution, insertion or deletion of each other ([`super::names::within_one_edit`]) share
/// at least one of these keys.
fn one_deletion_keys(word: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut keys = Vec::with_capacity(chars.len() + 1);
    keys.push(word.to_owned());
    for &(at, ch) in &chars {
        let mut k = String::with_capacity(word.len());
        k.push_str(&word[..at]);
        k.push_str(&word[at + ch.len_utf8()..]);
        keys.push(k);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EntityType;
    use crate::resolve::names::within_one_edit;

    fn person(label: &str) -> Cluster {
        let mut cl = Cluster::new(label.to_owned(), EntityType::Person);
        cl.name = label.split_whitespace().map(lower_key).collect();
        cl
    }

    #[test]
    fn words_one_edit_apart_share_a_deletion_key() {
        let words = ["marten", "martin", "martens", "marte", "amrten", "kowalski", "kowalsky", "müller", "muller", "x"];
        for a in words {
            for b in words {
                let shared = one_deletion_keys(a).iter().any(|k| one_deletion_keys(b).contains(k));
                if within_one_edit(a, b) {
                    assert!(shared, "{a} / {b}");
                }
            }
        }
    }

    #[test]
    fn lists_clusters_by_name_position_and_label_end() {
        let clusters = vec![person("Anna Maria Velde"), Cluster::new("Northfield Water Board".into(), EntityType::Organization), person("Velde")];
        let mut index = ClusterIndex::default();
        index.sync(&clusters);
        assert_eq!(index.by_name_last("velde"), vec![0, 2]);
        assert_eq!(index.by_name_first("anna"), vec![0]);
        assert_eq!(index.by_name_first("velde"), vec![2], "a one-word name is its own first word");
        assert_eq!(index.by_name_middle("maria"), vec![0]);
        assert_eq!(index.by_label_last("board"), vec![1]);
        assert_eq!(index.by_name_last_near("veldt"), vec![0, 2]);
        assert!(index.by_name_last_near("board").is_empty());
        assert_eq!(index.by_acronym("NWB"), vec![1]);
        assert_eq!(index.by_label_head("BOARD"), vec![1]);
        assert!(index.by_label_head("velde").contains(&0));
    }

    #[test]
    fn a_changed_cluster_is_found_under_its_new_words_and_only_synced_ones_are_added_twice() {
        let mut clusters = vec![person("Velde")];
        let mut index = ClusterIndex::default();
        index.sync(&clusters);
        clusters[0] = person("Anna Velde");
        index.add_changed(0, &clusters[0]);
        assert_eq!(index.by_name_first("anna"), vec![0]);
        clusters.push(person("Tom Brandt"));
        index.add_changed(1, &clusters[1]);
        assert!(index.by_name_first("tom").is_empty(), "not synced yet");
        index.sync(&clusters);
        assert_eq!(index.by_name_first("tom"), vec![1]);
    }
}
