//! Training (`kgraph train ner`) on Universal NER IOB2 files and GUM names.
//!
//! In: `.iob2` files (token index, token, BIO tag, …; `# sent_id = …` comments, read by
//! [`super::eval`]) and the UD English EWT `.conllu` files covering the same sentences (gold
//! UPOS/XPOS, joined on `sent_id`). Out: `ner.bin`, its provenance, and dev scores in the log.

use super::bilou::{self, NerClass};
use super::eval::{Counts, NerSentence, PosSource, read_iob2, to_sentences};
use super::features::{self, N_DYNAMIC, N_EDGE, N_STATIC, TokInfo};
use super::lexicon::{self, Lexicon};
use super::model::{self, Decoder, Scorer, Trainer, Weights};
use super::NerError;
use crate::nlp::model_file::{CorpusFile, Provenance};
use crate::document::Sentence;
use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub seed: u64,
    pub max_epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    pub patience: usize,
    pub train_pos: PosSource,
    pub dev_pos: PosSource,
    /// Drop rows whose largest |weight| is below this when saving.
    pub prune: f32,
    /// Unlabelled texts for the word classes (`.jsonl` with a `text` field, or plain text), read
    /// together with the training file's words.
    pub unlabeled: Vec<PathBuf>,
    /// Number of coarse and fine word clusters.
    pub clusters: (usize, usize),
    /// After choosing the epoch count and `O` bias on dev, refit on train + dev and write that model.
    pub merge_dev: bool,
    /// When set, the training sentences are used a second time with tags from this source (e.g.
    /// gold tags besides jackknifed ones).
    pub extra_train_pos: Option<PosSource>,
    /// Number of perceptrons (different shuffles, seeds `seed`, `seed + 1`, …) whose weights are
    /// averaged into the written model.
    pub ensemble: usize,
    /// A GUM `.conllu` file whose names (see [`super::gum`]) are added to the training data.
    pub gum_train: Option<PathBuf>,
    /// Where the GUM training sentences take their POS tags from.
    pub gum_pos: PosSource,
    /// A GUM `.conllu` file scored (not used for choices) after the selection run, for the log.
    pub gum_dev: Option<PathBuf>,
    /// Written into the model file with the chosen epoch count, `O` bias and dev F1 added as notes.
    pub provenance: Option<Provenance>,
    /// How the model decodes; [`Decoder::Viterbi`] trains it as a structured perceptron.
    pub decoder: Decoder,
}

/// The word-class lexicon from the training words and the unlabelled texts.
fn build_lexicon(train: &[NerSentence], opts: &TrainOptions, log: &mut dyn Write) -> Result<Lexicon, NerError> {
    let mut texts: Vec<String> = Vec::new();
    for path in &opts.unlabeled {
        let raw = std::fs::read_to_string(path).map_err(|source| NerError::Io { path: path.clone(), source })?;
        if path.extension().is_some_and(|e| e == "jsonl") {
            for (i, line) in raw.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| NerError::Syntax { path: path.clone(), line: i + 1, message: e.to_string() })?;
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_owned());
                }
            }
        } else {
            texts.push(raw);
        }
    }
    let mut sents: Vec<Vec<&str>> = train.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    for t in &texts {
        sents.extend(lexicon::rough_sentences(t));
    }
    let _ = writeln!(log, "unlabelled: {:?}", opts.unlabeled);
    Ok(lexicon::build(&sents, 3, 60_000, opts.clusters.0, opts.clusters.1, log))
}

/// Unlabelled texts next to the corpora: `…/corpora/news/wikinews-2019-2020.jsonl` (CC BY 2.5).
pub fn default_unlabeled(iob2: &Path) -> Vec<PathBuf> {
    let Some(dir) = iob2.parent().and_then(Path::parent) else { return Vec::new() };
    // Reuters-21578 is for research use only, so it is not used for the shipped model.
    let p = dir.join("news").join("wikinews-2019-2020.jsonl");
    if p.exists() { vec![p] } else { Vec::new() }
}

