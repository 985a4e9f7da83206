//! The mention-ranking model: hashed feature weights, candidate selection, best-first decoding,
//! and the latent-antecedent averaged perceptron that trains it.
//!
//! Each mention chooses one option: start a new entity, or link to one earlier candidate
//! (the previous `window` mentions, no further back than `pronoun_sentences` sentences for a
//! pronoun, plus the last `match_keep` earlier mentions with the same head for a noun or name).
//! The option with the highest score wins; links form the chains. Training ([`LogLinear`],
//! Durrett & Klein 2013): a log-linear model over the options whose correct antecedents are latent
//! (any earlier mention of the gold entity will do), with a softmax-margin loss (wrong options
//! boosted by a cost for a false new entity, a false link or a wrong link), optimised by AdaGrad.
//! While training, each mention sees the entities built by the correct decisions so far.

use super::features::{DocContext, Entities, MentionInfo, new_features, overlapping, pair_features};
use crate::nlp::model_file::{ModelError, Reader, Writer};

/// Decoding parameters stored with the weights (training and decoding must agree).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// How many previous mentions are candidates.
    pub window: usize,
    /// How many sentences back a pronoun looks.
    pub pronoun_sentences: usize,
    /// Earlier same-head mentions beyond the window kept as candidates for nouns and names.
    pub match_keep: usize,
    /// log2 of the weight table size.
    pub bits: u32,
    /// Added to the score of "new entity" when decoding (chosen on dev after training, to
    /// balance precision and recall).
    pub new_bias: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params { window: 40, pronoun_sentences: 2, match_keep: 4, bits: 20, new_bias: 0.0 }
    }
}

/// Hashed feature weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub w: Vec<f32>,
    shift: u32,
}

impl Weights {
    pub fn zeros(bits: u32) -> Weights {
        Weights { w: vec![0.0; 1 << bits], shift: 64 - bits }
    }

    #[inline]
    pub fn slot(&self, f: u64) -> usize {
        (f >> self.shift) as usize
    }

    #[inline]
    pub fn score(&self, feats: &[u64]) -> f32 {
        feats.iter().map(|&f| self.w[self.slot(f)]).sum()
    }
}

/// Anything that scores a feature list (training weights, shipped quantised weights).
pub trait Scorer {
    fn score(&self, feats: &[u64]) -> f32;

    /// Starts loading the weights of `feats` into the cache (a hint; no effect on any score).
    #[inline]
    fn prefetch(&self, _feats: &[u64]) {}
}

impl Scorer for Weights {
    fn score(&self, feats: &[u64]) -> f32 {
        Weights::score(self, feats)
    }
}

/// The shipped weights: one i16 per slot times a common scale (half the memory of f32, so the
/// table stays in cache; the rounding step is far below any weight that matters).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantized {
    q: Vec<i16>,
    scale: f32,
    shift: u32,
}

impl Quantized {
    pub fn from_weights(w: &Weights) -> Quantized {
        let max = w.w.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        let scale = if max == 0.0 { 1.0 } else { max / i16::MAX as f32 };
        Quantized { q: w.w.iter().map(|v| (v / scale).round() as i16).collect(), scale, shift: w.shift }
    }

    /// Number of non-zero weights.
    pub fn non_zero(&self) -> usize {
        self.q.iter().filter(|&&v| v != 0).count()
    }

    pub fn bits(&self) -> u32 {
        64 - self.shift
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(64 - self.shift);
        w.f32(self.scale);
        for &v in &self.q {
            w.i16(v);
        }
    }

    pub fn read(r: &mut Reader<'_>, name: &str) -> Result<Quantized, ModelError> {
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: format!("weight table of 2^{bits}") });
        }
        let scale = r.f32()?;
        let q = (0..1usize << bits).map(|_| r.i16()).collect::<Result<Vec<i16>, _>>()?;
        Ok(Quantized { q, scale, shift: 64 - bits })
    }
}

impl Scorer for Quantized {
    #[inline]
    fn score(&self, feats: &[u64]) -> f32 {
        let sum: i32 = feats.iter().map(|&f| self.q[(f >> self.shift) as usize] as i32).sum();
        sum as f32 * self.scale
    }

    #[inline]
    fn prefetch(&self, feats: &[u64]) {
        for &f in feats {
            crate::nlp::hugemem::prefetch(&self.q[(f >> self.shift) as usize]);
        }
    }
}

