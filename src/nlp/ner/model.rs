//! The averaged perceptron: training weights, compact runtime weights, greedy and Viterbi BILOU
//! decoding and the on-disk format (`KGNER001` magic, see [`MAGIC`]).
//!
//! Payload (little-endian): u32 label count, f32 dequantisation scale, u32 row count, then per row
//! a u64 feature hash and one i16 weight per label; then the word-class lexicon
//! ([`super::lexicon::Lexicon::write`]); then f32 `O` bias, u32 count and the sorted u64 hashes of
//! the "always O" words; then, in version 4, one byte for the [`Decoder`] (1 Viterbi; greedy
//! models are written as version 3, without it).

use super::bilou::{self, N_LABELS, O};
use super::features::{self, N_DYNAMIC, N_EDGE, N_STATIC, TokInfo};
use super::lexicon::Lexicon;
use crate::nlp::model_file::{self, ModelError, Reader, Writer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub const MAGIC: &[u8; 8] = b"KGNER001";
/// Bump when features or the payload change.
pub const VERSION: u32 = 4;
/// Version 3 files lack the trailing decoder byte; they read as [`Decoder::Greedy`], and greedy
/// models are written in it.
const VERSION_GREEDY_ONLY: u32 = 3;

/// How a model reads a sentence; part of the model (the weights are trained for one of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decoder {
    /// Left to right, each label chosen given the two labels before it ([`decode_greedy`]).
    #[default]
    Greedy,
    /// The best label sequence under first-order label features ([`viterbi`]): a name's last
    /// word (`… Council`) can change the class of its first.
    Viterbi,
}

/// Keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FeatMap = HashMap<u64, u32, BuildHasherDefault<IdHasher>>;
pub type IdSet = std::collections::HashSet<u64, BuildHasherDefault<IdHasher>>;

/// Anything that scores a feature vector.
pub trait Scorer {
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N_LABELS]);
    /// Subtracted from the `O` score before choosing (trades precision for recall).
    fn o_bias(&self) -> f32 {
        0.0
    }
    /// Whether a lowercase word (by [`features::lower_hash`]) is always `O`: frequent in training
    /// and never inside a name. Such tokens skip scoring.
    fn is_o_word(&self, _lower: u64) -> bool {
        false
    }
}

/// Runtime weights.
pub struct Weights {
    index: FeatMap,
    /// One row per feature, padded to 16 lanes so the row addition vectorises.
    rows: Vec<[f32; 16]>,
    /// See [`Scorer::o_bias`]; chosen on dev by training.
    pub o_bias: f32,
    /// See [`Scorer::is_o_word`].
    pub o_words: IdSet,
    pub decoder: Decoder,
}

impl Scorer for Weights {
    #[inline]
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N_LABELS]) {
        let mut acc = [0f32; 16];
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.rows[r as usize];
                for l in 0..16 {
                    acc[l] += row[l];
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a;
        }
    }

    fn o_bias(&self) -> f32 {
        self.o_bias
    }

    #[inline]
    fn is_o_word(&self, lower: u64) -> bool {
        self.o_words.contains(&lower)
    }
}

impl Weights {
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The mean of several models' weights (an ensemble of perceptrons trained with different
    /// shuffles); the `O` bias is taken from the first.
    pub fn mean(models: &[Weights]) -> Weights {
        let mut index = FeatMap::default();
        let mut rows: Vec<[f32; 16]> = Vec::new();
        let k = models.len().max(1) as f32;
        for m in models {
            for (&f, &r) in &m.index {
                let next = index.len() as u32;
                let row = *index.entry(f).or_insert(next) as usize;
                if row == rows.len() {
                    rows.push([0.0; 16]);
                }
                for (x, y) in rows[row].iter_mut().zip(&m.rows[r as usize]) {
                    *x += y / k;
                }
            }
        }
        Weights {
            index,
            rows,
            o_bias: models.first().map_or(0.0, |m| m.o_bias),
            o_words: models.first().map_or_else(IdSet::default, |m| m.o_words.clone()),
            decoder: models.first().map_or_else(Decoder::default, |m| m.decoder),
        }
    }

