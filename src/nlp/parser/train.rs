//! Training: averaged perceptron with a dynamic oracle and exploration (Goldberg & Nivre 2012).
//!
//! Non-projective training trees are projectivized by lifting (see [`super::system::projectivize`]);
//! sentences whose heads do not form a tree are skipped. Both counts are logged. Epochs are
//! chosen on the dev set (best LAS). Deterministic for a given seed.

use super::features::{N_LABEL_FEATS, N_MOVE_FEATS, TokInfo, label_features, move_features};
use super::system::{self, N_MOVES, State};
use super::{Parser, Table, Workspace, best_valid};
use crate::document::Token;
use crate::nlp::clusters::WordClusters;
use crate::nlp::conllu::ConlluSentence;
use std::sync::Arc;
use crate::nlp::hash::{IdMap, Rng};
use std::io::Write;
use std::time::Instant;

/// Training settings; [`train`] uses the defaults.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// First epoch (0-based) that follows the model's own moves.
    pub explore_from: usize,
    /// Probability of following the model's move (when exploring).
    pub explore_p: f64,
    /// Rows whose largest averaged weight is below this are dropped.
    pub prune: f32,
    /// Label-classifier weights below this are dropped from their (sparse) rows.
    pub prune_entry: f32,
    /// Correct arcs get their gold label in the training configuration (else the predicted one).
    pub gold_labels: bool,
    /// Word clusters to use as features (stored in the model).
    pub clusters: Option<Arc<WordClusters>>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, explore_from: 1, explore_p: 0.9, prune: 1.5, prune_entry: 0.0, gold_labels: false, clusters: None }
    }
}

/// Trains a parser on `train`, choosing the epoch by LAS on `dev` (gold tags as given in the
/// sentences: to train on predicted tags, overwrite `upos`/`xpos` before calling).
pub fn train(train: &[ConlluSentence], dev: &[ConlluSentence], seed: u64, log: &mut dyn Write) -> Parser {
    train_with(train, dev, seed, &TrainOptions::default(), log)
}

/// Jackknifed tags: splits `train` into `folds` folds of whole documents (document `d` goes to
/// fold `d % folds`; a document starts at each `# newdoc`) and calls `tag(rest, block)` for each,
/// which must train a tagger on `rest` and overwrite the tags of the sentences in `block`.
/// Returns the re-tagged copy of `train` in the original order (gold trees kept).
pub fn jackknife(
    train: &[ConlluSentence],
    folds: usize,
    mut tag: impl FnMut(&[ConlluSentence], &mut [ConlluSentence]),
) -> Vec<ConlluSentence> {
    let folds = folds.max(2);
    let mut doc = 0usize;
    let fold_of: Vec<usize> = train
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.newdoc && i > 0 {
                doc += 1;
            }
            doc % folds
        })
        .collect();
    // Without document marks every sentence would fall in fold 0: use blocks of 20 sentences.
    let fold_of: Vec<usize> = if doc + 1 < folds { (0..train.len()).map(|i| (i / 20) % folds).collect() } else { fold_of };
    let mut out: Vec<Option<ConlluSentence>> = vec![None; train.len()];
    for f in 0..folds {
        let rest: Vec<ConlluSentence> = train.iter().zip(&fold_of).filter(|(_, k)| **k != f).map(|(s, _)| s.clone()).collect();
        let idx: Vec<usize> = (0..train.len()).filter(|&i| fold_of[i] == f).collect();
        let mut block: Vec<ConlluSentence> = idx.iter().map(|&i| train[i].clone()).collect();
        tag(&rest, &mut block);
        for (i, s) in idx.into_iter().zip(block) {
            out[i] = Some(s);
        }
    }
    out.into_iter().map(|s| s.expect("every sentence is in one fold")).collect()
}

/// The recipe behind the shipped model: train on the jackknifed-tag copy of `train` followed by
/// the gold-tag copy, and choose the epoch on dev with predicted tags (the production setting).
pub fn train_on_predicted_tags(
    train: &[ConlluSentence],
    train_jackknifed: &[ConlluSentence],
    dev_predicted: &[ConlluSentence],
    seed: u64,
    opts: &TrainOptions,
    log: &mut dyn Write,
) -> Parser {
    let both: Vec<ConlluSentence> = train_jackknifed.iter().chain(train).cloned().collect();
    train_with(&both, dev_predicted, seed, opts, log)
}

/// A perceptron under training: rows created on first update, lazily averaged.
struct Learner {
    classes: usize,
    index: IdMap<u32>,
    w: Vec<f32>,
    /// Sum of t·δ over updates (Daumé's averaging trick: avg = w − u/t).
    u: Vec<f32>,
}

