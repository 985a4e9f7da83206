//! `kgraph train ud`: trains the tagger, lemmatizer and feature table and the dependency parser
//! from UD treebanks and writes `ud-tagger.bin` and `ud-parser.bin`.
//!
//! In: the UD English EWT directory (`*-ud-train.conllu`, `*-ud-dev.conllu`), optionally the GUM
//! directory (`gum-train.conllu`, `gum-dev.conllu`) and a word-clusters file. Train splits are
//! concatenated for the weights; the dev splits (concatenated) only choose the number of epochs;
//! test splits are never read. Out: `out_dir/ud-tagger.bin` and `ud-parser.bin`, each with a
//! provenance block (the command and the SHA-256 of every file read). Deterministic for a seed.
//! With `--tagger FILE` an existing tagger is reused and only the parser is trained and written
//! (the same parser the full run makes when FILE is the tagger that run wrote).

use super::clusters::WordClusters;
use super::conllu::{self, ConlluError, ConlluSentence};
use super::feats::FeatsTable;
use super::lemma::Lemmatizer;
use super::model_file::{CorpusFile, Provenance};
use super::tagger::{self, TrainOptions};
use super::TagModels;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{dir}: no file ending in {suffix:?} (expected a UD treebank directory)")]
    MissingSplit { dir: PathBuf, suffix: String },
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    #[error(transparent)]
    Model(#[from] super::ModelError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Finds the file of a split (`train`, `dev`, `test`) in a treebank directory: `*-ud-<split>.conllu`
/// (UD releases) or else `*-<split>.conllu` (e.g. `gum-train.conllu`).
pub fn find_split(dir: &Path, split: &str) -> Result<PathBuf, TrainError> {
    let entries = std::fs::read_dir(dir).map_err(|source| TrainError::Io { path: dir.to_owned(), source })?;
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    let ends = |p: &PathBuf, suffix: &str| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(suffix));
    let ud = format!("-ud-{split}.conllu");
    let plain = format!("-{split}.conllu");
    names
        .iter()
        .find(|p| ends(p, &ud))
        .or_else(|| names.iter().find(|p| ends(p, &plain)))
        .cloned()
        .ok_or(TrainError::MissingSplit { dir: dir.to_owned(), suffix: ud })
}

/// Maps relation subtypes that UD English retired to their current names (GUM still has a few:
/// `obl:tmod`/`obl:npmod` → `obl:unmarked`, `nmod:tmod`/`nmod:npmod` → `nmod:unmarked`), so that
/// both treebanks train one label set.
pub fn normalize_relations(sents: &mut [ConlluSentence]) {
    for w in sents.iter_mut().flat_map(|s| s.words.iter_mut()) {
        let new = match w.deprel.as_str() {
            "obl:tmod" | "obl:npmod" => "obl:unmarked",
            "nmod:tmod" | "nmod:npmod" => "nmod:unmarked",
            _ => continue,
        };
        w.deprel = new.to_owned();
    }
}

/// What `kgraph train ud` trains from and where it writes.
#[derive(Debug, Clone)]
pub struct UdTrainConfig {
    /// UD English EWT directory.
    pub corpus: PathBuf,
    /// GUM directory (`gum-train.conllu`, `gum-dev.conllu`), added to EWT.
    pub gum: Option<PathBuf>,
    /// `word-clusters.bin` whose clusters become tagger and parser features.
    pub clusters: Option<PathBuf>,
    pub out: PathBuf,
    pub seed: u64,
    /// False: only `ud-tagger.bin`.
    pub with_parser: bool,
    /// Most epochs of the tagger (stages 1 and 2; the jackknifed taggers use at most 8) and of
    /// the parser; the best epoch on dev is kept. Fewer only for quick tests.
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Existing tag models (`ud-tagger.bin`) to use instead of training a tagger: the parser is
    /// then trained on their dev predictions and `ud-tagger.bin` is not written.
    pub tagger: Option<PathBuf>,
}

