//! `kgraph train`, `kgraph eval` and `kgraph bench` (feature `train`): models from the corpora,
//! scores against gold data, and the pipeline's speed, as `NAME value` lines.

use super::args::{EvalCommand, ExtractArgs, TrainCommand};
use crate::pipeline::{Inputs, Pipeline, PipelineOptions};
use crate::source::SourceText;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub(super) fn train(what: TrainCommand) -> Result<()> {
    let mut log = std::io::stderr();
    match what {
        TrainCommand::Ud { corpus, gum, clusters, tagger, out, seed } => {
            crate::nlp::train::train_ud_config(&ud_config(corpus, gum, clusters, tagger, out, seed), &mut log)?
        }
        TrainCommand::Ner { corpus, gum, clusters, tags, no_refit, viterbi, out, seed } => {
            crate::nlp::ner::train_ner(&ner_data(&corpus, gum, clusters, tags, no_refit, viterbi), &out, seed, &mut log)?;
        }
        TrainCommand::Sentences { corpus, out, seed } => {
            crate::text::boundary::train_files(&corpus, &out, seed, &mut log)?;
        }
        TrainCommand::Coref { corpus, out, seed, false_new, false_link, wrong_link, max_epochs, no_speakers, cross_validate } => {
            let opts = coref_options(seed, false_new, false_link, wrong_link, max_epochs, no_speakers, cross_validate);
            crate::nlp::coref::train::train_coref(&corpus, &out, &opts, &mut log)?;
        }
        TrainCommand::Clusters { text, conllu, classes, min_count, out } => {
            let opts = crate::nlp::clusters::ClusterOptions { classes, min_count, ..Default::default() };
            let command = crate::nlp::clusters::command_line(&text, &conllu, &opts, &out);
            crate::nlp::clusters::train_clusters_files(&text, &conllu, &out, &opts, &command, &mut log)?;
        }
        TrainCommand::Gazetteer { source, out } => {
            let n = crate::nlp::gazetteer::compile_gazetteer(&source, &out.join("gazetteer.bin"))?;
            eprintln!("compiled {n} gazetteer entries into {}", out.join("gazetteer.bin").display());
        }
        TrainCommand::All { shared, out, seed } => super::train_all::train_all(&shared, &out, seed)?,
    }
    Ok(())
}

/// The command a training run records in its model file's provenance block (`None` for runs
/// that write no model: `train all`, `train coref --cross-validate`).
pub(super) fn recorded_command(what: &TrainCommand) -> Option<String> {
    Some(match what.clone() {
        TrainCommand::Ud { corpus, gum, clusters, tagger, out, seed } => ud_config(corpus, gum, clusters, tagger, out, seed).command_line(),
        TrainCommand::Ner { corpus, gum, clusters, tags, no_refit, viterbi, out, seed } => {
            crate::nlp::ner::train::command_line(&ner_data(&corpus, gum, clusters, tags, no_refit, viterbi), &out, seed)
        }
        TrainCommand::Sentences { corpus, out, seed } => crate::text::boundary::command_line(&corpus, &out, seed),
        TrainCommand::Coref { corpus, out, seed, false_new, false_link, wrong_link, max_epochs, no_speakers, cross_validate: None } => {
            let opts = coref_options(seed, false_new, false_link, wrong_link, max_epochs, no_speakers, None);
            crate::nlp::coref::train::command_line(&corpus, &out, &opts)
        }
        TrainCommand::Clusters { text, conllu, classes, min_count, out } => {
            let opts = crate::nlp::clusters::ClusterOptions { classes, min_count, ..Default::default() };
            crate::nlp::clusters::command_line(&text, &conllu, &opts, &out)
        }
        TrainCommand::Gazetteer { source, out } => crate::nlp::gazetteer::command_line(&source, &out),
        TrainCommand::Coref { cross_validate: Some(_), .. } | TrainCommand::All { .. } => return None,
    })
}

