//! Training of the sentence-boundary model (feature `train`): averaged perceptron over the gaps
//! of gold paragraphs rebuilt from treebanks ([`crate::text::corpus`]), epoch and override margin
//! chosen on dev, and `kgraph train sentences`. The model and its decoding live in the parent.

use super::{BoundaryModel, DEV_FILES, MASK, Ortho, Scratch, TABLE_BITS, TRAIN_FILES, decode};
use crate::nlp::hash::{self, IdMap, Rng};
use crate::nlp::model_file::{self, Provenance};
use crate::text::corpus::RawDoc;
use crate::text::tokenize::Piece;

impl Ortho {
    /// Counts lowercase occurrences and capitalised non-initial occurrences of every word in
    /// the gold sentences of `docs`.
    pub(super) fn count(docs: &[RawDoc]) -> Ortho {
        let mut counts: IdMap<(u32, u32)> = IdMap::default();
        let mut scanned = Vec::new();
        for doc in docs {
            let text = doc.text.as_str();
            scanned.clear();
            crate::text::tokenize::scan(text, &mut scanned);
            let mut s = 0; // current gold sentence
            let mut first_in_sentence = true;
            for p in &scanned {
                while s < doc.sentences.len() && doc.sentences[s].end <= p.start {
                    s += 1;
                    first_in_sentence = true;
                }
                let form = &text[p.start..p.end];
                let Some(c) = form.chars().next() else { continue };
                let initial = std::mem::replace(&mut first_in_sentence, false);
                if !c.is_alphabetic() {
                    continue;
                }
                let key = hash::lower(form);
                let e = counts.entry(key).or_default();
                if c.is_lowercase() {
                    e.0 += 1;
                } else if !initial {
                    e.1 += 1;
                }
            }
        }
        let classes = counts
            .into_iter()
            .filter_map(|(k, (low, cap))| {
                let common = low >= 3 && cap * 4 <= low;
                let name = cap >= 2 && low * 4 <= cap;
                match (common, name) {
                    (true, _) => Some((k, 1)),
                    (false, true) => Some((k, 2)),
                    _ if low + cap >= 3 => Some((k, 3)),
                    _ => None,
                }
            })
            .collect();
        Ortho { classes }
    }
}

impl BoundaryModel {
    /// Quantises float weights to i16.
    fn quantised(weights: &[f32], ortho: Ortho) -> BoundaryModel {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let weights = weights.iter().map(|w| (w / scale).round() as i16).collect();
        BoundaryModel { weights, scale, override_margin: 0, ortho }
    }
}

/// One training paragraph: its pieces, the rules' ends and the gold ends (piece indices).
struct Example {
    doc: usize,
    pieces: Vec<Piece>,
    rules: Vec<usize>,
    gold: Vec<usize>,
}

/// Cuts documents into paragraphs of pieces with their gold sentence ends. A gold boundary
/// that falls inside a piece cannot be learned; it is counted in the returned total.
fn examples(docs: &[RawDoc]) -> (Vec<Example>, usize) {
    let mut out = Vec::new();
    let mut unreachable = 0;
    for (d, doc) in docs.iter().enumerate() {
        let text = doc.text.as_str();
        let mut scanned = Vec::new();
        crate::text::tokenize::scan(text, &mut scanned);
        let gold_ends: std::collections::HashSet<usize> = doc.sentences.iter().map(|s| s.end).collect();
        let mut k = 0;
        for para in crate::text::paragraph_ranges(text) {
            let first = k;
            while k < scanned.len() && scanned[k].start < para.end {
                k += 1;
            }
            let pieces = scanned[first..k].to_vec();
            if pieces.is_empty() {
                continue;
            }
            let mut rules = Vec::new();
            crate::text::segment::rule_ends(text, &pieces, &mut rules);
            let gold: Vec<usize> = (0..pieces.len()).filter(|&i| gold_ends.contains(&pieces[i].end)).map(|i| i + 1).collect();
            let inside = doc.sentences.iter().filter(|s| s.end > para.start && s.end < para.end).count();
            unreachable += inside.saturating_sub(gold.len().saturating_sub(1));
            out.push(Example { doc: d, pieces, rules, gold });
        }
    }
    (out, unreachable)
}

