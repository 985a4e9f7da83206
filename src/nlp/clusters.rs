//! Word clusters learned from unlabelled text by our own code (`models/word-clusters.bin`).
//!
//! Owns the cluster model, its training and its file. In: sentences of words (news text
//! tokenized by `crate::text::segment`, plus the words of treebank training splits). Out: for
//! each word seen at least `min_count` times, a [`Cluster`]: a flat class id and the class's
//! bit-string path in a binary merge tree, so features can use prefixes of several lengths
//! (coarse to fine), as with Brown clusters (Brown et al. 1992; Koo et al. 2008; Ratinov & Roth 2009).
//!
//! Method: the class-bigram model of Brown et al. (1992). Words are first put into `classes` flat
//! classes by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): each pass
//! moves every word, most frequent first, to the class that most increases the class-bigram
//! likelihood. The classes are then merged bottom-up, always the pair whose merge loses the least
//! likelihood (Brown's agglomeration, with the O(1) update of the cached merge losses), which
//! gives the tree and the bit strings (`0` = left child, `1` = right child, from the root).
//! Deterministic: no randomness, ties go to the lower index.
//!
//! Words are looked up case- and digit-insensitively ([`normalize`]: lowercase, digits → `0`,
//! typographic quotes and dashes → ASCII), the normalisation the parser uses for word features,
//! so [`key`] is `parser::features::word_hash`.

#[cfg(feature = "train")]
use super::conllu::ConlluSentence;
use super::hash::IdMap;
#[cfg(feature = "train")]
use super::model_file::CorpusFile;
use super::model_file::{self, ModelError, Provenance, Reader, Writer};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Magic bytes and format version of `models/word-clusters.bin`.
pub const MAGIC: &[u8; 8] = b"KGCLUSTR";
pub const VERSION: u32 = 1;
const NAME: &str = "word-clusters.bin";

pub(crate) static EMBEDDED_BYTES: &[u8] = include_bytes!("../../models/word-clusters.bin");
static EMBEDDED: OnceLock<Result<WordClusters, String>> = OnceLock::new();

/// Longest stored path; deeper leaves keep their first bits (their class id stays exact).
const MAX_DEPTH: u8 = 63;

/// The cluster of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cluster {
    /// Flat class id (0..classes).
    pub id: u32,
    /// The bit string as an integer: its `len` low bits, first bit most significant.
    pub path: u64,
    pub len: u8,
}

impl Cluster {
    /// The first `bits` bits of the path as a feature value; prefixes of different lengths
    /// never collide (a leading 1 marks the length). Paths shorter than `bits` give the whole path.
    #[inline]
    pub fn prefix(&self, bits: u8) -> u64 {
        let l = bits.min(self.len);
        (self.path >> (self.len - l)) | (1u64 << l)
    }

    /// The path as a string of `0`s and `1`s.
    pub fn bits(&self) -> String {
        (0..self.len).map(|i| if (self.path >> (self.len - 1 - i)) & 1 == 1 { '1' } else { '0' }).collect()
    }
}

/// A trained clustering: normalised word → class, and each class's path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordClusters {
    /// Path and depth of each class.
    paths: Vec<(u64, u8)>,
    /// (normalised word, corpus count, class), sorted by word.
    words: Vec<(String, u32, u32)>,
    index: IdMap<u32>,
}

/// The lookup key of a word form: the hash of its [`normalize`]d form, computed without allocating.
#[inline]
pub fn key(form: &str) -> u64 {
    super::parser::features::word_hash(form)
}