/// The UD `.conllu` next to a UNER file (`…/uner-english-ewt/en_ewt-ud-train*.iob2` →
/// `…/ud-english-ewt/en_ewt-ud-train.conllu`), when it exists.
pub fn sibling_conllu(iob2: &Path) -> Option<PathBuf> {
    let name = iob2.file_name()?.to_str()?;
    let split = ["train", "dev", "test"].into_iter().find(|s| name.contains(&format!("-ud-{s}")))?;
    let dir = iob2.parent()?.parent()?.join("ud-english-ewt");
    let p = dir.join(format!("en_ewt-ud-{split}.conllu"));
    p.exists().then_some(p)
}

struct Prepared {
    toks: Vec<TokInfo>,
    statics: Vec<u64>,
    gold: Vec<u8>,
    spans: Vec<(Range<usize>, NerClass)>,
}

fn prepare(data: &[NerSentence], sents: &[Sentence], lex: &Lexicon) -> Vec<Prepared> {
    let mut chars = Vec::new();
    let mut gaz = Vec::new();
    data.iter()
        .zip(sents)
        .map(|(d, s)| {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
            let _ = super::gazetteer_flags(&words, &mut gaz);
            let toks: Vec<TokInfo> = s
                .tokens
                .iter()
                .zip(&gaz)
                .map(|(t, &g)| features::tok_info(&t.form, &t.upos, &t.xpos, g, lex, &mut chars))
                .collect();
            let mut statics = Vec::new();
            features::static_features(&toks, &mut statics);
            let spans = d.spans();
            let gold = bilou::spans_to_bilou(d.words.len(), &spans);
            Prepared { toks, statics, gold, spans }
        })
        .collect()
}

fn evaluate(w: &Weights, data: &[Prepared]) -> Counts {
    let mut counts = Counts::default();
    let mut labels = Vec::new();
    for p in data {
        model::decode(w, w.decoder, &p.toks, &p.statics, &mut labels);
        counts.add(&p.spans, &bilou::bilou_spans(&labels));
    }
    counts
}

/// Summary of a training run.
#[derive(Debug, Clone)]
pub struct TrainReport {
    pub best_epoch: usize,
    pub dev: Counts,
    pub features: usize,
    pub model_path: PathBuf,
    pub model_bytes: usize,
}

/// Where `kgraph train ner` finds its data and keeps its jackknifed tags.
#[derive(Debug, Clone)]
pub struct NerData {
    /// UNER training and selection files (`.iob2`).
    pub train: PathBuf,
    pub dev: PathBuf,
    /// GUM directory (`gum-train.conllu`, `gum-dev.conllu`) whose names are added, when given.
    pub gum: Option<PathBuf>,
    /// Word clusters of the run-time tagger (`models/word-clusters.bin`), for the jackknifed taggers.
    pub clusters: Option<PathBuf>,
    /// CoNLL-U file of jackknifed training tags: read when it exists, else computed and written.
    pub tags: Option<PathBuf>,
    /// Refit on train + dev after the selection run (the shipped model); `false` writes the
    /// selection model, trained on train alone, whose dev errors are honest.
    pub refit: bool,
    /// How the model decodes (`--viterbi`: a structured perceptron; the shipped model is greedy).
    pub decoder: Decoder,
}

