//! Second-pass relation labeller: re-chooses the label of every arc once the whole tree is built.
//!
//! The arc-time labeller ([`super::features::label_features`]) sees the dependent's finished
//! subtree but only the part of the head's subtree built so far: not the head's own head, nor
//! the siblings attached later (a left dependent is labelled before the head's right side exists).
//! This pass scores each arc again with the complete tree around it: the head's head and label,
//! every sibling's label and side, the dependent's first and last children, and the first-pass
//! label itself, so it learns where the first pass goes wrong.
//!
//! In: the finished parser [`State`] (heads and first-pass labels) and the sentence's
//! [`TokInfo`]. Out: new labels written into the state. Arcs from the root keep `root`; no other
//! arc gets `root`. Trained on the parser's own output trees over the training set, on arcs whose
//! head is correct (see [`super::train::train_relabeller`]).

use super::features::TokInfo;
use super::system::State;
use crate::nlp::hash::{finish, mix};

pub const N_RELABEL_FEATS: usize = 60;

/// Siblings on each side of the dependent that get their own feature (nearest first).
const SIBS: usize = 3;

#[inline(always)]
fn k(t: u64, vals: &[u64]) -> u64 {
    let mut h = t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5bd1_e995_0000_0000;
    for &v in vals {
        h = mix(h, v);
    }
    let h = finish(h);
    if h == 0 { 1 } else { h }
}

/// Children of every position of a finished tree, in word order (CSR layout, reused).
#[derive(Debug, Clone, Default)]
pub struct Kids {
    start: Vec<u32>,
    list: Vec<u32>,
    /// Fill cursor per head (kept to avoid an allocation per sentence).
    next: Vec<u32>,
}

impl Kids {
    /// Builds the lists from `head` (`head[d]` for words `0..n`; root = n).
    pub fn fill(&mut self, head: &[u32], n: usize) {
        self.start.clear();
        self.start.resize(n + 3, 0);
        for &h in &head[..n] {
            let h = (h as usize).min(n + 1);
            self.start[h + 1] += 1;
        }
        for i in 1..self.start.len() {
            self.start[i] += self.start[i - 1];
        }
        self.list.clear();
        self.list.resize(n, 0);
        self.next.clear();
        self.next.extend_from_slice(&self.start[..n + 2]);
        for (d, &h) in head[..n].iter().enumerate() {
            let h = (h as usize).min(n + 1);
            self.list[self.next[h] as usize] = d as u32;
            self.next[h] += 1;
        }
    }

    /// Children of `h` in word order (empty for nil and out-of-range positions).
    #[inline]
    pub fn of(&self, h: u32) -> &[u32] {
        let h = h as usize;
        if h + 1 >= self.start.len() {
            return &[];
        }
        &self.list[self.start[h] as usize..self.start[h + 1] as usize]
    }
}

