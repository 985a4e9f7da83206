//! Greedy averaged-perceptron POS tagger predicting one joint label `XPOS+UPOS` per word.
//!
//! Two stages: the first tags left to right from words and previous tags; the second (stacked)
//! tags again with the first stage's tags of the next two words as extra features. The second
//! stage is trained on jackknifed first-stage output, so it learns how far to trust it.
//!
//! In: word forms. Out: class ids (→ XPOS and UPOS strings). Frequent unambiguous words are
//! tagged from a tag dictionary and skip the model. Features are hashed to u64 (template, values)
//! and looked up in a sparse table of quantized (i16) averaged weights; nothing is allocated per
//! word while tagging. Training ([`train`]) shuffles with a fixed seed and keeps the epoch that
//! scores best on the dev set.

use super::clusters::WordClusters;
use super::hash::{self, IdMap};
use super::hugemem::{ClassWeight, HugeBuf, RowStore, prefetch};
use super::model_file::{ModelError, Reader, Writer};
use crate::document::Token;
use std::sync::Arc;

#[cfg(feature = "train")]
mod train;
#[cfg(feature = "train")]
pub use self::train::{TrainOptions, accuracy, joint, train};

/// Per-word precomputed hashes.
#[derive(Clone, Copy, Default)]
struct Word {
    form: u64,
    lower: u64,
    suf: [u64; 4],
    pre1: u64,
    /// Lowercased prefixes of 2 and 3 chars, suffix of 5, last part after a hyphen.
    pre2: u64,
    pre3: u64,
    suf5: u64,
    hyph: u64,
    shape: u64,
    amb: u64,
    /// Word-cluster path prefixes of 4, 6 and 10 bits and the class id (see `nlp::clusters`).
    cl: [u64; 4],
}

const PAD: usize = 2;

/// One linear model: sparse quantized (i16) averaged weights, found through an open-addressing
/// table of feature keys (linear probing; key 0 marks an empty slot). Slots and rows live on huge
/// pages; rows are sparse or dense by how many classes they cover (`nlp::hugemem::RowStore`).
#[derive(Default)]
struct Weights {
    slots: HugeBuf<Slot>,
    mask: usize,
    rows: RowStore,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

#[inline(always)]
fn nonzero(k: u64) -> u64 {
    if k == 0 { 1 } else { k }
}

impl Weights {
    /// Builds the table from `n` rows (key, entries) given in row order.
    fn from_keyed<'a>(rows: impl Iterator<Item = (u64, &'a [ClassWeight])> + Clone, n: usize, classes: usize) -> Weights {
        let cap = (n * 2).next_power_of_two().max(16);
        let (store, refs) = RowStore::build(classes, rows.clone().map(|(_, r)| r));
        let mut t = Weights { slots: HugeBuf::filled(cap, Slot::default()), mask: cap - 1, rows: store };
        for ((k, _), (start, len)) in rows.zip(refs) {
            t.insert(k, start, len);
        }
        t
    }

    /// Points the slot of `key` at row `(start, len)` of the store (a repeated key keeps the last row).
    fn insert(&mut self, key: u64, start: u32, len: u32) {
        let key = nonzero(key);
        let mut i = key as usize & self.mask;
        while self.slots[i].key != 0 && self.slots[i].key != key {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = Slot { key, start, len };
    }

    #[inline(always)]
    fn find(&self, key: u64) -> Option<Slot> {
        if self.slots.is_empty() {
            return None;
        }
        let key = nonzero(key);
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        if self.slots.is_empty() {
            return;
        }
        for &k in feats {
            prefetch(&self.slots[nonzero(k) as usize & self.mask]);
        }
        let mut found = [(0u32, 0u32); 64];
        let mut n = 0;
        for &k in feats {
            if let Some(s) = self.find(k)
                && n < found.len()
                && s.len > 0
            {
                self.rows.prefetch(s.start, s.len);
                found[n] = (s.start, s.len);
                n += 1;
            }
        }
        for &(start, len) in &found[..n] {
            self.rows.add(start, len, scores);
        }
    }

    /// Rows sorted by key: (key, entries).
    fn sorted_rows(&self) -> Vec<(u64, Vec<ClassWeight>)> {
        let mut v: Vec<(u64, Vec<ClassWeight>)> =
            self.slots.iter().filter(|s| s.key != 0).map(|s| (s.key, self.rows.row(s.start, s.len))).collect();
        v.sort_by_key(|r| r.0);
        v
    }

    fn write(&self, w: &mut Writer) {
        let rows = self.sorted_rows();
        w.u32(rows.len() as u32);
        for (k, row) in rows {
            w.u64(k);
            w.u8(row.len() as u8);
            for e in &row {
                w.u8(e.class);
                w.i16(e.w);
            }
        }
    }

    /// Steps over a table written by [`Weights::write`] without building it; returns how many
    /// (class, weight) entries its rows hold.
    fn skip(r: &mut Reader) -> Result<usize, ModelError> {
        let n = r.u32()?;
        if n > 1 << 26 {
            return Err(ModelError::Corrupt { name: "ud-tagger.bin".into(), what: "implausible row count".into() });
        }
        let mut entries = 0;
        for _ in 0..n {
            r.skip(8)?;
            let l = r.u8()? as usize;
            r.skip(3 * l)?;
            entries += l;
        }
        Ok(entries)
    }

    fn read(r: &mut Reader, classes: usize) -> Result<Weights, ModelError> {
        // Entries counted ahead, so their vector is allocated once: grown by doubling, it was
        // copied into fresh (kernel-zeroed) memory about twenty times per table at start-up.
        let total = Weights::skip(&mut r.clone())?;
        let n = r.u32()? as usize;
        if n > 1 << 26 {
            return Err(ModelError::Corrupt { name: "ud-tagger.bin".into(), what: "implausible row count".into() });
        }
        // Read into flat arrays rather than one vector per row: an allocation per row (hundreds
        // of thousands of rows) was a visible share of every command's start-up.
        let (mut keys, mut ends, mut entries) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(total));
        for _ in 0..n {
            keys.push(r.u64()?);
            let l = r.u8()? as usize;
            for _ in 0..l {
                let class = r.u8()?;
                if class as usize >= classes {
                    return Err(ModelError::Corrupt { name: "ud-tagger.bin".into(), what: "tag class out of range".into() });
                }
                entries.push(ClassWeight { w: r.i16()?, class });
            }
            ends.push(entries.len());
        }
        let starts = std::iter::once(0).chain(ends.iter().copied());
        let rows = keys.iter().zip(starts.zip(&ends)).map(|(&k, (a, &b))| (k, &entries[a..b]));
        Ok(Weights::from_keyed(rows, n, classes))
    }
}