    /// Serialises with the model header and the lexicon; rows whose largest |weight| is below
    /// `prune` are dropped.
    pub fn to_bytes(&self, lex: &Lexicon, prune: f32) -> Vec<u8> {
        self.to_bytes_with(lex, prune, None)
    }

    /// [`Weights::to_bytes`] with an optional provenance block (the payload is the same).
    pub fn to_bytes_with(&self, lex: &Lexicon, prune: f32, provenance: Option<&model_file::Provenance>) -> Vec<u8> {
        let max = self.rows.iter().flatten().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let kept: Vec<(u64, u32)> = keys
            .into_iter()
            .filter(|&(_, r)| {
                self.rows[r as usize][..N_LABELS].iter().any(|w| w.abs() >= prune && (w / scale).round() != 0.0)
            })
            .collect();
        let mut w = Writer::default();
        w.u32(N_LABELS as u32);
        w.f32(scale);
        w.u32(kept.len() as u32);
        for (k, r) in kept {
            w.u64(k);
            for &x in &self.rows[r as usize][..N_LABELS] {
                w.i16((x / scale).round().clamp(-32767.0, 32767.0) as i16);
            }
        }
        lex.write(&mut w);
        w.f32(self.o_bias);
        let mut o_words: Vec<u64> = self.o_words.iter().copied().collect();
        o_words.sort_unstable();
        w.u32(o_words.len() as u32);
        for h in o_words {
            w.u64(h);
        }
        // A greedy model keeps the version-3 layout, so retraining the shipped greedy model gives
        // back its file byte for byte (`kgraph train all` compares payloads).
        let version = match self.decoder {
            Decoder::Greedy => VERSION_GREEDY_ONLY,
            Decoder::Viterbi => {
                w.u8(1);
                VERSION
            }
        };
        model_file::wrap_with_provenance(MAGIC, version, provenance, &w.buf)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<(Weights, Lexicon), ModelError> {
        let (payload, has_decoder) = match model_file::unwrap(name, MAGIC, VERSION, bytes) {
            Ok(p) => (p, true),
            Err(ModelError::Version { .. }) => (model_file::unwrap(name, MAGIC, VERSION_GREEDY_ONLY, bytes)?, false),
            Err(e) => return Err(e),
        };
        let mut r = Reader::new(name, payload);
        let nl = r.u32()? as usize;
        if nl != N_LABELS {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: format!("{nl} labels, expected {N_LABELS}") });
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if n > payload.len() / (8 + 2 * N_LABELS) {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: format!("row count {n} exceeds file size") });
        }
        let mut index = FeatMap::with_capacity_and_hasher(n, Default::default());
        let mut rows = Vec::with_capacity(n);
        for i in 0..n {
            index.insert(r.u64()?, i as u32);
            let mut row = [0f32; 16];
            for x in row.iter_mut().take(N_LABELS) {
                *x = r.i16()? as f32 * scale;
            }
            rows.push(row);
        }
        let lex = Lexicon::read(name, &mut r, payload.len())?;
        let o_bias = r.f32()?;
        let n_o = r.u32()? as usize;
        if n_o > payload.len() / 8 {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: format!("O-word count {n_o}") });
        }
        let mut o_words = IdSet::with_capacity_and_hasher(n_o, Default::default());
        for _ in 0..n_o {
            o_words.insert(r.u64()?);
        }
        let decoder = match if has_decoder { r.u8()? } else { 0 } {
            0 => Decoder::Greedy,
            1 => Decoder::Viterbi,
            d => return Err(ModelError::Corrupt { name: name.to_owned(), what: format!("decoder {d}") }),
        };
        if !r.is_empty() {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: "trailing bytes".into() });
        }
        Ok((Weights { index, rows, o_bias, o_words, decoder }, lex))
    }
}

/// Training weights with lazy averaging (average = w − u / c).
#[derive(Default)]
pub struct Trainer {
    index: FeatMap,
    w: Vec<i32>,
    u: Vec<i64>,
    /// Number of updates steps seen (one per token).
    pub c: i64,
}

impl Scorer for Trainer {
    #[inline]
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N_LABELS]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * N_LABELS..(r as usize + 1) * N_LABELS];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w as f32;
                }
            }
        }
    }
}

