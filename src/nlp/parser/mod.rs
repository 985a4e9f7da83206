//! Labelled dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron.
//!
//! Owns: the transition system and dynamic oracle ([`system`]), hashed Zhang & Nivre-style
//! feature templates ([`features`]), the model file `models/ud-parser.bin` and training
//! ([`train`]). In: tokens with `form`, `upos`, `xpos` filled (by the tagger; lemma and feats are
//! not used). Out: `head` (1-based, 0 = root) and `deprel` (full UD relation with subtype) on every
//! token; the result is always a tree with exactly one root, for any length.
//!
//! Design: unlabelled moves (SHIFT/LEFT/RIGHT) from one perceptron over 96 templates, and a
//! second perceptron over 42 arc templates that labels each arc when it is made (the dependent's
//! subtree is complete then, so `by` under `Ferreira` or `aux:pass` under the head are visible).
//! Weights are i16-quantised rows found through 32-bit fingerprints of the u64 feature keys, on
//! huge pages (`nlp::hugemem`): move rows inline in one-cache-line buckets, label rows through an
//! open-addressing table; a small fingerprint filter skips the lookups of features the model
//! lacks, and the remaining lookups of a step are prefetched first.
//! Parsing allocates only per-sentence buffers, reused through a thread-local [`Workspace`].
//!
//! The shipped model is trained by [`train::train_on_predicted_tags`] on jackknifed tags plus gold
//! tags (see `models/README.md`).

pub mod features;
pub mod system;
#[cfg(feature = "train")]
pub mod train;

use self::features::{
    BUFFER_FEATS, CONFIG_FEATS, N_LABEL_FEATS, N_MOVE_FEATS, STACK_FEATS, TokInfo, buffer_features, config_features, label_features,
    stack_features,
};
use self::system::{LEFT, N_MOVES, RIGHT, SHIFT, State};
use crate::document::Token;
use crate::nlp::clusters::WordClusters;
use crate::nlp::hugemem::{ClassWeight, HugeBuf, RowStore, prefetch};
use crate::nlp::model_file::{self, ModelError, Provenance, Reader, Writer};
use std::sync::Arc;

const MAGIC: &[u8; 8] = b"KGPARSER";
const VERSION: u32 = 2;
const NAME: &str = "ud-parser.bin";

/// Weights of one linear classifier: rows of i16 weights, keyed by feature hash.
///
/// In memory keyed by 32-bit fingerprints (the key's high half; the low bits pick the slot).
/// With `classes <= 3` the weights sit inside one-cache-line buckets of six slots ([`Bucket`]);
/// otherwise an open-addressing slot holds where the row starts and how long it is, and rows are
/// sparse (class, weight) lists, since a perceptron row only has weights for the few classes its
/// updates touched, or dense when they cover many ([`RowStore`]). A bit filter over the
/// fingerprints sits in front of both. The scoring arrays live on huge pages ([`HugeBuf`]); the
/// plain vectors keep the rows as read, for writing the model back.
#[derive(Debug, Clone, Default)]
pub struct Table {
    classes: usize,
    mask: usize,
    /// Dequantisation factor (score = sum × scale); argmax does not need it.
    scale: f32,
    /// Feature keys in row order (kept for writing the model back).
    keys: Vec<u64>,
    /// Dense rows, `classes` weights each (classes <= 3).
    weights: Vec<i16>,
    /// Sparse rows (classes > 3): row r is `cls[start[r]..start[r + 1]]` with weights `sw[…]`.
    start: Vec<u32>,
    cls: Vec<u8>,
    sw: Vec<i16>,
    /// Indirect slots (classes > 3): fingerprint and the row's place in `rows`.
    slots: HugeBuf<RowSlot>,
    /// The sparse rows again, laid out for scoring (dense when they cover many classes).
    rows: RowStore,
    /// Inline rows (classes <= 3): buckets of one cache line, fingerprints and weights.
    inline: HugeBuf<Bucket>,
    /// One bit per [`filter_bit`] of the fingerprints stored (8 bits per key at least, about 1 MB
    /// for the shipped moves, mostly in the core's L2 cache). A clear bit proves that no slot
    /// holds the fingerprint, so the lookup (a likely cache miss) is skipped; about a third of
    /// the features of a step are not in the model.
    filter: HugeBuf<u64>,
}

/// Bit of the inline filter for a fingerprint: from the fingerprint only (never the bucket), so
/// every key that a lookup could match sets the bit the lookup tests. Bit 0 of a fingerprint is
/// always set and is dropped.
#[inline(always)]
fn filter_bit(fp: u32, filter_words: usize) -> usize {
    (fp >> 1) as usize & (filter_words * 64 - 1)
}

/// Slots of a [`Bucket`].
const BUCKET_SLOTS: usize = 6;

