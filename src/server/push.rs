//! `kgraph push URL`: sends every named graph of the store (each document's graph and the
//! ontology graph) to a remote store with the SPARQL 1.1 Graph Store Protocol — one
//! `PUT URL?graph=IRI` with an N-Triples body per graph, so re-pushing replaces each graph.
//!
//! A changed document gets a new id (ids hash the content), hence a new graph IRI; before
//! pushing, we ask the remote SPARQL endpoint which document graphs it holds and DELETE those
//! whose `kg:sourcePath` is one of ours under another IRI (the old version). `--prune` deletes
//! every remote document graph (under our base) that we do not have.
//!
//! The client is a small HTTP/1.1 client over `std::net::TcpStream`: plain `http://` only.

use super::http::percent_encode;
use crate::ontology::vocab;
use crate::export::ExportFormat;
use crate::store::KgStore;
use oxigraph::store::StorageError;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Triple};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// What every graph is sent as.
const PUSH_FORMAT: ExportFormat = ExportFormat::NTriples;

/// How to authenticate to the remote store.
#[derive(Debug, Clone)]
pub enum PushAuth {
    /// `user:pass` for HTTP Basic.
    Basic(String),
    /// A bearer token.
    Bearer(String),
}

#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The remote Graph Store endpoint, e.g. `http://127.0.0.1:7878/store`.
    pub url: String,
    /// The remote SPARQL query endpoint (to find stale graphs); guessed from `url` when `None`.
    pub sparql: Option<String>,
    pub auth: Option<PushAuth>,
    pub dry_run: bool,
    /// Delete remote document graphs we do not have.
    pub prune: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushSummary {
    pub graphs: usize,
    pub triples: usize,
    pub bytes: usize,
    pub deleted: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("{url}: {message}")]
    Url { url: String, message: String },
    #[error("{url}: {source}")]
    Io { url: String, source: std::io::Error },
    #[error("{method} {url}: the remote store answered {status}: {body}")]
    Status { method: String, url: String, status: u16, body: String },
    #[error("reading the store: {0}")]
    Store(#[from] StorageError),
    #[error("writing N-Triples: {0}")]
    Serialize(std::io::Error),
}

/// Pushes the store of a [`KnowledgeBase`](crate::kb::KnowledgeBase) (or a bare [`KgStore`]); progress lines go to `log`.
pub fn push(store: &impl AsRef<KgStore>, options: &PushOptions, log: &mut dyn Write) -> Result<PushSummary, PushError> {
    let store = store.as_ref();
    let started = Instant::now();
    let target = Url::parse(&options.url)?;
    let oxi = store.oxigraph();
    let mut graphs: Vec<String> = Vec::new();
    for g in oxi.named_graphs() {
        match g? {
            NamedOrBlankNode::NamedNode(n) => graphs.push(n.as_str().to_owned()),
            NamedOrBlankNode::BlankNode(_) => {}
        }
    }
    graphs.sort();
    // Local document graphs by source path, to spot stale remote versions.
    let doc_prefix = format!("{}doc/", store.base());
    let source_path = format!("{}{}", vocab::KG, vocab::prov_terms::SOURCE_PATH);
    let mut local_sources: BTreeMap<String, String> = BTreeMap::new();
    for g in &graphs {
        if let Some(src) = source_of(store, g, &source_path)? {
            local_sources.insert(src, g.clone());
        }
    }

    let mut summary = PushSummary::default();
    // Stale remote graphs: another version of one of our documents, or (with --prune) not ours.
    let sparql = options.sparql.clone().unwrap_or_else(|| guess_sparql(&options.url));
    let local: BTreeSet<&String> = graphs.iter().collect();
    let stale: Vec<String> = match remote_document_graphs(&sparql, &source_path, options.auth.as_ref()) {
        Ok(remote) => remote
            .into_iter()
            .filter(|(g, src)| {
                !local.contains(g)
                    && g.starts_with(&doc_prefix)
                    && (options.prune || src.as_ref().is_some_and(|s| local_sources.contains_key(s)))
            })
            .map(|(g, _)| g)
            .collect(),
        Err(e) => {
            let _ = writeln!(log, "warning: cannot list the remote graphs through {sparql} ({e}); old versions of changed documents may remain there (pass --sparql URL)");
            Vec::new()
        }
    };
    for g in &stale {
        let url = target.with_param("graph", g);
        if options.dry_run {
            let _ = writeln!(log, "would DELETE <{g}> (an old version of a document, or --prune)");
        } else {
            let (status, body) = request(&url, "DELETE", None, &[], options.auth.as_ref())?;
            if !(200..300).contains(&status) && status != 404 {
                return Err(PushError::Status { method: "DELETE".into(), url: url.text, status, body });
            }
            let _ = writeln!(log, "deleted <{g}> (stale)");
        }
        summary.deleted += 1;
    }

    let total = graphs.len();
    for (i, g) in graphs.iter().enumerate() {
        let node = oxigraph::model::NamedNode::new_unchecked(g.as_str());
        let mut writer = RdfSerializer::from_format(PUSH_FORMAT.rdf_format().unwrap_or(RdfFormat::NTriples)).for_writer(Vec::new());
        let mut count = 0usize;
        for q in oxi.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(node.as_ref()))) {
            writer.serialize_triple(&Triple::from(q?)).map_err(PushError::Serialize)?;
            count += 1;
        }
        let body = writer.finish().map_err(PushError::Serialize)?;
        let url = target.with_param("graph", g);
        if options.dry_run {
            let _ = writeln!(log, "would PUT <{g}> ({count} triples, {} bytes) to {}", body.len(), url.text);
        } else {
            let (status, text) = request(&url, "PUT", Some(PUSH_FORMAT.media_type()), &body, options.auth.as_ref())?;
            if !(200..300).contains(&status) {
                return Err(PushError::Status { method: "PUT".into(), url: url.text, status, body: text });
            }
            let _ = writeln!(log, "[{}/{total}] PUT <{g}>: {count} triples ({status})", i + 1);
        }
        summary.graphs += 1;
        summary.triples += count;
        summary.bytes += body.len();
    }
    let verb = if options.dry_run { "would push" } else { "pushed" };
    let _ = writeln!(
        log,
        "{verb} {} graphs, {} triples ({} bytes) to {}; {} stale graphs {}; {:.1} s",
        summary.graphs,
        summary.triples,
        summary.bytes,
        options.url,
        summary.deleted,
        if options.dry_run { "to delete" } else { "deleted" },
        started.elapsed().as_secs_f32()
    );
    Ok(summary)
}

