//! Reading input documents: files, directories (recursively), standard input.
//!
//! In: paths given by the user. Out: [`SourceText`]s — validated UTF-8 text with a title and date
//! when the file states them — turned into [`Document`]s with content-hash ids. HTML has its tags
//! stripped (offsets then refer to the stripped text). Bad input gets a [`SourceError`] naming the
//! file, and the line and column for invalid UTF-8.

use crate::document::Document;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// File extensions read from directories.
pub const TEXT_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// Default size limit for one input document.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
    #[error("{path}: directory holds no text files (looked for .txt, .md, .markdown, .html, .htm)")]
    NoTextFiles { path: PathBuf },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}); kgraph reads UTF-8 text, Markdown and HTML")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}:{line}:{column}: invalid UTF-8; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")]
    InvalidUtf8 { path: PathBuf, line: usize, column: usize },
    #[error("{path}: empty document (no text)")]
    Empty { path: PathBuf },
    #[error("{path}: {size} bytes is over the {limit}-byte limit for one document; split it or raise --max-file-mb")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// One input text before analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceText {
    /// The path as given, or `-` for standard input.
    pub source: String,
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

impl SourceText {
    /// A source from a string (library use and tests).
    pub fn from_string(source: impl Into<String>, text: impl Into<String>) -> SourceText {
        let text = text.into();
        let title = guess_title(&text, "txt");
        SourceText { source: source.into(), title, date: guess_date(&text), text }
    }

    /// The [`Document`] for this text, with its content-hash id (not yet segmented).
    pub fn into_document(self) -> Document {
        let hash = hex(&Sha256::digest(self.text.as_bytes()));
        Document {
            id: hash[..16].to_owned(),
            hash,
            source: self.source,
            title: self.title,
            date: self.date,
            text: self.text,
            sentences: Vec::new(),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Expands files and directories (recursively, sorted) into the list of text files to read.
/// `-` stands for standard input and is passed through.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, SourceError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(input.clone());
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|_| SourceError::Missing { path: input.clone() })?;
        if meta.is_dir() {
            let before = out.len();
            walk(input, &mut out)?;
            if out.len() == before {
                return Err(SourceError::NoTextFiles { path: input.clone() });
            }
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), SourceError> {
    let io = |e| SourceError::Io { path: dir.to_owned(), source: e };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if has_text_extension(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// Reads one file (or standard input for `-`), validating it.
pub fn read_source(path: &Path, max_bytes: u64) -> Result<SourceText, SourceError> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(max_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(|e| SourceError::Io { path: path.to_owned(), source: e })?;
        if buf.len() as u64 > max_bytes {
            return Err(SourceError::TooLarge { path: path.to_owned(), size: buf.len() as u64, limit: max_bytes });
        }
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|_| SourceError::Missing { path: path.to_owned() })?;
        if meta.len() > max_bytes {
            return Err(SourceError::TooLarge { path: path.to_owned(), size: meta.len(), limit: max_bytes });
        }
        std::fs::read(path).map_err(|e| SourceError::Io { path: path.to_owned(), source: e })?
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt").to_ascii_lowercase();
    decode(path, bytes, &ext)
}

/// Validates and decodes bytes into a [`SourceText`].
pub fn decode(path: &Path, bytes: Vec<u8>, ext: &str) -> Result<SourceText, SourceError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(SourceError::Binary { path: path.to_owned(), offset });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..valid];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
            return Err(SourceError::InvalidUtf8 { path: path.to_owned(), line, column });
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    let (text, html_title) = if ext == "html" || ext == "htm" { strip_html(&text) } else { (text, None) };
    if text.trim().is_empty() {
        return Err(SourceError::Empty { path: path.to_owned() });
    }
    let title = html_title.or_else(|| guess_title(&text, ext));
    let date = guess_date(&text).or_else(|| date_in(&path.to_string_lossy()));
    Ok(SourceText { source: path.to_string_lossy().into_owned(), text, title, date })
}

/// Removes tags, scripts and styles; decodes common entities; block elements become line breaks.
/// Returns the text and the `<title>`.
pub fn strip_html(html: &str) -> (String, Option<String>) {
    let lower = html.to_ascii_lowercase();
    let title = lower.find("<title").and_then(|s| {
        let open_end = lower[s..].find('>')? + s + 1;
        let close = lower[open_end..].find("</title")? + open_end;
        Some(decode_entities(html[open_end..close].trim()))
    });
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        if bytes[i] == b'<' {
            let rest = &lower[i..];
            let skip_to = ["script", "style", "head", "title"].iter().find_map(|tag| {
                if rest.starts_with(&format!("<{tag}")) {
                    rest.find(&format!("</{tag}")).map(|end| i + end)
                } else {
                    None
                }
            });
            let from = skip_to.unwrap_or(i);
            let Some(end) = lower[from..].find('>') else { break };
            let tag = &lower[i..(from + end + 1).min(lower.len())];
            let block = ["<p", "</p", "<br", "<div", "</div", "<h1", "<h2", "<h3", "</h1", "</h2", "</h3", "<li", "<tr"]
                .iter()
                .any(|b| tag.starts_with(b));
            if block {
                out.push_str("\n\n");
            }
            i = from + end + 1;
        } else {
            let next = html[i..].find('<').map_or(html.len(), |p| i + p);
            out.push_str(&decode_entities(&html[i..next]));
            i = next;
        }
    }
    // Collapse runs of blank lines and trailing spaces that tag removal leaves.
    let mut cleaned = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !cleaned.is_empty() {
            cleaned.push_str(if blank > 0 { "\n\n" } else { " " });
        }
        blank = 0;
        cleaned.push_str(line);
    }
    cleaned.push('\n');
    (cleaned, title.filter(|t| !t.is_empty()))
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = s.to_owned();
    for (e, c) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&rsquo;", "’"), ("&lsquo;", "‘"), ("&ldquo;", "“"), ("&rdquo;", "”"), ("&mdash;", "—"), ("&ndash;", "–"), ("&amp;", "&")] {
        out = out.replace(e, c);
    }
    out
}

