//! `kgraph train coref`: trains the mention-ranking model and learns the attribute tables from
//! GUM, with the documents analysed by our own tagger, parser and NER (so training sees the trees
//! and mentions the model meets at run time).
//!
//! In: a directory with `gum-train.conllu` and `gum-dev.conllu`. Out: `out_dir/coref.bin` with a
//! provenance block (command, corpus SHA-256s, epochs chosen, dev score). The dev split only
//! chooses the number of epochs; the test split is never read. Deterministic for a given seed
//! and the same embedded tagger/parser/NER models.
//!
//! Predicted mentions are matched to gold mentions by exact token span after trimming edge
//! punctuation ([`span_key`]); a predicted mention with no gold twin must start a new entity.
//! The attribute tables used for the features of a training document are learned from the other
//! folds only (jackknifing), so the model does not learn to trust tables that saw the answer.

use super::attributes::{AttributeTables, ChainEvidence, etype_index};
use super::eval::{self, Report};
use super::features::{DocContext, MentionInfo, mention_infos};
use super::gum::{self, GoldDoc, GoldError};
use super::mentions::{self, CorefMention, name_words};
use super::model::{self, Costs, LogLinear, Params, Scratch};
use super::{COREF_MAGIC, COREF_VERSION, Coref};
use crate::document::{Mention, Sentence, Token};
use crate::nlp::Analyzer;
use crate::nlp::model_file::{CorpusFile, ModelError, Provenance};
use crate::nlp::ner::Recognizer;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Errors of coreference training and evaluation.
#[derive(Debug, thiserror::Error)]
pub enum CorefError {
    #[error(transparent)]
    Gold(#[from] GoldError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("writing the report: {0}")]
    Write(#[from] std::io::Error),
}

/// A gold document analysed by our pipeline, with its predicted mentions aligned to gold.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub gold: GoldDoc,
    /// Our analysis of the gold words (tags, lemmas, trees, NER labels).
    pub sentences: Vec<Sentence>,
    pub ner: Vec<Mention>,
    /// Predicted mentions in document order.
    pub mentions: Vec<CorefMention>,
    /// Gold entity (index into `gold.clusters()`) of each predicted mention, `None` if unmatched.
    pub cluster: Vec<Option<usize>>,
}

impl Prepared {
    pub fn words(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }

