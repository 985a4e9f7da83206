//! Feature templates (Zhang & Nivre 2011, adapted to arc-hybrid) hashed to u64 keys.
//!
//! [`TokInfo`] holds per-word hashes computed once per sentence (normalised word, XPOS, UPOS);
//! [`move_features`] and [`label_features`] write a fixed number of keys into a caller-owned
//! array, so scoring a move allocates nothing.

use super::system::State;
use crate::document::Token;
use crate::nlp::clusters::WordClusters;
use crate::nlp::hash::{self, finish, mix};

pub const N_MOVE_FEATS: usize = 118;

/// Positions (in the move-feature array) of the features that depend only on the stack's top
/// three words: unchanged until the stack is pushed again, since only its top ever changes.
pub const STACK_FEATS: [usize; 16] = [0, 1, 2, 12, 13, 14, 15, 24, 25, 26, 27, 28, 37, 96, 99, 103];
/// Positions of the features that depend only on the buffer's first three words (and the bias):
/// unchanged until SHIFT moves the buffer front.
pub const BUFFER_FEATS: [usize; 16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 23, 31, 87, 97, 98, 104, 107];
/// The remaining move features, recomputed at every step.
pub const CONFIG_FEATS: [usize; N_MOVE_FEATS - 32] = rest_of_move_feats();

const fn rest_of_move_feats() -> [usize; N_MOVE_FEATS - 32] {
    let mut out = [0; N_MOVE_FEATS - 32];
    let (mut i, mut k) = (0, 0);
    while i < N_MOVE_FEATS {
        let mut grouped = false;
        let mut j = 0;
        while j < 16 {
            grouped |= STACK_FEATS[j] == i || BUFFER_FEATS[j] == i;
            j += 1;
        }
        if !grouped {
            out[k] = i;
            k += 1;
        }
        i += 1;
    }
    out
}
pub const N_LABEL_FEATS: usize = 48;

const ROOT: u64 = 0x0123_4567_89ab_cdef;
const NIL: u64 = 0x0fed_cba9_8765_4321;

/// Per-word hashes for one sentence; index `n` is the root, `n + 1` the nil sentinel.
#[derive(Debug, Default, Clone)]
pub struct TokInfo {
    pub w: Vec<u64>,
    pub p: Vec<u64>,
    pub u: Vec<u64>,
    /// Word-cluster class and 6-bit path prefix (`nlp::clusters`; a fixed value without clusters).
    pub c: Vec<u64>,
    pub c6: Vec<u64>,
    /// Number of punctuation tokens before each position (for "commas in between" features).
    pub punct_before: Vec<u32>,
}

impl TokInfo {
    /// Punctuation tokens strictly between positions a and b (0 when either is nil or root), capped at 3.
    #[inline]
    fn punct_between(&self, a: u32, b: u32, n: usize) -> u64 {
        let (lo, hi) = if a < b { (a as usize, b as usize) } else { (b as usize, a as usize) };
        if hi >= n {
            return 7;
        }
        if lo == hi {
            return 0;
        }
        (self.punct_before[hi] - self.punct_before[lo + 1]).min(3) as u64
    }
}

/// Hash of the lowercased word with digits mapped to `0`.
pub fn word_hash(form: &str) -> u64 {
    if form.is_ascii() && form.len() <= 64 {
        let mut buf = [0u8; 64];
        for (d, c) in buf.iter_mut().zip(form.bytes()) {
            *d = if c.is_ascii_digit() { b'0' } else { c.to_ascii_lowercase() };
        }
        return hash::bytes(&buf[..form.len()]);
    }
    // Typographic quotes and dashes are rare in the treebank: map them to their ASCII forms.
    let s = crate::nlp::clusters::normalize(form);
    if s.len() <= 64 && s.is_ascii() {
        return word_hash(&s);
    }
    hash::str(&s)
}

fn tag_hash(t: &str) -> u64 {
    if t.is_empty() || t == "_" { NIL ^ 0x55 } else { hash::str(t) }
}