/// Lowercase, ASCII digits → `0`, typographic quotes and dashes → ASCII (`“` → `"`, `’` → `'`,
/// `–` → `--`, `…` → `...`).
pub fn normalize(form: &str) -> String {
    let mut s = String::with_capacity(form.len());
    for c in form.chars() {
        match c {
            '“' | '”' | '„' | '«' | '»' | '″' => s.push('"'),
            '‘' | '’' | '‚' | '′' => s.push('\''),
            '–' | '—' | '―' => s.push_str("--"),
            '…' => s.push_str("..."),
            c if c.is_ascii_digit() => s.push('0'),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

impl WordClusters {
    /// The clusters compiled into the binary (`models/word-clusters.bin`), loaded once.
    pub fn embedded() -> Result<&'static WordClusters, ModelError> {
        let r = EMBEDDED.get_or_init(|| WordClusters::from_bytes(NAME, EMBEDDED_BYTES).map_err(|e| e.to_string()));
        r.as_ref().map_err(|e| ModelError::Corrupt { name: NAME.into(), what: e.clone() })
    }

    /// Reads a clusters file from disk.
    pub fn load(path: &Path) -> Result<WordClusters, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io { name: path.display().to_string(), source })?;
        WordClusters::from_bytes(&path.display().to_string(), &bytes)
    }

    /// The cluster of `form` (normalised first), if the word was frequent enough in training.
    #[inline]
    pub fn get(&self, form: &str) -> Option<Cluster> {
        self.get_key(key(form))
    }

    /// The cluster of a word given its [`key`].
    #[inline]
    pub fn get_key(&self, key: u64) -> Option<Cluster> {
        let id = *self.index.get(&key)?;
        let (path, len) = self.paths[id as usize];
        Some(Cluster { id, path, len })
    }

    /// Number of flat classes.
    pub fn classes(&self) -> usize {
        self.paths.len()
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// (normalised word, count in the training text, cluster), in word order.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32, Cluster)> + '_ {
        self.words.iter().map(|(w, n, c)| {
            let (path, len) = self.paths[*c as usize];
            (w.as_str(), *n, Cluster { id: *c, path, len })
        })
    }

    fn from_parts(paths: Vec<(u64, u8)>, mut words: Vec<(String, u32, u32)>) -> WordClusters {
        words.sort();
        let mut index = IdMap::with_capacity_and_hasher(words.len(), Default::default());
        for (w, _, c) in &words {
            index.insert(key(w), *c);
        }
        WordClusters { paths, words, index }
    }

    /// The model file: header, optional provenance block, payload.
    pub fn to_bytes(&self, provenance: Option<&Provenance>) -> Vec<u8> {
        let mut w = Writer::default();
        self.write(&mut w);
        model_file::wrap_with_provenance(MAGIC, VERSION, provenance, &w.buf)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<WordClusters, ModelError> {
        let payload = model_file::unwrap(name, MAGIC, VERSION, bytes)?;
        let mut r = Reader::new(name, payload);
        let c = WordClusters::read(name, &mut r)?;
        if !r.is_empty() {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: "trailing bytes".into() });
        }
        Ok(c)
    }

    /// Writes the payload (no header), for models that embed their own copy of the clusters.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.paths.len() as u32);
        for &(p, l) in &self.paths {
            w.u64(p);
            w.u8(l);
        }
        w.u32(self.words.len() as u32);
        for (word, n, c) in &self.words {
            w.str(word);
            w.u32(*n);
            w.u32(*c);
        }
    }

    /// Reads a payload written by [`WordClusters::write`]; `name` is used in errors.
    pub fn read(name: &str, r: &mut Reader) -> Result<WordClusters, ModelError> {
        let corrupt = |what: &str| ModelError::Corrupt { name: name.to_owned(), what: what.to_owned() };
        let k = r.u32()? as usize;
        if k == 0 || k > 1 << 16 {
            return Err(corrupt("implausible class count"));
        }
        let mut paths = Vec::with_capacity(k);
        for _ in 0..k {
            let p = r.u64()?;
            let l = r.u8()?;
            if l > MAX_DEPTH {
                return Err(corrupt("path too deep"));
            }
            paths.push((p, l));
        }
        let n = r.u32()? as usize;
        if n > 1 << 24 {
            return Err(corrupt("implausible word count"));
        }
        let mut words = Vec::with_capacity(n);
        for _ in 0..n {
            let w = r.str()?.to_owned();
            let count = r.u32()?;
            let c = r.u32()?;
            if c as usize >= k {
                return Err(corrupt("class out of range"));
            }
            words.push((w, count, c));
        }
        Ok(WordClusters::from_parts(paths, words))
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Flat classes (leaves of the tree).
    pub classes: usize,
    /// Words seen fewer times share one fixed "rare word" class and get no cluster.
    pub min_count: usize,
    /// Most exchange passes (stops earlier when fewer than 0.1 % of the words move).
    pub passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { classes: 256, min_count: 2, passes: 20 }
    }
}