const KIND_PRONOUN: u64 = 3;

/// The candidate antecedents of mention `j`, nearest first.
pub fn candidates(infos: &[MentionInfo], ctx: &DocContext, p: &Params, j: usize, out: &mut Vec<usize>) {
    out.clear();
    let m = &infos[j];
    let lo = j.saturating_sub(p.window);
    // Third-person and demonstrative pronouns look back a few sentences; `I` and `you` follow
    // their speaker further.
    let local = m.kind == KIND_PRONOUN && m.person != 1 && m.person != 2;
    for i in (lo..j).rev() {
        let a = &infos[i];
        if local && m.sentence - a.sentence > p.pronoun_sentences {
            break;
        }
        if !overlapping(m, a) {
            out.push(i);
        }
    }
    for &i in ctx.same_head[j].iter().rev() {
        if i < lo && !local && !overlapping(m, &infos[i]) {
            out.push(i);
        }
    }
}

/// Scratch buffers reused across mentions.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u64>,
    cands: Vec<usize>,
    /// One candidate's features.
    pair: Vec<u64>,
    /// The feature lists of all candidates of one mention, back to back ...
    all: Vec<u64>,
    /// ... and where each ends in `all`.
    ends: Vec<usize>,
}

/// Chooses the antecedent of every mention (`None`: a new entity).
pub fn decode<S: Scorer>(weights: &S, p: &Params, infos: &[MentionInfo], ctx: &DocContext, scratch: &mut Scratch) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(infos.len());
    let mut entities = Entities::default();
    for j in 0..infos.len() {
        // The weights are read at hashed (random) places, so scoring waits on memory: every
        // option's features are made and their weights prefetched first, then all are scored
        // in the same order as before (same sums, same ties, same choice). `entities` does not
        // change until the choice is made, so making the features early changes none of them.
        new_features(infos, ctx, j, &mut scratch.feats);
        weights.prefetch(&scratch.feats);
        candidates(infos, ctx, p, j, &mut scratch.cands);
        scratch.all.clear();
        scratch.ends.clear();
        for &i in &scratch.cands {
            pair_features(infos, &entities, j, i, &mut scratch.pair);
            weights.prefetch(&scratch.pair);
            scratch.all.extend_from_slice(&scratch.pair);
            scratch.ends.push(scratch.all.len());
        }
        let mut best = (weights.score(&scratch.feats) + p.new_bias, None);
        let mut from = 0;
        for (&i, &to) in scratch.cands.iter().zip(&scratch.ends) {
            let s = weights.score(&scratch.all[from..to]);
            from = to;
            if s > best.0 {
                best = (s, Some(i));
            }
        }
        entities.add(infos, j, best.1);
        out.push(best.1);
    }
    out
}

/// Training costs of the three kinds of mistakes (loss-augmented decoding).
#[derive(Debug, Clone, Copy)]
pub struct Costs {
    /// Choosing "new" for a mention that has an antecedent.
    pub false_new: f32,
    /// Linking a mention that starts a new entity.
    pub false_link: f32,
    /// Linking to the wrong entity.
    pub wrong_link: f32,
}

impl Default for Costs {
    fn default() -> Self {
        // Durrett & Klein's values: missing a link costs most.
        Costs { false_new: 3.0, false_link: 0.1, wrong_link: 1.0 }
    }
}

/// A log-linear mention-ranking model trained with AdaGrad on the softmax-margin objective of
/// Durrett & Klein (2013): maximise the probability mass of the correct options under a
/// distribution where wrong options are boosted by their cost.
pub struct LogLinear {
    pub weights: Weights,
    /// Sums of squared gradients (AdaGrad).
    squares: Vec<f32>,
    pub rate: f32,
    /// L2 penalty applied to the features a step touches.
    pub l2: f32,
}

impl LogLinear {
    pub fn new(bits: u32, rate: f32, l2: f32) -> LogLinear {
        LogLinear { weights: Weights::zeros(bits), squares: vec![0.0; 1 << bits], rate, l2 }
    }

