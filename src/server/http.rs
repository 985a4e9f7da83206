//! Transport-independent HTTP pieces: the request/response the handlers see, URL/form decoding,
//! `Accept` negotiation. The tiny_http adapter in [`super`] converts to and from these, and the
//! in-process tests build them directly.

/// An HTTP request as the handlers see it (the body already read, within the size limit).
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// Path without the query string, e.g. `/sparql`.
    pub path: String,
    /// The raw query string (after `?`), still percent-encoded.
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// A request for `target` (path plus optional `?query`).
    pub fn new(method: &str, target: &str) -> Request {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        Request { method: method.to_owned(), path: path.to_owned(), query: query.to_owned(), ..Request::default() }
    }

    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Request {
        self.body = body.into();
        self
    }

    /// The first value of a header (case-insensitive name).
    pub fn get_header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The media type of the body, lower-cased, without parameters.
    pub fn content_type(&self) -> Option<String> {
        self.get_header("content-type").map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
    }
}

/// An HTTP response produced by the handlers.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response { status, headers: vec![("Content-Type".to_owned(), content_type.to_owned())], body: body.into() }
    }

    /// A plain-text message (errors).
    pub fn text(status: u16, message: impl Into<String>) -> Response {
        let mut m: String = message.into();
        if !m.ends_with('\n') {
            m.push('\n');
        }
        Response::new(status, "text/plain; charset=utf-8", m)
    }

    pub fn empty(status: u16) -> Response {
        Response { status, headers: Vec::new(), body: Vec::new() }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn get_header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Decodes `application/x-www-form-urlencoded` text (also used for URL query strings).
/// `None` when a value is not UTF-8 after decoding.
pub fn parse_form(s: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        out.push((percent_decode(k, true)?, percent_decode(v, true)?));
    }
    Some(out)
}

/// Percent-decodes; with `plus`, `+` means a space (form encoding).
pub fn percent_decode(s: &str, plus: bool) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes a query-string component (RFC 3986 unreserved characters pass).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq)]
struct MediaRange {
    kind: String,
    sub: String,
    q: f32,
}

fn parse_accept(header: &str) -> Vec<MediaRange> {
    let mut out = Vec::new();
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let media = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        if media.is_empty() {
            continue;
        }
        let (kind, sub) = media.split_once('/').unwrap_or((media.as_str(), "*"));
        let mut q = 1.0f32;
        for p in pieces {
            if let Some((k, v)) = p.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
        }
        out.push(MediaRange { kind: kind.trim().to_owned(), sub: sub.trim().to_owned(), q });
    }
    out
}

/// Picks the offer the client prefers. `offers` are media types in the server's order of
/// preference (ties go to the earlier one). No `Accept` header means the first offer.
/// `None` means nothing acceptable (406).
pub fn negotiate<'a, T: Copy>(accept: Option<&str>, offers: &'a [(&'a str, T)]) -> Option<(&'a str, T)> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offers.first().copied();
    };
    let ranges = parse_accept(accept);
    let mut best: Option<(f32, u8, usize)> = None; // (q, specificity, offer index)
    for (i, (media, _)) in offers.iter().enumerate() {
        let (kind, sub) = media.split_once('/').unwrap_or((media, ""));
        // The most specific matching range decides the quality of this offer.
        let mut matched: Option<(u8, f32)> = None;
        for r in &ranges {
            let spec = if r.kind == kind && r.sub == sub {
                3
            } else if r.kind == kind && r.sub == "*" {
                2
            } else if r.kind == "*" {
                1
            } else {
                continue;
            };
            if matched.is_none_or(|(s, _)| spec > s) {
                matched = Some((spec, r.q));
            }
        }
        if let Some((spec, q)) = matched {
            if q > 0.0 && best.is_none_or(|(bq, bs, _)| q > bq || (q == bq && spec > bs)) {
                best = Some((q, spec, i));
            }
        }
    }
    best.map(|(_, _, i)| offers[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        let f = parse_form("query=SELECT+%3Fs+WHERE+%7B%7D&default-graph-uri=http%3A%2F%2Fa&x").unwrap();
        assert_eq!(f[0], ("query".into(), "SELECT ?s WHERE {}".into()));
        assert_eq!(f[1], ("default-graph-uri".into(), "http://a".into()));
        assert_eq!(f[2], ("x".into(), "".into()));
        assert_eq!(percent_decode("100%", false).unwrap(), "100%");
        assert_eq!(percent_decode("%zz%4", false).unwrap(), "%zz%4");
        assert!(parse_form("a=%FF").is_none());
        assert_eq!(percent_decode(&percent_encode("http://x/y?a=b c"), false).unwrap(), "http://x/y?a=b c");
    }

    #[test]
    fn accept_negotiation() {
        let offers = [("application/sparql-results+json", 1), ("application/sparql-results+xml", 2), ("text/csv", 3)];
        let cases: &[(Option<&str>, Option<i32>)] = &[
            (None, Some(1)),
            (Some("*/*"), Some(1)),
            (Some("text/csv"), Some(3)),
            (Some("text/*"), Some(3)),
            (Some("application/sparql-results+xml, application/sparql-results+json;q=0.5"), Some(2)),
            (Some("text/html,application/xhtml+xml,*/*;q=0.8"), Some(1)),
            (Some("image/png"), None),
            (Some("text/csv;q=0, */*;q=0.1"), Some(1)),
            (Some("application/sparql-results+json;q=0"), None),
        ];
        for (accept, want) in cases {
            assert_eq!(negotiate(*accept, &offers).map(|o| o.1), *want, "{accept:?}");
        }
    }
}