/// A Markdown `# heading`, a front-matter `title:`, or a short first line without final punctuation.
fn guess_title(text: &str, ext: &str) -> Option<String> {
    for line in text.lines().take(10) {
        let l = line.trim();
        if let Some(t) = l.strip_prefix("title:").or_else(|| l.strip_prefix("Title:")) {
            return Some(t.trim().trim_matches('"').to_owned());
        }
        if ext.starts_with("md") || ext == "markdown" {
            if let Some(t) = l.strip_prefix("# ") {
                return Some(t.trim().to_owned());
            }
        }
    }
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let words = first.split_whitespace().count();
    let ends_sentence = first.ends_with(['.', '!', '?', '"', '”', ':']);
    (words <= 20 && !ends_sentence).then(|| first.trim_start_matches('#').trim().to_owned())
}

/// A `date:` line near the top (front matter or a dateline), as `YYYY-MM-DD`.
fn guess_date(text: &str) -> Option<String> {
    text.lines()
        .take(10)
        .map(str::trim)
        .find_map(|l| l.strip_prefix("date:").or_else(|| l.strip_prefix("Date:")).and_then(date_in))
}

/// The first `YYYY-MM-DD` in a string.
fn date_in(s: &str) -> Option<String> {
    let re = regex::Regex::new(r"(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])").ok()?;
    re.find(s).map(|m| m.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8], ext: &str) -> Result<SourceText, SourceError> {
        decode(Path::new("in.txt"), bytes.to_vec(), ext)
    }

    #[test]
    fn rejects_binary_invalid_utf8_and_empty() {
        assert!(matches!(dec(b"ab\0cd", "txt"), Err(SourceError::Binary { offset: 2, .. })));
        let err = dec(b"line one\nli\xffne", "txt").unwrap_err();
        assert!(matches!(err, SourceError::InvalidUtf8 { line: 2, column: 3, .. }), "{err}");
        assert!(err.to_string().starts_with("in.txt:2:3:"));
        assert!(matches!(dec(b"  \n\n ", "txt"), Err(SourceError::Empty { .. })));
    }

    #[test]
    fn strips_html_and_reads_title() {
        let html = "<html><head><title>Petro &amp; Trump</title><style>p{}</style></head><body><p>Petro met Trump.</p><script>x()</script><p>They talked.</p></body></html>";
        let s = dec(html.as_bytes(), "html").unwrap();
        assert_eq!(s.title.as_deref(), Some("Petro & Trump"));
        assert_eq!(s.text, "Petro met Trump.\n\nThey talked.\n");
    }

    #[test]
    fn titles_and_dates() {
        let s = dec(b"# Big news\n\ndate: 2026-01-05\n\nText here.", "md").unwrap();
        assert_eq!(s.title.as_deref(), Some("Big news"));
        assert_eq!(s.date.as_deref(), Some("2026-01-05"));
        let s = dec(b"A full sentence that ends with a stop.\nMore.", "txt").unwrap();
        assert_eq!(s.title, None);
    }

    #[test]
    fn document_id_is_content_hash() {
        let a = SourceText::from_string("a.txt", "Same text.").into_document();
        let b = SourceText::from_string("b.txt", "Same text.").into_document();
        let c = SourceText::from_string("a.txt", "Other text.").into_document();
        assert_eq!(a.id, b.id);
        assert_ne!(a.id, c.id);
        assert_eq!(a.id.len(), 16);
        assert_eq!(a.hash.len(), 64);
    }

    #[test]
    fn directories_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.md"), "a").unwrap();
        std::fs::write(dir.path().join("c.bin"), "c").unwrap();
        let got = collect_paths(&[dir.path().to_owned()]).unwrap();
        let names: Vec<_> = got.iter().map(|p| p.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["b.txt", "sub/a.md"]);
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(collect_paths(&[empty.path().to_owned()]), Err(SourceError::NoTextFiles { .. })));
        assert!(matches!(collect_paths(&[PathBuf::from("/nope/x")]), Err(SourceError::Missing { .. })));
    }
}
