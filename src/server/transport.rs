//! HTTP/1.1 over std sockets, written for hostile clients: a thread per connection (up to a
//! limit), a deadline for every read and write, and a fixed number of request handlers, so a
//! client that sends its body a byte a second or never reads its answer holds only its own
//! connection — never a handler that other clients wait for.
//!
//! Supports what SPARQL clients use: `Content-Length` and chunked request bodies,
//! `Expect: 100-continue`, keep-alive and pipelining, `HEAD`. Answers with `Content-Length`.

use super::http::{Request, Response};
use super::protocol::Service;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The transport's limits; set from the `kgraph serve` flags.
#[derive(Debug, Clone)]
pub struct TransportLimits {
    /// Requests handled at once (`--threads`); more wait for a free handler.
    pub handlers: usize,
    /// Open connections at once (`--max-connections`); beyond, a new connection gets a 503.
    pub max_connections: usize,
    /// Time for a request's line and headers, from its first byte.
    pub head_timeout: Duration,
    /// Time for a request's whole body.
    pub body_timeout: Duration,
    /// Time an idle keep-alive connection is kept open.
    pub idle_timeout: Duration,
    /// Time for a whole response to be written.
    pub write_timeout: Duration,
    /// Largest request line plus headers.
    pub max_head: usize,
}

impl Default for TransportLimits {
    fn default() -> Self {
        TransportLimits {
            handlers: 8,
            max_connections: 512,
            head_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            idle_timeout: Duration::from_secs(15),
            write_timeout: Duration::from_secs(60),
            max_head: 64 * 1024,
        }
    }
}

/// A counting semaphore: the request handlers.
struct Handlers {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Handlers {
    fn acquire(&self) -> HandlerPermit<'_> {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
        HandlerPermit { handlers: self }
    }
}

struct HandlerPermit<'a> {
    handlers: &'a Handlers,
}

impl Drop for HandlerPermit<'_> {
    fn drop(&mut self) {
        *self.handlers.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.handlers.freed.notify_one();
    }
}

/// Shared by the accept loop and the connection threads.
pub(super) struct Shared {
    pub service: Service,
    limits: TransportLimits,
    handlers: Handlers,
    open: AtomicUsize,
    pub stopping: AtomicBool,
}

impl Shared {
    pub fn new(service: Service, limits: TransportLimits) -> Shared {
        let handlers = Handlers { free: Mutex::new(limits.handlers.max(1)), freed: Condvar::new() };
        Shared { service, limits, handlers, open: AtomicUsize::new(0), stopping: AtomicBool::new(false) }
    }
}

/// Accepts connections until `stopping` is set (and one more connection wakes it).
pub(super) fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(s) => s,
            Err(_) => {
                // Out of descriptors or a connection reset before accept: pause, go on.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        if shared.open.fetch_add(1, Ordering::SeqCst) >= shared.limits.max_connections {
            shared.open.fetch_sub(1, Ordering::SeqCst);
            refuse_busy(stream);
            continue;
        }
        let conn_shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new().name("http-conn".into()).spawn(move || {
            serve_connection(stream, &conn_shared);
            conn_shared.open.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            shared.open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// A 503 written without waiting (a fresh socket's send buffer is empty).
fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let body = "too many open connections; try again shortly\n";
    let _ = write!(
        stream,
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.shutdown(Shutdown::Both);
}

/// Why reading a request stopped.
enum ReadError {
    /// The connection closed or idled out between requests: close quietly.
    Closed,
    /// Answer this, then close.
    Answer(Response),
}

/// Bytes read from the connection and not yet consumed (pipelined requests stay here).
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    /// Reads more bytes, waiting until `deadline` at most. `Ok(0)` at end of stream.
    fn fill(&mut self, deadline: Instant) -> std::io::Result<usize> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left.max(Duration::from_millis(1))))?;
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk)?;
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(n)
    }
}

fn serve_connection(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_nodelay(true);
    let mut conn = Conn { stream, buf: Vec::new() };
    loop {
        let (req, keep_alive) = match read_request(&mut conn, shared) {
            Ok(r) => r,
            Err(ReadError::Closed) => break,
            Err(ReadError::Answer(resp)) => {
                let _ = write_response(&mut conn.stream, resp, false, false, &shared.limits);
                break;
            }
        };
        let head = req.method == "HEAD";
        let resp = {
            let _permit = shared.handlers.acquire();
            shared.service.handle(&req)
        };
        if write_response(&mut conn.stream, resp, head, keep_alive, &shared.limits).is_err() || !keep_alive {
            break;
        }
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
    }
    let _ = conn.stream.shutdown(Shutdown::Both);
}