/// `x ln x` for integer counts, tabulated.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(max: usize) -> XLogX {
        XLogX((0..=max).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect())
    }
    #[inline(always)]
    fn f(&self, x: i64) -> f64 {
        debug_assert!(x >= 0);
        match self.0.get(x as usize) {
            Some(&v) => v,
            None => x as f64 * (x as f64).ln(),
        }
    }
}

/// Clusters the words of `sentences` (each a sequence of word forms; normalised here).
pub fn train(sentences: &[Vec<String>], opts: &ClusterOptions, log: &mut dyn Write) -> WordClusters {
    let k = opts.classes.max(2);
    // Vocabulary, most frequent first (ties by word).
    let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(normalize(w)).or_default() += 1;
        }
    }
    let mut vocab: Vec<(String, u32)> = counts.into_iter().filter(|(_, n)| *n as usize >= opts.min_count.max(1)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let v = vocab.len();
    let ids: std::collections::HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32)).collect();
    // Two extra words with fixed classes: the sentence boundary and "rare word".
    let (boundary, rare) = (v as u32, v as u32 + 1);
    let mut corpus: Vec<u32> = Vec::new();
    for s in sentences {
        corpus.push(boundary);
        for w in s {
            corpus.push(ids.get(normalize(w).as_str()).copied().unwrap_or(rare));
        }
    }
    corpus.push(boundary);
    let tokens = corpus.len();
    let bigrams = Bigrams::new(&corpus, v + 2);
    let _ = writeln!(log, "clusters: {} sentences, {} tokens, {} words with count >= {}, {} classes", sentences.len(), tokens, v, opts.min_count, k);

    let mut ex = Exchange::new(&bigrams, v, k, tokens);
    for pass in 1..=opts.passes {
        let moved = ex.pass();
        let _ = writeln!(log, "clusters: exchange pass {pass}: {moved} words moved, log-likelihood {:.1}", ex.log_likelihood());
        if moved * 1000 < v.max(1) {
            break;
        }
    }
    let paths = ex.merge_tree();
    let words = vocab.into_iter().enumerate().map(|(i, (w, n))| (w, n, ex.class[i])).collect();
    WordClusters::from_parts(paths, words)
}

/// Bigram counts per word in compressed rows: left neighbours and right neighbours.
struct Bigrams {
    /// For word w: (neighbour, count) in `left[lstart[w]..lstart[w+1]]` for bigrams (neighbour, w).
    lstart: Vec<usize>,
    left: Vec<(u32, u32)>,
    rstart: Vec<usize>,
    right: Vec<(u32, u32)>,
}

impl Bigrams {
    fn new(corpus: &[u32], n: usize) -> Bigrams {
        let mut pairs: Vec<u64> = corpus.windows(2).map(|p| ((p[0] as u64) << 32) | p[1] as u64).collect();
        pairs.sort_unstable();
        let mut uniq: Vec<(u32, u32, u32)> = Vec::new();
        for p in pairs {
            let (a, b) = ((p >> 32) as u32, p as u32);
            match uniq.last_mut() {
                Some(l) if l.0 == a && l.1 == b => l.2 += 1,
                _ => uniq.push((a, b, 1)),
            }
        }
        let rows = |key: &dyn Fn(&(u32, u32, u32)) -> (u32, u32)| {
            let mut start = vec![0usize; n + 1];
            for t in &uniq {
                start[key(t).0 as usize + 1] += 1;
            }
            for i in 0..n {
                start[i + 1] += start[i];
            }
            let mut fill = start.clone();
            let mut out = vec![(0u32, 0u32); uniq.len()];
            for t in &uniq {
                let (row, other) = key(t);
                out[fill[row as usize]] = (other, t.2);
                fill[row as usize] += 1;
            }
            (start, out)
        };
        let (rstart, right) = rows(&|t| (t.0, t.1));
        let (lstart, left) = rows(&|t| (t.1, t.0));
        Bigrams { lstart, left, rstart, right }
    }
}

/// State of the exchange algorithm: class of every word and the class-bigram counts.
struct Exchange<'a> {
    big: &'a Bigrams,
    /// Movable words (the fixed boundary and rare words follow them).
    v: usize,
    /// Movable classes; class k is the boundary's, k + 1 the rare words'.
    k: usize,
    /// Classes including the two fixed ones.
    kk: usize,
    class: Vec<u32>,
    /// Class bigram counts, row = first class.
    n: Vec<i64>,
    n1: Vec<i64>,
    n2: Vec<i64>,
    f: XLogX,
}