impl Trainer {
    fn row(&mut self, f: u64) -> usize {
        let next = self.index.len() as u32;
        let r = *self.index.entry(f).or_insert(next) as usize;
        if r == next as usize {
            self.w.extend_from_slice(&[0; N_LABELS]);
            self.u.extend_from_slice(&[0; N_LABELS]);
        }
        r
    }

    /// Perceptron update: +1 for `gold`, −1 for `pred` on every feature.
    pub fn update(&mut self, feats: &[u64], gold: u8, pred: u8) {
        let c = self.c;
        for &f in feats {
            let r = self.row(f) * N_LABELS;
            self.w[r + gold as usize] += 1;
            self.u[r + gold as usize] += c;
            self.w[r + pred as usize] -= 1;
            self.u[r + pred as usize] -= c;
        }
    }

    /// Adds `delta` to label `label`'s weight of every feature (one side of a structured update).
    pub fn add(&mut self, feats: &[u64], label: u8, delta: i32) {
        let c = self.c;
        for &f in feats {
            let r = self.row(f) * N_LABELS + label as usize;
            self.w[r] += delta;
            self.u[r] += c * delta as i64;
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Weights {
        let c = self.c.max(1) as f64;
        let rows = self
            .w
            .chunks(N_LABELS)
            .zip(self.u.chunks(N_LABELS))
            .map(|(w, u)| {
                let mut row = [0f32; 16];
                for l in 0..N_LABELS {
                    row[l] = (w[l] as f64 - u[l] as f64 / c) as f32;
                }
                row
            })
            .collect();
        Weights { index: self.index.clone(), rows, o_bias: 0.0, o_words: IdSet::default(), decoder: Decoder::default() }
    }
}

/// Best allowed label given the previous one (`last` forbids leaving an entity open).
#[inline]
pub fn best_allowed(scores: &[f32; N_LABELS], prev: u8, last: bool) -> u8 {
    let mut best = O;
    let mut best_s = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        let l = l as u8;
        if s > best_s && bilou::allowed(prev, l) && !(last && bilou::is_open(l)) {
            best = l;
            best_s = s;
        }
    }
    best
}

/// Index of the highest score (ties → lowest label).
#[inline]
pub fn argmax(scores: &[f32; N_LABELS]) -> u8 {
    let mut best = 0;
    for l in 1..N_LABELS {
        if scores[l] > scores[best] {
            best = l;
        }
    }
    best as u8
}

/// Decodes one sentence with `decoder`; `statics` from [`features::static_features`].
pub fn decode(model: &impl Scorer, decoder: Decoder, toks: &[TokInfo], statics: &[u64], out: &mut Vec<u8>) {
    match decoder {
        Decoder::Greedy => decode_greedy(model, toks, statics, out),
        Decoder::Viterbi => viterbi(model, toks, statics, out),
    }
}

/// The best BILOU label sequence of one sentence under the static features and the first-order
/// edge features ([`features::edge_features`]); the `O` bias is subtracted from every `O`. Every
/// token is scored: the greedy decoder's shortcut for "always O" words ([`Scorer::is_o_word`])
/// cost 0.3 dev F1 here (forcing `O` on them, seed 1: UNER EWT dev 70.45 against 70.75), and
/// leaving them unscored, so that `O` there scores 0 against a name's `I`/`L`, drew names over
/// frequent words (63.66).
pub fn viterbi(model: &impl Scorer, toks: &[TokInfo], statics: &[u64], out: &mut Vec<u8>) {
    out.clear();
    let n = toks.len();
    if n == 0 {
        return;
    }
    const NONE: f32 = f32::NEG_INFINITY;
    let mut back = vec![[O; N_LABELS]; n];
    let mut prev = [NONE; N_LABELS];
    prev[O as usize] = 0.0;
    let mut edge = [0u64; N_EDGE];
    for i in 0..n {
        let t = &toks[i];
        let last = i + 1 == n;
        let mut cur = [NONE; N_LABELS];
        let mut s = [0f32; N_LABELS];
        model.add_scores(&statics[i * N_STATIC..(i + 1) * N_STATIC], &mut s);
        s[O as usize] -= model.o_bias();
        for p in 0..N_LABELS as u8 {
            let base = prev[p as usize];
            if base == NONE {
                continue;
            }
            let mut e = [0f32; N_LABELS];
            features::edge_features(t, p, &mut edge);
            model.add_scores(&edge, &mut e);
            for l in 0..N_LABELS as u8 {
                if !bilou::allowed(p, l) || (last && bilou::is_open(l)) {
                    continue;
                }
                let v = base + s[l as usize] + e[l as usize];
                if v > cur[l as usize] {
                    cur[l as usize] = v;
                    back[i][l as usize] = p;
                }
            }
        }
        prev = cur;
    }
    let mut l = (0..N_LABELS).filter(|&l| prev[l] > NONE).max_by(|&a, &b| prev[a].total_cmp(&prev[b]).then(b.cmp(&a))).unwrap_or(0) as u8;
    out.resize(n, O);
    for i in (0..n).rev() {
        out[i] = l;
        l = back[i][l as usize];
    }
}

/// Greedy constrained decoding of one sentence; `statics` from [`features::static_features`].
pub fn decode_greedy(model: &impl Scorer, toks: &[TokInfo], statics: &[u64], out: &mut Vec<u8>) {
    out.clear();
    let n = toks.len();
    let (mut p1, mut p2) = (O, O);
    let mut dynf = [0u64; N_DYNAMIC];
    for i in 0..n {
        let t = &toks[i];
        if t.flags & (features::FLAG_TITLE | features::FLAG_UPPER) == 0 && !bilou::is_open(p1) && model.is_o_word(t.lower) {
            out.push(O);
            p2 = p1;
            p1 = O;
            continue;
        }
        let mut scores = [0f32; N_LABELS];
        model.add_scores(&statics[i * N_STATIC..(i + 1) * N_STATIC], &mut scores);
        features::dynamic_features(&toks[i], p1, p2, &mut dynf);
        model.add_scores(&dynf, &mut scores);
        scores[O as usize] -= model.o_bias();
        let l = best_allowed(&scores, p1, i + 1 == n);
        out.push(l);
        p2 = p1;
        p1 = l;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_round_trip_through_bytes() {
        let mut t = Trainer::default();
        for step in 0..10 {
            t.c += 1;
            t.update(&[1, 2, 3], (step % 3) as u8, 5);
        }
        let mut w = t.averaged();
        w.o_words.insert(42);
        let bytes = w.to_bytes(&Lexicon::default(), 0.0);
        let (back, _) = Weights::from_bytes("m", &bytes).unwrap();
        assert_eq!(back.len(), 3);
        assert!(back.is_o_word(42) && !back.is_o_word(43));
        let (mut a, mut b) = ([0f32; N_LABELS], [0f32; N_LABELS]);
        w.add_scores(&[1, 2, 9], &mut a);
        back.add_scores(&[1, 2, 9], &mut b);
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-3 * x.abs().max(1.0), "{a:?} {b:?}");
        }
        assert!(a[5] < 0.0 && a[0] > 0.0);
    }

