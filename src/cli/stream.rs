//! `kgraph extract --input jsonl`: the streaming filter. JSON Lines documents come in (standard
//! input or files), each document's named graph goes out as N-Quads as soon as it is analysed —
//! the quads `kgraph build` stores, from the same code ([`KnowledgeBase::document_quads`]) — so
//! the filter can run as a pipe stage of a distributed job (scripts/spark_build.py) whose output
//! `kgraph load` stores.
//!
//! One line is read, analysed and written at a time, so memory is bounded by the largest
//! document (`--max-file-mb`). A bad line is one `kgraph: error:` line on stderr naming the line
//! and the document id, and the stream goes on; the exit status says whether any line failed.

use super::args::{ExtractArgs, ExtractFormat};
use super::{AlreadyReported, pipeline};
use crate::kb::KnowledgeBase;
use crate::pipeline::{Pipeline, ProcessedDocument};
use crate::source::{SourceError, jsonl};
use anyhow::{Context, Result, bail};
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The filter's settings besides the extraction ones.
pub(super) struct StreamArgs {
    pub format: ExtractFormat,
    pub source_name: Option<String>,
    pub numbered: bool,
    pub base: String,
}

pub(super) fn extract_stream(paths: &[PathBuf], args: &StreamArgs, extract: &ExtractArgs) -> Result<()> {
    if !matches!(args.format, ExtractFormat::Nquads | ExtractFormat::Tsv | ExtractFormat::Jsonl) {
        bail!("--input jsonl writes --format nquads, tsv or jsonl");
    }
    if args.source_name.is_some() && paths.iter().any(|p| p.as_os_str() != "-") {
        bail!("--source-name names standard input (`-`); files keep their own names");
    }
    let pipeline = pipeline(extract)?;
    let max_bytes = extract.max_file_mb * 1024 * 1024;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == ExtractFormat::Tsv {
        writeln!(out, "{}", super::extract::TSV_HEADER)?;
        out.flush()?;
    }
    let mut failed = 0usize;
    for path in paths {
        let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
            (args.source_name.clone().unwrap_or_else(|| "-".to_owned()), Box::new(std::io::stdin().lock()))
        } else {
            let file = std::fs::File::open(path).with_context(|| path.display().to_string())?;
            (path.display().to_string(), Box::new(std::io::BufReader::new(file)))
        };
        let mut stream = LineStream { name: &name, pipeline: &pipeline, args, max_bytes, failed: 0 };
        stream.run(reader, &mut out)?;
        failed += stream.failed;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("kgraph: error: {failed} documents failed (see above)");
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// One input being filtered.
struct LineStream<'a> {
    name: &'a str,
    pipeline: &'a Pipeline,
    args: &'a StreamArgs,
    max_bytes: u64,
    failed: usize,
}

