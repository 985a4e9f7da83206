//! Reading input documents: files, directories (recursively), standard input.
//!
//! In: paths given by the user. Out: [`SourceText`]s — validated UTF-8 text with a title and date
//! when the file states them — turned into [`Document`]s with content-hash ids. HTML has its tags
//! stripped (offsets then refer to the stripped text). A `.jsonl` file holds one document per
//! line ([`jsonl`]). Bad input gets a [`SourceError`] naming the file, and the line (and column
//! for invalid UTF-8). Publication dates are read by [`meta`].

pub mod jsonl;
pub mod meta;

use crate::document::Document;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// File extensions read from directories.
pub const TEXT_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "jsonl"];

/// A JSON Lines file may hold this many times the one-document limit.
pub const JSONL_FILE_FACTOR: u64 = 64;

/// Default size limit for one input document.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
    #[error("{path}: directory holds no text files (looked for .txt, .md, .markdown, .html, .htm, .jsonl)")]
    NoTextFiles { path: PathBuf },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}); kgraph reads UTF-8 text, Markdown and HTML")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}:{line}:{column}: invalid UTF-8; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")]
    InvalidUtf8 { path: PathBuf, line: usize, column: usize },
    #[error("{path}: empty document (no text)")]
    Empty { path: PathBuf },
    #[error("{path}: {size} bytes is over the {limit}-byte limit for one document; split it or raise --max-file-mb")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: not a regular file ({kind}); kgraph reads regular text files, directories and `-` for standard input")]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{path}:{line}: {message}")]
    JsonLine { path: PathBuf, line: usize, message: String },
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
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    /// Other fields of the input (JSON Lines), as (name, value).
    pub metadata: Vec<(String, String)>,
}

impl SourceText {
    /// A source from a string (library use and tests).
    pub fn from_string(source: impl Into<String>, text: impl Into<String>) -> SourceText {
        let text = text.into();
        let title = guess_title(&text, "txt");
        SourceText { source: source.into(), title, date: guess_date(&text), text, url: None, metadata: Vec::new() }
    }

    /// The SHA-256 of the text (hex): a document's `hash`, whose [`document_id`] is its id.
    pub fn content_hash(&self) -> String {
        hex(&Sha256::digest(self.text.as_bytes()))
    }

    /// The [`Document`] for this text, with its content-hash id (not yet segmented).
    pub fn into_document(self) -> Document {
        let hash = self.content_hash();
        Document {
            id: document_id(&hash).to_owned(),
            hash,
            source: self.source,
            title: self.title,
            date: self.date,
            url: self.url,
            metadata: self.metadata,
            text: self.text,
            sentences: Vec::new(),
        }
    }
}

/// A document's id: the first 16 hex digits of its content hash.
pub fn document_id(hash: &str) -> &str {
    &hash[..16]
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Expands files and directories (recursively, sorted) into the list of text files to read.
/// `-` stands for standard input and is passed through. Symbolic links are followed, but a
/// directory is walked once (so `ln -s . self` and link loops add nothing) and a file reached
/// by two paths is listed once, under the first. Entries that cannot be examined (a path over
/// PATH_MAX, a directory without read permission) are errors naming them.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, SourceError> {
    let mut out = Vec::new();
    let mut seen = Seen::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(input.clone());
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SourceError::Missing { path: input.clone() },
            _ => SourceError::Io { path: input.clone(), source: e },
        })?;
        if meta.is_dir() {
            let before = out.len();
            walk(input, &meta, &mut seen, &mut out)?;
            if out.len() == before && !seen.listed_any_under(input) {
                return Err(SourceError::NoTextFiles { path: input.clone() });
            }
        } else if seen.first_visit_of_file(&meta) {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Directories walked and files listed, by device and inode.
#[derive(Default)]
struct Seen {
    dirs: std::collections::HashSet<(u64, u64)>,
    files: std::collections::HashSet<(u64, u64)>,
    /// Directories whose text files were all listed earlier under another path.
    covered: Vec<PathBuf>,
}

impl Seen {
    fn first_visit_of_dir(&mut self, meta: &std::fs::Metadata) -> bool {
        self.dirs.insert(file_id(meta))
    }

    fn first_visit_of_file(&mut self, meta: &std::fs::Metadata) -> bool {
        self.files.insert(file_id(meta))
    }

    fn listed_any_under(&self, dir: &Path) -> bool {
        self.covered.iter().any(|c| c == dir)
    }
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    // No inode numbers: fall back to size and modification time (loops are still cut by depth).
    let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as u64);
    (meta.len(), modified)
}

