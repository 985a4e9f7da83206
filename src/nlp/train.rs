//! `kgraph train ud`: trains the tagger, lemmatizer and feature table (and the dependency parser,
//! when its trainer is present) from a UD treebank directory and writes `ud-*.bin` model files.
//!
//! In: a directory holding `*-ud-train.conllu` and `*-ud-dev.conllu`. Out: `out_dir/ud-tagger.bin`
//! (and `ud-parser.bin`). Deterministic for a given seed. The dev split is used only to choose the
//! number of epochs; the test split is never read.

use super::conllu::{self, ConlluError, ConlluSentence};
use super::feats::FeatsTable;
use super::lemma::Lemmatizer;
use super::tagger::{self, TrainOptions};
use super::TagModels;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{dir}: no file ending in {suffix:?} (expected a UD treebank directory)")]
    MissingSplit { dir: PathBuf, suffix: String },
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Finds the file of a split (`train`, `dev`, `test`) in a UD treebank directory.
pub fn find_split(dir: &Path, split: &str) -> Result<PathBuf, TrainError> {
    let suffix = format!("-ud-{split}.conllu");
    let entries = std::fs::read_dir(dir).map_err(|source| TrainError::Io { path: dir.to_owned(), source })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(&suffix)))
        .collect();
    found.sort();
    found.into_iter().next().ok_or(TrainError::MissingSplit { dir: dir.to_owned(), suffix })
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

/// Trains all UD models from `corpus_dir` and writes them to `out_dir`.
pub fn train_ud(corpus_dir: &Path, out_dir: &Path, seed: u64, log: &mut dyn Write) -> Result<(), TrainError> {
    train_ud_with(corpus_dir, out_dir, seed, true, log)
}

/// [`train_ud`], optionally without the parser (`ud-tagger.bin` only).
pub fn train_ud_with(corpus_dir: &Path, out_dir: &Path, seed: u64, with_parser: bool, log: &mut dyn Write) -> Result<(), TrainError> {
    let start = Instant::now();
    let train = conllu::read_file(&find_split(corpus_dir, "train")?)?;
    let dev = conllu::read_file(&find_split(corpus_dir, "dev")?)?;
    let _ = writeln!(log, "read {} train and {} dev sentences", train.len(), dev.len());
    let models = train_tag_models(&train, &dev, seed, TAGGER_EPOCHS, log);
    std::fs::create_dir_all(out_dir).map_err(|source| TrainError::Io { path: out_dir.to_owned(), source })?;
    let write = |name: &str, bytes: &[u8], log: &mut dyn Write| -> Result<(), TrainError> {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(|source| TrainError::Io { path: path.clone(), source })?;
        let _ = writeln!(log, "wrote {} ({} bytes) after {:.1} s", path.display(), bytes.len(), start.elapsed().as_secs_f64());
        Ok(())
    };
    write("ud-tagger.bin", &models.to_bytes(), log)?;

    // The parser trains on predicted tags and lemmas: jackknifed over folds of train, and from the
    // final tag models on dev, so it sees the tagger's errors it will meet at run time.
    if !with_parser {
        return Ok(());
    }
    // Contiguous folds keep documents together, so the training tags are as wrong as at run time.
    let mut fold = 0;
    let ptrain = super::parser::train::jackknife(&train, FOLDS, |rest, block| {
        let opts = TrainOptions { epochs: JACKKNIFE_EPOCHS, seed: seed + fold as u64 + 1, stack_folds: 0, ..Default::default() };
        let m = train_tag_models_with(rest, &dev, &opts, &mut std::io::sink());
        for s in block.iter_mut() {
            predict_tags(&m, &mut s.words);
        }
        fold += 1;
        let _ = writeln!(log, "jackknife fold {fold} done after {:.1} s", start.elapsed().as_secs_f64());
    });
    let mut pdev = dev.clone();
    for s in pdev.iter_mut() {
        predict_tags(&models, &mut s.words);
    }
    let parser = super::parser::train::train_on_predicted_tags(&train, &ptrain, &pdev, seed, log);
    write("ud-parser.bin", &parser.to_bytes(), log)?;
    Ok(())
}

/// Epochs of the shipped tagger (the best on dev is kept).
const TAGGER_EPOCHS: usize = 12;
/// Folds and epochs of the jackknifed taggers that produce the parser's training tags.
const FOLDS: usize = 5;
const JACKKNIFE_EPOCHS: usize = 8;

/// Overwrites upos, xpos, lemma and feats of gold words with the models' predictions.
fn predict_tags(m: &TagModels, words: &mut [crate::document::Token]) {
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

    #[test]
    fn missing_split_is_a_typed_error() {
        let tmp = std::env::temp_dir();
        let err = find_split(&tmp, "nonexistent-split").unwrap_err();
        assert!(matches!(err, TrainError::MissingSplit { .. }));
    }
}