/// `none` as a path means "not given".
fn given(p: PathBuf) -> Option<PathBuf> {
    (p.as_os_str() != "none").then_some(p)
}

fn ud_config(corpus: PathBuf, gum: PathBuf, clusters: PathBuf, tagger: Option<PathBuf>, out: PathBuf, seed: u64) -> crate::nlp::train::UdTrainConfig {
    crate::nlp::train::UdTrainConfig { gum: given(gum), clusters: given(clusters), tagger, ..crate::nlp::train::UdTrainConfig::new(&corpus, &out, seed) }
}

fn ner_data(corpus: &Path, gum: PathBuf, clusters: PathBuf, tags: Option<PathBuf>, no_refit: bool, viterbi: bool) -> crate::nlp::ner::NerData {
    crate::nlp::ner::NerData {
        train: corpus.join("en_ewt-ud-train.v0-normalized.iob2"),
        dev: corpus.join("en_ewt-ud-dev.iob2"),
        gum: given(gum),
        clusters: given(clusters),
        tags,
        refit: !no_refit,
        decoder: if viterbi { crate::nlp::ner::model::Decoder::Viterbi } else { crate::nlp::ner::model::Decoder::Greedy },
    }
}

fn coref_options(
    seed: u64,
    false_new: f32,
    false_link: f32,
    wrong_link: f32,
    max_epochs: usize,
    no_speakers: bool,
    cross_validate: Option<usize>,
) -> crate::nlp::coref::train::TrainOptions {
    let costs = crate::nlp::coref::model::Costs { false_new, false_link, wrong_link };
    crate::nlp::coref::train::TrainOptions { seed, costs, max_epochs, speakers: !no_speakers, cross_validate, ..Default::default() }
}

pub(super) fn eval(what: EvalCommand) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match what {
        EvalCommand::Ud { gold } => crate::nlp::eval::eval_ud(&gold, &mut out)?,
        EvalCommand::Ner { gold, model, errors } => {
            let loaded = model.as_deref().map(crate::nlp::ner::Recognizer::load).transpose()?;
            let rec = match &loaded {
                Some(r) => r,
                None => crate::nlp::ner::Recognizer::embedded()?,
            };
            let errors: Option<&mut dyn Write> = if errors { Some(&mut std::io::stderr()) } else { None };
            crate::nlp::ner::eval::eval_ner_errors(rec, &gold, &crate::nlp::ner::PosSource::Tagger, &mut out, errors)?;
        }
        EvalCommand::Coref { gold, model, no_speakers } => {
            let loaded = model.as_deref().map(crate::nlp::coref::Coref::load).transpose()?;
            let coref = match &loaded {
                Some(c) => c,
                None => crate::nlp::coref::Coref::embedded()?,
            };
            crate::nlp::coref::eval::eval_coref(&gold, coref, !no_speakers, &mut out)?;
        }
        EvalCommand::Carb { gold, sentences } => {
            let analyzer = crate::nlp::Analyzer::embedded()?;
            crate::extract::carb::eval_carb_with(&gold, &sentences, &mut out, &mut |s| analyzer.analyze(s))?
        }
        EvalCommand::Facts { gold_dir, verbose, extract } => eval_facts(&gold_dir, verbose, &extract, &mut out)?,
    }
    Ok(())
}

