//! Coreference metrics as the reference CoNLL-2012 scorer (v8.01) defines them for predicted
//! mentions (Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions: A
//! Reference Implementation", ACL): MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998) and
//! entity-based CEAF with φ4 similarity (Luo 2005), plus their mean, the CoNLL F1.
//!
//! In: per document, the key (gold) and response (system) partitions as lists of clusters of
//! mention keys. A key mention and a response mention are the same mention when their keys are
//! equal (the caller decides what a key is: here, exact token span). Mentions present on one side
//! only ("twinless") are scored as the reference scorer does: they count in that side's
//! denominators and intersect nothing. Out: numerators and denominators summed over documents
//! (micro-average, as the reference scorer), turned into P/R/F1 by [`Prf`].

use std::collections::HashMap;
use std::hash::Hash;

/// Summed recall and precision fractions of one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub recall_num: f64,
    pub recall_den: f64,
    pub precision_num: f64,
    pub precision_den: f64,
}

impl Prf {
    pub fn recall(&self) -> f64 {
        if self.recall_den == 0.0 { 0.0 } else { self.recall_num / self.recall_den }
    }
    pub fn precision(&self) -> f64 {
        if self.precision_den == 0.0 { 0.0 } else { self.precision_num / self.precision_den }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn add(&mut self, o: &Prf) {
        self.recall_num += o.recall_num;
        self.recall_den += o.recall_den;
        self.precision_num += o.precision_num;
        self.precision_den += o.precision_den;
    }
}

/// MUC, B³ and CEAF-e summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub muc: Prf,
    pub b3: Prf,
    pub ceafe: Prf,
}

impl Scores {
    /// Mean of the three F1s (the CoNLL-2012 official score).
    pub fn conll_f1(&self) -> f64 {
        (self.muc.f1() + self.b3.f1() + self.ceafe.f1()) / 3.0
    }

    /// Adds one document's scores.
    pub fn add_document<M: Eq + Hash + Copy>(&mut self, key: &[Vec<M>], response: &[Vec<M>]) {
        self.muc.add(&muc(key, response));
        self.b3.add(&b_cubed(key, response));
        self.ceafe.add(&ceaf_e(key, response));
    }
}

/// Keeps only clusters with at least two mentions (the "without singletons" setting: the
/// singleton entities of both key and response are removed before scoring).
pub fn without_singletons<M: Clone>(clusters: &[Vec<M>]) -> Vec<Vec<M>> {
    clusters.iter().filter(|c| c.len() > 1).cloned().collect()
}

/// Cluster index of every mention.
fn index_of<M: Eq + Hash + Copy>(clusters: &[Vec<M>]) -> HashMap<M, usize> {
    let mut map = HashMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for &m in c {
            map.insert(m, i);
        }
    }
    map
}

/// MUC recall of `key` against `response` (precision is the same call with the sides swapped):
/// Σ (|K| − |p(K)|) / Σ (|K| − 1), where p(K) partitions K by the response clusters and every
/// mention missing from the response is a part of its own.
fn muc_recall<M: Eq + Hash + Copy>(key: &[Vec<M>], response: &[Vec<M>]) -> (f64, f64) {
    let in_response = index_of(response);
    let (mut num, mut den) = (0.0, 0.0);
    for k in key {
        let mut parts: Vec<usize> = Vec::new();
        let mut missing = 0usize;
        for m in k {
            match in_response.get(m) {
                Some(&r) => {
                    if !parts.contains(&r) {
                        parts.push(r);
                    }
                }
                None => missing += 1,
            }
        }
        num += (k.len() - (parts.len() + missing)) as f64;
        den += (k.len().saturating_sub(1)) as f64;
    }
    (num, den)
}

/// MUC (Vilain et al. 1995): link-based, blind to singletons.
pub fn muc<M: Eq + Hash + Copy>(key: &[Vec<M>], response: &[Vec<M>]) -> Prf {
    let (recall_num, recall_den) = muc_recall(key, response);
    let (precision_num, precision_den) = muc_recall(response, key);
    Prf { recall_num, recall_den, precision_num, precision_den }
}