/// `kgraph train ner`: trains on `data.train` (plus the names of `gum-train.conllu` when a GUM
/// directory is given), picks the epoch count and `O` bias on `data.dev`, refits on train + dev and
/// writes `out_dir/ner.bin`. POS tags for training are jackknifed predictions of a tagger trained
/// like the run-time one (EWT + GUM train, word clusters; see [`jackknifed_tags`]), so the model
/// learns from tags as noisy as at run time; dev is tagged by the embedded tagger. Word classes
/// come from the training words and the Wikinews texts next to the corpora
/// (`…/corpora/news/wikinews-2019-2020.jsonl`) when present.
pub fn train_ner(data: &NerData, out_dir: &Path, seed: u64, log: &mut dyn Write) -> Result<TrainReport, NerError> {
    let (train, dev, gum) = (&data.train, &data.dev, data.gum.as_deref());
    // Without `data.tags` the tags go to a temporary file of this run, removed at the end.
    let scratch = std::env::temp_dir().join(format!("kgraph-ner-tags-{}.conllu", std::process::id()));
    let train_pos = match sibling_conllu(train) {
        Some(ewt) => {
            let mut conllu = vec![ewt];
            conllu.extend(gum.map(|d| d.join("gum-train.conllu")));
            let mut tune: Vec<PathBuf> = sibling_conllu(dev).into_iter().collect();
            tune.extend(gum.map(|d| d.join("gum-dev.conllu")));
            let cache = data.tags.clone().unwrap_or_else(|| scratch.clone());
            if !cache.exists() || data.tags.is_none() {
                jackknifed_tags(&conllu, &tune, data.clusters.as_deref(), seed, &cache, log)?;
            } else {
                let _ = writeln!(log, "jackknifed tags from {}", cache.display());
            }
            PosSource::Conllu(cache)
        }
        None => PosSource::Tagger,
    };
    let opts = TrainOptions {
        seed,
        max_epochs: 20,
        patience: 5,
        gum_pos: train_pos.clone(),
        train_pos,
        dev_pos: PosSource::Tagger,
        prune: 0.0,
        unlabeled: default_unlabeled(train),
        clusters: (64, 512),
        merge_dev: data.refit,
        // Three shuffles averaged: +0.3 dev F1 over one (selection run without the refit).
        ensemble: 3,
        extra_train_pos: None,
        gum_train: gum.map(|d| d.join("gum-train.conllu")),
        gum_dev: gum.map(|d| d.join("gum-dev.conllu")),
        provenance: Some(provenance(data, out_dir, seed)?),
        decoder: data.decoder,
    };
    let report = train_with(train, dev, out_dir, &opts, log);
    let _ = std::fs::remove_file(&scratch);
    report
}

/// The command that reproduces `kgraph train ner` on `data` (`--tags` is left out: it only caches
/// the jackknifed tags, which a run without it computes the same).
pub fn command_line(data: &NerData, out_dir: &Path, seed: u64) -> String {
    let given = |p: &Option<PathBuf>| p.as_ref().map_or_else(|| "none".to_owned(), |p| p.display().to_string());
    let corpus = data.train.parent().unwrap_or(Path::new("."));
    format!(
        "kgraph train ner --corpus {} --gum {} --clusters {}{}{} --out {} --seed {seed}",
        corpus.display(),
        given(&data.gum),
        given(&data.clusters),
        if data.refit { "" } else { " --no-refit" },
        if data.decoder == Decoder::Viterbi { " --viterbi" } else { "" },
        out_dir.display()
    )
}

/// Provenance of a `kgraph train ner` run: its command and the SHA-256 of every file it reads
/// (the UNER splits, the treebank files the jackknifed taggers learn from and tune on, the GUM
/// splits, the word clusters and the unlabelled texts), each once, in the order first read.
fn provenance(data: &NerData, out_dir: &Path, seed: u64) -> Result<Provenance, NerError> {
    let gum = |split: &str| data.gum.as_ref().map(|d| d.join(format!("gum-{split}.conllu")));
    // What the recorded command reads, a reused `--tags` file or not.
    let mut files: Vec<PathBuf> = Vec::new();
    files.extend(sibling_conllu(&data.train));
    files.extend(gum("train"));
    files.extend(sibling_conllu(&data.dev));
    files.extend(gum("dev"));
    files.extend(data.clusters.clone());
    files.extend([data.train.clone(), data.dev.clone()]);
    files.extend(gum("train"));
    files.extend(default_unlabeled(&data.train));
    files.extend(gum("dev"));
    let mut corpora: Vec<CorpusFile> = Vec::new();
    for f in files {
        let path = f.display().to_string();
        if !corpora.iter().any(|c| c.path == path) {
            corpora.push(CorpusFile::hash(&f).map_err(|source| NerError::Io { path: f.clone(), source })?);
        }
    }
    Ok(Provenance { command: command_line(data, out_dir, seed), corpora, notes: Default::default() })
}

