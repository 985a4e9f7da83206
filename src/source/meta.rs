//! Where a document says when it was published: Markdown front matter (`date:`), an HTML
//! `<meta>` date, a `date:` line near the top, or a date in the file name. Every form is
//! normalised to `YYYY-MM-DD`; a value that is not a real calendar day is not a date.

use std::path::Path;

/// `<meta>` names and properties that carry the publication date, lower-cased (Open Graph,
/// Dublin Core, schema.org and the common newsroom conventions).
const META_DATE_NAMES: [&str; 14] = [
    "article:published_time",
    "og:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "datepublished",
    "pubdate",
    "publishdate",
    "publication_date",
    "citation_publication_date",
];

/// A date written as `2019-03-05` (a time may follow: `2019-03-05T10:00:00Z`), `2019/03/05`,
/// `20190305`, `5 March 2019` or `March 5, 2019`, as `YYYY-MM-DD`.
pub fn normalize_date(value: &str) -> Option<String> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ymd = |y: &str, m: &str, d: &str| -> Option<String> {
        let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let iso = format!("{y:04}-{m:02}-{d:02}");
        crate::ontology::literal::parse_iso_date(&iso).map(|_| iso)
    };
    let head = v.get(..10).unwrap_or("");
    let b = head.as_bytes();
    if b.len() == 10 && (b[4] == b'-' || b[4] == b'/') && b[7] == b[4] && digits(&head[..4]) && digits(&head[5..7]) && digits(&head[8..]) {
        let rest = &v[10..];
        if rest.is_empty() || rest.starts_with(['T', ' ', 't']) {
            return ymd(&head[..4], &head[5..7], &head[8..]);
        }
    }
    if v.len() == 8 && digits(v) {
        return ymd(&v[..4], &v[4..6], &v[6..]);
    }
    let parsed = crate::ontology::literal::parse_date(v, None)?;
    parsed.literal.datatype.as_deref().is_some_and(|d| d.ends_with("#date")).then_some(parsed.literal.value)
}

/// YAML-style front matter at the top of a text: the lines between a first `---` line and the
/// next `---` (or `...`) line, read as `key: value` pairs.
#[derive(Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub fields: Vec<(String, String)>,
    /// Byte length of the block, closing line included.
    pub len: usize,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
    }
}

/// The front matter of `text`, when it starts with one.
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    let mut at = first.len() + 1;
    for line in text.get(at..)?.split_inclusive('\n') {
        at += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return Some(FrontMatter { fields, len: at.min(text.len()) });
        }
        if let Some((k, v)) = l.split_once(':') {
            if !k.starts_with([' ', '\t', '-', '#']) && !k.trim().is_empty() {
                fields.push((k.trim().to_owned(), v.trim().trim_matches(|c| c == '"' || c == '\'').to_owned()));
            }
        }
    }
    None
}

/// The text with its front matter blanked: every character of the block becomes a space
/// (line breaks stay), so offsets still point at the same characters of the file.
pub fn blank_front_matter(text: &str, fm: &FrontMatter) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(text[..fm.len].chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
    out.push_str(&text[fm.len..]);
    out
}

/// The publication date an HTML page declares in a `<meta>` tag (`article:published_time`,
/// `date`, `DC.date`, `datePublished`, …) or, failing that, the first `<time datetime=…>`.
pub fn html_meta_date(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<meta") {
        let start = from + p;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &html[start..end];
        let key = ["property", "name", "itemprop", "http-equiv"].iter().find_map(|a| attribute(tag, a));
        if key.is_some_and(|k| META_DATE_NAMES.contains(&k.to_ascii_lowercase().as_str())) {
            if let Some(date) = attribute(tag, "content").as_deref().and_then(normalize_date) {
                return Some(date);
            }
        }
        from = end;
    }
    let t = lower.find("<time")?;
    let end = lower[t..].find('>').map_or(lower.len(), |e| t + e);
    attribute(&html[t..end], "datetime").as_deref().and_then(normalize_date)
}