/// Averaged-perceptron weights during training.
struct Trainer {
    w: Vec<f32>,
    /// Sum of (update time × update), for averaging.
    u: Vec<f32>,
    time: f32,
}

impl Trainer {
    fn score(&self, f: &[u64]) -> f32 {
        f.iter().map(|&h| self.w[(h & MASK) as usize]).sum()
    }
    fn update(&mut self, f: &[u64], delta: f32) {
        for &h in f {
            let k = (h & MASK) as usize;
            self.w[k] += delta;
            self.u[k] += self.time * delta;
        }
    }
    fn averaged(&self, ortho: &Ortho) -> BoundaryModel {
        let t = self.time.max(1.0);
        let averaged: Vec<f32> = self.w.iter().zip(&self.u).map(|(w, u)| w - u / t).collect();
        BoundaryModel::quantised(&averaged, ortho.clone())
    }
}

/// Sentence precision/recall counts of a model (or of the rules, `None`) on documents.
pub fn evaluate(model: Option<&BoundaryModel>, docs: &[RawDoc]) -> crate::text::score::Prf {
    let mut prf = crate::text::score::Prf::default();
    for doc in docs {
        let pred: Vec<std::ops::Range<usize>> = crate::text::sentence_ranges_with(&doc.text, model).into_iter().map(|x| x.0).collect();
        prf.add(crate::text::score::span_prf(&doc.sentences, &pred));
    }
    prf
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub max_epochs: usize,
    pub seed: u64,
}

/// Trains on `train` for up to `max_epochs` epochs (documents shuffled by `seed`), keeps the
/// averaged weights of the epoch with the best sentence F1 on `dev`, and logs each epoch.
/// Deterministic for a given seed and data.
pub fn train(train: &[RawDoc], dev: &[RawDoc], opts: &TrainOptions, log: &mut dyn std::io::Write) -> std::io::Result<(BoundaryModel, usize, f64)> {
    let ortho = Ortho::count(train);
    let (mut exs, unreachable) = examples(train);
    writeln!(log, "sentences: {} training paragraphs, {unreachable} gold boundaries inside a token (not learnable)", exs.len())?;
    let mut tr = Trainer { w: vec![0.0; 1 << TABLE_BITS], u: vec![0.0; 1 << TABLE_BITS], time: 1.0 };
    let mut scratch = Scratch::default();
    let mut rng = Rng::new(opts.seed);
    let mut best: Option<(f64, usize, BoundaryModel)> = None;
    let mut ends = Vec::new();
    for epoch in 1..=opts.max_epochs {
        rng.shuffle(&mut exs);
        let mut errors = 0usize;
        for ex in &exs {
            let text = train[ex.doc].text.as_str();
            ends.clear();
            let mut g = 0; // next gold end
            decode(text, &ex.pieces, &ex.rules, &ortho, &mut scratch, &mut ends, |i, _, f| {
                while g < ex.gold.len() && ex.gold[g] < i + 1 {
                    g += 1;
                }
                let gold = ex.gold.get(g) == Some(&(i + 1));
                let pred = tr.score(f) > 0.0;
                if pred != gold {
                    errors += 1;
                    tr.update(f, if gold { 1.0 } else { -1.0 });
                }
                tr.time += 1.0;
                pred
            });
        }
        writeln!(log, "sentences: epoch {epoch}: {errors} training errors")?;
        let model = tr.averaged(&ortho);
        let prf = evaluate(Some(&model), dev);
        writeln!(log, "sentences: epoch {epoch}: dev F1 {:.2}", 100.0 * prf.f1())?;
        if best.as_ref().is_none_or(|b| prf.f1() > b.0) {
            best = Some((prf.f1(), epoch, model));
        }
    }
    let (f1, epoch, mut model) = best.expect("at least one epoch");
    let f1 = choose_override_margin(&mut model, dev, f1, log)?;
    Ok((model, epoch, f1))
}