impl LineStream<'_> {
    fn run(&mut self, mut reader: Box<dyn BufRead + '_>, out: &mut dyn Write) -> Result<()> {
        let mut raw = Vec::new();
        let mut count = 0usize;
        loop {
            raw.clear();
            let (read, whole) = read_line_bounded(&mut reader, self.max_bytes, &mut raw).with_context(|| self.name.to_owned())?;
            if read == 0 {
                return Ok(());
            }
            count += 1;
            let line = trim_newline(&raw);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match self.numbered_line(count, line) {
                Ok((number, json)) => self.document(number, json, whole, out)?,
                Err(e) => self.fail(&e, None),
            }
        }
    }

    /// The line number and the JSON of a line (`--numbered`: `N<TAB>JSON`).
    fn numbered_line<'l>(&self, count: usize, line: &'l [u8]) -> Result<(usize, &'l [u8]), SourceError> {
        if !self.args.numbered {
            return Ok((count, line));
        }
        let tab = line.iter().position(|&b| b == b'\t');
        let number = tab.and_then(|t| std::str::from_utf8(&line[..t]).ok()).and_then(|n| n.parse::<usize>().ok());
        match (tab, number) {
            (Some(t), Some(n)) if n > 0 => Ok((n, &line[t + 1..])),
            _ => Err(SourceError::JsonLine {
                path: PathBuf::from(self.name),
                line: count,
                message: "--numbered: the line does not start with its line number and a tab".into(),
            }),
        }
    }

    fn document(&mut self, number: usize, json: &[u8], whole: bool, out: &mut dyn Write) -> Result<()> {
        let path = Path::new(self.name);
        let source = if whole {
            jsonl::document(path, number, json, self.max_bytes)
        } else {
            Err(SourceError::JsonLine { path: path.to_owned(), line: number, message: format!("over the {}-byte limit for one document", self.max_bytes) })
        };
        match source {
            Ok(source) => {
                let doc = self.pipeline.process(source);
                match self.args.format {
                    ExtractFormat::Nquads => write_nquads(out, &self.args.base, &doc, self.pipeline.ontology())?,
                    ExtractFormat::Tsv => super::extract::write_tsv(out, &doc)?,
                    _ => super::extract::write_jsonl(out, &doc)?,
                }
                // Downstream stages see each document as soon as it is done.
                out.flush()?;
            }
            Err(e) => self.fail(&e, if whole { document_id(json) } else { None }),
        }
        Ok(())
    }

    fn fail(&mut self, error: &SourceError, id: Option<String>) {
        self.failed += 1;
        match id {
            Some(id) => eprintln!("kgraph: error: {error} (id {id:?})"),
            None => eprintln!("kgraph: error: {error}"),
        }
    }
}

/// Writes a document's named graph as N-Quads.
pub(super) fn write_nquads(out: &mut dyn Write, base: &str, doc: &ProcessedDocument, ontology: &crate::ontology::Ontology) -> Result<()> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
    for quad in KnowledgeBase::document_quads(base, doc, ontology) {
        serializer.serialize_quad(&quad)?;
    }
    serializer.finish()?;
    Ok(())
}

/// The `id` of a line that is JSON but not a valid document, for its error line.
fn document_id(json: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(json).ok()?;
    match value.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn trim_newline(raw: &[u8]) -> &[u8] {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    raw.strip_suffix(b"\r").unwrap_or(raw)
}

/// Reads one line into `buf`, keeping at most `max + 2` bytes of it (the rest is skipped, so an
/// oversized line costs no memory). Returns the bytes read and whether the line fit.
fn read_line_bounded(reader: &mut dyn BufRead, max: u64, buf: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
    let keep = max.saturating_add(2);
    let mut read = 0usize;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok((read, (buf.len() as u64) <= keep));
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = keep.saturating_sub(buf.len() as u64).min(take as u64) as usize;
        buf.extend_from_slice(&chunk[..room]);
        let overflow = room < take;
        reader.consume(take);
        read += take;
        if overflow {
            // Mark the line as too long; what follows is skipped below.
            buf.push(b'x');
        }
        if done {
            return Ok((read, (trim_newline(buf).len() as u64) <= max));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_and_flagged_and_the_next_line_reads_whole() {
        let input = b"short\n0123456789abcdef\nend";
        let mut reader = std::io::BufReader::with_capacity(4, &input[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut reader, 8, &mut buf).unwrap(), (6, true));
        assert_eq!(buf, b"short\n");
        buf.clear();
        let (read, whole) = read_line_bounded(&mut reader, 8, &mut buf).unwrap();
        assert_eq!((read, whole), (17, false));
        assert!(buf.len() <= 12, "{}", buf.len());
        buf.clear();
        assert_eq!(read_line_bounded(&mut reader, 8, &mut buf).unwrap(), (3, true));
        assert_eq!(buf, b"end");
    }

    #[test]
    fn ids_of_bad_lines_are_found_when_the_line_is_json() {
        assert_eq!(document_id(br#"{"id": "n-7", "date": "soon"}"#).as_deref(), Some("n-7"));
        assert_eq!(document_id(br#"{"id": 12}"#).as_deref(), Some("12"));
        assert_eq!(document_id(b"{not json"), None);
    }
}