    #[test]
    fn corrupt_files_are_typed_errors() {
        let w = Trainer::default().averaged();
        let mut bytes = w.to_bytes(&Lexicon::default(), 0.0);
        assert!(Weights::from_bytes("m", &bytes).is_ok());
        bytes.push(0);
        assert!(matches!(Weights::from_bytes("m", &bytes), Err(ModelError::Corrupt { .. })));
        assert!(matches!(Weights::from_bytes("m", b"KGTAGGER\x01\0\0\0"), Err(ModelError::BadMagic { .. })));
        let mut v2 = w.to_bytes(&Lexicon::default(), 0.0);
        v2[8] = 99;
        assert!(matches!(Weights::from_bytes("m", &v2), Err(ModelError::Version { found: 99, .. })));
    }

    /// Static features of an invented three-word sentence and a trainer whose weights favour,
    /// per token, the given labels by the given amounts (on the token's word feature, the second
    /// static feature: the others are shared between the three words).
    fn toy(prefs: &[&[(u8, i32)]]) -> (Vec<TokInfo>, Vec<u64>, Trainer) {
        let lex = Lexicon::default();
        let mut chars = Vec::new();
        let toks: Vec<TokInfo> =
            ["Varro", "Council", "met"].iter().map(|w| features::tok_info(w, "PROPN", "NNP", 0, &lex, &mut chars)).collect();
        let mut statics = Vec::new();
        features::static_features(&toks, &mut statics);
        let mut t = Trainer::default();
        for (i, ps) in prefs.iter().enumerate() {
            for &(label, delta) in ps.iter() {
                t.add(&statics[i * N_STATIC + 1..i * N_STATIC + 2], label, delta);
            }
        }
        (toks, statics, t)
    }