/// The value of attribute `name` in the text of one tag (quoted or not).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_owned(),
            _ => value.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_owned(),
        });
    }
    None
}

/// A date in a file's name (`2019-03-05-storm.md`, `20190305_storm.txt`), else in its directory
/// path (`2019/03/05/storm.html`).
pub fn path_date(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy();
    date_in_name(&name).or_else(|| {
        let parts: Vec<String> = path.parent()?.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        parts.windows(3).rev().find_map(|w| {
            (w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2).then(|| normalize_date(&format!("{}-{}-{}", w[0], w[1], w[2]))).flatten()
        })
    })
}

/// The first `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD` in a name that is a real day and is not
/// part of a longer run of digits.
fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            continue;
        }
        let run = (i..b.len()).take_while(|&j| digit(j)).count();
        if run == 8 {
            if let Some(d) = normalize_date(&name[i..i + 8]) {
                return Some(d);
            }
        } else if run == 4 && b.len() >= i + 10 {
            let sep = b[i + 4];
            if matches!(sep, b'-' | b'_' | b'.') && b[i + 7] == sep && !digit(i + 10) {
                let s = &name[i..i + 10];
                if let Some(d) = normalize_date(&format!("{}-{}-{}", &s[..4], &s[5..7], &s[8..])) {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_forms_normalise() {
        for (input, want) in [
            ("2021-11-09", Some("2021-11-09")),
            ("\"2021-11-09T08:30:00Z\"", Some("2021-11-09")),
            ("2021/11/09", Some("2021-11-09")),
            ("20211109", Some("2021-11-09")),
            ("9 November 2021", Some("2021-11-09")),
            ("November 9, 2021", Some("2021-11-09")),
            ("2021-02-30", None),
            ("November 2021", None),
            ("soon", None),
        ] {
            assert_eq!(normalize_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn front_matter_is_read_and_blanked() {
        let text = "---\ntitle: \"Harbour reopens\"\ndate: 2021-11-09\ntags: [port]\n---\n# Harbour reopens\n\nThe port opened.\n";
        let fm = front_matter(text).unwrap();
        assert_eq!(fm.get("date"), Some("2021-11-09"));
        assert_eq!(fm.get("title"), Some("Harbour reopens"));
        let blanked = blank_front_matter(text, &fm);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.find("The port"), text.find("The port"));
        assert!(!blanked.contains("2021"));
        assert!(front_matter("--- not front matter\ndate: 2021-11-09\n").is_none());
        assert!(front_matter("---\ndate: 2021-11-09\nnever closed\n").is_none());
    }

    #[test]
    fn html_meta_dates() {
        let og = r#"<html><head><meta property="article:published_time" content="2021-11-09T08:00:00+01:00"><title>x</title></head></html>"#;
        assert_eq!(html_meta_date(og).as_deref(), Some("2021-11-09"));
        let dc = r#"<meta name="viewport" content="width=device-width"><META NAME="DC.date" CONTENT="2020-04-01">"#;
        assert_eq!(html_meta_date(dc).as_deref(), Some("2020-04-01"));
        let plain = r#"<meta name=date content=2019-12-31 />"#;
        assert_eq!(html_meta_date(plain).as_deref(), Some("2019-12-31"));
        let time = r#"<p>Posted <time datetime="2018-06-02">June 2</time></p>"#;
        assert_eq!(html_meta_date(time).as_deref(), Some("2018-06-02"));
        assert_eq!(html_meta_date(r#"<meta name="updated" content="2018-06-02">"#), None);
    }

    #[test]
    fn file_name_dates() {
        for (path, want) in [
            ("news/2019-03-05-storm.md", Some("2019-03-05")),
            ("news/20190305_storm.txt", Some("2019-03-05")),
            ("news/storm_2019_03_05.txt", Some("2019-03-05")),
            ("archive/2019/03/05/storm.html", Some("2019-03-05")),
            ("news/report-123456789.txt", None),
            ("news/20191399.txt", None),
            ("news/storm.txt", None),
        ] {
            assert_eq!(path_date(Path::new(path)).as_deref(), want, "{path}");
        }
    }
}