impl UdTrainConfig {
    /// EWT only, no clusters, tagger and parser.
    pub fn new(corpus: &Path, out: &Path, seed: u64) -> UdTrainConfig {
        UdTrainConfig {
            corpus: corpus.to_owned(),
            gum: None,
            clusters: None,
            out: out.to_owned(),
            seed,
            with_parser: true,
            tagger_epochs: TAGGER_EPOCHS,
            parser_epochs: PARSER_EPOCHS,
            tagger: None,
        }
    }

    /// The command line that runs this configuration (recorded in the models' provenance).
    pub fn command_line(&self) -> String {
        let mut c = format!("kgraph train ud --corpus {}", self.corpus.display());
        if let Some(g) = &self.gum {
            c += &format!(" --gum {}", g.display());
        }
        if let Some(k) = &self.clusters {
            c += &format!(" --clusters {}", k.display());
        }
        if let Some(t) = &self.tagger {
            c += &format!(" --tagger {}", t.display());
        }
        c += &format!(" --out {} --seed {}", self.out.display(), self.seed);
        if !self.with_parser {
            c += " --no-parser";
        }
        if (self.tagger_epochs, self.parser_epochs) != (TAGGER_EPOCHS, PARSER_EPOCHS) {
            c += &format!(" (epochs: tagger {}, parser {})", self.tagger_epochs, self.parser_epochs);
        }
        c
    }
}

/// The training material of one run.
pub struct UdData {
    pub train: Vec<ConlluSentence>,
    pub dev: Vec<ConlluSentence>,
    /// Named slices of `dev` (`ewt`, `gum`) for per-treebank scores.
    pub dev_parts: Vec<(String, std::ops::Range<usize>)>,
    pub clusters: Option<Arc<WordClusters>>,
    /// Every file read, hashed, in reading order.
    pub files: Vec<CorpusFile>,
}

/// Reads and hashes the train and dev splits (and the clusters) named by `cfg`.
pub fn read_ud_data(cfg: &UdTrainConfig) -> Result<UdData, TrainError> {
    let mut data = UdData { train: Vec::new(), dev: Vec::new(), dev_parts: Vec::new(), clusters: None, files: Vec::new() };
    let mut dirs = vec![("ewt", cfg.corpus.clone())];
    if let Some(g) = &cfg.gum {
        dirs.push(("gum", g.clone()));
    }
    let hash = |p: &Path| CorpusFile::hash(p).map_err(|source| TrainError::Io { path: p.to_owned(), source });
    for (name, dir) in dirs {
        for split in ["train", "dev"] {
            let path = find_split(&dir, split)?;
            let mut sents = conllu::read_file(&path)?;
            normalize_relations(&mut sents);
            data.files.push(hash(&path)?);
            if split == "train" {
                data.train.extend(sents);
            } else {
                let start = data.dev.len();
                data.dev.extend(sents);
                data.dev_parts.push((name.to_owned(), start..data.dev.len()));
            }
        }
    }
    if let Some(p) = &cfg.clusters {
        data.clusters = Some(Arc::new(WordClusters::load(p)?));
        data.files.push(hash(p)?);
    }
    Ok(data)
}

/// Trains the tag models (tagger + lemmatizer + feats) in memory.
pub fn train_tag_models(train: &[ConlluSentence], dev: &[ConlluSentence], seed: u64, epochs: usize, log: &mut dyn Write) -> TagModels {
    train_tag_models_with(train, dev, &TrainOptions { epochs, seed, ..Default::default() }, log)
}

/// [`train_tag_models`] with all tagger options.
pub fn train_tag_models_with(train: &[ConlluSentence], dev: &[ConlluSentence], opts: &TrainOptions, log: &mut dyn Write) -> TagModels {
    let opts = opts.clone();
    let tagger = tagger::train(train, dev, &opts, log);
    let lemmatizer = Lemmatizer::train(train);
    let feats = FeatsTable::train(train);
    TagModels { tagger, lemmatizer, feats }
}

/// Trains the EWT-only models from `corpus_dir` (no GUM, no clusters) and writes them to `out_dir`.
pub fn train_ud(corpus_dir: &Path, out_dir: &Path, seed: u64, log: &mut dyn Write) -> Result<(), TrainError> {
    train_ud_config(&UdTrainConfig::new(corpus_dir, out_dir, seed), log)
}

