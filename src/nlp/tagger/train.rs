//! Training of the tagger (feature `train`): the averaged perceptron over both stages, the
//! jackknifed first-stage tags the second stage learns from, and the epoch chosen on dev.
//! In: gold CoNLL-U sentences. Out: a [`Tagger`] ready to write.

use super::*;
use crate::nlp::conllu::ConlluSentence;
use crate::nlp::hash::Rng;
use std::collections::HashMap;
use std::io::Write;

impl Weights {
    /// Builds the table from rows (key, class ids, weights).
    fn from_rows(rows: Vec<(u64, Vec<u8>, Vec<i16>)>, classes: usize) -> Weights {
        let keyed = rows.into_iter().map(|(k, c, w)| (k, c.iter().zip(&w).map(|(&class, &w)| ClassWeight { w, class }).collect()));
        Weights::from_entries(keyed.collect(), classes)
    }

    /// Builds the table from rows (key, entries), in row order.
    fn from_entries(rows: Vec<(u64, Vec<ClassWeight>)>, classes: usize) -> Weights {
        Weights::from_keyed(rows.iter().map(|(k, r)| (*k, r.as_slice())), rows.len(), classes)
    }
}

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    pub tagdict_min_count: usize,
    pub tagdict_min_ratio: f64,
    /// Folds for the jackknifed first-stage tags the second stage trains on; < 2 = no second stage.
    pub stack_folds: usize,
    /// Word clusters to use as features (stored in the model).
    pub clusters: Option<Arc<WordClusters>>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 10, seed: 1, tagdict_min_count: 10, tagdict_min_ratio: 0.97, stack_folds: 5, clusters: None }
    }
}

#[derive(Clone, Copy)]
struct Entry {
    w: f32,
    ts: u32,
    total: f64,
    class: u8,
}

/// Joint label of a gold word.
pub fn joint(t: &Token) -> (String, String) {
    (t.xpos.clone(), t.upos.clone())
}

/// Tag accuracy (joint label) of `tagger` on `sents`: (xpos, upos) accuracy in percent.
pub fn accuracy(tagger: &Tagger, sents: &[ConlluSentence]) -> (f64, f64) {
    let (mut n, mut x, mut u) = (0usize, 0usize, 0usize);
    for s in sents {
        let ids = tagger.tag_forms(s.words.iter().map(|w| w.form.as_str()));
        for (w, c) in s.words.iter().zip(ids) {
            let (cx, cu) = &tagger.classes[c as usize];
            n += 1;
            x += (*cx == w.xpos) as usize;
            u += (*cu == w.upos) as usize;
        }
    }
    let n = n.max(1) as f64;
    (100.0 * x as f64 / n, 100.0 * u as f64 / n)
}