impl TokInfo {
    pub fn fill(&mut self, tokens: &[Token], clusters: Option<&WordClusters>) {
        self.w.clear();
        self.p.clear();
        self.u.clear();
        self.c.clear();
        self.c6.clear();
        self.punct_before.clear();
        let mut np = 0u32;
        for t in tokens {
            self.punct_before.push(np);
            np += (t.upos == "PUNCT" || matches!(t.form.as_str(), "," | ";" | ":" | "--" | "-" | "–" | "—")) as u32;
            self.w.push(word_hash(&t.form));
            // XPOS is the main tag; fall back to UPOS when the tagger gave none.
            let x = if t.xpos.is_empty() || t.xpos == "_" { &t.upos } else { &t.xpos };
            self.p.push(tag_hash(x));
            self.u.push(tag_hash(&t.upos));
            match clusters.and_then(|c| c.get_key(*self.w.last().expect("pushed"))) {
                Some(c) => {
                    self.c.push(0x1_0000_0000 + c.id as u64);
                    self.c6.push(c.prefix(6));
                }
                None => {
                    self.c.push(NIL ^ 0x99);
                    self.c6.push(NIL ^ 0x98);
                }
            }
        }
        for v in [&mut self.w, &mut self.p, &mut self.u, &mut self.c, &mut self.c6] {
            v.push(ROOT);
            v.push(NIL);
        }
    }
}

#[inline(always)]
fn k1(t: u64, a: u64) -> u64 {
    key(finish(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a)))
}
#[inline(always)]
fn k2(t: u64, a: u64, b: u64) -> u64 {
    key(finish(mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b)))
}
#[inline(always)]
fn k3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    key(finish(mix(mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b), c)))
}
#[inline(always)]
fn k4(t: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    key(finish(mix(mix(mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b), c), d)))
}
/// 0 marks an empty slot in the weight tables.
#[inline(always)]
fn key(h: u64) -> u64 {
    if h == 0 { 1 } else { h }
}