/// Writes `out`: the sentences of the `conllu` files with POS tags predicted by jackknifing — five
/// folds of whole documents, each tagged by a tagger trained on the other four with the run-time
/// tagger's word clusters (epochs chosen on `tune`), as [`crate::nlp::train::jackknife_tags`] does
/// for the parser.
pub fn jackknifed_tags(conllu: &[PathBuf], tune: &[PathBuf], clusters: Option<&Path>, seed: u64, out: &Path, log: &mut dyn Write) -> Result<(), NerError> {
    let read = |paths: &[PathBuf]| -> Result<Vec<crate::nlp::conllu::ConlluSentence>, NerError> {
        let mut all = Vec::new();
        for p in paths {
            all.extend(crate::nlp::conllu::read_file(p).map_err(|e| NerError::Other(e.to_string()))?);
        }
        Ok(all)
    };
    let (train, dev) = (read(conllu)?, read(tune)?);
    let clusters = match clusters {
        Some(p) => Some(std::sync::Arc::new(crate::nlp::clusters::WordClusters::load(p).map_err(|e| NerError::Other(e.to_string()))?)),
        None => None,
    };
    let t0 = Instant::now();
    let tagged = crate::nlp::train::jackknife_tags(&train, &dev, seed, 8, clusters, &mut |fold| {
        let _ = writeln!(log, "jackknife fold {fold} done after {:.1} s", t0.elapsed().as_secs_f64());
    });
    let mut text = String::new();
    for s in &tagged {
        if let Some(id) = &s.sent_id {
            text.push_str(&format!("# sent_id = {id}\n"));
        }
        crate::nlp::conllu::write_sentence(&mut text, None, &s.words);
        text.push('\n');
    }
    std::fs::write(out, text).map_err(|source| NerError::Io { path: out.to_owned(), source })?;
    let _ = writeln!(log, "wrote jackknifed tags of {} sentences to {}", tagged.len(), out.display());
    Ok(())
}

/// Lowercase words seen at least `min` times (in lowercase) and never inside a name.
fn always_o_words(data: &[Prepared], min: usize) -> model::IdSet {
    let mut counts: HashMap<u64, (usize, bool)> = HashMap::new();
    for p in data {
        for (t, &g) in p.toks.iter().zip(&p.gold) {
            let e = counts.entry(t.lower).or_default();
            if g != bilou::O {
                e.1 = true;
            } else if t.flags & (features::FLAG_TITLE | features::FLAG_UPPER) == 0 {
                e.0 += 1;
            }
        }
    }
    counts.into_iter().filter(|(_, (n, named))| *n >= min && !named).map(|(h, _)| h).collect()
}