fn walk(dir: &Path, meta: &std::fs::Metadata, seen: &mut Seen, out: &mut Vec<PathBuf>) -> Result<(), SourceError> {
    if !seen.first_visit_of_dir(meta) {
        seen.covered.push(dir.to_owned());
        return Ok(());
    }
    let io = |path: &Path, e| SourceError::Io { path: path.to_owned(), source: e };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        entries.push(entry.map_err(|e| io(dir, e))?.path());
    }
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            // A dangling link with a text name is reported when read, like a vanished file.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if has_text_extension(&path) {
                    out.push(path);
                }
                continue;
            }
            Err(e) => return Err(io(&path, e)),
        };
        if meta.is_dir() {
            walk(&path, &meta, seen, out)?;
        } else if has_text_extension(&path) && seen.first_visit_of_file(&meta) {
            // Not-regular files (FIFOs, devices) are listed too: reading them is a clear error.
            out.push(path);
        }
    }
    Ok(())
}

/// What kind of file this is, when it is not a regular file.
fn irregular_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file")
}

/// Opens a regular file without blocking on a FIFO that appeared after the check.
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    options.open(path)
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// Whether this file is read as JSON Lines (one document per line).
pub fn is_jsonl(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// The documents of one input: one for a text file, one per line for a `.jsonl` file (whose
/// lines may each hold `max_bytes`, the file [`JSONL_FILE_FACTOR`] times that).
pub fn read_sources(path: &Path, max_bytes: u64) -> Vec<Result<SourceText, SourceError>> {
    if !is_jsonl(path) {
        return vec![read_source(path, max_bytes)];
    }
    match read_bounded(path, max_bytes.saturating_mul(JSONL_FILE_FACTOR)) {
        Ok(bytes) => jsonl::documents(path, &bytes, max_bytes),
        Err(e) => vec![Err(e)],
    }
}

/// Reads one file (or standard input for `-`), validating it. Only regular files are read,
/// and never more than `max_bytes + 1` bytes, whatever the file's size claims.
pub fn read_source(path: &Path, max_bytes: u64) -> Result<SourceText, SourceError> {
    let buf = read_bounded(path, max_bytes)?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt").to_ascii_lowercase();
    decode(path, buf, &ext)
}

/// The bytes of a regular file or standard input, at most `max_bytes`.
fn read_bounded(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SourceError> {
    let io = |e| SourceError::Io { path: path.to_owned(), source: e };
    let too_large = |size| SourceError::TooLarge { path: path.to_owned(), size, limit: max_bytes };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().take(max_bytes + 1).read_to_end(&mut buf).map_err(io)?;
        if buf.len() as u64 > max_bytes {
            return Err(too_large(buf.len() as u64));
        }
    } else {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SourceError::Missing { path: path.to_owned() },
            _ => io(e),
        })?;
        if let Some(kind) = irregular_kind(&meta) {
            return Err(SourceError::NotRegular { path: path.to_owned(), kind });
        }
        if meta.len() > max_bytes {
            return Err(too_large(meta.len()));
        }
        let file = open_regular(path).map_err(io)?;
        // The file may have been swapped for another kind between the check and the open.
        if let Some(kind) = irregular_kind(&file.metadata().map_err(io)?) {
            return Err(SourceError::NotRegular { path: path.to_owned(), kind });
        }
        file.take(max_bytes + 1).read_to_end(&mut buf).map_err(io)?;
        if buf.len() as u64 > max_bytes {
            return Err(too_large(buf.len() as u64));
        }
    }
    Ok(buf)
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
    let is_html = ext == "html" || ext == "htm";
    let declared_date = if is_html { meta::html_meta_date(&text) } else { None };
    let front = if is_html { None } else { meta::front_matter(&text) };
    let text = match &front {
        Some(fm) => meta::blank_front_matter(&text, fm),
        None => text,
    };
    let front_title = front.as_ref().and_then(|fm| fm.get("title")).filter(|t| !t.is_empty()).map(str::to_owned);
    let declared_date = declared_date.or_else(|| front.as_ref().and_then(|fm| fm.get("date")).and_then(meta::normalize_date));
    let url = front.as_ref().and_then(|fm| fm.get("url")).filter(|u| !u.is_empty()).map(str::to_owned);
    let (text, html_title) = if is_html { strip_html(&text) } else { (text, front_title) };
    // Escape sequences and other controls are not text; line-break controls become `\n`.
    let text = crate::guard::text::clean_document_text(text);
    let html_title = html_title.map(|t| crate::guard::text::clean_document_text(t).replace('\n', " "));
    if text.trim().is_empty() {
        return Err(SourceError::Empty { path: path.to_owned() });
    }
    let title = html_title.or_else(|| guess_title(&text, ext));
    let date = declared_date.or_else(|| guess_date(&text)).or_else(|| meta::path_date(path));
    Ok(SourceText { source: path.to_string_lossy().into_owned(), text, title, date, url, metadata: Vec::new() })
}