/// The runtime tagger.
pub struct Tagger {
    /// (XPOS, UPOS) for each class id.
    pub classes: Vec<(String, String)>,
    tagdict: IdMap<u8>,
    amb: IdMap<u64>,
    stage1: Weights,
    stage2: Option<Weights>,
    /// Word clusters used as features (a copy is stored in the model file).
    clusters: Option<Arc<WordClusters>>,
}

fn shape_hash(s: &str) -> u64 {
    let mut h = 0xabcdu64;
    let mut last = ' ';
    let mut run = 0;
    let mut n = 0;
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if m == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = m;
        h = hash::mix(h, m as u64);
        n += 1;
        if n > 8 {
            break;
        }
    }
    hash::finish(h)
}

/// Cluster feature values of a word: prefixes of 4, 6, 10 bits and the class; fixed values when
/// the word has no cluster.
pub(crate) fn cluster_values(clusters: Option<&WordClusters>, form: &str) -> [u64; 4] {
    match clusters.and_then(|c| c.get(form)) {
        Some(c) => [c.prefix(4), c.prefix(6), c.prefix(10), 0x1_0000_0000 + c.id as u64],
        None => [0x9999; 4],
    }
}

fn word_of(form: &str, amb: &IdMap<u64>, clusters: Option<&WordClusters>) -> Word {
    let lower = hash::lower(form);
    let mut suf = [0u64; 4];
    // Byte offsets of the last 1..4 chars.
    let mut idx = [form.len(); 5];
    let mut k = 0;
    for (i, _) in form.char_indices().rev() {
        if k == 5 {
            break;
        }
        idx[k] = i;
        k += 1;
    }
    let prefix = |n: usize| -> u64 {
        match form.char_indices().nth(n) {
            Some((i, _)) => hash::mix(n as u64 + 31, hash::lower(&form[..i])),
            None => 0x77,
        }
    };
    let suf5 = if k == 5 { hash::mix(55, hash::lower(&form[idx[4]..])) } else { 0x78 };
    let hyph = match form.rfind('-') {
        Some(i) if i > 0 && i + 1 < form.len() => hash::mix(66, hash::lower(&form[i + 1..])),
        _ => 0x79,
    };
    for j in 0..4 {
        suf[j] = if j < k { hash::mix(j as u64 + 11, hash::lower(&form[idx[j]..])) } else { 0x5u64 + j as u64 };
    }
    let pre1 = form.chars().next().map(|c| c as u64).unwrap_or(0);
    Word {
        form: hash::str(form),
        lower,
        suf,
        pre1,
        pre2: prefix(2),
        pre3: prefix(3),
        suf5,
        hyph,
        shape: shape_hash(form),
        amb: amb.get(&lower).copied().unwrap_or(1),
        cl: cluster_values(clusters, form),
    }
}

