//! Helpers for the `kgraph serve` / `kgraph push` end-to-end tests: a fixture store made with
//! the real binary, a `kgraph serve` child process on a free loopback port, raw HTTP.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kgraph"))
}

/// Number of triples (quads) in tests/server_clients/fixture.ru.
pub const FIXTURE_QUADS: usize = 100;

/// `kgraph update --file F` into the store `store` (creating it).
pub fn apply(store: &Path, file: &str) {
    let out = Command::new(bin()).arg("update").arg("--store").arg(store).arg("--file").arg(root().join("tests/server_clients").join(file)).output().unwrap();
    assert!(out.status.success(), "kgraph update {file}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A fresh store with the fixture documents.
pub fn fixture_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    apply(&store, "fixture.ru");
    store
}

/// A running `kgraph serve`; killed on drop.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    pub fn start(store: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .arg("serve")
            .arg("--store")
            .arg(store)
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        // Keep draining the server's output: a closed or full pipe would stop it mid-test.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        let Some(addr) = line.split("http://").nth(1).and_then(|r| r.split('/').next()).and_then(|a| a.parse().ok()) else {
            let mut err = String::new();
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            let _ = child.kill();
            panic!("kgraph serve did not start: {line:?} {err}");
        };
        if let Some(mut err) = child.stderr.take() {
            std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        }
        Server { child, addr }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request (Connection: close): (status, body).
pub fn http(addr: SocketAddr, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").map(|(h, b)| (h.to_ascii_lowercase(), b.to_owned())).unwrap_or_default();
    let body = if head.contains("transfer-encoding: chunked") { dechunk(&body) } else { body };
    (status, body)
}

/// Decodes an HTTP/1.1 chunked body (oxigraph serve answers that way).
fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else { break };
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].strip_prefix("\r\n").unwrap_or(&after[n..]);
    }
    out
}

pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// A SELECT (COUNT) answered as CSV, parsed.
pub fn count(addr: SocketAddr, path: &str, query: &str) -> usize {
    let (status, body) = http(addr, "GET", &format!("{path}?query={}", enc(query)), &[("Accept", "text/csv")], b"");
    assert_eq!(status, 200, "{body}");
    body.lines().nth(1).and_then(|l| l.trim().parse().ok()).unwrap_or_else(|| panic!("not a count from {path}: {body:?}"))
}

pub const COUNT_QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

/// Waits until `addr` accepts connections.
pub fn wait_for(addr: SocketAddr) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {addr}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A free loopback port (bind, read, release).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}