impl Learner {
    fn new(classes: usize) -> Learner {
        Learner { classes, index: IdMap::default(), w: Vec::new(), u: Vec::new() }
    }

    fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let r = r as usize * self.classes;
                for (o, w) in out.iter_mut().zip(&self.w[r..r + self.classes]) {
                    *o += *w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], good: usize, bad: usize, t: f32) {
        for &f in feats {
            let next = self.index.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == next as usize {
                self.w.resize(self.w.len() + self.classes, 0.0);
                self.u.resize(self.u.len() + self.classes, 0.0);
            }
            let r = r * self.classes;
            self.w[r + good] += 1.0;
            self.u[r + good] += t;
            self.w[r + bad] -= 1.0;
            self.u[r + bad] -= t;
        }
    }

    /// Averaged, pruned weights as an inference table (rows in key order: deterministic).
    fn table(&self, t: f32, prune: f32, min_entry: f32) -> Table {
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let c = self.classes;
        let rows = keys.into_iter().filter_map(|(k, r)| {
            let r = r as usize * c;
            let avg: Vec<f32> = (0..c).map(|i| self.w[r + i] - self.u[r + i] / t).collect();
            let max = avg.iter().fold(0f32, |m, x| m.max(x.abs()));
            (max >= prune).then_some((k, avg))
        });
        Table::from_rows(c, rows, min_entry)
    }
}

struct Prepared<'a> {
    words: &'a [Token],
    gold: Vec<u32>,
    labels: Vec<u8>,
}

/// Converts CoNLL-U heads to the internal numbering (root = n), projectivizes, and maps labels.
fn prepare<'a>(s: &'a ConlluSentence, label_ids: &[String]) -> Option<(Prepared<'a>, usize)> {
    let n = s.words.len();
    let mut gold = Vec::with_capacity(n);
    for t in &s.words {
        if t.head > n {
            return None;
        }
        gold.push(if t.head == 0 { n as u32 } else { (t.head - 1) as u32 });
    }
    if !system::is_tree(&gold) {
        return None;
    }
    let lifts = system::projectivize(&mut gold);
    let labels = s
        .words
        .iter()
        .map(|t| label_ids.iter().position(|l| *l == t.deprel).unwrap_or(0) as u8)
        .collect();
    Some((Prepared { words: &s.words, gold, labels }, lifts))
}

/// Unlabelled and labelled attachment scores (percent, all words incl. punctuation).
pub fn attachment_scores(parser: &Parser, sents: &[ConlluSentence]) -> (f64, f64) {
    let mut ws = Workspace::default();
    let (mut total, mut uas, mut las) = (0usize, 0usize, 0usize);
    let mut buf: Vec<Token> = Vec::new();
    for s in sents {
        buf.clear();
        buf.extend(s.words.iter().cloned());
        parser.parse_with(&mut buf, &mut ws);
        for (p, g) in buf.iter().zip(&s.words) {
            total += 1;
            if p.head == g.head {
                uas += 1;
                if p.deprel == g.deprel {
                    las += 1;
                }
            }
        }
    }
    let pct = |x: usize| if total == 0 { 0.0 } else { 100.0 * x as f64 / total as f64 };
    (pct(uas), pct(las))
}