fn bad(status: u16, message: &str) -> ReadError {
    ReadError::Answer(Response::text(status, message))
}

/// Reads one request: head within `head_timeout` of its first byte (the first byte within
/// `idle_timeout`), body within `body_timeout`. Returns it and whether to keep the connection.
fn read_request(conn: &mut Conn, shared: &Shared) -> Result<(Request, bool), ReadError> {
    let limits = &shared.limits;
    // Wait for the first byte of the next request.
    let idle_deadline = Instant::now() + limits.idle_timeout;
    while conn.buf.is_empty() {
        match conn.fill(idle_deadline) {
            Ok(0) | Err(_) => return Err(ReadError::Closed),
            Ok(_) => {}
        }
    }
    let head_deadline = Instant::now() + limits.head_timeout;
    let head_end = loop {
        if let Some(p) = find(&conn.buf, b"\r\n\r\n") {
            break p + 4;
        }
        if conn.buf.len() > limits.max_head {
            return Err(bad(431, "request line and headers too large"));
        }
        match conn.fill(head_deadline) {
            Ok(0) => return Err(ReadError::Closed),
            Ok(_) => {}
            Err(e) if is_timeout(&e) => return Err(bad(408, "request headers not received in time")),
            Err(_) => return Err(ReadError::Closed),
        }
    };
    if head_end > limits.max_head {
        return Err(bad(431, "request line and headers too large"));
    }
    let head = String::from_utf8_lossy(&conn.buf[..head_end - 4]).into_owned();
    conn.buf.drain(..head_end);
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(bad(400, "malformed request line"));
    };
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(bad(505, "only HTTP/1.0 and HTTP/1.1 are supported")),
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(bad(400, "malformed method"));
    }
    let mut headers = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            return Err(bad(400, "folded header lines are not accepted"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad(400, "malformed header line"));
        };
        if name.is_empty() || name.bytes().any(|b| b <= b' ' || b == 0x7f) {
            return Err(bad(400, "malformed header name"));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    fn values<'h>(headers: &'h [(String, String)], name: &'static str) -> impl Iterator<Item = &'h str> {
        headers.iter().filter(move |(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    let header = |n: &'static str| values(&headers, n);
    let connection = header("connection").collect::<Vec<_>>().join(",").to_ascii_lowercase();
    let keep_alive = if http11 { !connection.contains("close") } else { connection.contains("keep-alive") };
    let chunked = match header("transfer-encoding").collect::<Vec<_>>().as_slice() {
        [] => false,
        [te] if te.eq_ignore_ascii_case("chunked") => true,
        _ => return Err(bad(501, "only the chunked transfer coding is supported")),
    };
    let lengths: Vec<&str> = header("content-length").collect();
    let length = match (lengths.as_slice(), chunked) {
        ([], _) => None,
        (_, true) => return Err(bad(400, "both Content-Length and Transfer-Encoding")),
        ([l, rest @ ..], false) if rest.iter().all(|r| r == l) => match l.parse::<usize>() {
            Ok(n) if l.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => return Err(bad(400, "malformed Content-Length")),
        },
        _ => return Err(bad(400, "conflicting Content-Length headers")),
    };
    let max_body = shared.service.config().max_body;
    if length.is_some_and(|n| n > max_body) {
        return Err(ReadError::Answer(super::protocol::too_large(max_body)));
    }
    let expects_continue = header("expect").any(|e| e.eq_ignore_ascii_case("100-continue"));
    if expects_continue && http11 && (chunked || length.is_some_and(|n| n > conn.buf.len())) {
        let _ = conn.stream.set_write_timeout(Some(limits.write_timeout));
        if conn.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err() {
            return Err(ReadError::Closed);
        }
    }
    let body_deadline = Instant::now() + limits.body_timeout;
    let body = if chunked {
        read_chunked(conn, body_deadline, max_body)?
    } else {
        let n = length.unwrap_or(0);
        while conn.buf.len() < n {
            read_more(conn, body_deadline)?;
        }
        conn.buf.drain(..n).collect()
    };
    let target = absolute_form_path(target);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let req = Request { method: method.to_ascii_uppercase(), path: path.to_owned(), query: query.to_owned(), headers, body };
    Ok((req, keep_alive))
}

fn read_more(conn: &mut Conn, deadline: Instant) -> Result<(), ReadError> {
    match conn.fill(deadline) {
        Ok(0) => Err(ReadError::Closed),
        Ok(_) => Ok(()),
        Err(e) if is_timeout(&e) => Err(bad(408, "request body not received in time")),
        Err(_) => Err(ReadError::Closed),
    }
}

/// Decodes a chunked body (extensions and trailers ignored), up to `max` bytes.
fn read_chunked(conn: &mut Conn, deadline: Instant, max: usize) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let line_end = loop {
            if let Some(p) = find(&conn.buf, b"\r\n") {
                break p;
            }
            if conn.buf.len() > 1024 {
                return Err(bad(400, "malformed chunk size line"));
            }
            read_more(conn, deadline)?;
        };
        let line = String::from_utf8_lossy(&conn.buf[..line_end]).into_owned();
        conn.buf.drain(..line_end + 2);
        let size_text = line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            return Err(bad(400, "malformed chunk size"));
        };
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                if let Some(p) = find(&conn.buf, b"\r\n") {
                    let empty = p == 0;
                    conn.buf.drain(..p + 2);
                    if empty {
                        return Ok(body);
                    }
                } else {
                    if conn.buf.len() > 8 * 1024 {
                        return Err(bad(400, "malformed chunk trailer"));
                    }
                    read_more(conn, deadline)?;
                }
            }
        }
        if body.len().saturating_add(size) > max {
            return Err(ReadError::Answer(super::protocol::too_large(max)));
        }
        while conn.buf.len() < size + 2 {
            read_more(conn, deadline)?;
        }
        body.extend_from_slice(&conn.buf[..size]);
        if &conn.buf[size..size + 2] != b"\r\n" {
            return Err(bad(400, "malformed chunk"));
        }
        conn.buf.drain(..size + 2);
    }
}