/// Elements whose content is not text: skipped up to their end tag.
const SKIPPED_ELEMENTS: [&str; 7] = ["script", "style", "head", "title", "noscript", "template", "svg"];
/// Elements that end a paragraph.
const BLOCK_ELEMENTS: [&str; 30] = [
    "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article", "aside", "header",
    "footer", "nav", "main", "blockquote", "pre", "hr", "dl", "dt", "dd", "figure", "figcaption", "address",
];

/// Removes tags, comments, scripts and styles; decodes entities; block elements become line
/// breaks. A `<` that does not start a tag (`a < b`) is text, as in browsers. Returns the text
/// and the `<title>`.
pub fn strip_html(html: &str) -> (String, Option<String>) {
    let lower = html.to_ascii_lowercase();
    let title = lower.find("<title").and_then(|s| {
        let open_end = lower[s..].find('>')? + s + 1;
        let close = lower[open_end..].find("</title")? + open_end;
        Some(decode_entities(html[open_end..close].trim()))
    });
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|p| i + p) else {
            out.push_str(&decode_entities(&html[i..]));
            break;
        };
        out.push_str(&decode_entities(&html[i..lt]));
        let rest = &lower[lt..];
        let after = |marker: &str, from: usize| lower[from..].find(marker).map_or(html.len(), |p| from + p + marker.len());
        if rest.starts_with("<!--") {
            i = after("-->", lt + 4);
        } else if rest.starts_with("<![cdata[") {
            let end = lower[lt + 9..].find("]]>").map_or(html.len(), |p| lt + 9 + p);
            out.push_str(&html[lt + 9..end]);
            i = (end + 3).min(html.len());
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            i = after(">", lt + 2);
        } else if let Some((name, closing)) = tag_name(&lower[lt..]) {
            let Some(end) = tag_end(bytes, lt) else {
                // An unterminated tag at the end: its text is kept rather than lost.
                out.push_str(&decode_entities(&html[lt..]));
                break;
            };
            i = end;
            if !closing && SKIPPED_ELEMENTS.contains(&name) {
                let close = format!("</{name}");
                i = match lower[i..].find(&close) {
                    Some(p) => tag_end(bytes, i + p).unwrap_or(html.len()),
                    None => html.len(),
                };
            } else if BLOCK_ELEMENTS.contains(&name) {
                out.push_str("\n\n");
            } else if matches!(name, "td" | "th") {
                out.push(' ');
            }
        } else {
            out.push('<');
            i = lt + 1;
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

/// The lower-cased element name of a start or end tag at the beginning of `s` (`<p …`,
/// `</div>`), and whether it is an end tag; `None` when `<` is not followed by a letter.
fn tag_name(s: &str) -> Option<(&str, bool)> {
    let closing = s.starts_with("</");
    let from = if closing { 2 } else { 1 };
    let name_len = s[from..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
    (name_len > 0 && s.as_bytes()[from].is_ascii_alphabetic()).then(|| (&s[from..from + name_len], closing))
}

/// The index after the `>` closing the tag that starts at `lt`; quoted attribute values may
/// contain `>`.
fn tag_end(bytes: &[u8], lt: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(lt + 1) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Decodes named entities (the common ones) and numeric ones (`&#8212;`, `&#x2014;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    const NAMED: [(&str, &str); 13] = [
        ("nbsp", " "), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("amp", "&"), ("rsquo", "’"), ("lsquo", "‘"),
        ("ldquo", "“"), ("rdquo", "”"), ("mdash", "—"), ("ndash", "–"), ("hellip", "…"),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(';').map(|p| p + 1).filter(|&p| p <= 12);
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32).map(String::from)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32).map(String::from)
            } else {
                NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| (*c).to_owned())
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
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

/// A `date:` line near the top (a dateline outside front matter), as `YYYY-MM-DD`.
fn guess_date(text: &str) -> Option<String> {
    text.lines()
        .take(10)
        .map(str::trim)
        .find_map(|l| l.strip_prefix("date:").or_else(|| l.strip_prefix("Date:")).and_then(meta::normalize_date))
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
        let html = "<html><head><title>Quillen &amp; Strand</title><style>p{}</style></head><body><p>Quillen met Strand.</p><script>x()</script><p>They talked.</p></body></html>";
        let s = dec(html.as_bytes(), "html").unwrap();
        assert_eq!(s.title.as_deref(), Some("Quillen & Strand"));
        assert_eq!(s.text, "Quillen met Strand.\n\nThey talked.\n");
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

    #[test]
    fn html_literal_less_than_keeps_the_paragraph() {
        let (text, _) = strip_html("<p>Prices rose 3 < 5 percent and x<5 held; the board met.</p><p>Next.</p>");
        assert_eq!(text, "Prices rose 3 < 5 percent and x<5 held; the board met.\n\nNext.\n");
        let (text, _) = strip_html("<p title=\"a > b\">Quoted attributes may hold a &gt; sign.</p>");
        assert_eq!(text, "Quoted attributes may hold a > sign.\n");
    }

    #[test]
    fn html_comments_are_not_content() {
        let html = "<p>Kept.</p><!-- hidden <p>draft</p> a > b --><p>Also kept &#8212; &#x41;.</p><![CDATA[raw & text]]><!DOCTYPE x><?php echo 1 ?>";
        let (text, _) = strip_html(html);
        assert_eq!(text, "Kept.\n\nAlso kept — A.\n\nraw & text\n");
        assert_eq!(strip_html("<p>Open <!-- never closed").0, "Open\n");
    }

    #[test]
    fn build_reads_only_regular_files() {
        let err = read_source(Path::new("/dev/zero"), DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, SourceError::NotRegular { kind: "a character device", .. }), "{err}");
        assert!(err.to_string().starts_with("/dev/zero: not a regular file"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.txt");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        std::fs::write(dir.path().join("a.txt"), "Text.").unwrap();
        let paths = collect_paths(&[dir.path().to_owned()]).unwrap();
        assert_eq!(paths.len(), 2);
        let err = read_source(&fifo, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, SourceError::NotRegular { kind: "a named pipe", .. }), "{err}");
        // A file whose size is not what it reads as (here: more than stated) is still bounded.
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(2000)).unwrap();
        assert!(matches!(read_source(&big, 1000), Err(SourceError::TooLarge { .. })));
    }

    #[test]
    fn symlink_loops_are_walked_once_and_files_counted_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/doc.txt"), "Text.").unwrap();
        std::os::unix::fs::symlink(".", root.join("self")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("a/b/up")).unwrap();
        std::os::unix::fs::symlink(root.join("a/b/doc.txt"), root.join("alias.txt")).unwrap();
        let got = collect_paths(&[root.to_owned(), root.join("a/b/doc.txt")]).unwrap();
        assert_eq!(got, vec![root.join("a/b/doc.txt")], "{got:?}");
    }

    #[test]
    fn unreadable_entries_are_errors_not_missing_text() {
        let dir = tempfile::tempdir().unwrap();
        // Relative mkdirs go past PATH_MAX (4096), where absolute paths cannot.
        let name = "d".repeat(200);
        let script = format!("import os\nos.chdir({:?})\nfor _ in range(24):\n    os.mkdir('{name}'); os.chdir('{name}')\nopen('a.txt', 'w').write('text')", dir.path());
        assert!(std::process::Command::new("python3").arg("-c").arg(&script).status().unwrap().success());
        match collect_paths(&[dir.path().to_owned()]) {
            Err(SourceError::Io { path, .. }) => assert!(path.as_os_str().len() >= 4000, "{}", path.display()),
            other => panic!("expected an error naming the long path, got {other:?}"),
        }
    }

    #[test]
    fn control_characters_leave_document_text() {
        let s = dec("Plain\u{1b}[31m red\u{0c}next page\u{2028}line".as_bytes(), "txt").unwrap();
        assert_eq!(s.text, "Plain      red\nnext page\nline");
    }
}