impl<'a> Exchange<'a> {
    fn new(big: &'a Bigrams, v: usize, k: usize, tokens: usize) -> Exchange<'a> {
        let kk = k + 2;
        let mut class: Vec<u32> = (0..v).map(|i| (i % k) as u32).collect();
        class.push(k as u32);
        class.push(k as u32 + 1);
        let mut ex = Exchange { big, v, k, kk, class, n: vec![0; kk * kk], n1: vec![0; kk], n2: vec![0; kk], f: XLogX::new(tokens + 1) };
        for w in 0..v + 2 {
            let cw = ex.class[w] as usize;
            for &(o, c) in &big.right[big.rstart[w]..big.rstart[w + 1]] {
                let co = ex.class[o as usize] as usize;
                ex.n[cw * kk + co] += c as i64;
                ex.n1[cw] += c as i64;
                ex.n2[co] += c as i64;
            }
        }
        ex
    }

    fn log_likelihood(&self) -> f64 {
        let f = &self.f;
        self.n.iter().map(|&x| f.f(x)).sum::<f64>() - self.n1.iter().map(|&x| f.f(x)).sum::<f64>() - self.n2.iter().map(|&x| f.f(x)).sum::<f64>()
    }

    /// One pass over all movable words; returns how many changed class.
    fn pass(&mut self) -> usize {
        let kk = self.kk;
        let mut lw = vec![0i64; kk];
        let mut rw = vec![0i64; kk];
        let mut lcls: Vec<usize> = Vec::new();
        let mut rcls: Vec<usize> = Vec::new();
        let mut moved = 0;
        for w in 0..self.v {
            // Context class counts of w, without the bigram (w, w).
            let big = self.big;
            let (mut selfloop, mut nw1, mut nw2) = (0i64, 0i64, 0i64);
            for &(o, c) in &big.left[big.lstart[w]..big.lstart[w + 1]] {
                nw2 += c as i64;
                if o as usize == w {
                    selfloop += c as i64;
                    continue;
                }
                let co = self.class[o as usize] as usize;
                if lw[co] == 0 {
                    lcls.push(co);
                }
                lw[co] += c as i64;
            }
            for &(o, c) in &big.right[big.rstart[w]..big.rstart[w + 1]] {
                nw1 += c as i64;
                if o as usize == w {
                    continue;
                }
                let co = self.class[o as usize] as usize;
                if rw[co] == 0 {
                    rcls.push(co);
                }
                rw[co] += c as i64;
            }
            let a = self.class[w] as usize;
            self.shift(a, &lw, &rw, &lcls, &rcls, selfloop, nw1, nw2, -1);
            let f = &self.f;
            let mut best = (f64::NEG_INFINITY, a);
            for b in std::iter::once(a).chain((0..self.k).filter(|&b| b != a)) {
                let mut g = 0.0;
                for &c in &lcls {
                    if c != b {
                        let x = self.n[c * kk + b];
                        g += f.f(x + lw[c]) - f.f(x);
                    }
                }
                for &d in &rcls {
                    if d != b {
                        let x = self.n[b * kk + d];
                        g += f.f(x + rw[d]) - f.f(x);
                    }
                }
                let x = self.n[b * kk + b];
                g += f.f(x + lw[b] + rw[b] + selfloop) - f.f(x);
                g -= f.f(self.n1[b] + nw1) - f.f(self.n1[b]);
                g -= f.f(self.n2[b] + nw2) - f.f(self.n2[b]);
                if g > best.0 + 1e-9 {
                    best = (g, b);
                }
            }
            let b = best.1;
            self.shift(b, &lw, &rw, &lcls, &rcls, selfloop, nw1, nw2, 1);
            if b != a {
                self.class[w] = b as u32;
                moved += 1;
            }
            for &c in &lcls {
                lw[c] = 0;
            }
            for &c in &rcls {
                rw[c] = 0;
            }
            lcls.clear();
            rcls.clear();
        }
        moved
    }

    /// Adds (`sign` = 1) or removes (−1) a word with these context counts to/from class `b`.
    #[allow(clippy::too_many_arguments)]
    fn shift(&mut self, b: usize, lw: &[i64], rw: &[i64], lcls: &[usize], rcls: &[usize], selfloop: i64, nw1: i64, nw2: i64, sign: i64) {
        let kk = self.kk;
        for &c in lcls {
            self.n[c * kk + b] += sign * lw[c];
        }
        for &d in rcls {
            self.n[b * kk + d] += sign * rw[d];
        }
        self.n[b * kk + b] += sign * selfloop;
        self.n1[b] += sign * nw1;
        self.n2[b] += sign * nw2;
    }

    /// Merges the movable classes bottom-up (least likelihood loss first) and returns each
    /// class's path in the resulting binary tree.
    fn merge_tree(&self) -> Vec<(u64, u8)> {
        let k = self.k;
        let mut m = Merger::new(self);
        // Tree nodes: leaves 0..k, then internal nodes (left, right).
        let mut node: Vec<usize> = (0..k).collect();
        let mut children: Vec<(usize, usize)> = Vec::new();
        for _ in 1..k {
            let (i, j) = m.best();
            m.merge(i, j);
            children.push((node[i], node[j]));
            node[i] = k + children.len() - 1;
        }
        // Paths from the root (the last internal node) down to every leaf.
        let mut paths = vec![(0u64, 0u8); k];
        let mut todo = vec![(node[0], 0u64, 0u8)];
        while let Some((nd, p, l)) = todo.pop() {
            if nd < k {
                paths[nd] = (p, l);
                continue;
            }
            let (a, b) = children[nd - k];
            let (pa, pb, l2) = if l < MAX_DEPTH { (p << 1, (p << 1) | 1, l + 1) } else { (p, p, l) };
            todo.push((a, pa, l2));
            todo.push((b, pb, l2));
        }
        paths
    }
}

/// Brown's agglomeration over the exchange classes, with the likelihood change of every
/// possible merge cached and updated in O(1) per pair after each merge.
struct Merger<'a> {
    k: usize,
    kk: usize,
    f: &'a XLogX,
    n: Vec<i64>,
    n1: Vec<i64>,
    n2: Vec<i64>,
    active: Vec<bool>,
    /// delta[x * k + y], x < y: log-likelihood change if x and y merge.
    delta: Vec<f64>,
}

