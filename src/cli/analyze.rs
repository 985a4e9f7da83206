//! `kgraph analyze`: the analysis behind the facts, as CoNLL-U (tags, lemmas, dependency tree),
//! with the named-entity label and the character span in the last column; or, with
//! `--format jsonl`, one JSON object per document (sentences, tokens, entities and coreference
//! chains with code-point offsets; see `crate::nlp::analysis`).

use super::args::AnalyzeFormat;
use crate::pipeline::{Inputs, Pipeline, PipelineOptions};
use crate::source;
use anyhow::Result;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub(super) fn analyze(paths: &[PathBuf], format: AnalyzeFormat) -> Result<()> {
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let coref = if format == AnalyzeFormat::Jsonl { Some(crate::nlp::coref::Coref::embedded()?) } else { None };
    // The same documents `extract` and `build` read: a `.jsonl` file is one document a line.
    for text in Inputs::from_paths(paths)?.read(source::DEFAULT_MAX_BYTES) {
        let (doc, names) = pipeline.analyze(text?);
        if let Some(coref) = coref {
            let chains = coref.resolve(&doc, &names);
            serde_json::to_writer(&mut out, &crate::nlp::analysis::analysis(&doc, &names, &chains))?;
            writeln!(out)?;
            continue;
        }
        for s in &doc.sentences {
            let mut text = format!("# sent_id = {}-{}\n# paragraph = {}\n", doc.id, s.index + 1, s.paragraph);
            let mut tokens = s.tokens.clone();
            for t in &mut tokens {
                // The MISC column carries the NER label and the char span.
                t.feats = if t.feats.is_empty() { "_".into() } else { t.feats.clone() };
            }
            crate::nlp::conllu::write_sentence(&mut text, Some(&s.text), &tokens);
            let text: String = text
                .lines()
                .map(|l| {
                    let cols: Vec<&str> = l.split('\t').collect();
                    match cols.first().and_then(|c| c.parse::<usize>().ok()) {
                        Some(n) if cols.len() == 10 => {
                            let t = &tokens[n - 1];
                            let ner = if t.ner.is_empty() { "O" } else { t.ner.as_str() };
                            format!("{}\tNER={ner}|Chars={}-{}\n", cols[..9].join("\t"), t.span.char.start, t.span.char.end)
                        }
                        _ => format!("{l}\n"),
                    }
                })
                .collect();
            write!(out, "{text}\n")?;
        }
    }
    out.flush()?;
    Ok(())
}