/// B³ recall numerator and denominator: Σ_K Σ_R |K∩R|² / |K| over Σ |K|.
fn b_cubed_recall<M: Eq + Hash + Copy>(key: &[Vec<M>], response: &[Vec<M>]) -> (f64, f64) {
    let in_response = index_of(response);
    let (mut num, mut den) = (0.0, 0.0);
    for k in key {
        let mut overlap: HashMap<usize, usize> = HashMap::new();
        for m in k {
            if let Some(&r) = in_response.get(m) {
                *overlap.entry(r).or_default() += 1;
            }
        }
        num += overlap.values().map(|&n| (n * n) as f64).sum::<f64>() / k.len() as f64;
        den += k.len() as f64;
    }
    (num, den)
}

/// B³ (Bagga & Baldwin 1998), mention-based.
pub fn b_cubed<M: Eq + Hash + Copy>(key: &[Vec<M>], response: &[Vec<M>]) -> Prf {
    let (recall_num, recall_den) = b_cubed_recall(key, response);
    let (precision_num, precision_den) = b_cubed_recall(response, key);
    Prf { recall_num, recall_den, precision_num, precision_den }
}

/// Entity-based CEAF (Luo 2005) with φ4(K, R) = 2|K∩R| / (|K| + |R|): the best one-to-one
/// alignment of key and response entities (Kuhn–Munkres) gives Φ; recall Φ/|key entities|,
/// precision Φ/|response entities|.
pub fn ceaf_e<M: Eq + Hash + Copy>(key: &[Vec<M>], response: &[Vec<M>]) -> Prf {
    let in_response = index_of(response);
    // Overlaps |K∩R| for the pairs that share a mention.
    let mut overlap: HashMap<(usize, usize), usize> = HashMap::new();
    for (ki, k) in key.iter().enumerate() {
        for m in k {
            if let Some(&ri) = in_response.get(m) {
                *overlap.entry((ki, ri)).or_default() += 1;
            }
        }
    }
    let phi = |ki: usize, ri: usize, n: usize| 2.0 * n as f64 / (key[ki].len() + response[ri].len()) as f64;
    // Entities that share no mention score 0 whatever the alignment, so the assignment is
    // solved separately on each connected component of the overlap graph.
    let mut total = 0.0;
    for (keys, resps) in components(key.len(), response.len(), overlap.keys().copied()) {
        let mut weight = vec![vec![0.0; resps.len()]; keys.len()];
        for (a, &ki) in keys.iter().enumerate() {
            for (b, &ri) in resps.iter().enumerate() {
                if let Some(&n) = overlap.get(&(ki, ri)) {
                    weight[a][b] = phi(ki, ri, n);
                }
            }
        }
        total += max_weight_assignment(&weight);
    }
    Prf { recall_num: total, recall_den: key.len() as f64, precision_num: total, precision_den: response.len() as f64 }
}

/// Connected components of the bipartite key–response overlap graph (key and response indices).
fn components(nk: usize, nr: usize, edges: impl Iterator<Item = (usize, usize)>) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut parent: Vec<usize> = (0..nk + nr).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut touched = vec![false; nk + nr];
    for (k, r) in edges {
        touched[k] = true;
        touched[nk + r] = true;
        let (a, b) = (find(&mut parent, k), find(&mut parent, nk + r));
        if a != b {
            parent[a] = b;
        }
    }
    let mut groups: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for x in (0..nk + nr).filter(|&x| touched[x]) {
        let root = find(&mut parent, x);
        let g = groups.entry(root).or_default();
        if x < nk { g.0.push(x) } else { g.1.push(x - nk) }
    }
    let mut out: Vec<_> = groups.into_values().collect();
    out.sort();
    out
}