/// Trains the tagger on `train`, choosing the epoch by UPOS+XPOS accuracy on `dev`.
pub fn train(train: &[ConlluSentence], dev: &[ConlluSentence], opts: &TrainOptions, log: &mut dyn Write) -> Tagger {
    // Classes.
    let mut class_ids: HashMap<(String, String), u8> = HashMap::new();
    let mut classes: Vec<(String, String)> = Vec::new();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for s in train {
        for w in &s.words {
            *counts.entry(joint(w)).or_default() += 1;
        }
    }
    let mut by_count: Vec<_> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, _) in by_count.into_iter().take(255) {
        class_ids.insert(k.clone(), classes.len() as u8);
        classes.push(k);
    }
    let gold_id = |w: &Token| -> u8 { class_ids.get(&joint(w)).copied().unwrap_or(0) };

    // Tag dictionary (exact form) and ambiguity classes (lowercase form).
    let mut form_counts: IdMap<HashMap<u8, usize>> = IdMap::default();
    let mut lower_counts: IdMap<HashMap<u8, usize>> = IdMap::default();
    for s in train {
        for w in &s.words {
            let c = gold_id(w);
            *form_counts.entry(hash::str(&w.form)).or_default().entry(c).or_default() += 1;
            *lower_counts.entry(hash::lower(&w.form)).or_default().entry(c).or_default() += 1;
        }
    }
    let mut tagdict = IdMap::default();
    for (k, m) in &form_counts {
        let total: usize = m.values().sum();
        let (&c, &best) = m.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))).expect("non-empty");
        if total >= opts.tagdict_min_count && best as f64 / total as f64 >= opts.tagdict_min_ratio {
            tagdict.insert(*k, c);
        }
    }
    let mut amb = IdMap::default();
    for (k, m) in &lower_counts {
        let total: usize = m.values().sum();
        if total < 3 {
            continue;
        }
        let mut set: Vec<u8> = m.iter().filter(|(_, n)| **n * 10 >= total).map(|(c, _)| *c).collect();
        set.sort();
        let mut h = 77u64;
        for c in set {
            h = hash::mix(h, c as u64 + 1);
        }
        amb.insert(*k, hash::finish(h));
    }
    let _ = writeln!(log, "tagger: {} classes, {} tag-dictionary words, {} ambiguity entries", classes.len(), tagdict.len(), amb.len());

    let base = Tagger { classes, tagdict, amb, stage1: Weights::default(), stage2: None, clusters: opts.clusters.clone() };
    let encode = |sents: &[ConlluSentence]| -> Vec<(Vec<Word>, Vec<u8>)> {
        sents
            .iter()
            .map(|s| {
                let mut words = Vec::new();
                base.words(&mut s.words.iter().map(|w| w.form.as_str()), &mut words);
                (words, s.words.iter().map(gold_id).collect())
            })
            .collect()
    };
    let data = encode(train);
    let dev_data = encode(dev);

    // Stage 1 on all of train, epoch chosen on dev.
    let score_dev = |t: &Tagger| accuracy_on(t, &dev_data);
    let (stage1, epoch1) = train_stage(&base, &data, None, opts.epochs, opts.seed, &mut |w| {
        let t = Tagger { stage1: w, ..base.shallow() };
        let acc = score_dev(&t);
        (acc, t.stage1)
    }, "stage 1", log);
    let _ = writeln!(log, "tagger stage 1: keeping epoch {epoch1}");
    if opts.stack_folds < 2 {
        return Tagger { stage1, ..base.shallow() };
    }
    // Jackknifed stage-1 tags on train: each fold tagged by a model trained on the others.
    let mut right: Vec<Vec<u8>> = vec![Vec::new(); data.len()];
    for fold in 0..opts.stack_folds {
        let rest: Vec<(Vec<Word>, Vec<u8>)> =
            data.iter().enumerate().filter(|(i, _)| i % opts.stack_folds != fold).map(|(_, d)| d.clone()).collect();
        let (w, _) = train_stage(&base, &rest, None, epoch1, opts.seed + 1 + fold as u64, &mut |w| ((0.0, 0.0), w), "", &mut std::io::sink());
        let t = Tagger { stage1: w, ..base.shallow() };
        for (i, d) in data.iter().enumerate() {
            if i % opts.stack_folds == fold {
                right[i] = t.greedy(&t.stage1, &d.0, None);
            }
        }
    }
    let _ = writeln!(log, "tagger: jackknifed stage-1 tags ready");
    let t1 = Tagger { stage1, ..base.shallow() };
    let dev_right: Vec<Vec<u8>> = dev_data.iter().map(|d| t1.greedy(&t1.stage1, &d.0, None)).collect();
    let stage1 = t1.stage1;
    let (stage2, epoch2) = train_stage(&base, &data, Some(&right), opts.epochs, opts.seed, &mut |w| {
        let (mut n, mut x, mut u) = (0usize, 0usize, 0usize);
        let t = Tagger { stage1: Weights::default(), stage2: None, ..base.shallow() };
        for (d, r) in dev_data.iter().zip(&dev_right) {
            let ids = t.greedy(&w, &d.0, Some(r));
            for (c, g) in ids.iter().zip(&d.1) {
                n += 1;
                x += (t.classes[*c as usize].0 == t.classes[*g as usize].0) as usize;
                u += (t.classes[*c as usize].1 == t.classes[*g as usize].1) as usize;
            }
        }
        let n = n.max(1) as f64;
        ((100.0 * x as f64 / n, 100.0 * u as f64 / n), w)
    }, "stage 2", log);
    let _ = writeln!(log, "tagger stage 2: keeping epoch {epoch2}");
    Tagger { stage1, stage2: Some(stage2), ..base.shallow() }
}

impl Tagger {
    /// Same classes and lexicons, no weights.
    fn shallow(&self) -> Tagger {
        Tagger {
            classes: self.classes.clone(),
            tagdict: self.tagdict.clone(),
            amb: self.amb.clone(),
            stage1: Weights::default(),
            stage2: None,
            clusters: self.clusters.clone(),
        }
    }
}

fn accuracy_on(t: &Tagger, data: &[(Vec<Word>, Vec<u8>)]) -> (f64, f64) {
    let (mut n, mut x, mut u) = (0usize, 0usize, 0usize);
    for (words, gold) in data {
        let first = t.greedy(&t.stage1, words, None);
        let ids = match &t.stage2 {
            Some(s2) => t.greedy(s2, words, Some(&first)),
            None => first,
        };
        for (c, g) in ids.iter().zip(gold) {
            n += 1;
            x += (t.classes[*c as usize].0 == t.classes[*g as usize].0) as usize;
            u += (t.classes[*c as usize].1 == t.classes[*g as usize].1) as usize;
        }
    }
    let n = n.max(1) as f64;
    (100.0 * x as f64 / n, 100.0 * u as f64 / n)
}