fn source_of(store: &KgStore, graph: &str, source_path: &str) -> Result<Option<String>, PushError> {
    let g = oxigraph::model::NamedNode::new_unchecked(graph);
    let p = oxigraph::model::NamedNode::new_unchecked(source_path);
    for q in store.oxigraph().quads_for_pattern(Some(g.as_ref().into()), Some(p.as_ref()), None, Some(GraphNameRef::NamedNode(g.as_ref()))) {
        let q = q?;
        if let oxigraph::model::Term::Literal(l) = q.object {
            return Ok(Some(l.value().to_owned()));
        }
    }
    Ok(None)
}

/// `…/store` → `…/query` (oxigraph), `…/data` → `…/sparql` (Fuseki); else `…/sparql` beside it.
fn guess_sparql(url: &str) -> String {
    let base = url.split('?').next().unwrap_or(url);
    if let Some(prefix) = base.strip_suffix("/store") {
        format!("{prefix}/query")
    } else if let Some(prefix) = base.strip_suffix("/data") {
        format!("{prefix}/sparql")
    } else {
        format!("{}/sparql", base.trim_end_matches('/'))
    }
}

/// The remote graphs that hold a document node (`?g kg:sourcePath ?src` inside graph `?g`).
fn remote_document_graphs(sparql: &str, source_path: &str, auth: Option<&PushAuth>) -> Result<Vec<(String, Option<String>)>, PushError> {
    let query = format!("SELECT ?g ?src WHERE {{ GRAPH ?g {{ ?g <{source_path}> ?src }} }}");
    let url = Url::parse(sparql)?;
    let body = format!("query={}", percent_encode(&query));
    let (status, text) = request_with(&url, "POST", Some("application/x-www-form-urlencoded"), body.as_bytes(), auth, "application/sparql-results+json")?;
    if status != 200 {
        return Err(PushError::Status { method: "POST".into(), url: url.text, status, body: text });
    }
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| PushError::Url { url: url.text.clone(), message: format!("not SPARQL JSON results: {e}") })?;
    let mut out = Vec::new();
    for b in json["results"]["bindings"].as_array().into_iter().flatten() {
        if let Some(g) = b["g"]["value"].as_str() {
            out.push((g.to_owned(), b["src"]["value"].as_str().map(str::to_owned)));
        }
    }
    Ok(out)
}

/// A parsed `http://host[:port]/path[?query]` URL.
#[derive(Debug, Clone)]
struct Url {
    text: String,
    host: String,
    port: u16,
    /// Path and query, e.g. `/store?x=1`.
    target: String,
}