/// Shuffles `order` (Fisher–Yates with xorshift64*).
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng >> 12;
        *rng ^= *rng << 25;
        *rng ^= *rng >> 27;
        let j = (rng.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// One epoch over `data` in a fresh shuffled order for a model read by `decoder`. Returns the
/// number of token errors.
fn train_epoch(trainer: &mut Trainer, decoder: Decoder, data: &[Prepared], order: &mut [usize], rng: &mut u64) -> usize {
    match decoder {
        Decoder::Greedy => train_epoch_greedy(trainer, data, order, rng),
        Decoder::Viterbi => train_epoch_structured(trainer, data, order, rng),
    }
}

/// One structured-perceptron epoch: each sentence is decoded whole by [`model::viterbi`] with the
/// current weights and, where the best sequence differs from the gold one, the gold sequence's
/// features gain and the predicted sequence's lose (static features at tokens whose label
/// differs, edge features wherever the label or the one before it differs).
fn train_epoch_structured(trainer: &mut Trainer, data: &[Prepared], order: &mut [usize], rng: &mut u64) -> usize {
    shuffle(order, rng);
    let mut errors = 0usize;
    let mut pred = Vec::new();
    let (mut eg, mut ep) = ([0u64; N_EDGE], [0u64; N_EDGE]);
    for &k in order.iter() {
        let p = &data[k];
        trainer.c += 1;
        model::viterbi(&*trainer, &p.toks, &p.statics, &mut pred);
        if pred == p.gold {
            continue;
        }
        let (mut gp, mut pp) = (bilou::O, bilou::O);
        for i in 0..p.toks.len() {
            let (g, q) = (p.gold[i], pred[i]);
            if g != q {
                errors += 1;
                trainer.update(&p.statics[i * N_STATIC..(i + 1) * N_STATIC], g, q);
            }
            if g != q || gp != pp {
                features::edge_features(&p.toks[i], gp, &mut eg);
                features::edge_features(&p.toks[i], pp, &mut ep);
                trainer.add(&eg, g, 1);
                trainer.add(&ep, q, -1);
            }
            (gp, pp) = (g, q);
        }
    }
    errors
}

/// One greedy perceptron epoch over `data` in a fresh shuffled order (teacher forcing: the label
/// history features use the gold labels). Returns the number of token errors.
fn train_epoch_greedy(trainer: &mut Trainer, data: &[Prepared], order: &mut [usize], rng: &mut u64) -> usize {
    shuffle(order, rng);
    let mut dynf = [0u64; N_DYNAMIC];
    let mut errors = 0usize;
    for &k in order.iter() {
        let p = &data[k];
        let n = p.toks.len();
        let (mut p1, mut p2) = (bilou::O, bilou::O);
        for i in 0..n {
            trainer.c += 1;
            let stat = &p.statics[i * N_STATIC..(i + 1) * N_STATIC];
            features::dynamic_features(&p.toks[i], p1, p2, &mut dynf);
            let mut scores = [0f32; bilou::N_LABELS];
            trainer.add_scores(stat, &mut scores);
            trainer.add_scores(&dynf, &mut scores);
            let pred = model::best_allowed(&scores, p1, i + 1 == n);
            let gold = p.gold[i];
            if pred != gold {
                errors += 1;
                trainer.update(stat, gold, pred);
                trainer.update(&dynf, gold, pred);
            }
            p2 = p1;
            p1 = gold;
        }
    }
    errors
}

/// Training with explicit options.
pub fn train_with(train: &Path, dev: &Path, out_dir: &Path, opts: &TrainOptions, log: &mut dyn Write) -> Result<TrainReport, NerError> {
    let t0 = Instant::now();
    let train_data = read_iob2(train)?;
    let dev_data = read_iob2(dev)?;
    let train_sents = to_sentences(&train_data, &opts.train_pos)?;
    let dev_sents = to_sentences(&dev_data, &opts.dev_pos)?;
    let gum_data = match &opts.gum_train {
        Some(p) => super::gum::read_gum(p)?,
        None => Vec::new(),
    };
    let lex = build_lexicon(&[train_data.as_slice(), gum_data.as_slice()].concat(), opts, log)?;
    let mut tr = prepare(&train_data, &train_sents, &lex);
    if let Some(extra) = &opts.extra_train_pos {
        let extra_sents = to_sentences(&train_data, extra)?;
        tr.extend(prepare(&train_data, &extra_sents, &lex));
    }
    if let Some(p) = &opts.gum_train {
        let gum_sents = to_sentences(&gum_data, &opts.gum_pos)?;
        let names: usize = gum_data.iter().map(|s| s.spans().len()).sum();
        let _ = writeln!(log, "GUM {}: {} sentences, {names} names", p.display(), gum_data.len());
        tr.extend(prepare(&gum_data, &gum_sents, &lex));
    }
    let dv = prepare(&dev_data, &dev_sents, &lex);
    let n_tok: usize = tr.iter().map(|p| p.toks.len()).sum();
    let o_words = always_o_words(&tr, 20);
    let _ = writeln!(log, "{} always-O words", o_words.len());
    let _ = writeln!(
        log,
        "train {} sentences {} tokens (pos {:?}); dev {} sentences (pos {:?}); seed {}",
        tr.len(),
        n_tok,
        opts.train_pos,
        dv.len(),
        opts.dev_pos,
        opts.seed
    );
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..tr.len()).collect();
    let mut rng = opts.seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut best: Option<(f64, usize, Counts, Weights)> = None;
    for epoch in 1..=opts.max_epochs {
        let errors = train_epoch(&mut trainer, opts.decoder, &tr, &mut order, &mut rng);
        let mut avg = trainer.averaged();
        avg.o_words = o_words.clone();
        avg.decoder = opts.decoder;
        let counts = evaluate(&avg, &dv);
        let f = counts.f1();
        let (p, r, _) = Counts::prf(counts.total());
        let _ = writeln!(
            log,
            "epoch {epoch} train-errors {errors} features {} dev P {p:.2} R {r:.2} F1 {f:.2} ({:.1}s)",
            avg.len(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, epoch, counts, avg));
        } else if best.as_ref().is_some_and(|b| epoch - b.1 >= opts.patience) {
            break;
        }
    }
    let (mut f, best_epoch, mut dev_counts, mut weights) = best.ok_or_else(|| NerError::Other("no epochs run".into()))?;
    // Bias against `O` (the perceptron is conservative on unseen names): pick it on dev.
    let mut best_bias = 0.0;
    for bias in [-2.0, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 16.0, 24.0] {
        weights.o_bias = bias;
        let c = evaluate(&weights, &dv);
        let _ = writeln!(log, "o-bias {bias}: dev F1 {:.2}", c.f1());
        if c.f1() > f + 0.1 {
            (f, dev_counts, best_bias) = (c.f1(), c, bias);
        }
    }
    weights.o_bias = best_bias;
    if let Some(p) = &opts.gum_dev {
        let data = super::gum::read_gum(p)?;
        let sents = to_sentences(&data, &opts.dev_pos)?;
        let c = evaluate(&weights, &prepare(&data, &sents, &lex));
        let _ = write!(log, "GUM {} (selection model):\n{}", p.display(), c.report());
    }
    if opts.ensemble > 1 && !opts.merge_dev {
        let mut models = vec![weights];
        for k in 1..opts.ensemble {
            let mut trainer = Trainer::default();
            let mut order: Vec<usize> = (0..tr.len()).collect();
            let mut rng = (opts.seed + k as u64) ^ 0x9e37_79b9_7f4a_7c15;
            for _ in 1..=best_epoch {
                train_epoch(&mut trainer, opts.decoder, &tr, &mut order, &mut rng);
            }
            let mut avg = trainer.averaged();
            avg.o_words = o_words.clone();
            avg.decoder = opts.decoder;
            models.push(avg);
            let mut m = Weights::mean(&models);
            m.o_bias = best_bias;
            let c = evaluate(&m, &dv);
            let _ = writeln!(log, "ensemble of {}: dev F1 {:.2}", models.len(), c.f1());
        }
        weights = Weights::mean(&models);
        weights.o_bias = best_bias;
    }
    let mut dev_note = "";
    if opts.merge_dev {
        // Refit on train + dev with the epoch count and bias chosen above.
        let mut all = tr;
        all.extend(dv);
        let mut models = Vec::new();
        for k in 0..opts.ensemble.max(1) {
            let mut trainer = Trainer::default();
            let mut order: Vec<usize> = (0..all.len()).collect();
            let mut rng = (opts.seed + k as u64) ^ 0x9e37_79b9_7f4a_7c15;
            for epoch in 1..=best_epoch {
                let errors = train_epoch(&mut trainer, opts.decoder, &all, &mut order, &mut rng);
                let _ = writeln!(log, "train+dev model {} epoch {epoch} train-errors {errors}", k + 1);
            }
            let mut avg = trainer.averaged();
            avg.decoder = opts.decoder;
            models.push(avg);
        }
        weights = Weights::mean(&models);
        weights.o_bias = best_bias;
        weights.o_words = always_o_words(&all, 20);
        dev_note = " (held-out dev score of the selection run; the written model was refit on train + dev)";
    }
    let provenance = opts.provenance.clone().map(|mut p| {
        p.notes.insert("epochs".to_owned(), best_epoch.to_string());
        p.notes.insert("o_bias".to_owned(), weights.o_bias.to_string());
        p.notes.insert("dev_f1".to_owned(), format!("{f:.2}"));
        p
    });
    let bytes = weights.to_bytes_with(&lex, opts.prune, provenance.as_ref());
    let features = weights.len();
    std::fs::create_dir_all(out_dir).map_err(|source| NerError::Io { path: out_dir.to_owned(), source })?;
    let model_path = out_dir.join("ner.bin");
    std::fs::write(&model_path, &bytes).map_err(|source| NerError::Io { path: model_path.clone(), source })?;
    let _ = writeln!(
        log,
        "best epoch {best_epoch}, o-bias {}, dev F1 {f:.2}{dev_note}; wrote {} ({} bytes, {} feature rows, {} lexicon words)",
        weights.o_bias,
        model_path.display(),
        bytes.len(),
        weights.len(),
        lex.len()
    );
    let _ = write!(log, "{}", dev_counts.report());
    Ok(TrainReport { best_epoch, dev: dev_counts, features, model_path, model_bytes: bytes.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::Recognizer;
    use crate::nlp::ner::eval::eval_ner_with;


    fn corpora() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora")
    }

    use crate::nlp::train::file_blocks as blocks;

    /// The training path of `kgraph train ner` on a slice (UNER EWT + GUM names, word classes
    /// from a few news texts, selection on dev, refit on train + dev, two shuffles averaged): the
    /// model loads, finds names in held-out sentences well above chance, records its provenance,
    /// and comes out byte-identical when retrained.
    #[test]
    fn small_slice_training_gives_a_loadable_sane_reproducible_model() {
        let c = corpora();
        let tmp = tempfile::tempdir().unwrap();
        let (train, dev, held) = (tmp.path().join("train.iob2"), tmp.path().join("dev.iob2"), tmp.path().join("held.iob2"));
        let uner_train = c.join("uner-english-ewt/en_ewt-ud-train.v0-normalized.iob2");
        std::fs::write(&train, blocks(&uner_train, 0, 600)).unwrap();
        std::fs::write(&dev, blocks(&c.join("uner-english-ewt/en_ewt-ud-dev.iob2"), 0, 150)).unwrap();
        std::fs::write(&held, blocks(&uner_train, 4000, 300)).unwrap();
        let gum = tmp.path().join("gum-train.conllu");
        std::fs::write(&gum, blocks(&c.join("gum/gum-train.conllu"), 0, 300)).unwrap();
        let news = tmp.path().join("news.jsonl");
        let lines: String = std::fs::read_to_string(c.join("news/wikinews-2019-2020.jsonl")).unwrap().lines().take(20).map(|l| format!("{l}\n")).collect();
        std::fs::write(&news, lines).unwrap();
        let ewt_pos = PosSource::Conllu(c.join("ud-english-ewt/en_ewt-ud-train.conllu"));
        let prov = Provenance { command: "kgraph train ner (slice)".into(), ..Default::default() };
        let opts = TrainOptions {
            seed: 5,
            max_epochs: 4,
            patience: 2,
            train_pos: ewt_pos.clone(),
            dev_pos: PosSource::Conllu(c.join("ud-english-ewt/en_ewt-ud-dev.conllu")),
            prune: 0.0,
            unlabeled: vec![news],
            clusters: (8, 32),
            merge_dev: true,
            extra_train_pos: None,
            ensemble: 2,
            gum_train: Some(gum.clone()),
            gum_pos: PosSource::Conllu(gum),
            gum_dev: None,
            provenance: Some(prov.clone()),
            decoder: Decoder::Greedy,
        };
        let out = tmp.path().join("models");
        let mut log = Vec::new();
        let report = train_with(&train, &dev, &out, &opts, &mut log).unwrap();
        let log = String::from_utf8(log).unwrap();
        assert!(log.contains("GUM ") && log.contains("train+dev model 2 epoch 1"), "{log}");
        let bytes = std::fs::read(&report.model_path).unwrap();
        let rec = Recognizer::from_bytes("slice", &bytes).unwrap();
        let counts = eval_ner_with(&rec, &held, &ewt_pos, &mut Vec::new()).unwrap();
        assert!(counts.total().1 > 100, "{} held-out names", counts.total().1);
        assert!(counts.f1() > 40.0, "held-out F1 {:.1}", counts.f1());
        let recorded = crate::nlp::model_file::provenance_of("slice", &bytes).unwrap().expect("provenance block");
        assert_eq!(recorded.command, prov.command);
        assert_eq!(recorded.notes.get("epochs"), Some(&report.best_epoch.to_string()));
        train_with(&train, &dev, &out, &opts, &mut std::io::sink()).unwrap();
        assert!(std::fs::read(&report.model_path).unwrap() == bytes, "ner.bin differs after retraining");
    }

    /// `kgraph train ner` records its command and every input file: the UNER splits, the treebank
    /// and GUM files of the jackknifed taggers, the clusters and the news texts, each once.
    #[test]
    fn provenance_names_the_command_and_every_input() {
        let c = corpora();
        let data = NerData {
            train: c.join("uner-english-ewt/en_ewt-ud-train.v0-normalized.iob2"),
            dev: c.join("uner-english-ewt/en_ewt-ud-dev.iob2"),
            gum: Some(c.join("gum")),
            clusters: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/word-clusters.bin")),
            tags: Some(PathBuf::from("/nonexistent/tags.conllu")),
            refit: true,
            decoder: Decoder::Greedy,
        };
        let p = provenance(&data, Path::new("out"), 4).unwrap();
        assert!(p.command.starts_with("kgraph train ner --corpus ") && p.command.ends_with(" --out out --seed 4"), "{}", p.command);
        assert!(!p.command.contains("--tags"), "{}", p.command);
        let names: Vec<&str> = p.corpora.iter().map(|f| f.path.rsplit('/').next().unwrap()).collect();
        assert_eq!(
            names,
            [
                "en_ewt-ud-train.conllu",
                "gum-train.conllu",
                "en_ewt-ud-dev.conllu",
                "gum-dev.conllu",
                "word-clusters.bin",
                "en_ewt-ud-train.v0-normalized.iob2",
                "en_ewt-ud-dev.iob2",
                "wikinews-2019-2020.jsonl"
            ]
        );
        let viterbi = NerData { decoder: Decoder::Viterbi, ..data.clone() };
        assert!(command_line(&viterbi, Path::new("out"), 4).contains(" --viterbi --out out"));
        // Without GUM or clusters: none of their files, and `none` in the command.
        let bare = NerData { gum: None, clusters: None, ..data };
        let p = provenance(&bare, Path::new("out"), 4).unwrap();
        assert!(p.command.contains("--gum none --clusters none"), "{}", p.command);
        assert!(!p.corpora.iter().any(|f| f.path.contains("gum") || f.path.ends_with(".bin")), "{:?}", p.corpora);
        // A missing input is an error naming it, not a panic.
        let missing = NerData { dev: c.join("uner-english-ewt/nonexistent.iob2"), ..bare };
        assert!(provenance(&missing, Path::new("out"), 4).unwrap_err().to_string().contains("nonexistent.iob2"));
    }

    /// Invented sentences as training data: names of two classes after cue words, with filler.
    fn toy_data() -> Vec<Prepared> {
        let lex = Lexicon::default();
        let mut chars = Vec::new();
        let sents: [(&[&str], &[(Range<usize>, NerClass)]); 4] = [
            (&["Mara", "Vellin", "spoke", "in", "Ostrava", "."], &[(0..2, NerClass::Per), (4..5, NerClass::Loc)]),
            (&["the", "Tessel", "Water", "Board", "met", "Ivo", "Darn", "."], &[(1..4, NerClass::Org), (5..7, NerClass::Per)]),
            (&["we", "drove", "to", "Brno", "with", "Lida", "Quorn", "."], &[(3..4, NerClass::Loc), (5..7, NerClass::Per)]),
            (&["the", "Karst", "Water", "Board", "hired", "Mara", "Quorn", "."], &[(1..4, NerClass::Org), (5..7, NerClass::Per)]),
        ];
        sents
            .iter()
            .map(|(words, spans)| {
                let toks: Vec<TokInfo> = words.iter().map(|w| features::tok_info(w, "", "", 0, &lex, &mut chars)).collect();
                let mut statics = Vec::new();
                features::static_features(&toks, &mut statics);
                let gold = bilou::spans_to_bilou(words.len(), spans);
                Prepared { toks, statics, gold, spans: spans.to_vec() }
            })
            .collect()
    }

    /// Structured-perceptron epochs fit a small training set: the errors fall to zero and the
    /// averaged model, decoded by Viterbi, gives back every training name.
    #[test]
    fn structured_epochs_fit_a_small_set() {
        let data = toy_data();
        let mut trainer = Trainer::default();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = 7u64;
        let first = train_epoch(&mut trainer, Decoder::Viterbi, &data, &mut order, &mut rng);
        let mut last = first;
        for _ in 0..10 {
            last = train_epoch(&mut trainer, Decoder::Viterbi, &data, &mut order, &mut rng);
        }
        assert!(first > 0 && last == 0, "errors {first} → {last}");
        let mut w = trainer.averaged();
        w.decoder = Decoder::Viterbi;
        let counts = evaluate(&w, &data);
        assert!(counts.f1() > 99.9, "training-set F1 {:.1}", counts.f1());
    }

    #[test]
    fn finds_sibling_conllu() {
        let p = Path::new("/work/shared/corpora/uner-english-ewt/en_ewt-ud-train.v0-normalized.iob2");
        if p.exists() {
            assert_eq!(sibling_conllu(p).unwrap(), Path::new("/work/shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu"));
        }
        assert_eq!(sibling_conllu(Path::new("/nonexistent/x/en_ewt-ud-dev.iob2")), None);
    }
}