    pub fn speakers(&self, use_speakers: bool) -> Option<&[Option<String>]> {
        (use_speakers && self.gold.speakers.iter().any(Option::is_some)).then_some(self.gold.speakers.as_slice())
    }
}

/// The matching key of a mention: sentence and token range with punctuation-only tokens trimmed
/// from both edges (a mention of punctuation only keeps its range).
pub fn span_key(tokens: &[Token], sentence: usize, range: &std::ops::Range<usize>) -> (usize, usize, usize) {
    let punct = |t: &Token| !t.form.is_empty() && t.form.chars().all(|c| !c.is_alphanumeric());
    let (mut a, mut b) = (range.start, range.end.min(tokens.len()));
    while a < b && punct(&tokens[a]) {
        a += 1;
    }
    while b > a && punct(&tokens[b - 1]) {
        b -= 1;
    }
    if a == b { (sentence, range.start, range.end) } else { (sentence, a, b) }
}

/// Analyses a gold document with our models and aligns the predicted mentions.
pub fn prepare(gold: GoldDoc, analyzer: &Analyzer, recognizer: &Recognizer) -> Prepared {
    let mut sentences = gold.document.sentences.clone();
    for s in sentences.iter_mut() {
        analyzer.analyze(s);
    }
    let ner = recognizer.recognize_document(&mut sentences);
    let mentions = mentions::detect(&gold.document.text, &sentences, &ner);
    let mut entity_of: HashMap<(usize, usize, usize), usize> = HashMap::new();
    for (e, members) in gold.clusters().iter().enumerate() {
        for &g in members {
            let m = &gold.mentions[g];
            entity_of.entry(span_key(&gold.gold[m.sentence], m.sentence, &m.tokens)).or_insert(e);
        }
    }
    let cluster: Vec<Option<usize>> = mentions.iter().map(|m| entity_of.get(&span_key(&sentences[m.sentence].tokens, m.sentence, &m.tokens)).copied()).collect();
    Prepared { gold, sentences, ner, mentions, cluster }
}

/// Reads and prepares every document of a gold file.
pub fn prepare_file(path: &Path, analyzer: &Analyzer, recognizer: &Recognizer) -> Result<Vec<Prepared>, CorefError> {
    Ok(gum::read_file(path)?.into_iter().map(|d| prepare(d, analyzer, recognizer)).collect())
}

/// Whether a gold word is a third-person personal pronoun (gold FEATS).
pub fn third_person_pronoun(t: &Token) -> bool {
    t.upos == "PRON" && mentions::feat(&t.feats, "Person") == Some("3") && mentions::feat(&t.feats, "PronType") == Some("Prs")
}

/// The gold head of a gold mention: the word whose gold head lies outside the mention.
fn gold_head(words: &[Token], r: &std::ops::Range<usize>) -> usize {
    mentions::name_head(&Sentence { tokens: words.to_vec(), ..Default::default() }, r)
}

/// Adds (`sign` 1) or removes (−1) the attribute evidence of one gold document.
pub fn add_evidence(tables: &mut AttributeTables, doc: &GoldDoc, sign: i64) {
    for members in doc.clusters() {
        let mut ev = ChainEvidence::default();
        for &g in &members {
            let m = &doc.mentions[g];
            if m.tokens.len() != 1 {
                continue;
            }
            let t = &doc.gold[m.sentence][m.tokens.start];
            if !third_person_pronoun(t) {
                continue;
            }
            match mentions::feat(&t.feats, "Gender") {
                Some("Masc") => ev.masc = true,
                Some("Fem") => ev.fem = true,
                Some("Neut") => ev.neut = true,
                _ => {}
            }
            if mentions::feat(&t.feats, "Number") == Some("Plur") {
                ev.plur = true;
            }
        }
        for &g in &members {
            let m = &doc.mentions[g];
            let words = &doc.gold[m.sentence];
            let h = gold_head(words, &m.tokens);
            let etype = etype_index(&m.etype);
            match words[h].upos.as_str() {
                "NOUN" => tables.add_mention(Some(&words[h].lemma), &[], &ev, etype, sign),
                "PROPN" => {
                    let name: Vec<&str> = name_words(words, &m.tokens, h).into_iter().map(|i| words[i].form.as_str()).collect();
                    let keep = [name.first().copied(), name.last().copied().filter(|_| name.len() > 1)];
                    let keep: Vec<&str> = keep.into_iter().flatten().collect();
                    tables.add_mention(None, &keep, &ev, etype, sign);
                }
                _ => {}
            }
        }
    }
}

/// Learns the attribute tables from documents.
pub fn learn_tables<'a>(docs: impl IntoIterator<Item = &'a GoldDoc>) -> AttributeTables {
    let mut t = AttributeTables::default();
    for d in docs {
        add_evidence(&mut t, d, 1);
    }
    t
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub seed: u64,
    /// Upper bound on epochs; the best epoch on dev is kept.
    pub max_epochs: usize,
    pub costs: Costs,
    pub params: Params,
    /// Folds for the jackknifed attribute tables.
    pub folds: usize,
    /// Use `# speaker` metadata where the corpus gives it.
    pub speakers: bool,
    /// Minimum evidence for a word to stay in the shipped tables.
    pub min_count: u32,
    /// Only report k-fold cross-validation on the training split (write no model).
    pub cross_validate: Option<usize>,
    /// Training runs (seeds `seed`, `seed + 1`, …) whose weights are averaged.
    pub runs: usize,
    /// AdaGrad learning rate.
    pub rate: f32,
    /// L2 penalty on the features each step touches (0.01 chosen by 5-fold cross-validation on
    /// train: 53.77 CoNLL F1 against 53.15 without).
    pub l2: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { seed: 1, max_epochs: 10, costs: Costs::default(), params: Params::default(), folds: 5, speakers: true, min_count: 2, cross_validate: None, runs: 1, rate: 0.1, l2: 0.01 }
    }
}

/// What training chose and measured.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// The epoch kept in each run.
    pub epochs: String,
    pub new_bias: f32,
    pub dev: Report,
}

/// Biases on the "new entity" score tried on dev after training.
const NEW_BIASES: [f32; 7] = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0];

/// Small deterministic generator for shuffling (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Features of one document for training or decoding.
pub struct Featurized {
    pub infos: Vec<MentionInfo>,
    pub ctx: DocContext,
}

pub fn featurize(doc: &Prepared, tables: &AttributeTables, params: &Params, speakers: bool) -> Featurized {
    let infos = mention_infos(&doc.sentences, &doc.mentions, tables, doc.speakers(speakers));
    let ctx = DocContext::new(&infos, params.match_keep);
    Featurized { infos, ctx }
}