impl Url {
    fn parse(url: &str) -> Result<Url, PushError> {
        let err = |m: &str| PushError::Url { url: url.to_owned(), message: m.to_owned() };
        if url.starts_with("https://") {
            return Err(err("https is not supported by kgraph's built-in client; use an http:// URL (e.g. through an SSH tunnel or a TLS-terminating proxy on the store's machine)"));
        }
        let rest = url.strip_prefix("http://").ok_or_else(|| err("expected an http:// URL"))?;
        let (authority, target) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if authority.contains('@') {
            return Err(err("put credentials in --auth user:pass, not in the URL"));
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') => {
                (h.to_owned(), p.parse::<u16>().map_err(|_| err("bad port"))?)
            }
            _ => (authority.to_owned(), 80),
        };
        if host.is_empty() {
            return Err(err("no host"));
        }
        Ok(Url { text: url.to_owned(), host, port, target: target.to_owned() })
    }

    fn with_param(&self, key: &str, value: &str) -> Url {
        let sep = if self.target.contains('?') { '&' } else { '?' };
        let target = format!("{}{sep}{key}={}", self.target, percent_encode(value));
        let text = format!("http://{}:{}{target}", self.host, self.port);
        Url { text, host: self.host.clone(), port: self.port, target }
    }
}

fn request(url: &Url, method: &str, content_type: Option<&str>, body: &[u8], auth: Option<&PushAuth>) -> Result<(u16, String), PushError> {
    request_with(url, method, content_type, body, auth, "*/*")
}

/// One HTTP/1.1 request with `Connection: close`; returns the status and the body text.
fn request_with(
    url: &Url,
    method: &str,
    content_type: Option<&str>,
    body: &[u8],
    auth: Option<&PushAuth>,
    accept: &str,
) -> Result<(u16, String), PushError> {
    let io = |source| PushError::Io { url: url.text.clone(), source };
    let mut stream = TcpStream::connect((url.host.as_str(), url.port)).map_err(io)?;
    stream.set_read_timeout(Some(Duration::from_secs(300))).map_err(io)?;
    let mut head = format!(
        "{method} {} HTTP/1.1\r\nHost: {}:{}\r\nUser-Agent: kgraph/{}\r\nAccept: {accept}\r\nConnection: close\r\nContent-Length: {}\r\n",
        url.target,
        url.host,
        url.port,
        env!("CARGO_PKG_VERSION"),
        body.len()
    );
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    match auth {
        Some(PushAuth::Basic(userpass)) => head.push_str(&format!("Authorization: Basic {}\r\n", base64(userpass.as_bytes()))),
        Some(PushAuth::Bearer(token)) => head.push_str(&format!("Authorization: Bearer {token}\r\n")),
        None => {}
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).map_err(io)?;
    stream.write_all(body).map_err(io)?;
    stream.flush().map_err(io)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(io)?;
    parse_response(&raw).ok_or_else(|| PushError::Url { url: url.text.clone(), message: "malformed HTTP response".into() })
}

/// Status and body of a raw HTTP/1.1 response (Content-Length, chunked, or read-to-close).
fn parse_response(raw: &[u8]) -> Option<(u16, String)> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut chunked = false;
    let mut length: Option<usize> = None;
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case("transfer-encoding") && v.to_ascii_lowercase().contains("chunked") {
                chunked = true;
            } else if k.trim().eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().ok();
            }
        }
    }
    let mut body = &raw[split + 4..];
    let decoded;
    if chunked {
        let mut out = Vec::new();
        loop {
            let line_end = body.windows(2).position(|w| w == b"\r\n")?;
            let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
            let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
            body = &body[line_end + 2..];
            if size == 0 {
                break;
            }
            out.extend_from_slice(body.get(..size)?);
            body = body.get(size + 2..).unwrap_or(&[]);
        }
        decoded = out;
        body = &decoded;
    } else if let Some(n) = length {
        body = &body[..n.min(body.len())];
    }
    Some((status, String::from_utf8_lossy(body).into_owned()))
}

fn base64(input: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("user:pass", "dXNlcjpwYXNz")] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn urls() {
        let u = Url::parse("http://127.0.0.1:7878/store").unwrap();
        assert_eq!((u.host.as_str(), u.port, u.target.as_str()), ("127.0.0.1", 7878, "/store"));
        let g = u.with_param("graph", "http://kgraph.local/doc/a b");
        assert_eq!(g.target, "/store?graph=http%3A%2F%2Fkgraph.local%2Fdoc%2Fa%20b");
        assert_eq!(Url::parse("http://h/x?y=1").unwrap().with_param("graph", "g").target, "/x?y=1&graph=g");
        assert_eq!(Url::parse("http://example.org").unwrap().port, 80);
        assert!(Url::parse("https://example.org/store").is_err());
        assert!(Url::parse("ftp://example.org/store").is_err());
        assert!(Url::parse("http://u:p@example.org/store").is_err());
        assert_eq!(guess_sparql("http://h:1/store"), "http://h:1/query");
        assert_eq!(guess_sparql("http://h:1/ds/data"), "http://h:1/ds/sparql");
    }

    #[test]
    fn responses() {
        assert_eq!(parse_response(b"HTTP/1.1 204 No Content\r\n\r\n").unwrap(), (204, String::new()));
        assert_eq!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokXX").unwrap(), (200, "ok".into()));
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(),
            (200, "abcde".into())
        );
        assert!(parse_response(b"garbage").is_none());
    }
}
