//! The command-line interface: parses arguments ([`args`]), calls the two front doors —
//! [`crate::pipeline::Pipeline`] (text in, facts out) and [`crate::kb::KnowledgeBase`] (the built
//! graph) — and prints. One file per command family: `build` (build, remove), `extract`,
//! `analyze`, `query` (query, update), `inspect` (stats, entities, why, path, rank, ontology),
//! `export`, `serve` (serve, push), `train_eval` (train, eval, bench; feature `train`) and `train_all`
//! (`kgraph train all`).
//!
//! Errors are `anyhow` with the file in context; [`report`] prints each cause once, on one line.

pub mod args;
mod analyze;
mod build;
mod export;
mod extract;
#[cfg(feature = "train")]
mod facts_score;
mod inspect;
mod load;
mod query;
mod serve;
mod stream;
#[cfg(feature = "train")]
mod train_all;
#[cfg(feature = "train")]
mod train_eval;

pub use args::Cli;

use crate::kb::KnowledgeBase;
use crate::pipeline::{Pipeline, PipelineOptions};
use anyhow::{Context, Result, bail};
use args::{Command, ExtractArgs, StoreArgs};
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build { paths, store, extract, export_dir, no_export: _, quiet } => {
            build::build(&paths, &store, &extract, export_dir.as_deref(), quiet)
        }
        Command::Remove { doc, store } => build::remove(&doc, &store),
        Command::Extract { paths, format, input, source_name, numbered, base, extract } => {
            if input == args::InputKind::Jsonl {
                let stream = stream::StreamArgs { format, source_name, numbered, base };
                stream::extract_stream(&paths, &stream, &extract)
            } else if numbered || source_name.is_some() {
                bail!("--numbered and --source-name go with --input jsonl")
            } else {
                extract::extract(&paths, format, &base, &extract)
            }
        }
        Command::Load { paths, store, ontology, quiet } => load::load(&paths, &store, &ontology, quiet),
        Command::Analyze { paths, format } => analyze::analyze(&paths, format),
        Command::Query { query, file, format, timeout, max_query_mb, store } => {
            query::query(&read_text_arg(query, file)?, &format, timeout, max_query_mb, &store)
        }
        Command::Update { update, file, store } => query::update(&read_text_arg(update, file)?, &store),
        Command::Export { dir, format, output, select, construct, with_ontology, dates, store } => match dir {
            Some(dir) => export::export_dir(&dir, &store),
            None => export::export(format.as_deref(), output.as_deref(), &select, construct.as_deref(), with_ontology, &dates, &store),
        },
        Command::Stats { documents, json, store } => inspect::stats(documents, json, &store),
        Command::Entities { search, kind, facts, explain, top, dates, store } => {
            inspect::entities(search.as_deref(), kind.as_deref(), &facts, &dates, explain, top, &store)
        }
        Command::Why { subject, predicate, object, facts, dates, store } => {
            inspect::why(&subject, predicate.as_deref(), object.as_deref(), &facts, &dates, &store)
        }
        Command::Path { from, to, store } => inspect::path(&from, &to, &store),
        Command::Rank { degree, top, components, kind, store } => inspect::rank(degree, top, components, kind.as_deref(), &store),
        Command::Ontology { ontology } => inspect::ontology(&ontology),
        Command::Serve { bind, writable, token, timeout, cors, max_body, max_query_mb, threads, max_connections, allow_host, store } => {
            let limits = serve::Limits { max_query_mb, max_connections, allow_hosts: allow_host };
            serve::serve(bind, writable, token, timeout, cors, max_body, threads, limits, &store)
        }
        Command::Push { url, auth, token, sparql, prune, dry_run, store } => serve::push(url, auth, token, sparql, prune, dry_run, &store),
        #[cfg(feature = "train")]
        Command::Train { what } => train_eval::train(what),
        #[cfg(feature = "train")]
        Command::Eval { what } => train_eval::eval(what),
        #[cfg(feature = "train")]
        Command::Bench { input, words } => train_eval::bench(&input, words),
    }
}

/// Prints `err` as `kgraph: error: …` — the message, then each cause whose text it does not
/// already hold — and gives the exit code: 2, or 0 for a closed pipe (`kgraph export | head`).
pub fn report(err: &anyhow::Error) -> ExitCode {
    if let Some(io) = err.root_cause().downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    if err.downcast_ref::<AlreadyReported>().is_none() {
        eprintln!("kgraph: error: {}", message(err));
    }
    ExitCode::from(2)
}

/// The message and its causes on one line, each text once: library errors name their cause in
/// their own message, and the chain would repeat it.
fn message(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// An error already printed where it happened (a document that failed during a build); the
/// command still fails.
#[derive(Debug, thiserror::Error)]
#[error("already reported")]
struct AlreadyReported;

fn read_text_arg(inline: Option<String>, file: Option<PathBuf>) -> Result<String> {
    match (inline, file) {
        (Some(q), _) => Ok(q),
        (None, Some(f)) => std::fs::read_to_string(&f).with_context(|| format!("{}", f.display())),
        (None, None) => bail!("give the query text or --file"),
    }
}

fn open_write(args: &StoreArgs) -> Result<KnowledgeBase> {
    Ok(KnowledgeBase::open(&args.store, &args.base)?)
}

fn open_read(args: &StoreArgs) -> Result<KnowledgeBase> {
    Ok(KnowledgeBase::open_read_only(&args.store, &args.base)?)
}

fn pipeline(extract: &ExtractArgs) -> Result<Pipeline> {
    Ok(Pipeline::new(PipelineOptions {
        ontology_dirs: extract.ontology.clone(),
        strict: extract.strict,
        min_confidence: extract.min_confidence,
        confidence_features: extract.confidence_features,
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KbError;

    #[test]
    fn each_cause_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let err = anyhow::Error::new(KbError::Io { path: "out/graph.nt".into(), source: io });
        assert_eq!(message(&err), "out/graph.nt: permission denied");
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
        let err = anyhow::Error::new(io).context("q.rq");
        assert_eq!(message(&err), "q.rq: not found");
    }
}