impl<'a> Merger<'a> {
    fn new(ex: &'a Exchange) -> Merger<'a> {
        let (k, kk) = (ex.k, ex.kk);
        let mut m = Merger { k, kk, f: &ex.f, n: ex.n.clone(), n1: ex.n1.clone(), n2: ex.n2.clone(), active: vec![true; kk], delta: vec![0.0; k * k] };
        for x in 0..k {
            for y in x + 1..k {
                m.delta[x * k + y] = m.full(x, y);
            }
        }
        m
    }

    /// Change of the terms with context class c when x and y merge.
    #[inline]
    fn t(&self, x: usize, y: usize, c: usize) -> f64 {
        let (kk, f, n) = (self.kk, self.f, &self.n);
        let (a, b) = (n[x * kk + c], n[y * kk + c]);
        let (p, q) = (n[c * kk + x], n[c * kk + y]);
        f.f(a + b) - f.f(a) - f.f(b) + f.f(p + q) - f.f(p) - f.f(q)
    }

    /// Log-likelihood change of merging x and y, computed from the counts.
    fn full(&self, x: usize, y: usize) -> f64 {
        let (kk, f, n) = (self.kk, self.f, &self.n);
        let mut d = 0.0;
        for c in 0..kk {
            if c != x && c != y && self.active[c] {
                d += self.t(x, y, c);
            }
        }
        let (xx, xy, yx, yy) = (n[x * kk + x], n[x * kk + y], n[y * kk + x], n[y * kk + y]);
        d += f.f(xx + xy + yx + yy) - f.f(xx) - f.f(xy) - f.f(yx) - f.f(yy);
        d -= f.f(self.n1[x] + self.n1[y]) - f.f(self.n1[x]) - f.f(self.n1[y]);
        d -= f.f(self.n2[x] + self.n2[y]) - f.f(self.n2[x]) - f.f(self.n2[y]);
        d
    }

    /// The active pair whose merge loses the least likelihood.
    fn best(&self) -> (usize, usize) {
        let k = self.k;
        let mut best = (f64::NEG_INFINITY, 0, 0);
        for x in (0..k).filter(|&x| self.active[x]) {
            for y in (x + 1..k).filter(|&y| self.active[y]) {
                if self.delta[x * k + y] > best.0 {
                    best = (self.delta[x * k + y], x, y);
                }
            }
        }
        (best.1, best.2)
    }

    /// Merges j into i (i < j) and updates the cached deltas.
    fn merge(&mut self, i: usize, j: usize) {
        let (k, kk) = (self.k, self.kk);
        let others: Vec<usize> = (0..k).filter(|&x| self.active[x] && x != i && x != j).collect();
        for (ai, &x) in others.iter().enumerate() {
            for &y in &others[ai + 1..] {
                self.delta[x * k + y] -= self.t(x, y, i) + self.t(x, y, j);
            }
        }
        for c in 0..kk {
            self.n[i * kk + c] += self.n[j * kk + c];
            self.n[j * kk + c] = 0;
        }
        for c in 0..kk {
            self.n[c * kk + i] += self.n[c * kk + j];
            self.n[c * kk + j] = 0;
        }
        self.n1[i] += self.n1[j];
        self.n2[i] += self.n2[j];
        self.n1[j] = 0;
        self.n2[j] = 0;
        self.active[j] = false;
        for (ai, &x) in others.iter().enumerate() {
            for &y in &others[ai + 1..] {
                self.delta[x * k + y] += self.t(x, y, i);
            }
        }
        for &x in &others {
            let (a, b) = if x < i { (x, i) } else { (i, x) };
            self.delta[a * k + b] = self.full(a, b);
        }
    }

    /// Log-likelihood of the current classes (for tests).
    #[cfg(test)]
    fn log_likelihood(&self) -> f64 {
        let f = self.f;
        self.n.iter().map(|&x| f.f(x)).sum::<f64>() - self.n1.iter().map(|&x| f.f(x)).sum::<f64>() - self.n2.iter().map(|&x| f.f(x)).sum::<f64>()
    }
}

/// Sentences of words for training: the `text` of each JSON-lines record, segmented and
/// tokenized by `crate::text::segment`, then the words of each CoNLL-U file. Returns the
/// sentences and the hashed input files, in the order read.
#[cfg(feature = "train")]
pub fn read_training_text(jsonl: &[PathBuf], conllu_files: &[PathBuf]) -> Result<(Vec<Vec<String>>, Vec<CorpusFile>), ClusterError> {
    let mut sentences = Vec::new();
    let mut files = Vec::new();
    for p in jsonl {
        files.push(CorpusFile::hash(p).map_err(|source| ClusterError::Io { path: p.clone(), source })?);
        let texts = super::bench::read_texts(p).map_err(|e| ClusterError::Input(e.to_string()))?;
        for t in texts {
            for s in crate::text::segment(&t) {
                sentences.push(s.tokens.into_iter().map(|t| t.form).collect());
            }
        }
    }
    for p in conllu_files {
        files.push(CorpusFile::hash(p).map_err(|source| ClusterError::Io { path: p.clone(), source })?);
        let sents: Vec<ConlluSentence> = super::conllu::read_file(p).map_err(|e| ClusterError::Input(e.to_string()))?;
        for s in sents {
            sentences.push(s.words.into_iter().map(|w| w.form).collect());
        }
    }
    Ok((sentences, files))
}

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Input(String),
}

