//! The parser's weight tables: i16-quantised perceptron rows keyed by feature fingerprints,
//! laid out for scoring (inline one-cache-line buckets for the move classifier, open addressing
//! over sparse rows for the labeller, a bit filter in front of both), and their file encoding.
//!
//! In: (feature key, row) pairs from training, or a model file's bytes. Out: per-class scores for
//! a step's feature keys ([`Table::score`]).

use super::NAME;
use crate::nlp::hugemem::{ClassWeight, HugeBuf, RowStore, prefetch};
use crate::nlp::model_file::{ModelError, Reader, Writer};

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
    pub(super) classes: usize,
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

    pub(super) fn write(&self, w: &mut Writer) {
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

    pub(super) fn read(r: &mut Reader) -> Result<Table, ModelError> {
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

pub(super) fn corrupt(what: &str) -> ModelError {
    ModelError::Corrupt { name: NAME.to_owned(), what: what.to_owned() }
}