/// One cache line of the inline table: six fingerprints (0 = empty; slots fill in order) and
/// their rows of up to three weights. A key lives in the bucket its low bits pick, or when that
/// one is full in the next with room, so a lookup reads one line (rarely two) and no probing
/// crosses a line boundary unannounced.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    fp: [u32; BUCKET_SLOTS],
    w: [[i16; 3]; BUCKET_SLOTS],
}

/// A sparse row's slot: the row is `(start, len)` of the [`RowStore`] (fingerprint 0 = empty).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C)]
struct RowSlot {
    fp: u32,
    start: u32,
    len: u32,
}

#[inline(always)]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl Table {
    /// Builds a table from (key, row weights) pairs, quantising to i16; keys must be distinct.
    /// Sparse rows (classes > 3) keep only weights of at least `min_entry` in magnitude.
    pub fn from_rows(classes: usize, rows: impl IntoIterator<Item = (u64, Vec<f32>)>, min_entry: f32) -> Table {
        let rows: Vec<(u64, Vec<f32>)> = rows.into_iter().collect();
        let max = rows.iter().flat_map(|(_, r)| r.iter()).fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = |x: f32| (x / scale).round().clamp(-32767.0, 32767.0) as i16;
        let mut t = Table { classes, scale, ..Default::default() };
        if classes > 3 {
            t.start.push(0);
        }
        for (k, r) in rows {
            debug_assert_eq!(r.len(), classes);
            t.keys.push(k);
            if classes <= 3 {
                t.weights.extend(r.iter().map(|&x| q(x)));
                continue;
            }
            for (c, &x) in r.iter().enumerate() {
                if x.abs() >= min_entry && q(x) != 0 {
                    t.cls.push(c as u8);
                    t.sw.push(q(x));
                }
            }
            t.start.push(t.cls.len() as u32);
        }
        t.index();
        t
    }

    /// Builds the scoring layout. Rows are inserted in row order (into the first free slot of
    /// their bucket or of the buckets after it; with linear probing for sparse rows), so the slot
    /// of every key (and which row a fingerprint collision finds) is fixed by the file.
    fn index(&mut self) {
        let c = self.classes;
        self.filter = HugeBuf::filled((self.keys.len() * 8 / 64 + 1).next_power_of_two(), 0u64);
        for &k in &self.keys {
            let bit = filter_bit(fingerprint(k), self.filter.len());
            self.filter[bit / 64] |= 1 << (bit % 64);
        }
        if c <= 3 {
            // Two keys per bucket on average at most: few buckets fill up.
            let buckets = (self.keys.len() / 2 + 1).next_power_of_two().max(16);
            self.mask = buckets - 1;
            self.inline = HugeBuf::filled(buckets, Bucket::default());
            for (r, &k) in self.keys.iter().enumerate() {
                let mut b = (k as usize) & self.mask;
                loop {
                    let bucket = &mut self.inline[b];
                    if let Some(j) = bucket.fp.iter().position(|&fp| fp == 0) {
                        bucket.fp[j] = fingerprint(k);
                        bucket.w[j][..c].copy_from_slice(&self.weights[r * c..r * c + c]);
                        break;
                    }
                    b = (b + 1) & self.mask;
                }
            }
            return;
        }
        let cap = (self.keys.len() * 2).next_power_of_two().max(16);
        self.mask = cap - 1;
        self.slots = HugeBuf::filled(cap, RowSlot::default());
        let entries: Vec<ClassWeight> = self.cls.iter().zip(&self.sw).map(|(&class, &w)| ClassWeight { w, class }).collect();
        let (rows, refs) = RowStore::build(c, self.start.windows(2).map(|p| &entries[p[0] as usize..p[1] as usize]));
        self.rows = rows;
        for (r, &k) in self.keys.iter().enumerate() {
            let fp = fingerprint(k);
            let mut slot = (k as usize) & self.mask;
            while self.slots[slot].fp != 0 {
                slot = (slot + 1) & self.mask;
            }
            let (start, len) = refs[r];
            self.slots[slot] = RowSlot { fp, start, len };
        }
    }

    /// Adds the rows of all `feats` into `scores` (length = classes), in quantised units.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        if self.classes <= 3 {
            self.score_inline(feats, scores);
        } else {
            self.score_sparse(feats, scores);
        }
    }

    /// Dense rows inside the buckets: one cache line per feature. Within a bucket the match is
    /// found without branches (whether a feature is known is unpredictable); only a full bucket
    /// sends the lookup on to the next one.
    #[inline]
    fn score_inline(&self, feats: &[u64], scores: &mut [i32]) {
        if self.inline.is_empty() {
            return;
        }
        self.prefetch_filter(feats);
        let mut known = [0u64; 128];
        let mut sum = [0i32; 3];
        for chunk in feats.chunks(known.len()) {
            self.add_inline(self.filtered(chunk, &mut known), &mut sum);
        }
        for (o, s) in scores.iter_mut().zip(sum) {
            *o += s;
        }
    }

    /// Starts loading the filter words of `feats`.
    #[inline]
    fn prefetch_filter(&self, feats: &[u64]) {
        for &f in feats {
            prefetch(&self.filter[filter_bit(fingerprint(f), self.filter.len()) / 64]);
        }
    }

    /// The keys of `feats` (at most 128) whose filter bit is set, kept without branching.
    #[inline]
    fn filtered<'a>(&self, feats: &[u64], known: &'a mut [u64; 128]) -> &'a [u64] {
        let words = self.filter.len();
        let mut n = 0;
        for &f in feats {
            let bit = filter_bit(fingerprint(f), words);
            known[n] = f;
            n += ((self.filter[bit / 64] >> (bit % 64)) & 1) as usize;
        }
        &known[..n]
    }

    /// Adds the inline rows of `feats` into `sum`.
    #[inline]
    fn add_inline(&self, feats: &[u64], sum: &mut [i32; 3]) {
        for &f in feats {
            prefetch(&self.inline[(f as usize) & self.mask]);
        }
        for &f in feats {
            let fp = fingerprint(f);
            let mut b = (f as usize) & self.mask;
            loop {
                let bucket = &self.inline[b];
                let (mut matched, mut empty) = (0u32, 0u32);
                for (j, &x) in bucket.fp.iter().enumerate() {
                    matched |= ((x == fp) as u32) << j;
                    empty |= ((x == 0) as u32) << j;
                }
                // The first match (fingerprints are never 0, so never an empty slot), or none.
                let j = (matched.trailing_zeros() as usize).min(BUCKET_SLOTS - 1);
                let hit = (matched != 0) as i32;
                for (o, &w) in sum.iter_mut().zip(&bucket.w[j]) {
                    *o += w as i32 * hit;
                }
                if matched != 0 || empty != 0 {
                    break;
                }
                b = (b + 1) & self.mask;
            }
        }
    }

    /// Sparse rows: find every row first (prefetching it), then add them up.
    #[inline]
    fn score_sparse(&self, feats: &[u64], scores: &mut [i32]) {
        if self.slots.is_empty() {
            return;
        }
        self.prefetch_filter(feats);
        let mut known = [0u64; 128];
        let mut rows = [(0u32, 0u32); 64];
        let mut nrows = 0;
        for chunk in feats.chunks(known.len()) {
            let keys = self.filtered(chunk, &mut known);
            for &f in keys {
                prefetch(&self.slots[(f as usize) & self.mask]);
            }
            for &f in keys {
                self.find_row(f, &mut rows, &mut nrows);
            }
        }
        for &(start, len) in &rows[..nrows] {
            self.rows.add(start, len, scores);
        }
    }

    /// Appends the row of key `f` (when there is one, and room) to `rows`, prefetching it.
    #[inline(always)]
    fn find_row(&self, f: u64, rows: &mut [(u32, u32); 64], nrows: &mut usize) {
        let fp = fingerprint(f);
        let mut slot = (f as usize) & self.mask;
        loop {
            let s = self.slots[slot];
            if s.fp == fp {
                if *nrows < rows.len() && s.len > 0 {
                    rows[*nrows] = (s.start, s.len);
                    *nrows += 1;
                    self.rows.prefetch(s.start, s.len);
                }
                break;
            }
            if s.fp == 0 {
                break;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Row `r` as dense real-valued weights.
    fn dense_row(&self, r: usize) -> Vec<f32> {
        let c = self.classes;
        if c <= 3 {
            return self.weights[r * c..r * c + c].iter().map(|&q| q as f32 * self.scale).collect();
        }
        let mut row = vec![0f32; c];
        let (a, b) = (self.start[r] as usize, self.start[r + 1] as usize);
        for (k, w) in self.cls[a..b].iter().zip(&self.sw[a..b]) {
            row[*k as usize] = *w as f32 * self.scale;
        }
        row
    }

    /// A copy without the rows whose largest |weight| is below `min_weight` (real units).
    pub fn pruned(&self, min_weight: f32) -> Table {
        let rows = self.keys.iter().enumerate().filter_map(|(r, &k)| {
            let row = self.dense_row(r);
            (row.iter().fold(0f32, |m, x| m.max(x.abs())) >= min_weight).then_some((k, row))
        });
        Table::from_rows(self.classes, rows, 0.0)
    }

    fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        w.u32(self.keys.len() as u32);
        w.f32(self.scale);
        let mut kb = Vec::with_capacity(self.keys.len() * 8);
        for k in &self.keys {
            kb.extend_from_slice(&k.to_le_bytes());
        }
        w.bytes(&kb);
        let weights = if self.classes <= 3 { &self.weights } else { &self.sw };
        if self.classes > 3 {
            let lens: Vec<u8> = self.start.windows(2).map(|p| (p[1] - p[0]) as u8).collect();
            w.bytes(&lens);
            w.bytes(&self.cls);
        }
        let mut wb = Vec::with_capacity(weights.len() * 2);
        for &x in weights {
            wb.extend_from_slice(&x.to_le_bytes());
        }
        w.bytes(&wb);
    }

    fn read(r: &mut Reader) -> Result<Table, ModelError> {
        let classes = r.u32()? as usize;
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        if classes == 0 || classes > 255 || n > 1 << 28 || !scale.is_finite() {
            return Err(corrupt("implausible table size"));
        }
        let kb = r.bytes()?;
        if kb.len() != n * 8 {
            return Err(corrupt("key block size"));
        }
        let keys: Vec<u64> = kb.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8"))).collect();
        let mut t = Table { classes, scale, keys, ..Default::default() };
        let entries = if classes <= 3 {
            n * classes
        } else {
            let lens = r.bytes()?;
            if lens.len() != n {
                return Err(corrupt("row length block size"));
            }
            t.start.reserve(n + 1);
            t.start.push(0);
            let mut total = 0u32;
            for &l in lens {
                total += l as u32;
                t.start.push(total);
            }
            t.cls = r.bytes()?.to_vec();
            if t.cls.len() != total as usize || t.cls.iter().any(|&c| c as usize >= classes) {
                return Err(corrupt("sparse row classes"));
            }
            total as usize
        };
        let raw = r.bytes()?;
        if raw.len() != entries * 2 {
            return Err(corrupt("weight block size"));
        }
        let weights: Vec<i16> = raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        if classes <= 3 {
            t.weights = weights;
        } else {
            t.sw = weights;
        }
        t.index();
        Ok(t)
    }
}

fn corrupt(what: &str) -> ModelError {
    ModelError::Corrupt { name: NAME.to_owned(), what: what.to_owned() }
}

/// A trained dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Relation names; index = label id. `root` is among them.
    labels: Vec<String>,
    root_label: u8,
    moves: Table,
    arcs: Table,
    /// Word clusters used as features (a copy is stored in the model file).
    clusters: Option<Arc<WordClusters>>,
}