/// Trains the models `cfg` names and writes them to `cfg.out`.
pub fn train_ud_config(cfg: &UdTrainConfig, log: &mut dyn Write) -> Result<(), TrainError> {
    let start = Instant::now();
    let mut data = read_ud_data(cfg)?;
    let _ = writeln!(log, "read {} train and {} dev sentences", data.train.len(), data.dev.len());
    let models = match &cfg.tagger {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|source| TrainError::Io { path: path.clone(), source })?;
            data.files.push(CorpusFile::hash(path).map_err(|source| TrainError::Io { path: path.clone(), source })?);
            TagModels::from_bytes("ud-tagger.bin", &bytes)?
        }
        None => {
            let opts = TrainOptions { epochs: cfg.tagger_epochs, seed: cfg.seed, clusters: data.clusters.clone(), ..Default::default() };
            train_tag_models_with(&data.train, &data.dev, &opts, log)
        }
    };
    std::fs::create_dir_all(&cfg.out).map_err(|source| TrainError::Io { path: cfg.out.clone(), source })?;
    let write = |name: &str, bytes: &[u8], log: &mut dyn Write| -> Result<(), TrainError> {
        let path = cfg.out.join(name);
        std::fs::write(&path, bytes).map_err(|source| TrainError::Io { path: path.clone(), source })?;
        let _ = writeln!(log, "wrote {} ({} bytes) after {:.1} s", path.display(), bytes.len(), start.elapsed().as_secs_f64());
        Ok(())
    };
    let mut notes = BTreeMap::new();
    for (part, range) in &data.dev_parts {
        let (x, u) = tagger::accuracy(&models.tagger, &data.dev[range.clone()]);
        notes.insert(format!("dev_{part}_upos"), format!("{u:.2}"));
        notes.insert(format!("dev_{part}_xpos"), format!("{x:.2}"));
        let _ = writeln!(log, "tagger dev {part}: UPOS {u:.2} XPOS {x:.2}");
    }
    let provenance = |notes: BTreeMap<String, String>| Provenance { command: cfg.command_line(), corpora: data.files.clone(), notes };
    if cfg.tagger.is_none() {
        write("ud-tagger.bin", &models.to_bytes_with(Some(&provenance(notes))), log)?;
    }
    if !cfg.with_parser {
        return Ok(());
    }

    // The parser trains on predicted tags and lemmas: jackknifed over folds of train, and from the
    // final tag models on dev, so it sees the tagger's errors it will meet at run time.
    let jk_epochs = JACKKNIFE_EPOCHS.min(cfg.tagger_epochs);
    let ptrain = jackknife_tags(&data.train, &data.dev, cfg.seed, jk_epochs, data.clusters.clone(), &mut |fold| {
        let _ = writeln!(log, "jackknife fold {fold} done after {:.1} s", start.elapsed().as_secs_f64());
    });
    let mut pdev = data.dev.clone();
    for s in pdev.iter_mut() {
        predict_tags(&models, &mut s.words);
    }
    let popts = super::parser::train::TrainOptions { clusters: data.clusters.clone(), epochs: cfg.parser_epochs, ..Default::default() };
    let parser = super::parser::train::train_on_predicted_tags(&data.train, &ptrain, &pdev, cfg.seed, &popts, log);
    let mut notes = BTreeMap::new();
    for (part, range) in &data.dev_parts {
        let (uas, las) = super::parser::train::attachment_scores(&parser, &pdev[range.clone()]);
        notes.insert(format!("dev_{part}_uas"), format!("{uas:.2}"));
        notes.insert(format!("dev_{part}_las"), format!("{las:.2}"));
        let _ = writeln!(log, "parser dev {part} (predicted tags): UAS {uas:.2} LAS {las:.2}");
    }
    write("ud-parser.bin", &parser.to_bytes_with(Some(&provenance(notes))), log)?;
    Ok(())
}

/// Epochs of the shipped tagger (the best on dev is kept).
const TAGGER_EPOCHS: usize = 10;
/// Folds and epochs of the jackknifed taggers that produce the parser's training tags.
const FOLDS: usize = 5;
const JACKKNIFE_EPOCHS: usize = 8;
/// Epochs of the parser (the best on dev is kept).
const PARSER_EPOCHS: usize = 8;