/// `http://host/path?q` → `/path?q`; other targets unchanged.
fn absolute_form_path(target: &str) -> &str {
    for scheme in ["http://", "https://"] {
        if let Some(rest) = target.strip_prefix(scheme) {
            return rest.find('/').map_or("/", |i| &rest[i..]);
        }
    }
    target
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Writes a response within `write_timeout` in total, whatever pace the client reads at.
fn write_response(stream: &mut TcpStream, resp: Response, head: bool, keep_alive: bool, limits: &TransportLimits) -> std::io::Result<()> {
    let mut out = Vec::with_capacity(256 + if head { 0 } else { resp.body.len() });
    write!(out, "HTTP/1.1 {} {}\r\n", resp.status, reason(resp.status))?;
    let mut length = None;
    for (name, value) in &resp.headers {
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.clone());
            continue;
        }
        if name.eq_ignore_ascii_case("connection") || value.contains(['\r', '\n']) {
            continue;
        }
        write!(out, "{name}: {value}\r\n")?;
    }
    // HEAD answers carry the length the GET body would have (set by the service).
    let length = if head { length.unwrap_or_else(|| resp.body.len().to_string()) } else { resp.body.len().to_string() };
    if resp.status != 204 {
        write!(out, "Content-Length: {length}\r\n")?;
    }
    out.extend_from_slice(if keep_alive { b"Connection: keep-alive\r\n\r\n" } else { b"Connection: close\r\n\r\n" });
    if !head {
        out.extend_from_slice(&resp.body);
    }
    let deadline = Instant::now() + limits.write_timeout;
    let mut written = 0;
    while written < out.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left.max(Duration::from_millis(1))))?;
        let end = (written + 256 * 1024).min(out.len());
        match stream.write(&out[written..end]) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => written += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_targets_become_paths() {
        assert_eq!(absolute_form_path("http://h:1/sparql?query=x"), "/sparql?query=x");
        assert_eq!(absolute_form_path("http://h"), "/");
        assert_eq!(absolute_form_path("/a"), "/a");
    }
}