/// [`train`] with explicit options.
pub fn train_with(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    seed: u64,
    opts: &TrainOptions,
    log: &mut dyn Write,
) -> Parser {
    let start = Instant::now();
    let mut labels: Vec<String> = train.iter().flat_map(|s| s.words.iter().map(|t| t.deprel.clone())).collect();
    labels.push("root".to_owned());
    labels.push("dep".to_owned());
    labels.sort();
    labels.dedup();
    labels.retain(|l| !l.is_empty() && l != "_");
    let root_label = labels.iter().position(|l| l == "root").expect("root label") as u8;

    let mut data = Vec::with_capacity(train.len());
    let (mut skipped, mut nonproj, mut lifts) = (0usize, 0usize, 0usize);
    for s in train {
        match prepare(s, &labels) {
            Some((p, l)) => {
                if l > 0 {
                    nonproj += 1;
                    lifts += l;
                }
                data.push(p);
            }
            None => skipped += 1,
        }
    }
    let _ = writeln!(
        log,
        "parser: {} training sentences, {} non-projective projectivized by {} lifts, {} skipped (not a tree); {} labels",
        data.len(),
        nonproj,
        lifts,
        skipped,
        labels.len()
    );

    let mut moves = Learner::new(N_MOVES);
    let mut arcs = Learner::new(labels.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut info = TokInfo::default();
    let mut st = State::default();
    let mut mf = [0u64; N_MOVE_FEATS];
    let mut lf = [0u64; N_LABEL_FEATS];
    let mut lscores = vec![0f32; labels.len()];
    let (mut tm, mut tl) = (1f32, 1f32);
    let mut best: Option<(f64, Parser)> = None;

    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let explore = epoch >= opts.explore_from;
        let (mut steps, mut errors, mut lab_n, mut lab_err) = (0usize, 0usize, 0usize, 0usize);
        for &i in &order {
            let sent = &data[i];
            let n = sent.words.len();
            info.fill(sent.words, opts.clusters.as_deref());
            st.reset(n);
            while !st.is_terminal() {
                let valid = st.valid();
                let costs = st.costs(&sent.gold);
                move_features(&st, &info, &mut mf);
                let mut scores = [0f32; N_MOVES];
                moves.score(&mf, &mut scores);
                let pred = best_valid(&scores, &valid);
                let min_cost = costs.iter().copied().min().unwrap_or(0);
                let zero = [costs[0] == min_cost, costs[1] == min_cost, costs[2] == min_cost];
                let gold_mv = best_valid(&scores, &zero);
                steps += 1;
                if costs[pred] > min_cost {
                    errors += 1;
                    moves.update(&mf, gold_mv, pred, tm);
                }
                tm += 1.0;
                let follow = if explore && costs[pred] > min_cost && (rng.next_u64() as f64 / u64::MAX as f64) < opts.explore_p {
                    pred
                } else {
                    gold_mv
                };
                let label = match st.arc_of(follow) {
                    Some((h, _)) if h as usize == n => root_label,
                    Some((h, d)) => {
                        let mut return_label = u8::MAX;
                        label_features(&st, &info, h, d, &mut lf);
                        arcs.score(&lf, &mut lscores);
                        let mut lp = usize::MAX;
                        for (k, &s) in lscores.iter().enumerate() {
                            if k != root_label as usize && (lp == usize::MAX || s > lscores[lp]) {
                                lp = k;
                            }
                        }
                        if sent.gold[d as usize] == h {
                            let g = sent.labels[d as usize] as usize;
                            lab_n += 1;
                            if g != lp && g != root_label as usize {
                                lab_err += 1;
                                arcs.update(&lf, g, lp, tl);
                            }
                            tl += 1.0;
                            if opts.gold_labels {
                                return_label = g as u8;
                            }
                        }
                        if return_label != u8::MAX { return_label } else { lp as u8 }
                    }
                    None => 0,
                };
                st.apply(follow, label);
            }
        }
        let parser = Parser::from_parts(labels.clone(), moves.table(tm, opts.prune, 0.0), arcs.table(tl, opts.prune, opts.prune_entry), opts.clusters.clone());
        let (uas, las) = attachment_scores(&parser, dev);
        let _ = writeln!(
            log,
            "parser: epoch {} move-err {:.2}% label-err {:.2}% dev UAS {:.2} LAS {:.2} rows {:?} ({:.0}s)",
            epoch + 1,
            100.0 * errors as f64 / steps.max(1) as f64,
            100.0 * lab_err as f64 / lab_n.max(1) as f64,
            uas,
            las,
            parser.sizes(),
            start.elapsed().as_secs_f64()
        );
        if dev.is_empty() || best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, parser));
        }
    }
    match best {
        Some((las, p)) => {
            let _ = writeln!(log, "parser: best dev LAS {las:.2}");
            p
        }
        None => Parser::from_parts(labels, moves.table(tm, opts.prune, 0.0), arcs.table(tl, opts.prune, opts.prune_entry), opts.clusters.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy treebank: active and passive clauses with optional adjectives.
    fn toy(n: usize, seed: u64) -> Vec<ConlluSentence> {
        let mut rng = Rng::new(seed);
        let nouns = ["dog", "visa", "plan", "crop", "meeting", "leader"];
        let names = ["Ferreira", "Brandt", "Ottawa", "Chile"];
        let verbs = [("saw", "cancelled"), ("liked", "opposed"), ("made", "halted")];
        let adjs = ["big", "new", "old"];
        let tok = |f: &str, x: &str, u: &str, h: usize, r: &str| Token {
            form: f.into(),
            xpos: x.into(),
            upos: u.into(),
            head: h,
            deprel: r.into(),
            ..Default::default()
        };
        (0..n)
            .map(|_| {
                let noun = nouns[rng.below(nouns.len())];
                let name = names[rng.below(names.len())];
                let (act, pas) = verbs[rng.below(verbs.len())];
                let adj = rng.below(2) == 0;
                let o = adj as usize; // offset for the optional adjective
                let mut w = vec![tok("the", "DT", "DET", 2 + o, "det")];
                if adj {
                    w.push(tok(adjs[rng.below(adjs.len())], "JJ", "ADJ", 3, "amod"));
                }
                if rng.below(2) == 0 {
                    // the (adj) noun was cancelled by Name .
                    w.push(tok(noun, "NN", "NOUN", 4 + o, "nsubj:pass"));
                    w.push(tok("was", "VBD", "AUX", 4 + o, "aux:pass"));
                    w.push(tok(pas, "VBN", "VERB", 0, "root"));
                    w.push(tok("by", "IN", "ADP", 6 + o, "case"));
                    w.push(tok(name, "NNP", "PROPN", 4 + o, "obl:agent"));
                    w.push(tok(".", ".", "PUNCT", 4 + o, "punct"));
                } else {
                    // the (adj) noun saw Name .
                    w.push(tok(noun, "NN", "NOUN", 3 + o, "nsubj"));
                    w.push(tok(act, "VBD", "VERB", 0, "root"));
                    w.push(tok(name, "NNP", "PROPN", 3 + o, "obj"));
                    w.push(tok(".", ".", "PUNCT", 3 + o, "punct"));
                }
                ConlluSentence { words: w, ..Default::default() }
            })
            .collect()
    }

    #[test]
    fn training_smoke_learns_toy_treebank_and_is_reproducible() {
        let train_set = toy(80, 1);
        let dev = toy(30, 2);
        let opts = TrainOptions { epochs: 4, prune: 0.0, ..Default::default() };
        let mut log = Vec::new();
        let p = train_with(&train_set, &dev, 7, &opts, &mut log);
        let log = String::from_utf8(log).unwrap();
        assert!(log.contains("80 training sentences"), "{log}");
        let (uas, las) = attachment_scores(&p, &dev);
        assert!(uas >= 99.0 && las >= 99.0, "UAS {uas} LAS {las}\n{log}");
        let q = train_with(&train_set, &dev, 7, &opts, &mut std::io::sink());
        assert_eq!(p.to_bytes(), q.to_bytes(), "same seed, same model");
        let r = Parser::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!(attachment_scores(&r, &dev), (uas, las));
    }

    #[test]
    fn jackknife_tags_every_sentence_once_with_a_model_that_did_not_see_it() {
        let data = toy(23, 4);
        let mut calls = 0;
        let out = jackknife(&data, 5, |rest, block| {
            calls += 1;
            assert_eq!(rest.len() + block.len(), data.len());
            for s in block.iter_mut() {
                assert!(!rest.iter().any(|r| std::ptr::eq(r, s)));
                for w in &mut s.words {
                    w.xpos = format!("F{calls}");
                }
            }
        });
        assert_eq!(calls, 5);
        assert_eq!(out.len(), data.len());
        for (a, b) in out.iter().zip(&data) {
            assert_eq!(a.words.len(), b.words.len());
            assert!(a.words.iter().zip(&b.words).all(|(x, y)| x.head == y.head && x.deprel == y.deprel && x.xpos.starts_with('F')));
        }
    }

    #[test]
    fn non_trees_are_skipped_and_non_projective_trees_lifted() {
        let mut s = toy(3, 3);
        s[0].words[0].head = 1; // self loop
        s[1].words[0].head = 99; // out of range
        let labels: Vec<String> = ["det", "root"].iter().map(|x| x.to_string()).collect();
        assert!(prepare(&s[0], &labels).is_none());
        assert!(prepare(&s[1], &labels).is_none());
        assert!(prepare(&s[2], &labels).is_some_and(|(_, lifts)| lifts == 0));
        // w1 ← w3 crossing w2 ← root: heads 3, 0, 2 (1-based) is non-projective w.r.t. w2? build one that is.
        let mut np = s[2].clone();
        np.words.truncate(4);
        // 1→3 (head of w1 is w3), w2 root, w3 → w2, w4 → w2: arc 3→1 spans w2, which w3 does not dominate.
        for (w, h) in np.words.iter_mut().zip([3, 0, 2, 2]) {
            w.head = h;
        }
        let (p, lifts) = prepare(&np, &labels).unwrap();
        assert_eq!(lifts, 1);
        assert_eq!(p.gold[0], 1, "w1 lifted to its grandparent w2 (0-based 1)");
    }
}