/// Trains a model on prepared documents, choosing the epoch count on `dev`.
pub fn train(train: &[Prepared], dev: &[Prepared], opts: &TrainOptions, log: &mut dyn Write) -> (Coref, TrainReport) {
    let p = opts.params;
    // Jackknifed tables for the training features; full tables for dev and the shipped model.
    let mut full = learn_tables(train.iter().map(|d| &d.gold));
    let folds = opts.folds.max(1);
    let fold_tables: Vec<AttributeTables> = (0..folds)
        .map(|f| {
            let mut t = full.clone();
            for d in train.iter().enumerate().filter(|(i, _)| i % folds == f).map(|(_, d)| d) {
                add_evidence(&mut t, &d.gold, -1);
            }
            t.prune(opts.min_count);
            t
        })
        .collect();
    full.prune(opts.min_count);
    let train_feats: Vec<Featurized> = train.iter().enumerate().map(|(i, d)| featurize(d, &fold_tables[i % folds], &p, opts.speakers)).collect();
    let dev_feats: Vec<Featurized> = dev.iter().map(|d| featurize(d, &full, &p, opts.speakers)).collect();
    // Several runs over differently shuffled data, each stopped at its best dev epoch, averaged.
    let runs = opts.runs.max(1);
    let mut weights = model::Weights::zeros(p.bits);
    let mut epochs = Vec::new();
    let mut scratch = Scratch::default();
    for run in 0..runs {
        let (w, epoch) = train_run(train, &train_feats, dev, &dev_feats, opts, opts.seed + run as u64, log);
        for (a, b) in weights.w.iter_mut().zip(&w.w) {
            *a += b / runs as f32;
        }
        epochs.push(epoch.to_string());
    }
    let epochs = epochs.join(",");
    let weights = model::Quantized::from_weights(&weights);
    let _ = writeln!(log, "{} non-zero weights", weights.non_zero());
    // Balance precision and recall: the bias on "new entity" that scores best on dev.
    let mut p = p;
    let mut best_f1 = -1.0;
    let mut dev_report = Report::default();
    for bias in NEW_BIASES {
        let q = Params { new_bias: bias, ..p };
        let responses: Vec<Vec<usize>> =
            dev_feats.iter().map(|f| model::clusters_from_links(&model::decode(&weights, &q, &f.infos, &f.ctx, &mut scratch))).collect();
        let report = eval::score(dev, &responses);
        let f1 = report.without_singletons.conll_f1();
        let _ = writeln!(log, "new-entity bias {bias:+.2}: dev CoNLL F1 {:.2}, pronouns {:.1}%", 100.0 * f1, report.pronoun_accuracy());
        if f1 > best_f1 {
            best_f1 = f1;
            p = q;
            dev_report = report;
        }
    }
    (Coref::new(weights, p, full), TrainReport { epochs, new_bias: p.new_bias, dev: dev_report })
}

/// One training run: epochs over the shuffled documents; returns the weights of the epoch that
/// scored best on dev, and that epoch.
fn train_run(train: &[Prepared], train_feats: &[Featurized], dev: &[Prepared], dev_feats: &[Featurized], opts: &TrainOptions, seed: u64, log: &mut dyn Write) -> (model::Weights, usize) {
    let p = opts.params;
    let mut model = LogLinear::new(p.bits, opts.rate, opts.l2);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(f64, usize, model::Weights)> = None;
    let mut scratch = Scratch::default();
    for epoch in 1..=opts.max_epochs.max(1) {
        rng.shuffle(&mut order);
        let mut loss = 0.0;
        for &d in &order {
            let f = &train_feats[d];
            loss += model.train_document(&p, &opts.costs, &f.infos, &f.ctx, &train[d].cluster, &mut scratch);
        }
        let responses: Vec<Vec<usize>> =
            dev_feats.iter().map(|f| model::clusters_from_links(&model::decode(&model.weights, &p, &f.infos, &f.ctx, &mut scratch))).collect();
        let report = eval::score(dev, &responses);
        let f1 = report.without_singletons.conll_f1();
        let _ = writeln!(
            log,
            "seed {seed} epoch {epoch}: training loss {loss:.0}; dev CoNLL F1 {:.2} (with singletons {:.2}), pronouns {:.1}%",
            100.0 * f1,
            100.0 * report.with_singletons.conll_f1(),
            report.pronoun_accuracy()
        );
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, model.weights.clone()));
        }
    }
    let (_, epoch, weights) = best.expect("at least one epoch");
    (weights, epoch)
}