/// Trains one stage for `epochs`; after each epoch the averaged weights go through `score`
/// (which returns (XPOS, UPOS) dev accuracy and hands the weights back); the best epoch is kept.
#[allow(clippy::too_many_arguments)]
fn train_stage(
    base: &Tagger,
    data: &[(Vec<Word>, Vec<u8>)],
    right: Option<&[Vec<u8>]>,
    epochs: usize,
    seed: u64,
    score: &mut dyn FnMut(Weights) -> ((f64, f64), Weights),
    name: &str,
    log: &mut dyn Write,
) -> (Weights, usize) {
    let nc = base.classes.len();
    let mut feat_idx: IdMap<u32> = IdMap::default();
    let mut rows: Vec<Vec<Entry>> = Vec::new();
    let mut now: u32 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(seed);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; nc];
    let mut best: Option<(f64, usize, Weights)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let (mut n, mut correct) = (0usize, 0usize);
        for &si in &order {
            let (words, gold) = &data[si];
            let r = right.map(|r| &r[si]);
            let (mut p1, mut p2) = (START1, START2);
            for (j, &g) in gold.iter().enumerate() {
                let i = j + PAD;
                let guess = if let Some(&c) = base.tagdict.get(&words[i].form) {
                    c
                } else {
                    let rt = r.map(|r| (r.get(j + 1).map_or(END, |&c| tag_hash(c)), r.get(j + 2).map_or(END, |&c| tag_hash(c))));
                    features(words, i, p1, p2, rt, base.clusters.is_some(), &mut feats);
                    scores.fill(0.0);
                    for k in &feats {
                        if let Some(&fi) = feat_idx.get(k) {
                            for e in &rows[fi as usize] {
                                scores[e.class as usize] += e.w;
                            }
                        }
                    }
                    let mut guess = 0;
                    for c in 1..nc {
                        if scores[c] > scores[guess] {
                            guess = c;
                        }
                    }
                    let guess = guess as u8;
                    if guess != g {
                        for k in &feats {
                            let fi = *feat_idx.entry(*k).or_insert_with(|| {
                                rows.push(Vec::new());
                                (rows.len() - 1) as u32
                            });
                            let row = &mut rows[fi as usize];
                            for (class, delta) in [(g, 1.0f32), (guess, -1.0f32)] {
                                let e = match row.iter_mut().position(|e| e.class == class) {
                                    Some(p) => &mut row[p],
                                    None => {
                                        row.push(Entry { w: 0.0, ts: now, total: 0.0, class });
                                        row.last_mut().expect("pushed")
                                    }
                                };
                                e.total += (now - e.ts) as f64 * e.w as f64;
                                e.ts = now;
                                e.w += delta;
                            }
                        }
                    }
                    guess
                };
                n += 1;
                correct += (guess == g) as usize;
                now += 1;
                p2 = p1;
                p1 = tag_hash(guess);
            }
        }
        if epoch < epochs && name.is_empty() {
            continue; // jackknife folds: no dev scoring, keep the last epoch
        }
        let ((x, u), w) = score(average(&feat_idx, &rows, now, nc));
        if !name.is_empty() {
            let _ = writeln!(
                log,
                "tagger {name} epoch {epoch}: train {:.2} %, dev XPOS {x:.2} UPOS {u:.2}, {} weights",
                100.0 * correct as f64 / n.max(1) as f64,
                w.rows.entries()
            );
        }
        if best.as_ref().is_none_or(|b| x + u > b.0) {
            best = Some((x + u, epoch, w));
        }
    }
    let (_, epoch, w) = best.expect("at least one epoch");
    (w, epoch)
}

/// Quantized weights below this (of 32000 for the largest) are dropped.
const PRUNE: f32 = 100.0;

/// Averaged weights, quantized to i16 with one global scale; near-zero weights pruned.
fn average(feat_idx: &IdMap<u32>, rows: &[Vec<Entry>], now: u32, classes: usize) -> Weights {
    let avg = |e: &Entry| -> f32 { ((e.total + (now - e.ts) as f64 * e.w as f64) / now as f64) as f32 };
    let mut max = 0f32;
    for row in rows {
        for e in row {
            max = max.max(avg(e).abs());
        }
    }
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let mut keys: Vec<(&u64, &u32)> = feat_idx.iter().collect();
    keys.sort();
    let mut out = Vec::new();
    for (k, fi) in keys {
        let (mut cls, mut w) = (Vec::new(), Vec::new());
        let mut row: Vec<&Entry> = rows[*fi as usize].iter().collect();
        row.sort_by_key(|e| e.class);
        for e in row {
            let q = (avg(e) * scale).round();
            if q.abs() >= PRUNE {
                cls.push(e.class);
                w.push(q.clamp(-32767.0, 32767.0) as i16);
            }
        }
        if !cls.is_empty() {
            out.push((*k, cls, w));
        }
    }
    Weights::from_rows(out, classes)
}