/// `train` with predicted tags: each fold (whole documents) re-tagged by tag models trained on
/// the other folds. `done(fold)` is called after each fold.
pub fn jackknife_tags(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    seed: u64,
    epochs: usize,
    clusters: Option<Arc<WordClusters>>,
    done: &mut dyn FnMut(usize),
) -> Vec<ConlluSentence> {
    let mut fold = 0;
    super::parser::train::jackknife(train, FOLDS, |rest, block| {
        let opts = TrainOptions { epochs, seed: seed + fold as u64 + 1, stack_folds: 0, clusters: clusters.clone(), ..Default::default() };
        let m = train_tag_models_with(rest, dev, &opts, &mut std::io::sink());
        for s in block.iter_mut() {
            predict_tags(&m, &mut s.words);
        }
        fold += 1;
        done(fold);
    })
}

/// Overwrites upos, xpos, lemma and feats of gold words with the models' predictions.
pub fn predict_tags(m: &TagModels, words: &mut [crate::document::Token]) {
    let mut toks: Vec<crate::document::Token> =
        words.iter().map(|w| crate::document::Token { form: w.form.clone(), ..Default::default() }).collect();
    m.annotate(&mut toks);
    for (w, t) in words.iter_mut().zip(toks) {
        w.upos = t.upos;
        w.xpos = t.xpos;
        w.lemma = t.lemma;
        w.feats = t.feats;
    }
}