impl Parser {
    pub(crate) fn from_parts(labels: Vec<String>, moves: Table, arcs: Table, clusters: Option<Arc<WordClusters>>) -> Parser {
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
        Parser { labels, root_label, moves, arcs, clusters }
    }

    /// The word clusters the model uses, if any.
    pub fn clusters(&self) -> Option<&WordClusters> {
        self.clusters.as_deref()
    }

    /// Loads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let payload = model_file::unwrap(NAME, MAGIC, VERSION, bytes)?;
        let mut r = Reader::new(NAME, payload);
        let nl = r.u32()? as usize;
        if nl == 0 || nl > 250 {
            return Err(corrupt("bad label count"));
        }
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            labels.push(r.str()?.to_owned());
        }
        let moves = Table::read(&mut r)?;
        let arcs = Table::read(&mut r)?;
        if moves.classes != N_MOVES || arcs.classes != nl {
            return Err(corrupt("class counts do not match"));
        }
        let clusters = if r.u8()? == 1 { Some(Arc::new(WordClusters::read(NAME, &mut r)?)) } else { None };
        if !r.is_empty() {
            return Err(corrupt("trailing bytes"));
        }
        Ok(Parser::from_parts(labels, moves, arcs, clusters))
    }

    /// Serialises the model (magic + version + quantised weights), without a provenance block.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_with(None)
    }

    /// Serialises the model with an optional provenance block.
    pub fn to_bytes_with(&self, provenance: Option<&Provenance>) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        self.moves.write(&mut w);
        self.arcs.write(&mut w);
        match &self.clusters {
            Some(c) => {
                w.u8(1);
                c.write(&mut w);
            }
            None => w.u8(0),
        }
        model_file::wrap_with_provenance(MAGIC, VERSION, provenance, &w.buf)
    }

    /// The relation labels the model knows.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// A copy without feature rows whose weights are all below `min_weight` in magnitude.
    pub fn pruned(&self, min_weight: f32) -> Parser {
        Parser::from_parts(self.labels.clone(), self.moves.pruned(min_weight), self.arcs.pruned(min_weight), self.clusters.clone())
    }

    /// Number of feature rows (moves, labels).
    pub fn sizes(&self) -> (usize, usize) {
        (self.moves.len(), self.arcs.len())
    }

    /// Parses one sentence in place: sets `head` (1-based, 0 = root) and `deprel` on every token.
    /// Never panics; any length works (a thread-local [`Workspace`] is reused between calls).
    pub fn parse(&self, tokens: &mut [Token]) {
        thread_local! {
            static WS: std::cell::RefCell<Workspace> = std::cell::RefCell::new(Workspace::default());
        }
        WS.with(|ws| match ws.try_borrow_mut() {
            Ok(mut ws) => self.parse_with(tokens, &mut ws),
            Err(_) => self.parse_with(tokens, &mut Workspace::default()),
        });
    }

    /// Like [`Parser::parse`], reusing buffers across sentences.
    pub fn parse_with(&self, tokens: &mut [Token], ws: &mut Workspace) {
        let n = tokens.len();
        if n == 0 {
            return;
        }
        ws.info.fill(tokens, self.clusters.as_deref());
        ws.state.reset(n);
        self.run(ws);
        for (i, t) in tokens.iter_mut().enumerate() {
            let h = ws.state.head[i] as usize;
            t.head = if h >= n { 0 } else { h + 1 };
            t.deprel.clear();
            t.deprel.push_str(&self.labels[ws.state.label[i] as usize]);
        }
    }

    /// Runs the greedy parse on a prepared workspace.
    ///
    /// A move's score is the sum of three parts: the stack features (cached per stack depth: the
    /// stack only changes at its top, so after a pop the part computed at that depth still holds),
    /// the buffer features (recomputed only when SHIFT moves the buffer front) and the rest. The
    /// weights are integers, so the sum is exactly the one over all features at once.
    fn run(&self, ws: &mut Workspace) {
        let Workspace { info, state, mfeats, lfeats, lscores, stack_parts } = ws;
        lscores.resize(self.labels.len(), 0);
        stack_parts.clear();
        let mut buffer_part = [0i32; N_MOVES];
        let mut buffer_at = None;
        while !state.is_terminal() {
            let valid = state.valid();
            if buffer_at != Some(state.b) {
                buffer_features(state, info, mfeats);
                buffer_part = self.score_group(mfeats, &BUFFER_FEATS);
                buffer_at = Some(state.b);
            }
            let depth = state.stack.len();
            stack_parts.truncate(depth + 1);
            if stack_parts.len() <= depth {
                // Only a SHIFT gets here, one level deeper than any part kept.
                stack_features(state, info, mfeats);
                let part = self.score_group(mfeats, &STACK_FEATS);
                stack_parts.resize(depth + 1, part);
            }
            config_features(state, info, mfeats);
            let mut scores = self.score_group(mfeats, &CONFIG_FEATS);
            for (m, s) in scores.iter_mut().enumerate() {
                *s += buffer_part[m] + stack_parts[depth][m];
            }
            let mv = best_valid(&scores, &valid);
            let label = match state.arc_of(mv) {
                Some((h, d)) => self.predict_label(state, info, h, d, lfeats, lscores),
                None => 0,
            };
            state.apply(mv, label);
        }
    }

    /// Move scores of the features at `positions` of `mfeats`.
    #[inline]
    fn score_group<const N: usize>(&self, mfeats: &[u64; N_MOVE_FEATS], positions: &[usize; N]) -> [i32; N_MOVES] {
        let mut keys = [0u64; N];
        for (k, &i) in keys.iter_mut().zip(positions) {
            *k = mfeats[i];
        }
        let mut scores = [0i32; N_MOVES];
        self.moves.score(&keys, &mut scores);
        scores
    }

    /// The highest-scoring label other than `root`.
    #[inline]
    pub(crate) fn best_label<T: PartialOrd + Copy>(&self, scores: &[T]) -> u8 {
        let mut best = usize::MAX;
        for (i, &s) in scores.iter().enumerate() {
            if i != self.root_label as usize && (best == usize::MAX || s > scores[best]) {
                best = i;
            }
        }
        best.min(self.labels.len() - 1) as u8
    }

    /// Label of the arc h → d: `root` for arcs from the root, never `root` otherwise.
    fn predict_label(
        &self,
        st: &State,
        info: &TokInfo,
        h: u32,
        d: u32,
        lfeats: &mut [u64; N_LABEL_FEATS],
        lscores: &mut [i32],
    ) -> u8 {
        if h as usize == st.n {
            return self.root_label;
        }
        label_features(st, info, h, d, lfeats);
        self.arcs.score(&lfeats[..], lscores);
        self.best_label(lscores)
    }
}