    #[test]
    fn viterbi_lets_a_names_last_word_choose_its_class() {
        // `Varro` leans PER (B-PER 3 > B-ORG 2), but `Council` is a strong last word of an ORG.
        let (b_per, l_per, b_org, l_org) = (1, 3, 5, 7);
        let (toks, statics, t) = toy(&[&[(b_per, 3), (b_org, 2)], &[(l_org, 5), (l_per, -1)], &[(O, 1)]]);
        let (mut greedy, mut best) = (Vec::new(), Vec::new());
        decode(&t, Decoder::Greedy, &toks, &statics, &mut greedy);
        decode(&t, Decoder::Viterbi, &toks, &statics, &mut best);
        assert_eq!(greedy[0], b_per, "greedy commits to the first word's class: {greedy:?}");
        assert_eq!(best, [b_org, l_org, O]);
        assert_eq!(bilou::bilou_spans(&best), [(0..2, super::super::NerClass::Org)]);
    }

    #[test]
    fn viterbi_keeps_bilou_valid_and_honours_the_o_bias() {
        // I-PER scores on the last two tokens: the best valid sequence opens the name with B-
        // (against the first token's lean to `O`) and closes it with L- on the last token.
        let (b_per, i_per, l_per, u_per) = (1, 2, 3, 4);
        let (toks, statics, t) = toy(&[&[(O, 1)], &[(i_per, 2)], &[(i_per, 5)]]);
        let mut out = Vec::new();
        viterbi(&t, &toks, &statics, &mut out);
        assert_eq!(out, [b_per, i_per, l_per]);
        decode_greedy(&t, &toks, &statics, &mut out);
        assert_eq!(out, [O, O, O]);
        let (toks, statics, t) = toy(&[&[(u_per, 1)], &[], &[]]);
        let mut w = t.averaged();
        viterbi(&w, &toks, &statics, &mut out);
        assert_eq!(out, [u_per, O, O]);
        w.o_bias = -100.0; // a negative bias favours `O`
        viterbi(&w, &toks, &statics, &mut out);
        assert_eq!(out, [O, O, O]);
        viterbi(&w, &toks[..0], &statics[..0], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn the_decoder_is_stored_and_old_files_read_as_greedy() {
        let mut w = Trainer::default().averaged();
        let greedy = w.to_bytes(&Lexicon::default(), 0.0);
        w.decoder = Decoder::Viterbi;
        let bytes = w.to_bytes(&Lexicon::default(), 0.0);
        assert_eq!(Weights::from_bytes("m", &bytes).unwrap().0.decoder, Decoder::Viterbi);
        // A greedy model is a version-3 file: the same payload without the decoder byte.
        let mut v3 = bytes.clone();
        v3.pop();
        v3[8..12].copy_from_slice(&3u32.to_le_bytes());
        assert_eq!(v3, greedy);
        assert_eq!(Weights::from_bytes("m", &v3).unwrap().0.decoder, Decoder::Greedy);
        let mut bad = bytes;
        *bad.last_mut().unwrap() = 7;
        assert!(matches!(Weights::from_bytes("m", &bad), Err(ModelError::Corrupt { .. })));
    }

    #[test]
    fn constrained_choice_never_breaks_bilou() {
        let mut s = [0f32; N_LABELS];
        s[2] = 5.0; // I-PER: not allowed after O
        s[1] = 1.0; // B-PER: open, not allowed last
        s[4] = 0.5; // U-PER
        assert_eq!(argmax(&s), 2);
        assert_eq!(best_allowed(&s, O, false), 1);
        assert_eq!(best_allowed(&s, O, true), 4);
        assert_eq!(best_allowed(&s, 1, true), 3); // after B-PER on the last token only L-PER
    }
}