/// The largest total weight of a one-to-one assignment of rows to columns (Kuhn–Munkres,
/// O(n³), the shortest-augmenting-path form on the square matrix padded with zeros).
pub fn max_weight_assignment(weight: &[Vec<f64>]) -> f64 {
    let rows = weight.len();
    let cols = weight.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return 0.0;
    }
    // Minimise cost = max − weight; 1-based arrays as in the classic formulation.
    let max = weight.iter().flatten().copied().fold(0.0, f64::max);
    let cost = |i: usize, j: usize| -> f64 { max - weight.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0) };
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let mut p = vec![0usize; n + 1]; // p[j]: row matched to column j
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n).filter(|&j| p[j] >= 1).map(|j| weight.get(p[j] - 1).and_then(|r| r.get(j - 1)).copied().unwrap_or(0.0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// The running example of Pradhan et al. (2014), worked by hand:
    /// key {a b c} {d e f g}, response {a b} {c d} {f g h i}.
    fn example() -> (Vec<Vec<char>>, Vec<Vec<char>>) {
        (vec![vec!['a', 'b', 'c'], vec!['d', 'e', 'f', 'g']], vec![vec!['a', 'b'], vec!['c', 'd'], vec!['f', 'g', 'h', 'i']])
    }

    #[test]
    fn muc_on_the_reference_example() {
        let (k, r) = example();
        // Recall: {a b c} splits into {a b}{c} → 1 link of 2; {d e f g} into {d}{e}{f g} → 1 of 3.
        // Precision: {a b} → 1 of 1; {c d} → 0 of 1; {f g h i} into {f g}{h}{i} → 1 of 3.
        let s = muc(&k, &r);
        assert!(close(s.recall(), 2.0 / 5.0) && close(s.precision(), 2.0 / 5.0), "{s:?}");
        assert!(close(s.f1(), 0.4));
    }

    #[test]
    fn b_cubed_on_the_reference_example() {
        let (k, r) = example();
        // Recall (4/3 + 1/3 + 1/4 + 4/4) / 7 = 35/84; precision (4/2 + 1/2 + 1/2 + 4/4) / 8 = 1/2.
        let s = b_cubed(&k, &r);
        assert!(close(s.recall(), 35.0 / 84.0), "{}", s.recall());
        assert!(close(s.precision(), 0.5));
        assert!(close(s.f1(), 2.0 * 0.5 * (35.0 / 84.0) / (0.5 + 35.0 / 84.0)));
    }

    #[test]
    fn ceaf_e_on_the_reference_example() {
        let (k, r) = example();
        // φ4: K1–R1 4/5, K1–R2 2/5, K2–R2 2/6, K2–R3 4/8; best alignment K1–R1 + K2–R3 = 1.3.
        let s = ceaf_e(&k, &r);
        assert!(close(s.recall(), 1.3 / 2.0) && close(s.precision(), 1.3 / 3.0), "{s:?}");
        assert!(close(s.f1(), 0.52));
    }

    #[test]
    fn muc_of_vilain_et_al_split_chain() {
        // Vilain et al. (1995): key {A B C D}, response {A B} {C D}: recall 2/3, precision 1.
        let s = muc(&[vec![1, 2, 3, 4]], &[vec![1, 2], vec![3, 4]]);
        assert!(close(s.recall(), 2.0 / 3.0) && close(s.precision(), 1.0));
    }

    #[test]
    fn perfect_response_scores_one_and_empty_scores_zero() {
        let (k, _) = example();
        let s = {
            let mut s = Scores::default();
            s.add_document(&k, &k);
            s
        };
        assert!(close(s.conll_f1(), 1.0));
        let mut e = Scores::default();
        e.add_document(&k, &Vec::<Vec<char>>::new());
        assert_eq!(e.conll_f1(), 0.0);
    }

    #[test]
    fn singletons_change_b_cubed_but_not_muc() {
        let key = vec![vec![1, 2], vec![3]];
        let resp = vec![vec![1, 2], vec![4]];
        let with = b_cubed(&key, &resp);
        // Recall (4/2 + 0) / 3; precision (4/2 + 0) / 3.
        assert!(close(with.recall(), 2.0 / 3.0) && close(with.precision(), 2.0 / 3.0));
        let without = b_cubed(&without_singletons(&key), &without_singletons(&resp));
        assert!(close(without.f1(), 1.0));
        assert_eq!(muc(&key, &resp), muc(&without_singletons(&key), &without_singletons(&resp)));
    }

    #[test]
    fn assignment_finds_the_best_permutation() {
        // The greedy choice (row 0 → col 0, 0.9) is not the optimum (0.8 + 0.8).
        let w = vec![vec![0.9, 0.8], vec![0.8, 0.0]];
        assert!(close(max_weight_assignment(&w), 1.6));
        let rect = vec![vec![0.1, 0.5, 0.2]];
        assert!(close(max_weight_assignment(&rect), 0.5));
        assert_eq!(max_weight_assignment(&[]), 0.0);
    }

    #[test]
    fn documents_are_micro_averaged() {
        let mut s = Scores::default();
        s.add_document(&[vec![1, 2]], &[vec![1, 2]]);
        s.add_document(&[vec![1, 2, 3, 4]], &[vec![1], vec![2], vec![3], vec![4]]);
        // MUC recall (1 + 0) / (1 + 3).
        assert!(close(s.muc.recall(), 0.25));
    }
}
