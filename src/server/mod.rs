//! `kgraph serve` and `kgraph push`: the store over HTTP, and the store into a remote one.
//!
//! In: an open [`KnowledgeBase`] (read-only, or read-write with `--writable`) and the serve flags.
//! Out: a W3C SPARQL 1.1 Protocol endpoint (`/sparql`, `/query`, `/update`), the Graph Store
//! Protocol (`/store`) and the embedded web viewer (`/`), over a tiny_http server with a pool of
//! worker threads; and, for `push`, Graph Store Protocol PUTs of every named graph to a remote store.
//!
//! - [`http`]: transport-independent request/response, form decoding, `Accept` negotiation.
//! - [`protocol`]: the handlers ([`Service::handle`]) — every protocol rule, tested in-process.
//! - [`viewer`]: the embedded viewer files.
//! - [`push`]: the Graph Store Protocol client (plain `http://`, std `TcpStream`).

pub mod http;
pub mod protocol;
pub mod push;
pub mod viewer;

#[cfg(test)]
mod tests;

pub use protocol::{Service, ServiceConfig};
pub use push::{PushAuth, PushError, PushOptions, PushSummary, push};

use crate::kb::KnowledgeBase;
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::Arc;

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {bind}: {message}")]
    Bind { bind: String, message: String },
    #[error("--writable needs a bearer token: pass --token T or set KGRAPH_TOKEN")]
    NoToken,
}

/// Everything `kgraph serve` needs besides the store.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// `host:port`; port 0 picks a free port (printed on start).
    pub bind: String,
    /// Worker threads answering requests in parallel.
    pub threads: usize,
    pub service: ServiceConfig,
}

/// A running server (its address, and the thread answering requests).
pub struct RunningServer {
    pub addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    workers: Vec<std::thread::JoinHandle<()>>,
}

impl RunningServer {
    /// Blocks until the server stops (it runs until the process ends).
    pub fn join(self) {
        for w in self.workers {
            let _ = w.join();
        }
    }

    /// Stops accepting requests and waits for the workers.
    pub fn stop(self) {
        self.server.unblock();
        for _ in 1..self.workers.len() {
            self.server.unblock();
        }
        self.join();
    }
}

/// Starts serving the knowledge base in background threads.
pub fn start(kb: impl Into<KnowledgeBase>, options: ServeOptions) -> Result<RunningServer, ServeError> {
    if options.service.writable && options.service.token.as_deref().is_none_or(str::is_empty) {
        return Err(ServeError::NoToken);
    }
    let bind_err = |message: String| ServeError::Bind { bind: options.bind.clone(), message };
    let listener = std::net::TcpListener::bind(&options.bind).map_err(|e| bind_err(e.to_string()))?;
    set_nodelay(&listener);
    let server = tiny_http::Server::from_listener(listener, None).map_err(|e| bind_err(e.to_string()))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| ServeError::Bind { bind: options.bind.clone(), message: "not an IP address".into() })?;
    let server = Arc::new(server);
    let service = Arc::new(Service::new(kb, options.service));
    let workers = (0..options.threads.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let service = Arc::clone(&service);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    answer(&service, request);
                }
            })
        })
        .collect();
    Ok(RunningServer { addr, server, workers })
}

/// `kgraph serve`: starts, prints where, and serves until the process is stopped.
pub fn serve(kb: KnowledgeBase, options: ServeOptions) -> Result<(), ServeError> {
    let writable = options.service.writable;
    let timeout = options.service.timeout;
    let loopback = options.bind.starts_with("127.") || options.bind.starts_with("localhost") || options.bind.starts_with("[::1]");
    let running = start(kb, options)?;
    let mode = if writable { "writable (bearer token required for writes)" } else { "read-only" };
    // Written with errors ignored: a closed stdout (a supervisor that stopped reading) must not
    // take the server down.
    let mut banner = format!("kgraph serve: listening on http://{}/ ({mode}, query timeout {} s)\n", running.addr, timeout.as_secs_f32());
    banner.push_str(&format!("  viewer  http://{}/\n", running.addr));
    banner.push_str(&format!("  SPARQL  http://{}/sparql  (also /query; updates at /update)\n", running.addr));
    banner.push_str(&format!("  graphs  http://{}/store?graph=IRI\n", running.addr));
    if !loopback {
        banner.push_str("  warning: bound to a non-loopback address; anyone who can reach it can query the store\n");
    }
    let _ = std::io::stdout().write_all(banner.as_bytes());
    let _ = std::io::stdout().flush();
    running.join();
    Ok(())
}

/// Turns off Nagle's algorithm on the listening socket; Linux passes it on to accepted
/// connections. tiny_http writes a response's head and body separately, and with Nagle plus
/// delayed ACKs every keep-alive answer would wait ~40 ms.
#[cfg(target_os = "linux")]
fn set_nodelay(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    unsafe extern "C" {
        fn setsockopt(fd: i32, level: i32, name: i32, value: *const std::ffi::c_void, len: u32) -> i32;
    }
    const IPPROTO_TCP: i32 = 6;
    const TCP_NODELAY: i32 = 1;
    let one: i32 = 1;
    // SAFETY: a valid socket descriptor and a pointer to a live i32 of the stated length.
    unsafe {
        setsockopt(listener.as_raw_fd(), IPPROTO_TCP, TCP_NODELAY, (&raw const one).cast(), std::mem::size_of::<i32>() as u32);
    }
}

#[cfg(not(target_os = "linux"))]
fn set_nodelay(_listener: &std::net::TcpListener) {}

/// Reads the body (up to the limit) and hands the request to the service.
fn answer(service: &Service, mut request: tiny_http::Request) {
    let max = service.config().max_body;
    let mut response = if request.body_length().is_some_and(|n| n > max) {
        protocol::too_large(max)
    } else {
        let mut body = Vec::new();
        let read = request.as_reader().take(max as u64 + 1).read_to_end(&mut body);
        match read {
            Err(e) => http::Response::text(400, format!("cannot read the request body: {e}")),
            Ok(_) if body.len() > max => protocol::too_large(max),
            Ok(_) => {
                let url = request.url().to_owned();
                let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
                let req = http::Request {
                    method: request.method().as_str().to_ascii_uppercase(),
                    path: path.to_owned(),
                    query: query.to_owned(),
                    headers: request.headers().iter().map(|h| (h.field.as_str().as_str().to_owned(), h.value.as_str().to_owned())).collect(),
                    body,
                };
                service.handle(&req)
            }
        }
    };
    if request.method() == &tiny_http::Method::Head {
        // tiny_http computes Content-Length from the data and sends no body for HEAD.
        if let Some(len) = response.get_header("Content-Length").and_then(|l| l.parse::<usize>().ok()) {
            response.body = vec![0; len];
        }
    }
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    for (name, value) in response.headers {
        if name.eq_ignore_ascii_case("content-length") {
            continue;
        }
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            out.add_header(h);
        }
    }
    let _ = request.respond(out);
}