    /// One pass over a document; returns the summed loss.
    pub fn train_document(&mut self, p: &Params, costs: &Costs, infos: &[MentionInfo], ctx: &DocContext, cluster: &[Option<usize>], scratch: &mut Scratch) -> f64 {
        let mut loss = 0.0;
        let mut entities = Entities::default();
        let mut options: Vec<(Option<usize>, Vec<u64>)> = Vec::new();
        let mut grad: std::collections::HashMap<usize, f32> = std::collections::HashMap::new();
        for j in 0..infos.len() {
            candidates(infos, ctx, p, j, &mut scratch.cands);
            let anaphoric = cluster[j].is_some() && scratch.cands.iter().any(|&i| cluster[i] == cluster[j]);
            let gold = |o: Option<usize>| match o {
                None => !anaphoric,
                Some(i) => anaphoric && cluster[i] == cluster[j],
            };
            let cost = |o: Option<usize>| -> f32 {
                match o {
                    None if anaphoric => costs.false_new,
                    None => 0.0,
                    Some(_) if !anaphoric => costs.false_link,
                    Some(i) if cluster[i] != cluster[j] => costs.wrong_link,
                    Some(_) => 0.0,
                }
            };
            options.resize_with(scratch.cands.len() + 1, || (None, Vec::new()));
            options[0].0 = None;
            new_features(infos, ctx, j, &mut options[0].1);
            for (k, &i) in scratch.cands.iter().enumerate() {
                options[k + 1].0 = Some(i);
                pair_features(infos, &entities, j, i, &mut options[k + 1].1);
            }
            let scores: Vec<f32> = options.iter().map(|(o, f)| self.weights.score(f) + cost(*o)).collect();
            let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let z: f32 = scores.iter().map(|s| (s - max).exp()).sum();
            let zg: f32 = options.iter().zip(&scores).filter(|((o, _), _)| gold(*o)).map(|(_, s)| (s - max).exp()).sum();
            loss += (z.ln() - zg.ln()) as f64;
            grad.clear();
            let mut target = None;
            let mut best_gold = f32::NEG_INFINITY;
            for ((o, feats), &s) in options.iter().zip(&scores) {
                let e = (s - max).exp();
                let coef = if gold(*o) { e / zg - e / z } else { -e / z };
                if gold(*o) && s > best_gold {
                    best_gold = s;
                    target = *o;
                }
                if coef.abs() < 1e-6 {
                    continue;
                }
                for &f in feats {
                    *grad.entry(self.weights.slot(f)).or_default() += coef;
                }
            }
            for (&i, &g) in &grad {
                let g = g - self.l2 * self.weights.w[i];
                self.squares[i] += g * g;
                self.weights.w[i] += self.rate * g / (self.squares[i].sqrt() + 1e-6);
            }
            entities.add(infos, j, target);
        }
        loss
    }
}


/// Clusters from antecedent links: the cluster index of every mention (clusters numbered in
/// order of their first mention).
pub fn clusters_from_links(links: &[Option<usize>]) -> Vec<usize> {
    let mut cluster = Vec::with_capacity(links.len());
    let mut next = 0;
    for (j, l) in links.iter().enumerate() {
        match l {
            Some(i) if *i < j => {
                let c = cluster[*i];
                cluster.push(c);
            }
            _ => {
                cluster.push(next);
                next += 1;
            }
        }
    }
    cluster
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_make_clusters() {
        assert_eq!(clusters_from_links(&[None, None, Some(0), Some(2), Some(1), None]), vec![0, 1, 0, 0, 1, 2]);
    }

    #[test]
    fn quantized_weights_round_trip_and_score_like_the_originals() {
        let mut w = Weights::zeros(10);
        let (a, b) = (fx_slot(&w, 3), fx_slot(&w, 1000));
        w.w[a] = 1.5;
        w.w[b] = -2.0;
        let q = Quantized::from_weights(&w);
        assert_eq!(q.non_zero(), 2);
        let mut out = Writer::default();
        q.write(&mut out);
        assert_eq!(out.buf.len(), 8 + 2 * 1024);
        let back = Quantized::read(&mut Reader::new("w", &out.buf), "w").unwrap();
        assert_eq!(back, q);
        let feats = [(a as u64) << 54, (b as u64) << 54];
        assert!((back.score(&feats) - w.score(&feats)).abs() < 1e-3, "{} vs {}", back.score(&feats), w.score(&feats));
    }

    fn fx_slot(w: &Weights, i: usize) -> usize {
        w.slot((i as u64) << 54)
    }
}
