//! `kgraph train`, `kgraph eval` and `kgraph bench` (feature `train`): models from the corpora,
//! scores against gold data, and the pipeline's speed, as `NAME value` lines.

use super::args::{EvalCommand, TrainCommand};
use crate::pipeline::{Pipeline, PipelineOptions};
use crate::source::SourceText;
use anyhow::{Context, Result};
use std::path::Path;
use std::time::Instant;

pub(super) fn train(what: TrainCommand) -> Result<()> {
    let mut log = std::io::stderr();
    match what {
        TrainCommand::Ud { corpus, out, seed } => crate::nlp::train::train_ud(&corpus, &out, seed, &mut log)?,
        TrainCommand::Ner { corpus, out, seed } => {
            let train = corpus.join("en_ewt-ud-train.v0-normalized.iob2");
            let dev = corpus.join("en_ewt-ud-dev.iob2");
            crate::nlp::ner::train_ner(&train, &dev, &out, seed, &mut log)?;
        }
        TrainCommand::Sentences { corpus, out, seed } => {
            crate::text::boundary::train_files(&corpus, &out, seed, &mut log)?;
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
    }
    Ok(())
}

pub(super) fn eval(what: EvalCommand) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match what {
        EvalCommand::Ud { gold } => crate::nlp::eval::eval_ud(&gold, &mut out)?,
        EvalCommand::Ner { gold } => {
            crate::nlp::ner::eval_ner(&gold, &mut out)?;
        }
        EvalCommand::Carb { gold, sentences } => {
            let analyzer = crate::nlp::Analyzer::embedded()?;
            crate::extract::carb::eval_carb_with(&gold, &sentences, &mut out, &mut |s| analyzer.analyze(s))?
        }
    }
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
    // Stage by stage, one core: analysis (tokenize, tag, lemmatize, parse, NER), then the full pipeline.
    let started = Instant::now();
    let mut tokens = 0usize;
    for t in &chosen {
        let (doc, _) = pipeline.analyze(SourceText::from_string("bench", t.clone()));
        tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
    }
    let analyze = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut facts = 0usize;
    let mut times = crate::pipeline::StageTimes::default();
    for t in &chosen {
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