/// Sets the largest override margin (in steps of 2,500 up to 30,000; weights are at most
/// 32,767) whose dev F1 stays within 0.2 points of the best one: where dev cannot tell, the
/// rules win. The training text is mostly web text with many unpunctuated sentence ends; news
/// has few, and a confident-only override keeps the model from splitting it where the
/// rules, tuned on well-punctuated text, do not. Returns the dev F1 at the chosen margin.
fn choose_override_margin(model: &mut BoundaryModel, dev: &[RawDoc], f1_at_zero: f64, log: &mut dyn std::io::Write) -> std::io::Result<f64> {
    let mut scores = vec![(0, f1_at_zero)];
    for m in (2500..=30000).step_by(2500) {
        model.override_margin = m;
        scores.push((m, evaluate(Some(model), dev).f1()));
    }
    let best = scores.iter().map(|s| s.1).fold(0.0, f64::max);
    let &(margin, f1) = scores.iter().rev().find(|s| s.1 >= best - 0.002).expect("the best one qualifies");
    let listed: Vec<String> = scores.iter().map(|(m, f)| format!("{m}:{:.2}", 100.0 * f)).collect();
    writeln!(log, "sentences: override margin → dev F1: {}; chose {margin}", listed.join(" "))?;
    model.override_margin = margin;
    Ok(f1)
}


/// Errors of [`train_files`].
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Corpus { path: String, message: String },
}


fn read_corpus(path: &std::path::Path) -> Result<Vec<RawDoc>, TrainError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| TrainError::Io { path: name.clone(), source })?;
    crate::text::corpus::raw_documents(&text).map_err(|message| TrainError::Corpus { path: name, message })
}

/// The `kgraph train sentences` command that [`train_files`] records in the model file.
pub fn command_line(corpus_dir: &std::path::Path, out_dir: &std::path::Path, seed: u64) -> String {
    format!("kgraph train sentences --corpus {} --out {} --seed {seed}", corpus_dir.display(), out_dir.display())
}

/// `kgraph train sentences`: trains on the train splits of [`TRAIN_FILES`] under `corpus_dir`,
/// picks the epoch on the dev splits ([`DEV_FILES`]), and writes `out_dir/sentences.bin` with a
/// provenance block (the command, the SHA-256 of the four files, the chosen epoch and dev
/// scores). Returns the path written.
pub fn train_files(corpus_dir: &std::path::Path, out_dir: &std::path::Path, seed: u64, log: &mut dyn std::io::Write) -> Result<std::path::PathBuf, TrainError> {
    fn io(path: &std::path::Path) -> impl Fn(std::io::Error) -> TrainError + '_ {
        move |source| TrainError::Io { path: path.display().to_string(), source }
    }
    let started = std::time::Instant::now();
    let mut corpora = Vec::new();
    let mut load = |files: &[&str]| -> Result<Vec<Vec<RawDoc>>, TrainError> {
        files
            .iter()
            .map(|f| {
                let path = corpus_dir.join(f);
                corpora.push(model_file::CorpusFile::hash(&path).map_err(io(&path))?);
                read_corpus(&path)
            })
            .collect()
    };
    let train_sets = load(&TRAIN_FILES)?;
    let dev_sets = load(&DEV_FILES)?;
    let train_docs: Vec<RawDoc> = train_sets.into_iter().flatten().collect();
    let dev_docs: Vec<RawDoc> = dev_sets.iter().flatten().cloned().collect();
    let opts = TrainOptions { max_epochs: 15, seed };
    let (model, epoch, f1) = train(&train_docs, &dev_docs, &opts, log).map_err(io(out_dir))?;
    let mut notes = std::collections::BTreeMap::new();
    notes.insert("epochs".to_owned(), epoch.to_string());
    notes.insert("dev_f1".to_owned(), format!("{:.2}", 100.0 * f1));
    for (file, docs) in DEV_FILES.iter().zip(&dev_sets) {
        let prf = evaluate(Some(&model), docs);
        writeln!(log, "sentences: {file}: F1 {:.2} (rules alone {:.2})", 100.0 * prf.f1(), 100.0 * evaluate(None, docs).f1()).map_err(io(out_dir))?;
        notes.insert(format!("dev_f1 {file}"), format!("{:.2}", 100.0 * prf.f1()));
    }
    let provenance = Provenance {
        command: command_line(corpus_dir, out_dir, seed),
        corpora,
        notes,
    };
    let out = out_dir.join("sentences.bin");
    std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    std::fs::write(&out, model.to_bytes(Some(&provenance))).map_err(io(&out))?;
    writeln!(log, "sentences: wrote {} ({} weights, epoch {epoch}) in {:.1} s", out.display(), model.len(), started.elapsed().as_secs_f64()).map_err(io(&out))?;
    Ok(out)
}