/// Distance bucket (as the move features use).
#[inline]
fn dist(a: u32, b: u32) -> u64 {
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Keys of the features re-choosing the label of `d`'s arc in the finished tree `st`.
/// `first` holds the first-pass labels (`st.label` may already be partly rewritten).
pub fn relabel_features(st: &State, ti: &TokInfo, kids: &Kids, first: &[u8], d: u32, out: &mut [u64; N_RELABEL_FEATS]) {
    let n = st.n as u32;
    let nil = st.nil();
    let h = st.head[d as usize];
    let g = if h < n { st.head[h as usize] } else { nil };
    let dir: u64 = if d < h { 1 } else { 2 };
    let w = |i: u32| ti.w[i as usize];
    let p = |i: u32| ti.p[i as usize];
    let u = |i: u32| ti.u[i as usize];
    let c = |i: u32| ti.c[i as usize];
    let c6 = |i: u32| ti.c6[i as usize];
    let lab = |i: u32| if i < n { first[i as usize] as u64 } else { 0xffff };
    let (hw, hp, dw, dp) = (w(h), p(h), w(d), p(d));
    // EXPERIMENT: KG_RELABEL_OWN=0 hides the first-pass label of d itself.
    static OWN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let own = *OWN.get_or_init(|| std::env::var("KG_RELABEL_OWN").map_or(true, |v| v != "0"));
    let l0 = if own { lab(d) } else { 0xfff0 };
    let ds = dist(h, d);
    let dk = kids.of(d);
    let (dfirst, dlast) = (dk.first().copied().unwrap_or(nil), dk.last().copied().unwrap_or(nil));
    let dset = dk.iter().fold(0u64, |a, &x| a | 1u64 << (first[x as usize].min(63)));
    // Siblings: nearest first on each side, their label sets and counts.
    let hk = kids.of(h);
    let pos = hk.iter().position(|&x| x == d).unwrap_or(0);
    let (left, right) = (&hk[..pos], hk.get(pos + 1..).unwrap_or(&[]));
    let lset = left.iter().fold(0u64, |a, &x| a | 1u64 << (first[x as usize].min(63)));
    let rset = right.iter().fold(0u64, |a, &x| a | 1u64 << (first[x as usize].min(63)));
    let prev = |i: u32| if i == 0 || i >= n { nil } else { i - 1 };
    let next = |i: u32| if i + 1 >= n { nil } else { i + 1 };
    let t = |i: u64| i * 4 + dir;
    let f = out;
    f[0] = k(t(0), &[hw, hp]);
    f[1] = k(t(1), &[hw]);
    f[2] = k(t(2), &[hp]);
    f[3] = k(t(3), &[dw, dp]);
    f[4] = k(t(4), &[dw]);
    f[5] = k(t(5), &[dp]);
    f[6] = k(t(6), &[hp, dp]);
    f[7] = k(t(7), &[hw, dw]);
    f[8] = k(t(8), &[hw, dp]);
    f[9] = k(t(9), &[hp, dw]);
    f[10] = k(t(10), &[hp, dp, ds]);
    f[11] = k(t(11), &[u(h), u(d)]);
    // The first pass's label, alone and in context: what to trust and what to override.
    f[12] = k(t(12), &[l0]);
    f[13] = k(t(13), &[l0, dp]);
    f[14] = k(t(14), &[l0, hp, dp]);
    f[15] = k(t(15), &[l0, dw]);
    f[16] = k(t(16), &[l0, hw]);
    // The head's head and the head's own label (a clause's role shapes its dependents' labels).
    f[17] = k(t(17), &[p(g), hp, dp]);
    f[18] = k(t(18), &[lab(h), hp, dp]);
    f[19] = k(t(19), &[lab(h), dp]);
    f[20] = k(t(20), &[lab(h), l0]);
    f[21] = k(t(21), &[w(g), dp]);
    // The dependent's children: a case/mark word on its left, what follows it on its right.
    f[22] = k(t(22), &[w(dfirst), dp]);
    f[23] = k(t(23), &[w(dfirst), dp, hp]);
    f[24] = k(t(24), &[w(dfirst), hw]);
    f[25] = k(t(25), &[w(dlast), dp]);
    f[26] = k(t(26), &[dset, dp]);
    f[27] = k(t(27), &[dset, l0]);
    f[28] = k(t(28), &[lab(dfirst), dp, hp]);
    // Siblings: the label sets on each side and the nearest ones.
    f[29] = k(t(29), &[lset, dp]);
    f[30] = k(t(30), &[rset, dp]);
    f[31] = k(t(31), &[lset, rset, hp]);
    for i in 0..SIBS {
        let l = left.len().checked_sub(i + 1).map_or(nil, |j| left[j]);
        let r = right.get(i).copied().unwrap_or(nil);
        f[32 + i] = k(t(32 + i as u64), &[lab(l), dp, hp]);
        f[32 + SIBS + i] = k(t(32 + (SIBS + i) as u64), &[lab(r), dp, hp]);
    }
    // 38..
    f[38] = k(t(38), &[left.len().min(4) as u64, right.len().min(4) as u64, dp, hp]);
    f[39] = k(t(39), &[dp, p(prev(d))]);
    f[40] = k(t(40), &[dp, p(next(d))]);
    f[41] = k(t(41), &[hp, p(next(h))]);
    f[42] = k(t(42), &[hp, p(prev(h))]);
    f[43] = k(t(43), &[dw, w(next(d)), dp]);
    f[44] = k(t(44), &[dw, (d == 0) as u64]);
    f[45] = k(t(45), &[dp, dk.len().min(4) as u64]);
    f[46] = k(t(46), &[hp, dp, ti.punct_between(h, d, st.n)]);
    f[47] = k(t(47), &[dw, hp, ti.punct_between(h, d, st.n)]);
    f[48] = k(t(48), &[c(h)]);
    f[49] = k(t(49), &[c(d)]);
    f[50] = k(t(50), &[c(h), c(d)]);
    f[51] = k(t(51), &[c(d), hp]);
    f[52] = k(t(52), &[c(h), dp]);
    f[53] = k(t(53), &[c6(h), c6(d)]);
    f[54] = k(t(54), &[]);
    f[55] = k(t(55), &[hw, w(dfirst), dp]);
    f[56] = k(t(56), &[l0, lab(h), lset, rset]);
    f[57] = k(t(57), &[p(g), lab(h), l0]);
    f[58] = k(t(58), &[c(d), l0]);
    f[59] = k(t(59), &[dw, hw, l0]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kids_lists_children_in_word_order_and_the_root_s_child() {
        // 0 ← 1 → 3, 2 ← 3, root → 1 (n = 4, root = 4).
        let head = [1u32, 4, 3, 1];
        let mut k = Kids::default();
        k.fill(&head, 4);
        assert_eq!(k.of(1), &[0, 3]);
        assert_eq!(k.of(3), &[2]);
        assert_eq!(k.of(4), &[1]);
        assert!(k.of(0).is_empty() && k.of(2).is_empty());
        assert!(k.of(5).is_empty() && k.of(99).is_empty(), "nil and out of range have no children");
        // Reuse for a shorter sentence leaves nothing behind.
        k.fill(&[1, 2], 2);
        assert_eq!(k.of(1), &[0]);
        assert_eq!(k.of(2), &[1]);
        assert!(k.of(3).is_empty());
    }
}