fn pad_word(tag: u64) -> Word {
    Word { form: tag, lower: tag, suf: [tag; 4], pre1: tag, pre2: tag, pre3: tag, suf5: tag, hyph: tag, shape: tag, amb: tag, cl: [tag; 4] }
}

/// Fills `out` with the feature keys of word `i` (index into the padded `words`).
#[inline]
#[allow(clippy::too_many_arguments)]
fn features(words: &[Word], i: usize, p1: u64, p2: u64, right: Option<(u64, u64)>, clusters: bool, out: &mut Vec<u64>) {
    let f = hash::feat;
    let w = &words[i];
    let (m1, m2, n1, n2) = (&words[i - 1], &words[i - 2], &words[i + 1], &words[i + 2]);
    let first = (i == PAD) as u64;
    out.clear();
    out.extend_from_slice(&[
        f(0, 0, 0),
        f(1, w.lower, 0),
        f(2, w.suf[0], 0),
        f(3, w.suf[1], 0),
        f(4, w.suf[2], 0),
        f(5, w.suf[3], 0),
        f(6, w.pre1, 0),
        f(7, w.shape, 0),
        f(8, w.shape, first),
        f(9, p1, 0),
        f(10, p2, 0),
        f(11, p1, p2),
        f(12, p1, w.lower),
        f(13, m1.lower, 0),
        f(14, m1.suf[2], 0),
        f(15, m2.lower, 0),
        f(16, n1.lower, 0),
        f(17, n1.suf[2], 0),
        f(18, n2.lower, 0),
        f(19, w.amb, 0),
        f(20, n1.amb, 0),
        f(21, n2.amb, 0),
        f(22, w.lower, n1.lower),
        f(23, m1.lower, w.lower),
        f(24, p1, w.amb),
        f(25, w.amb, n1.amb),
        f(26, n1.shape, 0),
        f(27, m1.shape, 0),
        f(28, w.form, 0),
        f(29, p1, w.suf[2]),
        f(30, w.suf[2], n1.amb),
        f(31, w.pre2, 0),
        f(32, w.pre3, 0),
        f(33, w.suf5, 0),
        f(34, w.hyph, 0),
        f(35, m1.lower, n1.lower),
        f(36, w.shape, hash::mix(m1.shape, n1.shape)),
        f(37, w.suf[1], n1.lower),
        f(38, m1.lower, w.suf[2]),
        f(39, w.lower, n2.lower),
    ]);
    if clusters {
        out.extend_from_slice(&[
            f(60, w.cl[0], 0),
            f(61, w.cl[1], 0),
            f(62, w.cl[2], 0),
            f(63, w.cl[3], 0),
            f(64, n1.cl[1], 0),
            f(65, n1.cl[3], 0),
            f(66, m1.cl[3], 0),
            f(67, n2.cl[1], 0),
            f(68, p1, w.cl[3]),
            f(69, w.cl[3], n1.cl[1]),
        ]);
    }
    // Second stage: the first stage's tags of the next two words.
    if let Some((r1, r2)) = right {
        out.extend_from_slice(&[
            f(40, r1, 0),
            f(41, r2, 0),
            f(42, r1, r2),
            f(43, r1, w.lower),
            f(44, p1, r1),
            f(45, r1, w.suf[2]),
            f(46, r1, w.amb),
            f(47, r1, n1.lower),
            f(48, hash::mix(r1, r2), w.lower),
        ]);
    }
}

const START1: u64 = 0x5151;
const START2: u64 = 0x5252;
const END: u64 = 0xe1e1;

fn tag_hash(c: u8) -> u64 {
    c as u64 + 100
}

impl Tagger {
    fn words(&self, forms: &mut dyn Iterator<Item = &str>, buf: &mut Vec<Word>) {
        buf.clear();
        buf.push(pad_word(START2));
        buf.push(pad_word(START1));
        for form in forms {
            buf.push(word_of(form, &self.amb, self.clusters.as_deref()));
        }
        buf.push(pad_word(0xe1e1));
        buf.push(pad_word(0xe2e2));
    }