/// `kgraph eval facts`: every `NAME.gold.tsv` in `dir` (byte order) with its `NAME.txt`, extracted
/// in-process and scored as `score_news.sh` scores the `extract --format tsv` output.
fn eval_facts(dir: &Path, verbose: bool, extract: &ExtractArgs, out: &mut dyn Write) -> Result<()> {
    use super::facts_score::{Gold, Score, paragraphs_of, read_facts, score};
    let mut golds: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".gold.tsv")))
        .collect();
    golds.sort();
    if golds.is_empty() {
        anyhow::bail!("{}: no NAME.gold.tsv files", dir.display());
    }
    let pipeline = super::pipeline(extract)?;
    let mut total = Score::default();
    for gold_path in &golds {
        let name = gold_path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let doc_path = dir.join(format!("{}.txt", name.trim_end_matches(".gold.tsv")));
        let doc_name = doc_path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if !doc_path.is_file() {
            anyhow::bail!("no article for {}", gold_path.display());
        }
        let gold_text = std::fs::read_to_string(gold_path).with_context(|| format!("{}", gold_path.display()))?;
        let gold = Gold::parse(&gold_text);
        let inputs = Inputs::from_paths(std::slice::from_ref(&doc_path))?;
        let mut tsv = Vec::new();
        writeln!(tsv, "{}", super::extract::TSV_HEADER)?;
        for source in inputs.read(extract.max_file_mb * 1024 * 1024) {
            super::extract::write_tsv(&mut tsv, &pipeline.process(source?))?;
        }
        let doc_text = std::fs::read_to_string(&doc_path).with_context(|| format!("{}", doc_path.display()))?;
        let paras = paragraphs_of(&doc_text);
        let facts = read_facts(&String::from_utf8_lossy(&tsv), Some(&paras)).map_err(anyhow::Error::msg)?;
        let mut report = Vec::new();
        let s = score(&gold, &facts, verbose, &mut report);
        if verbose {
            writeln!(out, "== {doc_name}")?;
            for line in &report {
                writeln!(out, "{line}")?;
            }
            // score_facts.py's own last line, as `score_news.sh --verbose` shows it
            writeln!(out, "{}", s.line())?;
        }
        writeln!(out, "{doc_name}: {}", s.line())?;
        total.add(&s);
    }
    writeln!(out, "{}", total.total_line(golds.len()))?;
    Ok(())
}

pub(super) fn bench(input: &Path, max_words: usize) -> Result<()> {
    let raw = std::fs::read_to_string(input).with_context(|| format!("{}", input.display()))?;
    let texts: Vec<String> = if input.extension().is_some_and(|e| e == "jsonl") {
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect()
    } else {
        vec![raw]
    };
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let mut words = 0usize;
    let mut chosen = Vec::new();
    for t in texts {
        if words >= max_words {
            break;
        }
        words += t.split_whitespace().count();
        chosen.push(t);
    }
    // Stage by stage, one core (the pipeline parses a document's sentences in parallel: here on
    // a pool of one thread): analysis (tokenize, tag, lemmatize, parse, NER), then the full pipeline.
    let one_core = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    one_core.install(|| bench_one_core(&pipeline, &chosen, words))
}

fn bench_one_core(pipeline: &Pipeline, chosen: &[String], words: usize) -> Result<()> {
    let started = Instant::now();
    let mut tokens = 0usize;
    for t in chosen {
        let (doc, _) = pipeline.analyze(SourceText::from_string("bench", t.clone()));
        tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
    }
    let analyze = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut facts = 0usize;
    let mut times = crate::pipeline::StageTimes::default();
    for t in chosen {
        facts += pipeline.process_timed(SourceText::from_string("bench", t.clone()), &mut times).facts.len();
    }
    let full = started.elapsed().as_secs_f64();
    for (stage, secs) in [
        ("text", times.text),
        ("nlp", times.nlp),
        ("ner", times.ner),
        ("extract", times.extract),
        ("resolve", times.resolve),
        ("ontology", times.ontology),
    ] {
        println!("Stage-{stage}-words/s {:.0}", words as f64 / secs.max(1e-9));
    }
    println!("Documents {}", chosen.len());
    println!("Words {words}");
    println!("Tokens {tokens}");
    println!("Facts {facts}");
    println!("Analyze-words/s {:.0}", words as f64 / analyze);
    println!("Pipeline-words/s {:.0}", words as f64 / full);
    Ok(())
}