/// k-fold cross-validation on the training documents (for choosing settings without the test
/// split): each fold is scored by a model trained on the others (epochs and bias chosen on
/// `dev`). Returns the report over all folds' documents.
pub fn cross_validate(docs: &[Prepared], dev: &[Prepared], folds: usize, opts: &TrainOptions, log: &mut dyn Write) -> Report {
    let folds = folds.max(2);
    let mut held: Vec<Prepared> = Vec::new();
    let mut responses: Vec<Vec<usize>> = Vec::new();
    for f in 0..folds {
        let rest: Vec<Prepared> = docs.iter().enumerate().filter(|(i, _)| i % folds != f).map(|(_, d)| d.clone()).collect();
        let fold: Vec<Prepared> = docs.iter().enumerate().filter(|(i, _)| i % folds == f).map(|(_, d)| d.clone()).collect();
        let (model, _) = train(&rest, dev, opts, &mut std::io::sink());
        let (r, _) = eval::run(&model, &fold, opts.speakers);
        let one = eval::score(&fold, &r);
        let _ = writeln!(log, "fold {}: CoNLL F1 {:.2}, pronouns {:.1}%", f + 1, 100.0 * one.without_singletons.conll_f1(), one.pronoun_accuracy());
        held.extend(fold);
        responses.extend(r);
    }
    eval::score(&held, &responses)
}

/// The command that reproduces a training run (every option spelled out).
pub fn command_line(corpus_dir: &Path, out_dir: &Path, opts: &TrainOptions) -> String {
    format!(
        "kgraph train coref --corpus {} --out {} --seed {} --false-new {} --false-link {} --wrong-link {} --max-epochs {}{}",
        corpus_dir.display(),
        out_dir.display(),
        opts.seed,
        opts.costs.false_new,
        opts.costs.false_link,
        opts.costs.wrong_link,
        opts.max_epochs,
        if opts.speakers { "" } else { " --no-speakers" }
    )
}