/// Highest-scoring valid move (ties go to the lower move id).
#[inline]
pub(crate) fn best_valid<T: PartialOrd + Copy>(scores: &[T; N_MOVES], valid: &[bool; N_MOVES]) -> usize {
    let mut best = usize::MAX;
    for m in [SHIFT, LEFT, RIGHT] {
        if valid[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// Reusable per-thread buffers for parsing.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub(crate) info: TokInfo,
    pub(crate) state: State,
    pub(crate) mfeats: [u64; N_MOVE_FEATS],
    pub(crate) lfeats: [u64; N_LABEL_FEATS],
    pub(crate) lscores: Vec<i32>,
    /// Scores of the stack features for each stack depth of the current parse.
    pub(crate) stack_parts: Vec<[i32; N_MOVES]>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            info: TokInfo::default(),
            state: State::default(),
            mfeats: [0; N_MOVE_FEATS],
            lfeats: [0; N_LABEL_FEATS],
            lscores: Vec::new(),
            stack_parts: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::system::is_tree;
    use super::*;
    use crate::nlp::hash::Rng;

    /// The shipped model (trained on EWT with jackknifed tags).
    const SHIPPED: &[u8] = include_bytes!("../../../models/ud-parser.bin");

    fn shipped() -> &'static Parser {
        static P: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();
        P.get_or_init(|| Parser::from_bytes(SHIPPED).expect("shipped parser loads"))
    }

    /// "word/XPOS/UPOS word/XPOS/UPOS …" → tokens.
    fn toks(spec: &str) -> Vec<Token> {
        spec.split_whitespace()
            .map(|w| {
                let mut it = w.rsplitn(3, '/');
                let (upos, xpos, form) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
                Token { form: form.into(), xpos: xpos.into(), upos: upos.into(), ..Default::default() }
            })
            .collect()
    }

    fn check_tree(t: &[Token]) {
        let n = t.len();
        let heads: Vec<u32> = t.iter().map(|x| if x.head == 0 { n as u32 } else { x.head as u32 - 1 }).collect();
        assert!(t.iter().all(|x| x.head <= n), "head out of range");
        assert!(is_tree(&heads), "not a tree: {heads:?}");
        for x in t {
            assert_eq!(x.head == 0, x.deprel == "root", "{} {} {}", x.form, x.head, x.deprel);
            assert!(!x.deprel.is_empty());
        }
    }

    /// Index (1-based) of the word `form` (first occurrence).
    fn idx(t: &[Token], form: &str) -> usize {
        t.iter().position(|x| x.form == form).unwrap_or_else(|| panic!("no {form}")) + 1
    }

    fn has(t: &[Token], rel: &str, head: &str, dep: &str) -> bool {
        let d = &t[idx(t, dep) - 1];
        d.deprel == rel && d.head == idx(t, head)
    }

    fn show(t: &[Token]) -> String {
        t.iter().enumerate().map(|(i, x)| format!("{}:{}<-{}:{} ", i + 1, x.form, x.head, x.deprel)).collect()
    }

    #[test]
    fn random_sentences_of_any_length_are_trees() {
        let p = shipped();
        let vocab = ["the/DT/DET", "dog/NN/NOUN", "runs/VBZ/VERB", "./././PUNCT", ",/,/PUNCT", "of/IN/ADP", "Ferreira/NNP/PROPN", "was/VBD/AUX", "cancelled/VBN/VERB", "and/CC/CCONJ", "big/JJ/ADJ", "???/XX/X", "ünïcödé/NN/NOUN"];
        let mut rng = Rng::new(9);
        for n in [1usize, 2, 3, 5, 17, 64, 150, 300] {
            for _ in 0..5 {
                let spec: Vec<&str> = (0..n).map(|_| vocab[rng.below(vocab.len())]).collect();
                let mut t = toks(&spec.join(" "));
                p.parse(&mut t);
                check_tree(&t);
            }
        }
        // Untagged input and odd forms must not panic either.
        let mut t: Vec<Token> = ["", " ", "a", "\u{200b}", "0123456789012345678901234567890123456789012345678901234567890123456789"]
            .iter()
            .map(|f| Token { form: f.to_string(), ..Default::default() })
            .collect();
        p.parse(&mut t);
        check_tree(&t);
        let mut empty: Vec<Token> = Vec::new();
        p.parse(&mut empty);
    }

    /// The greedy parse scoring all move features at every step, without the cached parts.
    fn parse_uncached(p: &Parser, tokens: &[Token]) -> Vec<(u32, u8)> {
        let mut ws = Workspace::default();
        ws.info.fill(tokens, p.clusters.as_deref());
        ws.state.reset(tokens.len());
        let Workspace { info, state, mfeats, lfeats, lscores, .. } = &mut ws;
        lscores.resize(p.labels.len(), 0);
        while !state.is_terminal() {
            features::move_features(state, info, mfeats);
            let mut scores = [0i32; N_MOVES];
            p.moves.score(&mfeats[..], &mut scores);
            let mv = best_valid(&scores, &state.valid());
            let label = match state.arc_of(mv) {
                Some((h, d)) => p.predict_label(state, info, h, d, lfeats, lscores),
                None => 0,
            };
            state.apply(mv, label);
        }
        (0..tokens.len()).map(|i| (ws.state.head[i], ws.state.label[i])).collect()
    }

    #[test]
    fn cached_feature_groups_parse_exactly_like_all_features() {
        let p = shipped();
        let vocab = ["the/DT/DET", "dog/NN/NOUN", "runs/VBZ/VERB", "./././PUNCT", ",/,/PUNCT", "of/IN/ADP", "Tormund/NNP/PROPN", "was/VBD/AUX", "sold/VBN/VERB", "and/CC/CCONJ", "old/JJ/ADJ", "that/WDT/PRON", "quickly/RB/ADV"];
        let mut rng = Rng::new(21);
        let mut moved = 0;
        for n in [1usize, 2, 4, 9, 25, 60, 120] {
            for _ in 0..8 {
                let spec: Vec<&str> = (0..n).map(|_| vocab[rng.below(vocab.len())]).collect();
                let mut t = toks(&spec.join(" "));
                let want = parse_uncached(p, &t);
                p.parse(&mut t);
                let got: Vec<(u32, u8)> = t
                    .iter()
                    .map(|x| (if x.head == 0 { n as u32 } else { x.head as u32 - 1 }, p.labels.iter().position(|l| *l == x.deprel).unwrap() as u8))
                    .collect();
                assert_eq!(got, want, "{}", spec.join(" "));
                moved += want.iter().filter(|(h, _)| *h != n as u32).count();
            }
        }
        // The sentences really had attachments to compare, not only roots.
        assert!(moved > 100, "{moved}");
    }

    #[test]
    fn single_word_is_root() {
        let mut t = toks("Hello/UH/INTJ");
        shipped().parse(&mut t);
        assert_eq!((t[0].head, t[0].deprel.as_str()), (0, "root"));
    }

    #[test]
    fn model_round_trip_and_errors() {
        let p = shipped();
        let prov = model_file::provenance(NAME, MAGIC, VERSION, SHIPPED).unwrap();
        let bytes = p.to_bytes_with(prov.as_ref());
        assert_eq!(bytes.as_slice(), SHIPPED, "writing the loaded model reproduces the file");
        let q = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(q.sizes(), p.sizes());
        assert!(q.labels().iter().any(|l| l == "nsubj:pass"));
        let mut bad = bytes.clone();
        bad[8..12].copy_from_slice(&(VERSION + 1).to_le_bytes());
        assert!(matches!(Parser::from_bytes(&bad), Err(ModelError::Version { .. })));
        assert!(matches!(Parser::from_bytes(b"KGTAGGER\x01\0\0\0"), Err(ModelError::BadMagic { .. })));
        for cut in [12, 20, bytes.len() / 3, bytes.len() - 1] {
            assert!(matches!(Parser::from_bytes(&bytes[..cut]), Err(ModelError::Corrupt { .. })), "cut {cut}");
        }
    }

    #[test]
    fn news_regressions_passive_agent_and_relative_clause() {
        let p = shipped();
        // a passive participle with an agent inside an apposition after a dash
        let mut t = toks(
            "Chile/NNP/PROPN will/MD/AUX also/RB/ADV resume/VB/VERB pesticide/NN/NOUN spraying/NN/NOUN to/TO/PART \
             kill/VB/VERB poppy/NN/NOUN fields/NNS/NOUN –/,/PUNCT a/DT/DET practice/NN/NOUN stopped/VBN/VERB since/IN/ADP \
             2011/CD/NUM and/CC/CCONJ fiercely/RB/ADV opposed/VBN/VERB by/IN/ADP Ferreira/NNP/PROPN when/WRB/ADV he/PRP/PRON \
             was/VBD/AUX a/DT/DET mayor/NN/NOUN ././PUNCT",
        );
        p.parse(&mut t);
        check_tree(&t);
        let s = show(&t);
        assert!(has(&t, "obl:agent", "opposed", "Ferreira"), "{s}");
        let opposed = idx(&t, "opposed");
        assert!(!t.iter().any(|x| x.head == opposed && x.deprel.starts_with("nsubj")), "{s}");
        assert!(has(&t, "nsubj", "resume", "Chile"), "{s}");
        assert!(has(&t, "obj", "resume", "spraying"), "{s}");
        assert!(has(&t, "case", "Ferreira", "by"), "{s}");

        let mut t = toks(
            "Ferreira/NNP/PROPN ,/,/PUNCT whose/WP$/PRON permit/NN/NOUN was/VBD/AUX revoked/VBN/VERB by/IN/ADP Ottawa/NNP/PROPN \
             last/JJ/ADJ month/NN/NOUN for/IN/SCONJ joining/VBG/VERB anti-mining/JJ/ADJ rallies/NNS/NOUN during/IN/ADP his/PRP$/PRON \
             trip/NN/NOUN to/IN/ADP the/DT/DET European/NNP/PROPN Union/NNP/PROPN ,/,/PUNCT will/MD/AUX have/VB/VERB the/DT/DET \
             ban/NN/NOUN lifted/VBN/VERB for/IN/ADP this/DT/DET coming/JJ/ADJ trip/NN/NOUN ././PUNCT",
        );
        p.parse(&mut t);
        check_tree(&t);
        let s = show(&t);
        assert!(has(&t, "nsubj:pass", "revoked", "permit"), "{s}");
        assert!(has(&t, "obl:agent", "revoked", "Ottawa"), "{s}");
        assert!(has(&t, "aux:pass", "revoked", "was"), "{s}");
        assert!(has(&t, "nmod:poss", "permit", "whose"), "{s}");
        assert!(has(&t, "obj", "have", "ban"), "{s}");
    }

    /// Known gaps of the shipped model on news constructions (run with `cargo test -- --ignored`):
    /// the greedy parser hangs a name with a `whose` clause on the relative clause instead of the
    /// main verb, and a quote between a possessive and its noun (`X’s “call and tone”`) breaks nmod:poss.
    #[test]
    #[ignore = "known parser errors, kept visible"]
    fn news_known_gaps() {
        let p = shipped();
        let mut t = toks(
            "Ferreira/NNP/PROPN ,/,/PUNCT whose/WP$/PRON permit/NN/NOUN was/VBD/AUX revoked/VBN/VERB by/IN/ADP Ottawa/NNP/PROPN \
             last/JJ/ADJ month/NN/NOUN ,/,/PUNCT will/MD/AUX have/VB/VERB the/DT/DET ban/NN/NOUN lifted/VBN/VERB ././PUNCT",
        );
        p.parse(&mut t);
        let s = show(&t);
        assert!(has(&t, "acl:relcl", "Ferreira", "revoked"), "{s}");
        assert!(has(&t, "nsubj", "have", "Ferreira"), "{s}");
        let mut t = toks(
            "Brandt/NNP/PROPN said/VBD/VERB he/PRP/PRON “/``/PUNCT welcomed/VBD/VERB ”/''/PUNCT Ferreira/NNP/PROPN ’s/POS/PART \
             “/``/PUNCT candour/NN/NOUN and/CC/CCONJ patience/NN/NOUN ”/''/PUNCT ././PUNCT",
        );
        p.parse(&mut t);
        let s = show(&t);
        assert!(has(&t, "nmod:poss", "candour", "Ferreira"), "{s}");
        assert!(has(&t, "obj", "welcomed", "candour"), "{s}");
    }

    #[test]
    fn news_regressions_subjects_objects_and_speech() {
        let p = shipped();
        // (sentence, relations that must hold as (rel, head, dep))
        type Rel = (&'static str, &'static str, &'static str);
        let cases: &[(&str, &[Rel])] = &[
            (
                "The/DT/DET agreement/NN/NOUN was/VBD/AUX announced/VBN/VERB soon/RB/ADV after/IN/SCONJ Chile/NNP/PROPN \
                 started/VBD/VERB admitting/VBG/VERB Peruvian/JJ/ADJ cargo/NN/NOUN ships/NNS/NOUN from/IN/ADP Monday/NNP/PROPN ././PUNCT",
                &[("nsubj:pass", "announced", "agreement"), ("aux:pass", "announced", "was"), ("nsubj", "started", "Chile"), ("obj", "admitting", "ships")],
            ),
            (
                "After/IN/ADP a/DT/DET brief/JJ/ADJ video/NN/NOUN call/NN/NOUN between/IN/ADP the/DT/DET two/CD/NUM ministers/NNS/NOUN ,/,/PUNCT \
                 Brandt/NNP/PROPN said/VBD/VERB he/PRP/PRON “/``/PUNCT welcomed/VBD/VERB ”/''/PUNCT Ferreira/NNP/PROPN ’s/POS/PART \
                 “/``/PUNCT candour/NN/NOUN and/CC/CCONJ patience/NN/NOUN ”/''/PUNCT ././PUNCT",
                &[("nsubj", "said", "Brandt"), ("ccomp", "said", "welcomed"), ("nsubj", "welcomed", "he"), ("conj", "candour", "patience")],
            ),
            (
                "Ahead/RB/ADV of/IN/ADP the/DT/DET summit/NN/NOUN ,/,/PUNCT Ferreira/NNP/PROPN also/RB/ADV took/VBD/VERB measures/NNS/NOUN to/TO/PART \
                 satisfy/VB/VERB Ottawa/NNP/PROPN ’s/POS/PART requests/NNS/NOUN ././PUNCT",
                &[("nsubj", "took", "Ferreira"), ("obj", "took", "measures"), ("nmod:poss", "requests", "Ottawa"), ("obj", "satisfy", "requests")],
            ),
            (
                "There/EX/PRON will/MD/AUX be/VB/VERB 12/CD/NUM ferries/NNS/NOUN ,/,/PUNCT according/VBG/VERB to/IN/ADP Chilean/JJ/ADJ \
                 Transport/NNP/PROPN Minister/NNP/PROPN Lucia/NNP/PROPN Mendoza/NNP/PROPN ././PUNCT",
                &[("expl", "be", "There"), ("nsubj", "be", "ferries"), ("nummod", "ferries", "12")],
            ),
        ];
        for (spec, rels) in cases {
            let mut t = toks(spec);
            p.parse(&mut t);
            check_tree(&t);
            for (rel, h, d) in *rels {
                assert!(has(&t, rel, h, d), "{rel}({h}, {d}) missing in {}", show(&t));
            }
        }
    }
}
