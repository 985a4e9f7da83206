//! JSON Lines input: one object per line, one document per object.
//!
//! Fields: `text` (required), `id`, `title`, `date`, `url`; any other field is kept as document
//! metadata (strings as they are, other values as JSON). A line that is not such an object is a
//! [`SourceError`] naming the file and line, and the other lines still load. Blank lines are
//! skipped. Each document's source is `FILE#ID` (or `FILE:LINE` without an id), so changing one
//! line's text replaces only that document's graph on the next build.

use super::{SourceError, SourceText, meta};
use std::path::Path;

/// One result per non-blank line of a `.jsonl` file's bytes; no line may exceed `max_line_bytes`.
pub fn documents(path: &Path, bytes: &[u8], max_line_bytes: u64) -> Vec<Result<SourceText, SourceError>> {
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(document(path, line, raw, max_line_bytes));
    }
    if out.is_empty() {
        out.push(Err(SourceError::Empty { path: path.to_owned() }));
    }
    out
}

/// The document of one line (`line` counts from 1), or the error naming `path` and `line`.
pub fn document(path: &Path, line: usize, raw: &[u8], max_line_bytes: u64) -> Result<SourceText, SourceError> {
    let bad = |message: String| SourceError::JsonLine { path: path.to_owned(), line, message };
    if raw.len() as u64 > max_line_bytes {
        return Err(bad(format!("{} bytes is over the {max_line_bytes}-byte limit for one document", raw.len())));
    }
    let text = std::str::from_utf8(raw).map_err(|e| {
        let column = String::from_utf8_lossy(&raw[..e.valid_up_to()]).chars().count() + 1;
        SourceError::InvalidUtf8 { path: path.to_owned(), line, column }
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(format!("not JSON: {e}")))?;
    let serde_json::Value::Object(object) = value else {
        return Err(bad("expected a JSON object with a \"text\" field".into()));
    };
    let string = |key: &str| -> Result<Option<String>, SourceError> {
        match object.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(serde_json::Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
            Some(other) => Err(bad(format!("\"{key}\" must be a string, not {}", json_kind(other)))),
        }
    };
    let body = string("text")?.ok_or_else(|| bad("no \"text\" field".into()))?;
    let body = crate::guard::text::clean_document_text(body);
    if body.trim().is_empty() {
        return Err(bad("empty \"text\"".into()));
    }
    let date = match string("date")?.filter(|d| !d.trim().is_empty()) {
        Some(d) => Some(meta::normalize_date(&d).ok_or_else(|| bad(format!("\"date\" {d:?} is not a calendar day (write YYYY-MM-DD)")))?),
        None => None,
    };
    let id = string("id")?;
    let one_line = |s: String| crate::guard::text::clean_document_text(s).replace('\n', " ").trim().to_owned();
    let source = match &id {
        Some(id) => format!("{}#{id}", path.display()),
        None => format!("{}:{line}", path.display()),
    };
    let metadata = object
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "text" | "title" | "date" | "url"))
        .map(|(k, v)| (k.clone(), one_line(match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })))
        .collect();
    Ok(SourceText {
        source,
        title: string("title")?.map(one_line).filter(|t| !t.is_empty()),
        date,
        url: string("url")?.map(one_line).filter(|u| !u.is_empty()),
        metadata,
        text: body,
    })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_documents_and_bad_lines_name_their_line() {
        let input = concat!(
            r#"{"id": "a1", "title": "Port opens", "date": "2021-11-09", "url": "https://example.org/a1", "text": "The port opened on Monday.", "section": "business", "rank": 3}"#,
            "\n\n",
            r#"{"id": "a2", "text": "#,
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
            r#"{"title": "No text"}"#,
            "\n",
            r#"{"date": "someday", "text": "Words."}"#,
            "\n",
            r#"{"text": "A second story without an id."}"#,
            "\n",
        );
        let got = documents(Path::new("in.jsonl"), input.as_bytes(), 1000);
        assert_eq!(got.len(), 6);
        let a1 = got[0].as_ref().unwrap();
        assert_eq!(a1.source, "in.jsonl#a1");
        assert_eq!(a1.title.as_deref(), Some("Port opens"));
        assert_eq!(a1.date.as_deref(), Some("2021-11-09"));
        assert_eq!(a1.url.as_deref(), Some("https://example.org/a1"));
        assert_eq!(a1.metadata, vec![("id".to_owned(), "a1".to_owned()), ("rank".to_owned(), "3".to_owned()), ("section".to_owned(), "business".to_owned())]);
        let errors: Vec<String> = got[1..5].iter().map(|r| r.as_ref().unwrap_err().to_string()).collect();
        assert!(errors[0].starts_with("in.jsonl:3: not JSON"), "{}", errors[0]);
        assert!(errors[1].starts_with("in.jsonl:4: expected a JSON object"), "{}", errors[1]);
        assert!(errors[2].starts_with("in.jsonl:5: no \"text\""), "{}", errors[2]);
        assert!(errors[3].starts_with("in.jsonl:6: \"date\" \"someday\""), "{}", errors[3]);
        assert_eq!(got[5].as_ref().unwrap().source, "in.jsonl:7");
    }

    #[test]
    fn oversized_lines_and_bad_bytes_are_errors_of_their_line() {
        let input = b"{\"text\": \"fine\"}\n{\"text\": \"\xff\"}\n{\"text\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n";
        let got = documents(Path::new("in.jsonl"), input, 30);
        assert!(got[0].is_ok());
        assert!(matches!(got[1], Err(SourceError::InvalidUtf8 { line: 2, column: 11, .. })), "{:?}", got[1]);
        assert!(got[2].as_ref().unwrap_err().to_string().starts_with("in.jsonl:3: "), "{:?}", got[2]);
        assert!(matches!(documents(Path::new("e.jsonl"), b"\n \n", 30)[0], Err(SourceError::Empty { .. })));
    }
}