    /// Tags a sequence of forms, returning class ids.
    pub fn tag_forms<'a>(&self, forms: impl Iterator<Item = &'a str>) -> Vec<u8> {
        let mut words = Vec::new();
        let mut forms = forms;
        self.words(&mut forms, &mut words);
        let first = self.greedy(&self.stage1, &words, None);
        match &self.stage2 {
            Some(s2) => self.greedy(s2, &words, Some(&first)),
            None => first,
        }
    }

    /// One greedy left-to-right pass; `right` holds first-stage tags for the second stage.
    fn greedy(&self, model: &Weights, words: &[Word], right: Option<&[u8]>) -> Vec<u8> {
        let n = words.len() - 2 * PAD;
        let mut out = Vec::with_capacity(n);
        let mut feats = Vec::with_capacity(64);
        let nc = self.classes.len();
        let mut scores = [0i32; 256];
        let (mut p1, mut p2) = (START1, START2);
        for j in 0..n {
            let i = j + PAD;
            let class = if let Some(&c) = self.tagdict.get(&words[i].form) {
                c
            } else {
                let r = right.map(|r| (r.get(j + 1).map_or(END, |&c| tag_hash(c)), r.get(j + 2).map_or(END, |&c| tag_hash(c))));
                features(words, i, p1, p2, r, self.clusters.is_some(), &mut feats);
                model.score(&feats, &mut scores[..nc]);
                let mut best = 0;
                for c in 1..nc {
                    if scores[c] > scores[best] {
                        best = c;
                    }
                }
                best as u8
            };
            out.push(class);
            p2 = p1;
            p1 = tag_hash(class);
        }
        out
    }

    /// Sets `xpos` and `upos` of every token.
    pub fn tag(&self, tokens: &mut [Token]) {
        let ids = self.tag_forms(tokens.iter().map(|t| t.form.as_str()));
        for (t, c) in tokens.iter_mut().zip(ids) {
            let (x, u) = &self.classes[c as usize];
            t.xpos.clear();
            t.xpos.push_str(x);
            t.upos.clear();
            t.upos.push_str(u);
        }
    }

    /// Number of (feature, class) weights stored.
    pub fn n_weights(&self) -> usize {
        self.stage1.rows.entries() + self.stage2.as_ref().map_or(0, |s| s.rows.entries())
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes.len() as u32);
        for (x, u) in &self.classes {
            w.str(x);
            w.str(u);
        }
        let mut td: Vec<_> = self.tagdict.iter().collect();
        td.sort();
        w.u32(td.len() as u32);
        for (k, c) in td {
            w.u64(*k);
            w.u8(*c);
        }
        let mut amb: Vec<_> = self.amb.iter().collect();
        amb.sort();
        w.u32(amb.len() as u32);
        for (k, a) in amb {
            w.u64(*k);
            w.u64(*a);
        }
        self.stage1.write(w);
        match &self.stage2 {
            Some(s) => {
                w.u8(1);
                s.write(w);
            }
            None => w.u8(0),
        }
        match &self.clusters {
            Some(c) => {
                w.u8(1);
                c.write(w);
            }
            None => w.u8(0),
        }
    }

    pub fn read(r: &mut Reader) -> Result<Tagger, ModelError> {
        let n = r.u32()? as usize;
        if n == 0 || n > 255 {
            return Err(ModelError::Corrupt { name: "ud-tagger.bin".into(), what: "bad tag class count".into() });
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.str()?.to_owned(), r.str()?.to_owned()));
        }
        let n = r.u32()? as usize;
        let mut tagdict = IdMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u8()?;
            if c as usize >= classes.len() {
                return Err(ModelError::Corrupt { name: "ud-tagger.bin".into(), what: "tag class out of range".into() });
            }
            tagdict.insert(k, c);
        }
        let n = r.u32()? as usize;
        let mut amb = IdMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = r.u64()?;
            amb.insert(k, r.u64()?);
        }
        // The two stages' tables are the bulk of the file: the first is built on a thread of its
        // own while this one steps over it and builds the second (start-up time).
        let at_stage1 = r.clone();
        Weights::skip(r)?;
        let n_classes = classes.len();
        let (stage1, rest) = std::thread::scope(|s| {
            let stage1 = s.spawn(move || Weights::read(&mut { at_stage1 }, n_classes));
            let rest = (|| {
                let stage2 = if r.u8()? == 1 { Some(Weights::read(r, n_classes)?) } else { None };
                let clusters = if r.u8()? == 1 { Some(Arc::new(WordClusters::read("ud-tagger.bin", r)?)) } else { None };
                Ok::<_, ModelError>((stage2, clusters))
            })();
            (stage1.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), rest)
        });
        let (stage1, (stage2, clusters)) = (stage1?, rest?);
        Ok(Tagger { classes, tagdict, amb, stage1, stage2, clusters })
    }
}