/// The canonical command line of a training run (recorded in the model's provenance block).
pub fn command_line(jsonl: &[PathBuf], conllu_files: &[PathBuf], opts: &ClusterOptions, out_dir: &Path) -> String {
    let mut c = String::from("kgraph train clusters");
    for p in jsonl {
        c += &format!(" --text {}", p.display());
    }
    for p in conllu_files {
        c += &format!(" --conllu {}", p.display());
    }
    c + &format!(" --classes {} --min-count {} --out {}", opts.classes, opts.min_count, out_dir.display())
}

/// `kgraph train clusters`: trains on the given files and writes `out_dir/word-clusters.bin`
/// with a provenance block (`command` is the command line to record).
#[cfg(feature = "train")]
pub fn train_clusters_files(
    jsonl: &[PathBuf],
    conllu_files: &[PathBuf],
    out_dir: &Path,
    opts: &ClusterOptions,
    command: &str,
    log: &mut dyn Write,
) -> Result<WordClusters, ClusterError> {
    let start = std::time::Instant::now();
    let (sentences, corpora) = read_training_text(jsonl, conllu_files)?;
    let clusters = train(&sentences, opts, log);
    let mut notes = std::collections::BTreeMap::new();
    notes.insert("classes".to_owned(), opts.classes.to_string());
    notes.insert("min_count".to_owned(), opts.min_count.to_string());
    notes.insert("words".to_owned(), clusters.len().to_string());
    let prov = Provenance { command: command.to_owned(), corpora, notes };
    std::fs::create_dir_all(out_dir).map_err(|source| ClusterError::Io { path: out_dir.to_owned(), source })?;
    let path = out_dir.join(NAME);
    let bytes = clusters.to_bytes(Some(&prov));
    std::fs::write(&path, &bytes).map_err(|source| ClusterError::Io { path: path.clone(), source })?;
    let _ = writeln!(log, "wrote {} ({} words, {} bytes) after {:.1} s", path.display(), clusters.len(), bytes.len(), start.elapsed().as_secs_f64());
    Ok(clusters)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented two-"language" corpus: determiners before nouns, nouns before verbs, verbs
    /// before determiners. Words of one role must end in one class.
    fn toy() -> Vec<Vec<String>> {
        let dets = ["the", "a", "this", "every"];
        let nouns = ["dog", "cat", "farmer", "child", "horse", "teacher"];
        let verbs = ["sees", "likes", "feeds", "hears", "calls"];
        let mut rng = crate::nlp::hash::Rng::new(5);
        (0..600)
            .map(|_| {
                let mut s = Vec::new();
                for _ in 0..2 {
                    s.push(dets[rng.below(dets.len())].to_string());
                    s.push(nouns[rng.below(nouns.len())].to_string());
                    s.push(verbs[rng.below(verbs.len())].to_string());
                }
                s.push(dets[rng.below(dets.len())].to_string());
                s.push(nouns[rng.below(nouns.len())].to_string());
                s
            })
            .collect()
    }

    #[test]
    fn exchange_separates_word_roles_and_tree_is_consistent() {
        let opts = ClusterOptions { classes: 3, min_count: 1, passes: 10 };
        let c = train(&toy(), &opts, &mut std::io::sink());
        assert_eq!(c.classes(), 3);
        let id = |w: &str| c.get(w).unwrap().id;
        for group in [&["the", "a", "this", "every"][..], &["dog", "cat", "farmer", "child", "horse", "teacher"], &["sees", "likes", "feeds", "hears", "calls"]] {
            assert!(group.iter().all(|w| id(w) == id(group[0])), "{group:?} split");
        }
        assert_ne!(id("the"), id("dog"));
        assert_ne!(id("dog"), id("sees"));
        assert_ne!(id("the"), id("sees"));
        // Distinct classes have distinct full paths, and no path is a prefix of another.
        let paths: Vec<String> = (0..3).map(|i| c.words().find(|(_, _, k)| k.id == i).unwrap().2.bits()).collect();
        for (i, a) in paths.iter().enumerate() {
            for (j, b) in paths.iter().enumerate() {
                assert!(i == j || !b.starts_with(a.as_str()), "{paths:?}");
            }
        }
        // Case and digits are normalised; unknown words have no cluster.
        assert_eq!(c.get("The"), c.get("the"));
        assert!(c.get("zebra").is_none());
    }

    #[test]
    fn prefixes_are_distinct_per_length_and_round_trip() {
        let a = Cluster { id: 0, path: 0b1011, len: 4 };
        assert_eq!(a.bits(), "1011");
        assert_eq!(a.prefix(2), 0b110); // "10" with the length marker
        assert_ne!(a.prefix(1), a.prefix(2));
        assert_eq!(a.prefix(10), a.prefix(4));
        let b = Cluster { id: 1, path: 0b01, len: 2 };
        assert_ne!(a.prefix(2), b.prefix(2));
        let opts = ClusterOptions { classes: 4, min_count: 1, passes: 3 };
        let c = train(&toy(), &opts, &mut std::io::sink());
        let prov = Provenance { command: "test".into(), ..Default::default() };
        let bytes = c.to_bytes(Some(&prov));
        let back = WordClusters::from_bytes("x", &bytes).unwrap();
        assert_eq!(back, c);
        assert_eq!(model_file::provenance_of("x", &bytes).unwrap().unwrap().command, "test");
        // Deterministic.
        let again = train(&toy(), &opts, &mut std::io::sink());
        assert_eq!(again.to_bytes(None), c.to_bytes(None));
        assert!(WordClusters::from_bytes("x", &bytes[..bytes.len() - 3]).is_err());
    }

    #[test]
    fn shipped_clusters_group_words_of_one_kind() {
        let c = WordClusters::embedded().expect("models/word-clusters.bin loads");
        assert!(c.len() > 10_000 && c.classes() >= 64, "{} words, {} classes", c.len(), c.classes());
        let id = |w: &str| c.get(w).unwrap_or_else(|| panic!("{w} has no cluster")).id;
        assert_eq!(id("Monday"), id("thursday"));
        assert_eq!(id("he"), id("She"));
        assert_ne!(id("said"), id("Monday"));
        assert_ne!(id("he"), id("the"));
        // Related classes share a longer prefix than unrelated ones (two verbs of saying may sit in
        // neighbouring classes rather than one: the exchange algorithm's optimum is local).
        let (d, v, n, s) = (c.get("monday").unwrap(), c.get("announced").unwrap(), c.get("told").unwrap(), c.get("said").unwrap());
        let common = |a: &Cluster, b: &Cluster| (1..=a.len.min(b.len)).take_while(|&k| a.prefix(k) == b.prefix(k)).count();
        assert!(common(&v, &n) > common(&v, &d), "{} {} {}", v.bits(), n.bits(), d.bits());
        assert!(common(&s, &v) > common(&s, &d), "{} {} {}", s.bits(), v.bits(), d.bits());
    }

    #[test]
    fn normalize_agrees_with_the_lookup_key() {
        for w in ["Hello", "2019", "“", "’s", "—", "ÉCOLE", "naïve", "x…"] {
            assert_eq!(key(&normalize(w)), key(w), "{w}");
        }
        assert_eq!(normalize("Q3–2020"), "q0--0000");
    }

    #[test]
    fn cached_merge_losses_match_a_brute_force_recount() {
        // Every cached delta must equal the likelihood change measured by actually merging the
        // pair and recounting, before and after several merges.
        let sents = toy();
        let mut extra = sents.clone();
        extra.extend(sents.iter().map(|s| s.iter().rev().cloned().collect::<Vec<_>>()));
        let mut vocab: Vec<String> = extra.iter().flatten().cloned().collect();
        vocab.sort();
        vocab.dedup();
        let ids: std::collections::HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, w)| (w.as_str(), i as u32)).collect();
        let v = vocab.len();
        let mut corpus = vec![v as u32];
        for s in &extra {
            corpus.extend(s.iter().map(|w| ids[w.as_str()]));
            corpus.push(v as u32);
        }
        let big = Bigrams::new(&corpus, v + 2);
        let mut ex = Exchange::new(&big, v, 7, corpus.len());
        ex.pass();
        let mut m = Merger::new(&ex);
        for _ in 0..4 {
            let live: Vec<usize> = (0..m.k).filter(|&x| m.active[x]).collect();
            let before = m.log_likelihood();
            for (a, &x) in live.iter().enumerate() {
                for &y in &live[a + 1..] {
                    let cached = m.delta[x * m.k + y];
                    assert!((cached - m.full(x, y)).abs() < 1e-6, "cached {cached} vs full {}", m.full(x, y));
                    let mut trial = Merger { f: m.f, n: m.n.clone(), n1: m.n1.clone(), n2: m.n2.clone(), active: m.active.clone(), delta: m.delta.clone(), ..m };
                    trial.merge(x, y);
                    let measured = trial.log_likelihood() - before;
                    assert!((cached - measured).abs() < 1e-6, "pair ({x},{y}): cached {cached} measured {measured}");
                }
            }
            let (i, j) = m.best();
            m.merge(i, j);
        }
    }
}