/// Distance bucket (1, 2, 3, 4, 5–6, 7–9, 10+; 0 when either side is missing).
#[inline]
fn dist(a: u32, b: u32, nil: u32) -> u64 {
    if a == nil || b == nil {
        return 0;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

#[inline]
fn lab(st: &State, i: u32) -> u64 {
    if i == st.nil() || st.head[i as usize] == st.nil() { 0xffff } else { st.label[i as usize] as u64 }
}

/// Keys of the features deciding the next move, at fixed positions (training sums weights in
/// this order). The runtime parser scores the three groups separately: see [`STACK_FEATS`].
pub fn move_features(st: &State, ti: &TokInfo, out: &mut [u64; N_MOVE_FEATS]) {
    stack_features(st, ti, out);
    buffer_features(st, ti, out);
    config_features(st, ti, out);
}

/// Keys of the move features that read only the words and tags of s0, s1 and s2 ([`STACK_FEATS`]).
pub fn stack_features(st: &State, ti: &TokInfo, out: &mut [u64; N_MOVE_FEATS]) {
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let w = |i: u32| ti.w[i as usize];
    let p = |i: u32| ti.p[i as usize];
    let c = |i: u32| ti.c[i as usize];
    let (s0w, s0p, s1w, s1p, s2p) = (w(s0), p(s0), w(s1), p(s1), p(s2));
    let f = out;
    f[0] = k2(0, s0w, s0p);
    f[1] = k1(1, s0w);
    f[2] = k1(2, s0p);
    f[12] = k2(12, s1w, s1p);
    f[13] = k1(13, s1w);
    f[14] = k1(14, s1p);
    f[15] = k2(15, w(s2), s2p);
    f[24] = k4(24, s1w, s1p, s0w, s0p);
    f[25] = k2(25, s1w, s0w);
    f[26] = k2(26, s1p, s0p);
    f[27] = k2(27, s1p, s0w);
    f[28] = k2(28, s1w, s0p);
    f[37] = k3(37, s2p, s1p, s0p);
    f[96] = k1(96, c(s0));
    f[99] = k1(99, c(s1));
    f[103] = k2(103, c(s1), c(s0));
}

/// Keys of the move features that read only the words and tags of n0, n1 and n2, plus the bias
/// ([`BUFFER_FEATS`]).
pub fn buffer_features(st: &State, ti: &TokInfo, out: &mut [u64; N_MOVE_FEATS]) {
    let (n0, n1, n2) = (st.buf(0), st.buf(1), st.buf(2));
    let w = |i: u32| ti.w[i as usize];
    let p = |i: u32| ti.p[i as usize];
    let c = |i: u32| ti.c[i as usize];
    let c6 = |i: u32| ti.c6[i as usize];
    let (n0w, n0p, n1w, n1p, n2w, n2p) = (w(n0), p(n0), w(n1), p(n1), w(n2), p(n2));
    let f = out;
    f[3] = k2(3, n0w, n0p);
    f[4] = k1(4, n0w);
    f[5] = k1(5, n0p);
    f[6] = k2(6, n1w, n1p);
    f[7] = k1(7, n1w);
    f[8] = k1(8, n1p);
    f[9] = k2(9, n2w, n2p);
    f[10] = k1(10, n2w);
    f[11] = k1(11, n2p);
    f[23] = k2(23, n0p, n1p);
    f[31] = k3(31, n0p, n1p, n2p);
    f[87] = k1(87, 0);
    f[97] = k1(97, c(n0));
    f[98] = k1(98, c(n1));
    f[104] = k2(104, c(n0), c(n1));
    f[107] = k1(107, c6(n2));
}

/// Keys of the move features that depend on the children, labels, distances or on both the stack
/// and the buffer ([`CONFIG_FEATS`]); they change with every move.
pub fn config_features(st: &State, ti: &TokInfo, out: &mut [u64; N_MOVE_FEATS]) {
    let nil = st.nil();
    let (s0, s1) = (st.s(0), st.s(1));
    let (n0, n1) = (st.buf(0), st.buf(1));
    let (s0u, n0u) = (s0 as usize, n0 as usize);
    let s0l = st.lc1[s0u];
    let s0l2 = st.lc2[s0u];
    let s0r = st.rc1[s0u];
    let s0r2 = st.rc2[s0u];
    let n0l = st.lc1[n0u];
    let n0l2 = st.lc2[n0u];
    let s1r = st.rc1[s1 as usize];
    let s1l = st.lc1[s1 as usize];
    let w = |i: u32| ti.w[i as usize];
    let p = |i: u32| ti.p[i as usize];
    let u = |i: u32| ti.u[i as usize];
    let (s0w, s0p, s1w, s1p) = (w(s0), p(s0), w(s1), p(s1));
    let (n0w, n0p, n1p) = (w(n0), p(n0), p(n1));
    let d = dist(s0, n0, nil);
    let d1 = dist(s1, s0, nil);
    let (s0vl, s0vr, n0vl) = (st.nl[s0u] as u64, st.nr[s0u] as u64, st.nl[n0u] as u64);
    let (s0ls, s0rs, n0ls) = (st.lset[s0u], st.rset[s0u], st.lset[n0u]);
    let f = out;
    f[16] = k4(16, s0w, s0p, n0w, n0p);
    f[17] = k3(17, s0w, s0p, n0w);
    f[18] = k3(18, s0w, n0w, n0p);
    f[19] = k3(19, s0w, s0p, n0p);
    f[20] = k3(20, s0p, n0w, n0p);
    f[21] = k2(21, s0w, n0w);
    f[22] = k2(22, s0p, n0p);
    f[29] = k2(29, s1w, n0w);
    f[30] = k2(30, s1p, n0p);
    f[32] = k3(32, s0p, n0p, n1p);
    f[33] = k3(33, s1p, s0p, n0p);
    f[34] = k3(34, s0p, p(s0l), n0p);
    f[35] = k3(35, s0p, p(s0r), n0p);
    f[36] = k3(36, s0p, n0p, p(n0l));
    f[38] = k3(38, s1p, s0p, p(s0l));
    f[39] = k3(39, s1p, p(s1r), s0p);
    f[40] = k2(40, s0w, d);
    f[41] = k2(41, s0p, d);
    f[42] = k2(42, n0w, d);
    f[43] = k2(43, n0p, d);
    f[44] = k3(44, s0w, n0w, d);
    f[45] = k3(45, s0p, n0p, d);
    f[46] = k3(46, s1p, s0p, d1);
    f[47] = k3(47, s1w, s0w, d1);
    f[48] = k2(48, s0w, s0vr);
    f[49] = k2(49, s0p, s0vr);
    f[50] = k2(50, s0w, s0vl);
    f[51] = k2(51, s0p, s0vl);
    f[52] = k2(52, n0w, n0vl);
    f[53] = k2(53, n0p, n0vl);
    f[54] = k2(54, s1p, st.nr[s1 as usize] as u64);
    f[55] = k1(55, w(s0l));
    f[56] = k1(56, p(s0l));
    f[57] = k1(57, lab(st, s0l));
    f[58] = k1(58, w(s0r));
    f[59] = k1(59, p(s0r));
    f[60] = k1(60, lab(st, s0r));
    f[61] = k1(61, w(n0l));
    f[62] = k1(62, p(n0l));
    f[63] = k1(63, lab(st, n0l));
    f[64] = k2(64, s1p, lab(st, s1r));
    f[65] = k1(65, w(s0l2));
    f[66] = k1(66, p(s0l2));
    f[67] = k1(67, lab(st, s0l2));
    f[68] = k1(68, w(s0r2));
    f[69] = k1(69, p(s0r2));
    f[70] = k1(70, lab(st, s0r2));
    f[71] = k1(71, w(n0l2));
    f[72] = k1(72, p(n0l2));
    f[73] = k1(73, lab(st, n0l2));
    f[74] = k3(74, s0p, p(s0l), p(s0l2));
    f[75] = k3(75, s0p, p(s0r), p(s0r2));
    f[76] = k3(76, n0p, p(n0l), p(n0l2));
    f[77] = k2(77, s0w, s0rs);
    f[78] = k2(78, s0p, s0rs);
    f[79] = k2(79, s0w, s0ls);
    f[80] = k2(80, s0p, s0ls);
    f[81] = k2(81, n0w, n0ls);
    f[82] = k2(82, n0p, n0ls);
    f[83] = k3(83, s0p, lab(st, s0l), n0p);
    f[84] = k2(84, u(s0), u(n0));
    f[85] = k3(85, u(s1), u(s0), u(n0));
    f[86] = k3(86, s1p, p(s1l), s0p);
    // The leftmost grandchild of n0 catches relativisers inside its subject ("whose visa was").
    let n0ll = st.lc1[n0l as usize];
    f[88] = k2(88, s0p, w(n0ll));
    f[89] = k3(89, s0p, p(n0ll), n0p);
    f[90] = k3(90, p(s1), s0p, w(n0l));
    // Does n0 already have a subject (or other left dependents) when s0 would attach to it?
    f[91] = k3(91, s0p, n0p, n0ls);
    f[92] = k3(92, s0p, n0p, lab(st, n0l));
    let n = st.n;
    f[93] = k3(93, s0p, n0p, ti.punct_between(s0, n0, n));
    f[94] = k3(94, s1p, s0p, ti.punct_between(s1, s0, n));
    f[95] = k3(95, n0w, s0p, ti.punct_between(s0, n0, n));
    // Word clusters: a class for rare words, prefixes as finer-than-POS tags (Koo et al. 2008).
    let c = |i: u32| ti.c[i as usize];
    let c6 = |i: u32| ti.c6[i as usize];
    f[100] = k2(100, c(s0), c(n0));
    f[101] = k2(101, c(s0), n0p);
    f[102] = k2(102, s0p, c(n0));
    f[105] = k3(105, c6(s0), c6(n0), c6(n1));
    f[106] = k3(106, c6(s1), c6(s0), c6(n0));
    // Attachment of a prepositional phrase or conjunct at n0 (its case/cc word is its leftmost
    // child): to s0 (after SHIFT) or to s1 (after RIGHT reduces s0)?
    let n0lw = w(n0l);
    f[108] = k3(108, s0w, n0lw, n0w);
    f[109] = k3(109, s1w, n0lw, n0w);
    f[110] = k3(110, s0p, n0lw, n0p);
    f[111] = k4(111, s1p, s0p, n0lw, n0p);
    f[112] = k3(112, c(s0), n0lw, c(n0));
    f[113] = k3(113, c(s1), n0lw, c(n0));
    f[114] = k3(114, s0w, n0lw, 0);
    f[115] = k3(115, s1p, n0p, n0ls);
    f[116] = k4(116, s1p, s0p, n0p, n0ls);
    f[117] = k3(117, s0p, s0rs, n0ls);
}

/// Keys of the features choosing the label of the arc `h → d` being added.
pub fn label_features(st: &State, ti: &TokInfo, h: u32, d: u32, out: &mut [u64; N_LABEL_FEATS]) {
    let nil = st.nil();
    let n = st.n as u32;
    let dir: u64 = if d < h { 1 } else { 2 };
    let (hu, du) = (h as usize, d as usize);
    let w = |i: u32| ti.w[i as usize];
    let p = |i: u32| ti.p[i as usize];
    let u = |i: u32| ti.u[i as usize];
    let (hw, hp, dw, dp) = (w(h), p(h), w(d), p(d));
    let dl = st.lc1[du];
    let dl2 = st.lc2[du];
    let dr = st.rc1[du];
    let hl = st.lc1[hu];
    let hr = st.rc1[hu];
    let prev = |i: u32| if i == 0 || i >= n { nil } else { i - 1 };
    let next = |i: u32| if i + 1 >= n { nil } else { i + 1 };
    let ds = dist(h, d, nil);
    let t = |i: u64| i * 4 + dir;
    let f = out;
    f[0] = k2(t(0), hw, hp);
    f[1] = k1(t(1), hw);
    f[2] = k1(t(2), hp);
    f[3] = k2(t(3), dw, dp);
    f[4] = k1(t(4), dw);
    f[5] = k1(t(5), dp);
    f[6] = k2(t(6), hp, dp);
    f[7] = k2(t(7), hw, dw);
    f[8] = k2(t(8), hw, dp);
    f[9] = k2(t(9), hp, dw);
    f[10] = k3(t(10), hp, dp, ds);
    f[11] = k2(t(11), w(dl), dp);
    f[12] = k3(t(12), w(dl), dp, hp);
    f[13] = k2(t(13), lab(st, dl), dp);
    f[14] = k2(t(14), st.lset[du], dp);
    f[15] = k2(t(15), st.rset[du], dp);
    f[16] = k2(t(16), st.lset[hu], hp);
    f[17] = k2(t(17), st.rset[hu], hp);
    f[18] = k2(t(18), dp, p(prev(d)));
    f[19] = k2(t(19), dp, p(next(d)));
    f[20] = k2(t(20), hp, p(next(h)));
    f[21] = k2(t(21), hp, p(prev(h)));
    f[22] = k2(t(22), u(d), u(h));
    f[23] = k2(t(23), w(dl), w(dr));
    f[24] = k3(t(24), w(dl), w(dl2), dp);
    f[25] = k2(t(25), p(dr), dp);
    f[26] = k4(t(26), hw, w(dl), dp, 0);
    f[27] = k3(t(27), hp, lab(st, hl), dp);
    f[28] = k4(t(28), hp, dp, st.lset[hu], st.lset[du]);
    f[29] = k3(t(29), dp, st.nl[du] as u64, st.nr[du] as u64);
    f[30] = k3(t(30), hp, w(hl), dp);
    f[31] = k2(t(31), dw, (d == 0) as u64);
    f[32] = k3(t(32), dw, hp, ds);
    f[33] = k3(t(33), p(st.s(1)), hp, dp);
    f[34] = k3(t(34), w(dr), dp, hp);
    f[35] = k3(t(35), hp, dp, lab(st, hr));
    f[36] = k3(t(36), dw, w(next(d)), dp);
    f[37] = k2(t(37), hw, w(dl));
    f[38] = k3(t(38), dp, p(dl), p(dr));
    f[39] = k1(t(39), 0);
    f[40] = k3(t(40), hp, dp, ti.punct_between(h, d, st.n));
    f[41] = k3(t(41), dw, hp, ti.punct_between(h, d, st.n));
    let c = |i: u32| ti.c[i as usize];
    let c6 = |i: u32| ti.c6[i as usize];
    f[42] = k1(t(42), c(h));
    f[43] = k1(t(43), c(d));
    f[44] = k2(t(44), c(h), c(d));
    f[45] = k2(t(45), c(d), hp);
    f[46] = k2(t(46), c(h), dp);
    f[47] = k2(t(47), c6(h), c6(d));
}

#[cfg(test)]
mod tests {
    use super::super::system;
    use super::*;

    /// Positions written by one group function (keys are never 0).
    fn written(group: fn(&State, &TokInfo, &mut [u64; N_MOVE_FEATS]), st: &State, ti: &TokInfo) -> Vec<usize> {
        let mut f = [0u64; N_MOVE_FEATS];
        group(st, ti, &mut f);
        (0..N_MOVE_FEATS).filter(|&i| f[i] != 0).collect()
    }

    fn sentence(n: usize) -> TokInfo {
        let tokens: Vec<Token> = (0..n)
            .map(|i| Token { form: format!("w{i}"), xpos: ["NN", "VBD", "IN", "DT"][i % 4].into(), upos: ["NOUN", "VERB", "ADP", "DET"][i % 4].into(), ..Default::default() })
            .collect();
        let mut ti = TokInfo::default();
        ti.fill(&tokens, None);
        ti
    }

    #[test]
    fn move_feature_groups_partition_the_positions() {
        let ti = sentence(6);
        let mut st = State::new(6);
        st.apply(system::SHIFT, 0);
        st.apply(system::SHIFT, 0);
        assert_eq!(written(stack_features, &st, &ti), STACK_FEATS.to_vec());
        assert_eq!(written(buffer_features, &st, &ti), BUFFER_FEATS.to_vec());
        assert_eq!(written(config_features, &st, &ti), CONFIG_FEATS.to_vec());
        assert_eq!(written(move_features, &st, &ti), (0..N_MOVE_FEATS).collect::<Vec<_>>());
    }

    #[test]
    fn grouped_keys_stay_put_while_their_words_do() {
        let ti = sentence(6);
        let keys = |group: fn(&State, &TokInfo, &mut [u64; N_MOVE_FEATS]), st: &State| {
            let mut f = [0u64; N_MOVE_FEATS];
            group(st, &ti, &mut f);
            f
        };
        let mut st = State::new(6);
        st.apply(system::SHIFT, 0);
        st.apply(system::SHIFT, 0);
        let (stack, buffer, config) = (keys(stack_features, &st), keys(buffer_features, &st), keys(config_features, &st));
        // SHIFT then RIGHT: the stack is [0, 1] again (1 now has a child), the buffer front moved.
        st.apply(system::SHIFT, 0);
        assert_ne!(keys(stack_features, &st), stack);
        st.apply(system::RIGHT, 3);
        assert_eq!(keys(stack_features, &st), stack);
        assert_ne!(keys(buffer_features, &st), buffer);
        assert_ne!(keys(config_features, &st), config);
        // LEFT: the buffer front stays (it gains a child), so its keys stay too.
        let buffer = keys(buffer_features, &st);
        st.apply(system::LEFT, 2);
        assert_eq!(keys(buffer_features, &st), buffer);
    }

    #[test]
    fn word_hash_normalises_case_digits_quotes_and_dashes() {
        let same = [("Ferreira", "ferreira"), ("2015", "1999"), ("“", "\""), ("’s", "'s"), ("n’t", "n't"), ("–", "--"), ("—", "--"), ("ÉCOLE", "école")];
        for (a, b) in same {
            assert_eq!(word_hash(a), word_hash(b), "{a} vs {b}");
        }
        assert_ne!(word_hash("visa"), word_hash("vise"));
        assert_ne!(word_hash("a"), word_hash("b"));
    }
}