/// `kgraph train coref`: reads GUM train and dev from `corpus_dir`, trains, writes `coref.bin`.
pub fn train_coref(corpus_dir: &Path, out_dir: &Path, opts: &TrainOptions, log: &mut dyn Write) -> Result<TrainReport, CorefError> {
    let start = std::time::Instant::now();
    let train_path = corpus_dir.join("gum-train.conllu");
    let dev_path = corpus_dir.join("gum-dev.conllu");
    let analyzer = Analyzer::embedded()?;
    let recognizer = Recognizer::embedded()?;
    let train_docs = prepare_file(&train_path, analyzer, recognizer)?;
    let dev_docs = prepare_file(&dev_path, analyzer, recognizer)?;
    let _ = writeln!(
        log,
        "analysed {} train and {} dev documents ({} + {} words) in {:.1} s",
        train_docs.len(),
        dev_docs.len(),
        train_docs.iter().map(Prepared::words).sum::<usize>(),
        dev_docs.iter().map(Prepared::words).sum::<usize>(),
        start.elapsed().as_secs_f64()
    );
    if let Some(folds) = opts.cross_validate {
        let r = cross_validate(&train_docs, &dev_docs, folds, opts, log);
        let _ = writeln!(
            log,
            "cross-validation: CoNLL F1 {:.2} (with singletons {:.2}), pronouns {:.1}% over {} documents; no model written",
            100.0 * r.without_singletons.conll_f1(),
            100.0 * r.with_singletons.conll_f1(),
            r.pronoun_accuracy(),
            r.documents
        );
        return Ok(TrainReport { epochs: String::new(), new_bias: 0.0, dev: r });
    }
    let (coref, report) = train(&train_docs, &dev_docs, opts, log);
    let hash = |p: &Path| CorpusFile::hash(p).map_err(|source| CorefError::Io { path: p.to_owned(), source });
    let mut notes = std::collections::BTreeMap::new();
    notes.insert("epochs".to_owned(), report.epochs.clone());
    notes.insert("new_bias".to_owned(), report.new_bias.to_string());
    notes.insert("dev_conll_f1".to_owned(), format!("{:.2}", 100.0 * report.dev.without_singletons.conll_f1()));
    notes.insert("dev_pronoun_accuracy".to_owned(), format!("{:.2}", report.dev.pronoun_accuracy()));
    let provenance = Provenance {
        command: command_line(corpus_dir, out_dir, opts),
        corpora: vec![hash(&train_path)?, hash(&dev_path)?],
        notes,
    };
    std::fs::create_dir_all(out_dir).map_err(|source| CorefError::Io { path: out_dir.to_owned(), source })?;
    let path = out_dir.join("coref.bin");
    let bytes = coref.to_bytes(Some(&provenance));
    std::fs::write(&path, &bytes).map_err(|source| CorefError::Io { path: path.clone(), source })?;
    let _ = writeln!(log, "wrote {} ({} bytes) after {:.1} s", path.display(), bytes.len(), start.elapsed().as_secs_f64());
    let _ = (COREF_MAGIC, COREF_VERSION);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gum(split: &str) -> PathBuf {
        let rel = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/gum")).join(format!("gum-{split}.conllu"));
        if rel.exists() { rel } else { Path::new("/work/shared/corpora/gum").join(format!("gum-{split}.conllu")) }
    }

    #[test]
    fn span_keys_trim_edge_punctuation() {
        let toks: Vec<Token> = ["(", "the", "mill", ")", ","].iter().map(|w| Token { form: w.to_string(), ..Default::default() }).collect();
        assert_eq!(span_key(&toks, 2, &(0..4)), (2, 1, 3));
        assert_eq!(span_key(&toks, 2, &(3..5)), (2, 3, 5), "all punctuation keeps its range");
    }

    /// A small slice of GUM train gives a model that loads back from its bytes and beats the
    /// exact-string-match baseline on held-out dev documents (the CI retraining check).
    #[test]
    fn training_on_a_slice_beats_the_string_match_baseline() {
        let (analyzer, recognizer) = (Analyzer::embedded().unwrap(), Recognizer::embedded().unwrap());
        let train_docs: Vec<Prepared> =
            gum::read_file(&gum("train")).unwrap().into_iter().step_by(6).take(20).map(|d| prepare(d, analyzer, recognizer)).collect();
        let dev_docs: Vec<Prepared> = gum::read_file(&gum("dev")).unwrap().into_iter().step_by(3).map(|d| prepare(d, analyzer, recognizer)).collect();
        let opts = TrainOptions { max_epochs: 3, ..Default::default() };
        let (model, report) = train(&train_docs, &dev_docs, &opts, &mut std::io::sink());
        let prov = Provenance { command: "test".into(), ..Default::default() };
        let bytes = model.to_bytes(Some(&prov));
        let loaded = Coref::from_bytes("slice", &bytes).expect("the trained model loads");
        assert_eq!(loaded.to_bytes(Some(&prov)), bytes);
        let (responses, _) = eval::run(&loaded, &dev_docs, true);
        let ours = eval::score(&dev_docs, &responses);
        let baseline: Vec<Vec<usize>> = dev_docs.iter().map(eval::baseline_clusters).collect();
        let base = eval::score(&dev_docs, &baseline);
        let (f, b) = (ours.without_singletons.conll_f1(), base.without_singletons.conll_f1());
        assert!((f - report.dev.without_singletons.conll_f1()).abs() < 1e-9, "the report scores the returned model");
        assert!(f > b + 0.02 && f > 0.35, "CoNLL F1 {f:.3} vs baseline {b:.3}");
        assert!(ours.pronoun_accuracy() > base.pronoun_accuracy(), "{} vs {}", ours.pronoun_accuracy(), base.pronoun_accuracy());
        // Retraining is deterministic.
        let (again, _) = train(&train_docs, &dev_docs, &opts, &mut std::io::sink());
        assert_eq!(again.to_bytes(Some(&prov)), bytes);
    }

    #[test]
    fn tables_learn_gender_from_invented_chains() {
        let text = "# newdoc id = t\n# text = Odile said she would come.\n\
1\tOdile\tOdile\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tEntity=(1-person-new-x-y-1-coref-Odile)\n\
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tshe\tshe\tPRON\tPRP\tCase=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs\t5\tnsubj\t_\tEntity=(1-person-giv-x-y-1-coref)\n\
4\twould\twould\tAUX\tMD\t_\t5\taux\t_\t_\n\
5\tcome\tcome\tVERB\tVB\t_\t2\tccomp\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let docs = gum::read(text.as_bytes(), Path::new("t")).unwrap();
        let mut t = learn_tables(docs.iter().chain(docs.iter()));
        assert_eq!(t.name_gender("Odile"), crate::nlp::coref::Gender::Feminine);
        add_evidence(&mut t, &docs[0], -1);
        assert_eq!(t.name_gender("Odile"), crate::nlp::coref::Gender::Unknown);
    }
}