/// Sentences `skip..skip + n` (blank-line separated blocks) of a CoNLL-U or IOB2 file, as text:
/// the slices the retraining tests train on.
#[cfg(test)]
pub(crate) fn file_blocks(path: &Path, skip: usize, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let blocks: Vec<&str> = text.split("\n\n").filter(|b| !b.trim().is_empty()).skip(skip).take(n).collect();
    blocks.join("\n\n") + "\n\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ewt() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/ud-english-ewt"))
    }

    #[test]
    fn training_smoke_test_on_a_few_hundred_sentences() {
        let dir = ewt();
        let dir = if dir.exists() { dir } else { PathBuf::from("/work/shared/corpora/ud-english-ewt") };
        let train = conllu::read_file(&find_split(&dir, "train").unwrap()).unwrap();
        let dev = conllu::read_file(&find_split(&dir, "dev").unwrap()).unwrap();
        let (train, dev) = (&train[..400], &dev[..100]);
        let mut log = Vec::new();
        let m = train_tag_models(train, dev, 7, 2, &mut log);
        let log = String::from_utf8(log).unwrap();
        assert!(log.contains("tagger stage 1 epoch 2"), "{log}");
        assert!(log.contains("tagger stage 2 epoch 2"), "{log}");
        let (_, upos) = tagger::accuracy(&m.tagger, dev);
        assert!(upos > 70.0, "UPOS after 400 sentences: {upos}");
        // Round trip through bytes gives the same predictions.
        let back = TagModels::from_bytes("t", &m.to_bytes()).unwrap();
        assert_eq!(tagger::accuracy(&back.tagger, dev), tagger::accuracy(&m.tagger, dev));
        // Same seed, same model.
        let m2 = train_tag_models(train, dev, 7, 2, &mut Vec::new());
        assert_eq!(m2.to_bytes(), m.to_bytes());
    }

    fn repo() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    use super::file_blocks as conllu_slice;

    /// Every shipped model file has a provenance block naming the command that made it and the
    /// SHA-256 of each input file it read; those must be the files in ../shared (corpora,
    /// gazetteers) and in models/ (for models trained from other models).
    #[test]
    fn shipped_models_record_their_command_and_corpus_hashes() {
        let models = repo().join("models");
        let mut names: Vec<PathBuf> = std::fs::read_dir(&models).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "bin")).collect();
        names.sort();
        let mut checked = Vec::new();
        for path in names {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let bytes = std::fs::read(&path).unwrap();
            let prov = crate::nlp::model_file::provenance_of(&name, &bytes).unwrap().unwrap_or_else(|| panic!("{name} has no provenance block"));
            assert!(prov.command.starts_with("kgraph train "), "{name}: {}", prov.command);
            assert!(!prov.corpora.is_empty(), "{name}: no corpus files recorded");
            for f in &prov.corpora {
                let file = repo().join(&f.path);
                let now = CorpusFile::hash(&file).unwrap_or_else(|e| panic!("{name}: {}: {e}", file.display()));
                assert_eq!(now.sha256, f.sha256, "{name} was trained from another version of {}", f.path);
                assert!(prov.command.contains(&f.path) || f.path.starts_with("../shared/"), "{name}: {} not in the command", f.path);
            }
            checked.push(name);
        }
        let all = ["coref.bin", "gazetteer.bin", "ner.bin", "sentences.bin", "ud-parser.bin", "ud-tagger.bin", "word-clusters.bin"];
        for must in all {
            assert!(checked.iter().any(|c| c == must), "{must} not checked: {checked:?}");
        }
        let tagger = crate::nlp::model_file::provenance_of("t", &std::fs::read(models.join("ud-tagger.bin")).unwrap()).unwrap().unwrap();
        let paths: Vec<&str> = tagger.corpora.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.iter().any(|p| p.ends_with("en_ewt-ud-train.conllu")) && paths.iter().any(|p| p.ends_with("gum-train.conllu")), "{paths:?}");
        assert!(!paths.iter().any(|p| p.contains("test")), "a test split was read: {paths:?}");
    }

    /// The real training entry points on a few hundred sentences: word clusters, then tagger and
    /// parser (EWT + GUM slices, cluster features, 2 epochs). The models must load, score above a
    /// sane floor on held-out sentences, carry provenance, and come out byte-identical when
    /// retrained.
    #[test]
    fn small_slice_retraining_gives_loadable_sane_reproducible_models() {
        let shared = repo().join("../shared/corpora");
        let tmp = tempfile::tempdir().unwrap();
        let (ewt, gum, out) = (tmp.path().join("ewt"), tmp.path().join("gum"), tmp.path().join("models"));
        std::fs::create_dir_all(&ewt).unwrap();
        std::fs::create_dir_all(&gum).unwrap();
        let ewt_train = shared.join("ud-english-ewt/en_ewt-ud-train.conllu");
        std::fs::write(ewt.join("slice-ud-train.conllu"), conllu_slice(&ewt_train, 0, 300)).unwrap();
        std::fs::write(ewt.join("slice-ud-dev.conllu"), conllu_slice(&shared.join("ud-english-ewt/en_ewt-ud-dev.conllu"), 0, 80)).unwrap();
        std::fs::write(gum.join("gum-train.conllu"), conllu_slice(&shared.join("gum/gum-train.conllu"), 0, 150)).unwrap();
        std::fs::write(gum.join("gum-dev.conllu"), conllu_slice(&shared.join("gum/gum-dev.conllu"), 0, 40)).unwrap();
        let news: String = std::fs::read_to_string(shared.join("news/wikinews-2019-2020.jsonl")).unwrap().lines().take(15).map(|l| format!("{l}\n")).collect();
        let jsonl = tmp.path().join("news.jsonl");
        std::fs::write(&jsonl, news).unwrap();

        let copts = crate::nlp::clusters::ClusterOptions { classes: 16, min_count: 2, passes: 5 };
        let conllu_files = [ewt.join("slice-ud-train.conllu"), gum.join("gum-train.conllu")];
        let cmd = crate::nlp::clusters::command_line(&[jsonl.clone()], &conllu_files, &copts, &out);
        crate::nlp::clusters::train_clusters_files(&[jsonl.clone()], &conllu_files, &out, &copts, &cmd, &mut std::io::sink()).unwrap();
        let clusters_path = out.join("word-clusters.bin");
        let wc = WordClusters::load(&clusters_path).unwrap();
        assert!(wc.len() > 300 && wc.classes() == 16, "{} words", wc.len());
        assert!(wc.get("the").is_some());

        let cfg = UdTrainConfig {
            gum: Some(gum.clone()),
            clusters: Some(clusters_path.clone()),
            tagger_epochs: 2,
            parser_epochs: 2,
            ..UdTrainConfig::new(&ewt, &out, 3)
        };
        let mut log = Vec::new();
        train_ud_config(&cfg, &mut log).unwrap();
        let log = String::from_utf8(log).unwrap();
        assert!(log.contains("read 450 train and 120 dev sentences"), "{log}");
        let analyzer = crate::nlp::Analyzer::from_dir(&out).unwrap();
        assert!(analyzer.parser.clusters().is_some_and(|c| c.len() == wc.len()));
        // Held out: EWT train sentences the models never saw.
        let held = conllu::read(conllu_slice(&ewt_train, 2000, 150).as_bytes(), Path::new("held")).unwrap();
        let s = crate::nlp::eval::score_gold_tokenization(&analyzer, &held);
        let pct = |x: usize| 100.0 * x as f64 / s.words as f64;
        assert!(pct(s.upos) > 75.0 && pct(s.uas) > 45.0 && pct(s.las) > 35.0, "UPOS {:.1} UAS {:.1} LAS {:.1}", pct(s.upos), pct(s.uas), pct(s.las));
        // Provenance: the command and every file read.
        let bytes = std::fs::read(out.join("ud-parser.bin")).unwrap();
        let prov = crate::nlp::model_file::provenance_of("p", &bytes).unwrap().unwrap();
        assert_eq!(prov.command, cfg.command_line());
        assert_eq!(prov.corpora.len(), 5, "{:?}", prov.corpora);
        assert_eq!(prov.corpora[4], CorpusFile::hash(&clusters_path).unwrap());
        // Same command, same bytes.
        let before: Vec<Vec<u8>> = ["ud-tagger.bin", "ud-parser.bin"].iter().map(|n| std::fs::read(out.join(n)).unwrap()).collect();
        train_ud_config(&cfg, &mut std::io::sink()).unwrap();
        for (n, b) in ["ud-tagger.bin", "ud-parser.bin"].iter().zip(before.iter()) {
            assert!(std::fs::read(out.join(n)).unwrap() == *b, "{n} differs after retraining");
        }
        // Parser only, reusing the tagger just written: the same parser weights, the tagger file
        // recorded (path in the command, hash in the corpora), no tagger written.
        let out2 = tmp.path().join("parser-only");
        let tagger_path = out.join("ud-tagger.bin");
        let cfg2 = UdTrainConfig { tagger: Some(tagger_path.clone()), ..UdTrainConfig { out: out2.clone(), ..cfg.clone() } };
        train_ud_config(&cfg2, &mut std::io::sink()).unwrap();
        assert!(!out2.join("ud-tagger.bin").exists());
        let weights = |b: &[u8]| crate::nlp::parser::Parser::from_bytes(b).unwrap().to_bytes();
        let p2 = std::fs::read(out2.join("ud-parser.bin")).unwrap();
        assert!(weights(&p2) == weights(&before[1]), "reusing the tagger changed the parser");
        let prov2 = crate::nlp::model_file::provenance_of("p", &p2).unwrap().unwrap();
        assert!(prov2.command.contains(&format!("--tagger {}", tagger_path.display())), "{}", prov2.command);
        assert_eq!(prov2.corpora.len(), 6, "{:?}", prov2.corpora);
        assert_eq!(prov2.corpora[5], CorpusFile::hash(&tagger_path).unwrap());
    }

    #[test]
    fn old_gum_relations_are_renamed() {
        let text = "1\tOn\ton\tADP\tIN\t_\t2\tcase\t_\t_\n2\tMonday\tMonday\tPROPN\tNNP\t_\t4\tobl:tmod\t_\t_\n\
3\twe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n4\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n5\thome\thome\tNOUN\tNN\t_\t4\tobl:npmod\t_\t_\n\n";
        let mut s = conllu::read(text.as_bytes(), Path::new("x")).unwrap();
        normalize_relations(&mut s);
        let rels: Vec<&str> = s[0].words.iter().map(|w| w.deprel.as_str()).collect();
        assert_eq!(rels, ["case", "obl:unmarked", "nsubj", "root", "obl:unmarked"]);
    }

    #[test]
    fn missing_split_is_a_typed_error() {
        let tmp = std::env::temp_dir();
        let err = find_split(&tmp, "nonexistent-split").unwrap_err();
        assert!(matches!(err, TrainError::MissingSplit { .. }));
    }
}
