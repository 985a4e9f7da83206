//! Speed benchmark: tokenize + split + tag + lemmatize + parse on one core, in words per second.
//!
//! In: a JSON-lines news file (one object per line with a `"text"` field, e.g.
//! `../shared/corpora/news/wikinews-2019-2020.jsonl`). Out: `NAME value` lines (`Words`, `Sentences`,
//! `Seconds`, `Words/s`, plus the share spent in segmentation and in tagging).

use super::Analyzer;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Json { path: String, line: usize, message: String },
    #[error(transparent)]
    Model(#[from] super::ModelError),
    #[error("writing results: {0}")]
    Out(#[from] std::io::Error),
}

/// Reads the `text` fields of a JSON-lines file.
pub fn read_texts(path: &Path) -> Result<Vec<String>, BenchError> {
    let p = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|source| BenchError::Io { path: p.clone(), source })?;
    let mut texts = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|source| BenchError::Io { path: p.clone(), source })?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| BenchError::Json { path: p.clone(), line: i + 1, message: e.to_string() })?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_owned());
        }
    }
    Ok(texts)
}

/// Measured throughput.
#[derive(Debug, Clone, Default)]
pub struct BenchResult {
    pub words: usize,
    pub sentences: usize,
    pub seconds: f64,
    pub segment_seconds: f64,
    pub tag_seconds: f64,
}

/// Runs the full pipeline over `texts` until at least `min_words` words were processed
/// (repeating the texts if needed), on the current thread.
pub fn run(analyzer: &Analyzer, texts: &[String], min_words: usize) -> BenchResult {
    let mut r = BenchResult::default();
    if texts.is_empty() {
        return r;
    }
    let start = Instant::now();
    'outer: loop {
        for t in texts {
            let t0 = Instant::now();
            let mut sents = crate::text::segment(t);
            let t1 = Instant::now();
            r.segment_seconds += (t1 - t0).as_secs_f64();
            for s in sents.iter_mut() {
                analyzer.tags.annotate(&mut s.tokens);
            }
            let t2 = Instant::now();
            r.tag_seconds += (t2 - t1).as_secs_f64();
            for s in sents.iter_mut() {
                if !s.tokens.is_empty() {
                    analyzer.parser.parse(&mut s.tokens);
                }
                r.words += s.tokens.len();
            }
            r.sentences += sents.len();
            if r.words >= min_words {
                break 'outer;
            }
        }
    }
    r.seconds = start.elapsed().as_secs_f64();
    r
}

/// `kgraph bench`: words/s of the embedded pipeline over a news JSON-lines file.
pub fn bench_news(path: &Path, min_words: usize, out: &mut dyn Write) -> Result<(), BenchError> {
    let t0 = Instant::now();
    let analyzer = Analyzer::embedded()?;
    let load = t0.elapsed().as_secs_f64();
    let texts = read_texts(path)?;
    // Warm up caches once on a small slice.
    run(analyzer, &texts[..texts.len().min(3)], 1);
    let r = run(analyzer, &texts, min_words);
    writeln!(out, "ModelLoad/s {load:.3}")?;
    writeln!(out, "Words {}", r.words)?;
    writeln!(out, "Sentences {}", r.sentences)?;
    writeln!(out, "Seconds {:.3}", r.seconds)?;
    writeln!(out, "Segment% {:.1}", 100.0 * r.segment_seconds / r.seconds.max(1e-9))?;
    writeln!(out, "Tag% {:.1}", 100.0 * r.tag_seconds / r.seconds.max(1e-9))?;
    writeln!(out, "Words/s {:.0}", r.words as f64 / r.seconds.max(1e-9))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_runs_on_a_small_text() {
        let a = Analyzer::embedded().unwrap();
        let texts = vec!["The minister said on Monday that the talks had failed. Officials declined to comment.".to_owned()];
        let r = run(a, &texts, 50);
        assert!(r.words >= 50);
        assert!(r.sentences >= 2);
        assert!(r.seconds > 0.0);
    }

    #[test]
    fn bad_json_names_file_and_line() {
        let dir = std::env::temp_dir().join(format!("kgraph-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("x.jsonl");
        std::fs::write(&p, "{\"text\": \"a\"}\nnot json\n").unwrap();
        let err = read_texts(&p).unwrap_err().to_string();
        assert!(err.contains("x.jsonl:2:"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
